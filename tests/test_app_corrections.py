"""Manual corrections and the quotes screen in the app, driven by keys as a person would."""
from __future__ import annotations

from test_app_store import until
from ui_support import running, seed_app, settle

from reader.highlights.corrections import LINK, UNLINK, list_corrections
from reader.highlights.store import HighlightStore
from reader.ui.keymap import check_keymap
from reader.ui.screens.linking import ConfirmLink, UnlinkChooser
from reader.ui.screens.quotes import QuotesScreen
from reader.ui.widgets.detail_panel import DetailPanel
from reader.ui.widgets.pane_lines import LINKED

SIZE = (160, 45)


def unaligned(app, k: int) -> int:
    table = app.alignment.sentence_groups(k)
    return next(s.index for s in app.articles[k].sentences if s.index not in table and s.end - s.start > 60)


def user_group(app, k: int, sentence: int):
    g = app.alignment.group_at(k, sentence)
    return app.alignment.groups[g] if g is not None and app.alignment.groups[g].by == "user" else None


def gutter(pane, sentence: int) -> str:
    """The gutter mark drawn beside the first line of ``sentence``."""
    line = pane.sentence_line(sentence)
    pane.scroll_to(y=line, animate=False, immediate=True)
    return pane.render_line(line - int(pane.scroll_offset.y)).text[0]


async def link_by_keys(pilot, a: int, b: int, answer: str = "enter") -> None:
    """L on sentence a of the first pane, then on sentence b of the second, then ``answer``."""
    app = pilot.app
    app.panes[0].focus()
    app.panes[0].set_cursor(a)
    await pilot.press("L")
    await pilot.press("tab")
    app.panes[1].set_cursor(b)
    await pilot.press("L")
    await until(pilot, lambda: isinstance(app.screen, ConfirmLink))
    await pilot.press(answer)
    await settle(pilot)


async def test_a_link_made_by_keys_shows_survives_a_threshold_change_and_a_restart_and_U_takes_it_back(tmp_path):
    db = tmp_path / "h.db"
    app = seed_app(database=db)
    async with running(app, SIZE) as pilot:
        a, b = unaligned(app, 0), unaligned(app, 1)
        await link_by_keys(pilot, a, b)
        group = user_group(app, 0, a)
        assert group is not None and {p.article for p in group.passages} == {0, 1}
        assert gutter(app.panes[1], b) == LINKED and gutter(app.panes[0], a) == LINKED
        app.panes[0].focus()
        app.panes[0].set_cursor(a)
        await pilot.press("d")
        assert "linked by you" in app.query_one(DetailPanel).plain
        await pilot.press("plus", "plus")
        await settle(pilot)
        assert app.alignment.threshold > 0.25 and user_group(app, 1, b) is not None
    (stored,) = list_corrections(HighlightStore(db))
    assert stored.kind == LINK
    again = seed_app(database=db)
    async with running(again, SIZE) as restarted:
        await until(restarted, lambda: user_group(again, 0, a) is not None)
        again.panes[0].focus()
        again.panes[0].set_cursor(a)
        await restarted.press("U")  # unlinking your own link takes it back
        await settle(restarted)
        assert user_group(again, 0, a) is None and list_corrections(HighlightStore(db)) == []


async def test_a_link_is_not_made_when_the_dialog_is_cancelled(tmp_path):
    app = seed_app(database=tmp_path / "h.db")
    async with running(app, SIZE) as pilot:
        a, b = unaligned(app, 0), unaligned(app, 1)
        await link_by_keys(pilot, a, b, answer="escape")
        assert user_group(app, 0, a) is None and list_corrections(HighlightStore(tmp_path / "h.db")) == []


def counterparts(app, k: int, sentence: int) -> set[int]:
    s = app.articles[k].sentences[sentence]
    return {p.article for p, _, _ in app.alignment.aligned_with(k, s.start, s.end)}


