"""Highlights in the app, by keys: mark, select, tag and note, panel, delete and undo, rename, export."""
from __future__ import annotations

from ui_support import running, seed_app, settle

from reader.highlights.store import HighlightStore
from reader.ui.app import ReaderApp
from reader.ui.screens.highlights import HighlightsScreen
from reader.ui.screens.tag_note import RenameTagDialog, TagNoteDialog
from reader.ui.widgets.article_pane import GUTTER

SIZE = (160, 45)


def app_with_store(tmp_path, **kwargs) -> tuple[ReaderApp, HighlightStore]:
    """The app on a database in tmp_path, and a connection of the test's own to look into it."""
    app = seed_app(database=tmp_path / "h.db", export_path=tmp_path / "out.md", **kwargs)
    return app, HighlightStore(tmp_path / "h.db")


async def test_mark_sentence_then_tag_and_note(tmp_path):
    app, store = app_with_store(tmp_path)
    async with running(app, SIZE) as pilot:
        await pilot.press("tab", "right_square_bracket", "m")
        assert isinstance(app.screen, TagNoteDialog)
        (h,) = store.list()  # stored before the dialog: nothing to save
        pane = app.panes[1]
        assert h.quote == pane.article.sentence_text(pane.article.sentences[pane.cursor])
        assert h.counterparts, "the aligned passages of the other sources are kept with it"
        await pilot.press(*"Quote/Paul sanctions", "enter", *"first line", "enter", *"second line", "ctrl+s")
        await settle(pilot)
        (h,) = store.list()
        assert h.tags == ("quote/paul", "sanctions") and h.note == "first line\nsecond line"
        assert pane.marks and pane.marks[0][:2] == (pane.article.sentences[pane.cursor].start,
                                                     pane.article.sentences[pane.cursor].end)


async def test_selection_by_words_spans_sentences(tmp_path):
    app, store = app_with_store(tmp_path)
    async with running(app, SIZE) as pilot:
        pane = app.panes[0]
        first = pane.article.sentences[0]
        await pilot.press("v", "j", "w", "w", "m")
        await pilot.press("ctrl+s")
        await settle(pilot)
        (h,) = store.list()
        assert h.quote.startswith(pane.article.text[first.start : first.start + 20])
        assert len(h.quote) > first.end - first.start  # crossed into the next sentences
        second = pane.article.sentences[1]
        assert pane.article.text[second.start : second.end] in h.quote


async def test_tag_completion_from_existing_tags(tmp_path):
    app, store = app_with_store(tmp_path)
    store.add("/x.txt", "h", "q", "", "", 0, 1, ["quote/paul"], "")
    async with running(app, SIZE) as pilot:
        await pilot.press("m", *"quo", "right")
        await settle(pilot)
        assert app.screen.query_one("#tags").value == "quote/paul"


async def test_panel_filter_jump_delete_undo_rename(tmp_path, long_flash):
    app, store = app_with_store(tmp_path)
    async with running(app, SIZE) as pilot:
        await pilot.press("m", *"alpha", "ctrl+s", "j", "j", "m", *"beta", "ctrl+s")
        await settle(pilot)
        assert len(store.list()) == 2
        await pilot.press("H")
        assert isinstance(app.screen, HighlightsScreen) and len(app.screen.shown) == 2
        app.screen.query_one("Input").value = "#beta"
        await settle(pilot)
        assert len(app.screen.shown) == 1
        await pilot.press("down", "x")
        await settle(pilot)
        assert len(store.list()) == 1 and store.list()[0].tags == ("alpha",)
        await pilot.press("u")
        await settle(pilot)
        assert len(store.list()) == 2
        app.screen.query_one("Input").value = ""
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, RenameTagDialog)
        await pilot.press("enter", *"gamma", "enter")
        await settle(pilot)
        assert "gamma" in store.tags()
        row = app.screen.query_one("OptionList").highlighted
        chosen = app.screen.shown[row][0]
        await pilot.press("enter")  # jump to the highlighted row
        await settle(pilot)
        assert not isinstance(app.screen, HighlightsScreen)
        pane = app.focused_pane
        sent = pane.article.sentences[pane.cursor]
        assert pane.article.text[sent.start : sent.end] == chosen.quote
        assert pane.flash_span is not None and pane.article.text[slice(*pane.flash_span)] == chosen.quote


