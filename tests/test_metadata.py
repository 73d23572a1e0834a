"""Metadata a reader sees: titles from a first sentence, page titles without the site name,
a markdown heading as the title, and no file name posing as a byline."""
from __future__ import annotations

import re

import pytest

from reader.articles import load_article
from reader.articles.metadata import TITLE_CHARS, split_site_name, title_from


def by_name(paths, part):
    return load_article(next(p for p in paths if part in p.name))


# ---------------------------------------------------------------- titles from the first sentence
def test_a_first_sentence_of_ordinary_length_is_the_whole_title(seed_paths):
    a = by_name(seed_paths, "daily-beast")
    assert a.meta.title == ("Sen. Rand Paul (R-KY) is introducing an amendment that would lift U.S. "
                            "sanctions on Russian lawmakers, The Daily Beast has learned.")


def test_a_very_long_first_sentence_is_cut_at_a_word(seed_paths):
    a = by_name(seed_paths, "gateway")
    first = a.text[a.sentences[0].start : a.sentences[0].end]
    title = a.meta.title
    assert title.endswith("…") and len(title) <= TITLE_CHARS + 1
    kept = title[:-1]
    assert first.startswith(kept) and not first[len(kept)].isalnum()  # never in the middle of a word
    assert title.endswith("how media hysteria impacted it…")  # a sentence's worth, to a clause's end


@pytest.mark.parametrize("sentence", [
    "Mr. Paul was the only lawmaker on the trip, which was financed by the Cato Institute.",
    "The two sides would also try to arrange a meeting in a neutral third country, he said, which would "
    "let the chairman attend without the issue of sanctions.",  # 27 words, 146 characters
])
def test_sentences_up_to_a_long_ones_length_are_kept_whole(sentence):
    assert title_from(sentence) == sentence


def test_long_sentences_are_cut_between_words():
    sentence = " ".join(f"word{n}" for n in range(80)) + "."
    title = title_from(sentence)
    assert title.endswith("…") and re.fullmatch(r"(word\d+ )*word\d+…", title) and len(title) <= TITLE_CHARS + 1


# ---------------------------------------------------------------- page titles
@pytest.mark.parametrize("page_title,site_meta,title,source", [
    ("Rand Paul visits Moscow | The Washington Post", "", "Rand Paul visits Moscow", "The Washington Post"),
    ("Rand Paul visits Moscow - BBC News", "", "Rand Paul visits Moscow", "BBC News"),
    ("Rand Paul visits Moscow – Reuters", "Reuters", "Rand Paul visits Moscow", "Reuters"),
    ("BBC News - Rand Paul visits Moscow", "BBC News", "Rand Paul visits Moscow", "BBC News"),
    ("Opinion | Rand Paul's lonely détente | US news | The Guardian", "", "Rand Paul's lonely détente",
     "The Guardian"),
    ("Paul in Moscow — nytimes.com", "", "Paul in Moscow", "nytimes.com"),
    ("Trump - Putin summit: what we know", "", "Trump - Putin summit: what we know", "Html page"),
    ("Russia-US talks resume after a pause", "", "Russia-US talks resume after a pause", "Html page"),
])
def test_html_titles_lose_the_site_name(tmp_path, page_title, site_meta, title, source):
    meta = f'<meta property="og:site_name" content="{site_meta}">' if site_meta else ""
    page = tmp_path / "html-page.html"
    page.write_text(f"<html><head><title>{page_title}</title>{meta}</head><body><article>"
                    "<p>Senator Rand Paul arrived in Moscow on Monday.</p></article></body></html>")
    a = load_article(page)
    assert (a.meta.title, a.meta.source) == (title, source)


def test_og_title_loses_the_site_name_too():
    assert split_site_name("Paul in Moscow | Washington Post", "The Washington Post") == (
        "Paul in Moscow", "The Washington Post")


# ---------------------------------------------------------------- markdown headings
def test_a_markdown_heading_is_the_title_and_not_shown_raw(tmp_path):
    path = tmp_path / "story.md"
    path.write_text("# Rand Paul in Moscow\n\nBy Jane Doe\n\nAugust 6, 2018\n\n"
                    "Senator Rand Paul invited Russian lawmakers. He spoke on Monday.\n\n"
                    "## The invitation ##\n\nThey agreed to come in November.\n\n"
                    "```\n# a shell comment stays\n```\n")
    a = load_article(path)
    assert (a.meta.title, a.meta.author, a.meta.date) == ("Rand Paul in Moscow", "Jane Doe", "2018-08-06")
    assert a.text.startswith("Senator Rand Paul invited")
    assert "\n\nThe invitation\n\n" in a.text and "#" not in a.text.replace("# a shell comment", "")
    start = a.text.index("The invitation")
    raw_start, raw_end = a.to_raw(start, start + len("The invitation"))
    assert a.raw[raw_start:raw_end] == "The invitation"  # offsets still point into the file


def test_a_heading_repeating_the_front_matter_title_is_not_shown_twice(tmp_path):
    path = tmp_path / "story.md"
    path.write_text("---\ntitle: Rand Paul in Moscow\nsource: Reuters\n---\n\n# Rand Paul in Moscow\n\nBody text. More.\n")
    a = load_article(path)
    assert (a.meta.title, a.meta.source, a.text) == ("Rand Paul in Moscow", "Reuters", "Body text. More.\n")


def test_a_heading_other_than_the_front_matter_title_stays_as_text(tmp_path):
    path = tmp_path / "story.md"
    path.write_text("---\ntitle: Paul in Moscow\n---\n# Day one\n\nBody text. More.\n")
    a = load_article(path)
    assert a.meta.title == "Paul in Moscow" and a.text.startswith("Day one\n\nBody text.")


# ---------------------------------------------------------------- the byline row
async def test_the_byline_row_is_empty_without_a_byline():
    from tests.ui_support import running, seed_app

    app = seed_app()
    async with running(app, (200, 40)):
        rows = {}
        for pane in app.visible_panes:
            header = pane.parent.children[0]
            rows[pane.article.path.name] = header.render_line(2).text.strip()
    gateway = next(v for k, v in rows.items() if k.startswith("gateway"))
    nyt = next(v for k, v in rows.items() if k.startswith("nyt"))
    assert gateway == "" and "gateway" not in gateway
    assert nyt == "2018-08-06 · Ivan Nechepurenko and Nicholas Fandos"