async def test_unlink_takes_an_aligner_link_apart_and_it_stays_apart_after_realigning(tmp_path):
    db = tmp_path / "h.db"
    app = seed_app(database=db)
    async with running(app, SIZE) as pilot:
        pane = app.panes[0]
        sentence = next(s for s, g in sorted(app.alignment.sentence_groups(0).items())
                        if 1 in counterparts(app, 0, s))
        pane.focus()
        pane.set_cursor(sentence)
        await pilot.press("U")
        if isinstance(app.screen, UnlinkChooser):  # several counterparts in the pane beside it: the first
            await pilot.press("enter")
        await settle(pilot)
        stored = list_corrections(HighlightStore(db))
        assert [c.kind for c in stored] == [UNLINK]
        theirs = stored[0].passages[1]
        k = [str(a.path.resolve()) for a in app.articles].index(theirs.article_path)
        assert k in (1, 2) and not still_linked(app, sentence, k, theirs.quote)
        await pilot.press("minus")  # a looser threshold: the aligner links more
        await settle(pilot)
        assert app.alignment.threshold < 0.25 and not still_linked(app, sentence, k, theirs.quote)


def still_linked(app, sentence: int, k: int, quote: str) -> bool:
    """Whether sentence of the first article is linked with a passage of article k overlapping ``quote``."""
    s = app.articles[0].sentences[sentence]
    text = app.articles[k].text
    return any(quote in text[p.start : p.end] or text[p.start : p.end] in quote
               for p, _, _ in app.alignment.aligned_with(0, s.start, s.end) if p.article == k)


async def test_corrections_made_in_another_window_show(tmp_path, seed_paths):
    from reader.highlights.corrections import add_correction, passage_ref

    db = tmp_path / "h.db"
    app = seed_app(database=db)
    async with running(app, SIZE) as pilot:
        a, b = unaligned(app, 0), unaligned(app, 2)
        arts = app.articles
        other = HighlightStore(db)
        add_correction(other, LINK, [passage_ref(arts[0], arts[0].sentences[a].start, arts[0].sentences[a].end),
                                     passage_ref(arts[2], arts[2].sentences[b].start, arts[2].sentences[b].end)])
        await until(pilot, lambda: user_group(app, 2, b) is not None)


async def test_the_quotes_screen_lists_speakers_and_enter_shows_the_quote(tmp_path):
    app = seed_app(database=tmp_path / "h.db")
    async with running(app, SIZE) as pilot:
        await pilot.press("Q")
        await until(pilot, lambda: isinstance(app.screen, QuotesScreen) and app.screen.found is not None)
        screen = app.screen
        options = screen.query_one("OptionList")
        first = options.get_option_at_index(0).prompt.plain
        assert first.startswith("Rand Paul") and "quotes" in first
        last_heading = [options.get_option_at_index(k).prompt.plain for k in range(options.option_count)
                        if options.get_option_at_index(k).disabled][-1]
        assert last_heading.startswith("Unattributed")
        await pilot.press("down", "down")
        k = options.highlighted
        article, start, end = screen.spots[options.get_option_at_index(k).id]
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, QuotesScreen)
        pane = app.focused_pane
        s = pane.article.sentences[pane.cursor]
        assert pane.article_index == article and s.start <= start < s.end


def test_the_keymap_knows_the_new_keys():
    check_keymap({"link_passage": "ctrl+l", "unlink_passage": "ctrl+u", "quotes": "f6"})


async def test_a_read_only_database_keeps_its_links_shown_and_takes_no_new_one(tmp_path, seed_paths):
    from test_app_store import messages
    from test_store_sharing import read_only_folder

    from reader.articles import load_articles
    from reader.highlights.corrections import add_correction, passage_ref

    folder = tmp_path / "ro"
    folder.mkdir()
    arts = load_articles(seed_paths, print)
    with read_only_folder(folder) as seal:
        store = HighlightStore(folder / "h.db")
        add_correction(store, LINK, [passage_ref(arts[0], arts[0].sentences[4].start, arts[0].sentences[4].end),
                                     passage_ref(arts[1], arts[1].sentences[6].start, arts[1].sentences[6].end)])
        store.close()
        seal()
        app = seed_app(database=folder / "h.db")
        async with running(app, SIZE) as pilot:
            await until(pilot, lambda: user_group(app, 0, 4) is not None)
            await pilot.press("L")
            await settle(pilot)
            assert app.corrector.marked is None and "Corrections cannot be saved" in messages(app)