async def test_keys_of_the_panel_can_be_remapped(tmp_path):
    app, store = app_with_store(tmp_path, keymap={"delete_highlight": "D", "undo_delete": "z"})
    async with running(app, SIZE) as pilot:
        await pilot.press("m", *"alpha", "ctrl+s", "H", "down")
        assert isinstance(app.screen, HighlightsScreen)
        await pilot.press("x")  # no longer delete
        await settle(pilot)
        assert len(store.list()) == 1
        await pilot.press("D")
        await settle(pilot)
        assert store.list() == []
        await pilot.press("z")
        await settle(pilot)
        assert len(store.list()) == 1


async def test_export_key_writes_markdown(tmp_path):
    app, store = app_with_store(tmp_path)
    async with running(app, SIZE) as pilot:
        await pilot.press("tab", "right_square_bracket", "m", *"cato", "ctrl+s", "x")
        await settle(pilot)
        text = (tmp_path / "out.md").read_text()
        assert "#cato" in text and "What the other sources said" in text


async def test_highlights_survive_reopening(tmp_path):
    app, store = app_with_store(tmp_path)
    async with running(app, SIZE) as pilot:
        await pilot.press("j", "m", "ctrl+s")
        await settle(pilot)
    store.close()
    again, store = app_with_store(tmp_path)
    async with running(again, SIZE) as pilot:
        pane = again.panes[0]
        s = pane.article.sentences[1]
        assert pane.marks and pane.marks[0][:2] == (s.start, s.end)


async def test_a_failed_save_is_reported_and_keeps_what_was_typed(tmp_path, monkeypatch):
    from reader.errors import ReaderError

    app, store = app_with_store(tmp_path)
    async with running(app, SIZE) as pilot:
        await pilot.press("m")
        real_update = HighlightStore.update

        def locked(*args, **kwargs):
            raise ReaderError("h.db: cannot save to the highlights database (database is locked)")

        monkeypatch.setattr(HighlightStore, "update", locked)  # the app's own connection, in its worker
        await pilot.press(*"keep", "tab", *"my note", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, TagNoteDialog), "the dialog opens again rather than dropping the note"
        assert app.screen.query_one("#tags").value == "keep"
        assert any("database is locked" in str(n.message) for n in app._notifications)
        monkeypatch.setattr(HighlightStore, "update", real_update)
        await pilot.press("ctrl+s")
        await settle(pilot)
        (h,) = store.list()
        assert h.tags == ("keep",) and h.note == "my note"


async def test_mouse_drag_selects_whole_words_then_highlight_and_copy(tmp_path):
    app, store = app_with_store(tmp_path)
    async with running(app, SIZE) as pilot:
        pane = app.panes[0]
        first = pane.article.sentences[0]
        row = pane.line_of(first.start) - int(pane.scroll_offset.y)
        # press inside the second word of the first line, drag to the next line, release
        await pilot.mouse_down(pane, offset=(GUTTER + 5, row))
        await pilot.hover(pane, offset=(GUTTER + 10, row + 1))
        await pilot.mouse_up(pane, offset=(GUTTER + 10, row + 1))
        await settle(pilot)
        assert pane.selection, "dragging selects"
        lo, hi = sorted(pane.selection)
        text = pane.article.text
        assert (lo == 0 or text[lo - 1].isspace()) and (hi == len(text) or text[hi].isspace()), "whole words"
        assert text.find(" ", first.start) < lo + 1 and hi > pane.article_layout.lines[pane.line_of(first.start)].end
        await pilot.press("y")
        assert app.clipboard == text[lo:hi]
        await pilot.press("m", "ctrl+s")
        await settle(pilot)
        (h,) = store.list()
        assert h.quote == text[lo:hi]


async def test_keys_pasted_after_enter_in_the_tags_land_in_the_note(tmp_path):
    """Keys that arrive at once (a paste, fast typing) follow the focus move Enter makes."""
    from textual import events

    app, store = app_with_store(tmp_path)
    async with running(app, SIZE) as pilot:
        await pilot.press("m")
        await settle(pilot)
        for key, char in [("a", "a"), ("b", "b"), ("enter", "\r"), ("x", "x"), ("y", "y")]:
            app._driver.send_message(events.Key(key, char))  # all queued before any is handled
        await settle(pilot)
        assert app.screen.query_one("#tags").value == "ab"
        assert app.screen.query_one("#note").text == "xy"


