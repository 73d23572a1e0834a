"""ArticleLayout, the pane's pure logic, driven without Textual: lines, sentences, filters, motions."""
from __future__ import annotations

import subprocess
import sys

import pytest
from rich.cells import cell_len

from reader.articles.loading import load_article
from reader.model import Alignment, Group, Passage
from reader.ui.article_layout import ArticleLayout

TEXT = ("The council met on Monday to vote on the budget. It passed by a narrow margin after a long debate.\n\n"
        "The mayor said the new library would open in spring. Critics called the plan too costly.\n\n"
        "Residents were divided. Some praised the library, others the savings. The vote was seven to six.\n")


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    return load_article(path)


def aligned(article, groups: list[list[int]]) -> Alignment:
    """An alignment in which each list of sentences of ``article`` is one group's passage."""
    sents = article.sentences
    made = [Group(0.5, [Passage(0, sents[g[0]].start, sents[g[-1]].end, g[0], g[-1])]) for g in groups]
    return Alignment([article], made, 0.25)


def test_without_a_width_there_are_no_lines(article):
    layout = ArticleLayout(article)
    assert layout.lines == [] and layout.line_count == 0 and layout.line_of(10) == 0


def test_lines_fit_the_width_and_every_sentence_starts_on_its_line(article):
    layout = ArticleLayout(article)
    layout.set_width(24)
    assert all(cell_len(article.text[ln.start:ln.end]) <= 24 for ln in layout.lines)
    assert sum(1 for ln in layout.lines if ln.end == ln.start) == 2  # a blank line between paragraphs
    for s in article.sentences:
        line = layout.lines[layout.sentence_line(s.index)]
        assert line.start <= s.start < line.end
        assert layout.sentence_at_offset(s.start) == s.index
        assert layout.sentence_at_offset(s.end - 1) == s.index
    assert layout.sentence_at_line(0) == 0
    assert layout.sentence_at_line(layout.line_count + 5) == len(article.sentences) - 1


def test_filters_keep_only_shared_or_only_unique_sentences(article):
    layout = ArticleLayout(article)
    layout.set_width(40)
    full = len(layout.lines)  # all wrapped: line_count is exact
    layout.set_alignment(aligned(article, [[1], [2, 3], [4, 5]]), 0)
    assert layout.sentence_groups == {1: 0, 2: 1, 3: 1, 4: 2, 5: 2}
    layout.set_filter("shared")
    sents = article.sentences
    # a run of shared sentences is one block unless a paragraph ends inside it
    assert layout.blocks() == [(sents[1].start, sents[1].end), (sents[2].start, sents[3].end),
                               (sents[4].start, sents[5].end)]
    shown = {layout.sentence_at_offset(ln.start) for ln in layout.lines if ln.end > ln.start}
    assert shown <= {1, 2, 3, 4, 5} and layout.line_count < full
    assert any(ln.gap for ln in layout.lines)  # a "⋯" line where text was left out
    assert [layout.nearest_visible(k, 1) for k in range(len(sents))] == [1, 1, 2, 3, 4, 5, 5]
    assert layout.nearest_visible(6, -1) == 5 and layout.next_visible(1, 1) == 2 and layout.next_visible(5, 1) is None
    layout.set_filter("unique")
    assert [k for k in range(len(sents)) if layout.is_visible_sentence(k)] == [0, 6]
    layout.set_filter("all")
    assert layout.line_count == full


def test_next_aligned_goes_to_the_start_of_each_passage(article):
    layout = ArticleLayout(article)
    layout.set_alignment(aligned(article, [[1], [3, 4], [5]]), 0)
    forward, k = [], 0
    while (k := layout.next_aligned_sentence(k, 1)) is not None:
        forward.append(k)
    assert forward == [1, 3, 5]
    assert layout.next_aligned_sentence(6, -1) == 5
    assert layout.next_aligned_sentence(5, -1) == 3  # the start of the passage, not its last sentence
    assert layout.next_aligned_sentence(1, -1) is None


def test_paragraph_and_word_steps(article):
    layout = ArticleLayout(article)
    paragraphs = [s.paragraph for s in article.sentences]
    assert paragraphs == [0, 0, 1, 1, 2, 2, 2]
    assert layout.paragraph_step(0, 1) == 2 and layout.paragraph_step(2, 1) == 4
    assert layout.paragraph_step(5, -1) == 4 and layout.paragraph_step(4, -1) == 2
    assert layout.paragraph_end(4) == 6
    start = article.sentences[0].start
    head = layout.word_step(start, start, 1)
    assert article.text[start:head] == "The"
    head = layout.word_step(start, head, 1)
    assert article.text[start:head] == "The council"
    assert article.text[start:layout.word_step(start, head, -1)] == "The"
    assert layout.word_step(start, layout.word_step(start, head, -1), -1) == start  # never past the anchor


def test_the_layout_loads_no_textual():
    code = "import sys, reader.ui.article_layout; sys.exit('textual' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
