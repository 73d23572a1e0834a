"""Search folds case and accents, finds the aligner's name variants if asked, in one pane or all."""
from __future__ import annotations

from ui_support import SEEDS, running, seed_app

from reader.articles.loading import load_article, load_articles
from reader.ui.screens.search import SearchScreen
from reader.ui.text_search import SearchIndex, SearchOptions, fold

EXACT = SearchOptions(variants=False)


def found(index, query, first=0, options=SearchOptions()):
    return [index.articles[m.article].text[m.start:m.end] for m in index.find(query, first, options)]


def test_fold_keeps_every_character_in_place():
    for text in ["Kosachëv", "ÉLYSÉE Ǆ İstanbul Straße ﬁnal", "plain ascii", "Ａｂｃ"]:
        assert len(fold(text)) == len(text)
    assert fold("Kosachëv ÉLYSÉE İstanbul") == "kosachev elysee istanbul"


def test_case_and_accents_do_not_matter(tmp_path):
    (tmp_path / "a.txt").write_text("Senator Kosachëv met the PRÉSIDENT of the Élysée.\n", encoding="utf-8")
    index = SearchIndex([load_article(tmp_path / "a.txt")])
    assert found(index, "kosachev", options=EXACT) == ["Kosachëv"]
    assert found(index, "president", options=EXACT) == ["PRÉSIDENT"]
    assert found(index, "ELYSÉE", options=EXACT) == ["Élysée"]


def test_name_variants_as_the_aligner_merges_them():
    index = SearchIndex(load_articles([SEEDS], print))
    assert set(found(index, "Kosachev", options=EXACT)) == {"Kosachev"}
    assert set(found(index, "Kosachev")) == {"Kosachev", "Kosachyov"}
    assert set(found(index, "kosachyov")) == {"Kosachev", "Kosachyov"}
    assert set(found(index, "Konstantin Kosachev")) == {"Konstantin Kosachev", "Konstantin Kosachyov"}
    assert found(index, "Cato") == found(index, "Cato", options=EXACT), "no variants: the same matches"


def test_this_pane_only():
    index = SearchIndex(load_articles([SEEDS], print))
    everywhere = index.find("Paul", 1)
    here = index.find("Paul", 1, SearchOptions(this_pane=True))
    assert {m.article for m in everywhere} == {0, 1, 2} and everywhere[0].article == 1, "this pane's first"
    assert here and {m.article for m in here} == {1} and len(here) < len(everywhere)


async def test_search_dialog_finds_variants_and_toggles_them_and_the_scope(long_flash):
    app = seed_app()
    async with running(app, (160, 45)) as pilot:
        await pilot.press("slash", *"Kosachev")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        texts = lambda: {app.articles[m.article].text[m.start:m.end] for m in screen.matches}  # noqa: E731
        assert texts() == {"Kosachev", "Kosachyov"}
        said = str(screen.query_one("#options").render())
        assert "ctrl+t: this pane / all" in said and "ctrl+n: on / off" in said
        await pilot.press("ctrl+n")
        assert texts() == {"Kosachev"} and "exact names" in str(screen.query_one("#options").render())
        await pilot.press("ctrl+n", "ctrl+t")
        assert {m.article for m in screen.matches} == {app.focused_pane.article_index} or not screen.matches
        await pilot.press("ctrl+t", "enter")
        await pilot.pause()
        assert app.searcher.last.options == SearchOptions() and len(app.searcher.last.matches) >= 4
        seen = set()
        for _ in range(len(app.searcher.last.matches)):
            await pilot.press("n")
            pane = app.focused_pane
            seen.add(pane.article.text[slice(*pane.flash_span)] if pane.flash_span else None)
        assert {"Kosachev", "Kosachyov"} <= seen, "n steps through the variants too"