def send_at_once(app, keys: list[tuple[str, str]]) -> None:
    """Queue key events before any is handled, as fast typing or a paste delivers them."""
    from textual import events

    for key, char in keys:
        app._driver.send_message(events.Key(key, char))


async def test_tab_moves_to_the_next_field_however_fast_the_typing(tmp_path):
    app, store = app_with_store(tmp_path)
    async with running(app, SIZE) as pilot:
        await pilot.press("m")
        await settle(pilot)
        send_at_once(app, [(c, c) for c in "fact/cato"] + [("tab", "\t")] + [(c, c) for c in "Note"])
        await settle(pilot)
        assert app.screen.query_one("#tags").value == "fact/cato"
        assert app.screen.query_one("#note").text == "Note"
        send_at_once(app, [("shift+tab", None), ("space", " "), ("x", "x")])
        await settle(pilot)
        assert app.screen.query_one("#tags").value == "fact/cato x", "shift+tab goes back to the tags"
        send_at_once(app, [("tab", "\t"), ("y", "y")])
        await settle(pilot)
        assert app.screen.query_one("#note").text == "Notey"


async def test_the_tag_dialog_names_its_keys(tmp_path):
    app, store = app_with_store(tmp_path, keymap={"save_edit": "ctrl+g"})
    async with running(app, SIZE) as pilot:
        await pilot.press("m")
        await settle(pilot)
        said = str(app.screen.query_one("#keys").render())
        for words in ("tab: other field", "enter: to the note", "ctrl+g: save", "esc: drop the new highlight"):
            assert words in said, said


async def test_esc_in_a_new_highlights_dialog_takes_it_back(tmp_path):
    app, store = app_with_store(tmp_path)
    async with running(app, SIZE) as pilot:
        await pilot.press("m")
        await settle(pilot)
        assert len(store.list()) == 1 and app.panes[0].marks
        await pilot.press(*"half typed", "escape")
        await settle(pilot)
        assert not isinstance(app.screen, TagNoteDialog)
        assert store.list() == [] and not app.panes[0].marks
        await pilot.press("m", *"kept", "ctrl+s", "t", "escape")  # esc when editing later keeps it
        await settle(pilot)
        (h,) = store.list()
        assert h.tags == ("kept",)


async def test_m_on_highlighted_text_opens_that_highlight_instead_of_a_copy(tmp_path):
    app, store = app_with_store(tmp_path)
    async with running(app, SIZE) as pilot:
        await pilot.press("m", *"once", "ctrl+s")
        await settle(pilot)
        for _ in range(3):
            await pilot.press("m")
            await settle(pilot)
            assert isinstance(app.screen, TagNoteDialog) and app.screen.query_one("#tags").value == "once"
            await pilot.press("escape")  # not new: esc keeps it
            await settle(pilot)
        await pilot.press("v", "b", "m")  # a selection inside it too
        await settle(pilot)
        assert app.screen.query_one("#tags").value == "once"
        await pilot.press("escape")
        assert len(store.list()) == 1


async def test_the_panel_opens_with_its_filter_focused_and_typing_only_filters(tmp_path):
    app, store = app_with_store(tmp_path)
    async with running(app, SIZE) as pilot:
        await pilot.press("m", *"alpha", "ctrl+s", "j", "j", "m", *"beta", "ctrl+s")
        await pilot.press("H")
        await settle(pilot)
        await pilot.press(*"sanctioned ex")  # e edits, x deletes, u undoes, r renames: on the list only
        await settle(pilot)
        assert isinstance(app.screen, HighlightsScreen), "no dialog opened"
        assert app.screen.query_one("Input").value == "sanctioned ex"
        assert len(store.list()) == 2
        await pilot.press(*["backspace"] * 13, *"beta")
        await settle(pilot)
        assert [r[0].tags for r in app.screen.shown] == [("beta",)], "tags match words too"
        await pilot.press("down", "x")  # on the list, x deletes
        await settle(pilot)
        assert [h.tags for h in store.list()] == [("alpha",)]


