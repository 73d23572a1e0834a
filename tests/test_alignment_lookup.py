"""The one place that says which group covers a sentence, what else a span is aligned with, and a
pair's score."""
from __future__ import annotations

import pytest

from reader.articles.loading import load_article
from reader.model import Alignment, Group, Passage

TEXTS = ["One. Two is here. Three follows. Four ends it.\n",
         "Alpha. Beta goes. Gamma too.\n",
         "Red. Green. Blue.\n"]


@pytest.fixture
def alignment(tmp_path) -> Alignment:
    arts = []
    for n, text in enumerate(TEXTS):
        (tmp_path / f"{n}.txt").write_text(text, encoding="utf-8")
        arts.append(load_article(tmp_path / f"{n}.txt"))

    def passage(k: int, first: int, last: int, cut: int = 0) -> Passage:
        s = arts[k].sentences
        return Passage(k, s[first].start + cut, s[last].end, first, last)

    groups = [
        Group(0.6, [passage(0, 1, 2), passage(1, 1, 1)], {(0, 1): 0.55}),
        Group(0.4, [passage(0, 2, 3, cut=3), passage(2, 0, 0)], {}),  # overlaps sentence 2 too
        Group(0.3, [passage(1, 2, 2), passage(2, 2, 2)], {(1, 2): 0.3}),
    ]
    return Alignment(arts, groups, 0.25)


def test_the_group_covering_a_sentence_is_the_first_that_overlaps_it(alignment):
    assert [alignment.group_at(0, k) for k in range(4)] == [None, 0, 0, 1]
    assert alignment.sentence_groups(0) == {1: 0, 2: 0, 3: 1}
    assert alignment.sentence_groups(2) == {0: 1, 2: 2}
    s2 = alignment.articles[0].sentences[2]
    assert alignment.groups_over(0, s2.start, s2.end) == [0, 1]
    assert alignment.groups_over(0, 0, 2) == []


def test_what_a_span_is_aligned_with_and_the_pair_scores(alignment):
    s = alignment.articles[0].sentences
    found = alignment.aligned_with(0, s[2].start, s[2].end)
    assert [(p.article, p.first_sentence, score) for p, score, _kind in found] == [(1, 1, 0.55), (2, 0, 0.4)]
    assert alignment.groups[0].pair_score(1, 0) == 0.55  # either order
    assert alignment.groups[1].pair_score(0, 2) == 0.4  # not measured: the group's score


def test_the_counterpart_above_a_sentence(alignment):
    sentence, passage = alignment.counterpart_above(0, 3, 2)
    assert sentence == 3 and passage.article == 2
    sentence, passage = alignment.counterpart_above(0, 3, 1)
    assert sentence == 2 and (passage.article, passage.first_sentence) == (1, 1)  # from further up
    assert alignment.counterpart_above(0, 0, 1) is None
    assert alignment.passages_of(0)[0][1] == 0 and [g for _, g in alignment.passages_of(2)] == [1, 2]