async def test_a_keyboard_selection_can_start_mid_sentence(tmp_path):
    app, store = app_with_store(tmp_path)
    async with running(app, SIZE) as pilot:
        pane = app.panes[0]
        sent = pane.article.sentences[0]
        words = pane.article.text[sent.start : sent.end].split()
        await pilot.press("v", "W", "W", "W", "B", "b", "m", "ctrl+s")  # start: 3 words on, 1 back; end: 1 back
        await settle(pilot)
        (h,) = store.list()
        assert h.quote.split() == words[2:-1]
        pane.set_cursor(3)
        await pilot.press("W", "w")  # W alone starts a selection too, and w still moves its end
        third = pane.article.sentences[3]
        start, end = sorted(pane.selection)
        assert start == third.start + len(pane.article.text[third.start:].split()[0]) + 1
        assert end > third.end, "w took the end into the next sentence"


async def test_keys_typed_right_after_a_dialog_key_go_into_the_dialog(tmp_path):
    """Typed fast (tmux send-keys, a paste): m, /, H and t open their dialog while the key is
    handled, so nothing typed after them reaches the panes (before: "fact" after m turned the
    'a' filter on and opened search on '/')."""
    from reader.ui.screens.search import SearchScreen

    app, store = app_with_store(tmp_path)
    async with running(app, SIZE) as pilot:
        send_at_once(app, [("m", "m"), *[(c, c) for c in "fact"], ("slash", "/"), *[(c, c) for c in "cato"],
                           ("tab", "\t"), *[(c, c) for c in "Note"]])
        await settle(pilot)
        await pilot.pause(0.2)
        assert app.screen.query_one("#tags").value == "fact/cato"
        assert app.screen.query_one("#note").text == "Note"
        assert app.panes[0].filter == "all", "no key reached the panes"
        await pilot.press("ctrl+s")
        send_at_once(app, [("slash", "/"), *[(c, c) for c in "Kosachev"]])
        await settle(pilot)
        await pilot.pause(0.2)
        assert isinstance(app.screen, SearchScreen) and app.screen.query_one("Input").value == "Kosachev"
        await pilot.press("escape")
        send_at_once(app, [("H", "H"), *[(c, c) for c in "cato"]])
        await settle(pilot)
        await pilot.pause(0.2)
        assert isinstance(app.screen, HighlightsScreen) and app.screen.query_one("Input").value == "cato"
        await pilot.press("down")
        await pilot.press("m", "t", "slash")  # in the panel's list these keys are not the main screen's
        assert isinstance(app.screen, HighlightsScreen) and len(store.list()) == 1


async def test_fast_keys_act_in_the_order_typed(tmp_path):
    """tab ] m typed at once: m highlights in the pane tab went to, at the passage ] reached."""
    app, store = app_with_store(tmp_path)
    async with running(app, SIZE) as pilot:
        second = app.panes[1]
        target = second.article_layout.next_aligned_sentence(0, 1)
        send_at_once(app, [("tab", "\t"), ("right_square_bracket", "]"), ("m", "m"), *[(c, c) for c in "ok"]])
        await settle(pilot)
        await pilot.pause(0.3)
        await pilot.press("ctrl+s", "j", "j")
        (h,) = store.list()
        assert h.quote == second.article.sentence_text(second.article.sentences[target]) and h.tags == ("ok",)
        assert app.focused is second and second.cursor == target + 2


async def test_the_dialog_of_a_huge_highlight_shows_its_start_and_keys_typed_behind_it_act(tmp_path):
    """A 300 kB sentence: the dialog holds its first characters, so Esc, Esc, q typed at once quit."""
    from reader.articles.loading import load_articles
    from reader.ui.screens.tag_note import QUOTE_SHOWN

    (tmp_path / "long.txt").write_text("word " * 60_000)
    app = ReaderApp(load_articles([tmp_path / "long.txt"], print), 0.25, database=tmp_path / "h.db")
    async with running(app, SIZE) as pilot:
        await pilot.press("m")
        await settle(pilot)
        shown = str(app.screen.query_one(".quote").render())
        assert shown.startswith("word word") and len(shown) <= QUOTE_SHOWN + 1
        await pilot.press("escape", "escape", "q")
        await pilot.pause()
        assert not app.is_running
