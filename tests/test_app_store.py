"""The highlight store in the app: two windows on one database keep each other's edits and see
each other's changes, drafts survive a crash, deletions come back after a restart, a busy
database never freezes the screen, a read-only one is shown and not written.

"Another window" is a second connection to the database (as another reader process has)."""
from __future__ import annotations

import os
import subprocess
import sys
import time

from test_store_sharing import read_only_folder
from ui_support import running, seed_app, settle

from reader.highlights.anchor import context
from reader.highlights.entries import article_key
from reader.highlights.store import HighlightStore
from reader.ui.highlights.editing import DraftingDialog
from reader.ui.screens.highlights import HighlightsScreen
from reader.ui.screens.tag_note import TagNoteDialog

SIZE = (160, 45)


def app_on(tmp_path, **kwargs):
    """The app on tmp_path/h.db, and another window's connection to the same database."""
    return seed_app(database=tmp_path / "h.db", export_path=tmp_path / "out.md", **kwargs), \
        HighlightStore(tmp_path / "h.db")


def add_in(store: HighlightStore, article, sentence: int, tags=(), note=""):
    """Highlight a sentence of ``article`` as another window would."""
    s = article.sentences[sentence]
    return store.add(article_key(article), article.content_hash, article.text[s.start : s.end],
                     *context(article.text, s.start, s.end), *article.to_raw(s.start, s.end), tags, note)


async def until(pilot, condition, seconds: float = 15) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        await pilot.pause(0.05)
    assert condition()


def marked(pane) -> set[tuple[int, int]]:
    return {(start, end) for start, end, _ in pane.marks}


def messages(app) -> str:
    return "\n".join(str(n.message) for n in app._notifications)


# ---------------------------------------------------------------- two windows
async def test_the_other_windows_new_changed_and_deleted_highlights_show(tmp_path):
    app, other = app_on(tmp_path)
    async with running(app, SIZE) as pilot:
        pane, article = app.panes[0], app.articles[0]
        h = add_in(other, article, 2, ["theirs"])
        s = article.sentences[2]
        await until(pilot, lambda: (s.start, s.end) in marked(pane))
        assert "Highlights changed in another window: 1 new" in messages(app)
        other.update(h.id, tags=["renamed"])
        await pilot.press("H")
        await until(pilot, lambda: app.screen.rows and app.screen.rows[0][0].tags == ("renamed",))
        other.delete(h.id)
        await until(pilot, lambda: not app.screen.rows)
        await pilot.press("escape")
        assert not pane.marks


async def test_the_dialog_shows_the_stored_highlight_and_saves_only_what_changed(tmp_path):
    app, other = app_on(tmp_path)
    h = add_in(other, seed_app().articles[0], 0, ["mine"], "my note")
    async with running(app, SIZE) as pilot:
        other.update(h.id, tags=["mine", "theirs"], note="their note")  # this window still shows the old one
        app.highlighter.poll = lambda: None  # as if the change came a moment before the dialog opens
        await pilot.press("t")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, TagNoteDialog)
        assert dialog.query_one("#tags").value == "mine theirs" and dialog.query_one("#note").text == "their note"
        other.update(h.id, tags=["mine", "theirs", "later"])  # while the dialog is open
        await pilot.press("end", *" ours", "ctrl+s")
        await settle(pilot)
    stored = other.get(h.id)
    assert stored.tags == ("later", "mine", "ours", "theirs") and stored.note == "their note"


async def test_a_note_changed_in_both_windows_is_told_and_kept(tmp_path):
    app, other = app_on(tmp_path)
    h = add_in(other, seed_app().articles[0], 0, [], "first")
    async with running(app, SIZE) as pilot:
        await pilot.press("t")
        await settle(pilot)
        other.update(h.id, tags=["theirs"], note="theirs")
        await pilot.press(*"mytag", "enter", "end", *" mine", "ctrl+s")
        await settle(pilot)
        assert other.get(h.id).note == "theirs", "their note is not overwritten unasked"
        assert "Not saved: the note was changed in another window" in messages(app) and "“theirs”" in messages(app)
        assert isinstance(app.screen, TagNoteDialog) and app.screen.query_one("#note").text.endswith("mine")
        await pilot.press("ctrl+s")  # told, the user saves theirs over it
        await settle(pilot)
        stored = other.get(h.id)
        assert stored.note.endswith("mine") and stored.tags == ("mytag", "theirs"), "their tag was never in the dialog"


async def test_editing_a_highlight_deleted_in_another_window_is_refused_and_kept(tmp_path):
    app, other = app_on(tmp_path)
    h = add_in(other, seed_app().articles[0], 0)
    async with running(app, SIZE) as pilot:
        await pilot.press("t")
        await settle(pilot)
        other.delete(h.id)
        await pilot.press(*"late", "ctrl+s")
        await settle(pilot)
        assert "Not saved" in messages(app) and "deleted" in messages(app)
        assert other.list() == [] and not app.panes[0].marks, "nothing deleted comes back by itself"
        assert [(d.tags, d.note) for d in other.drafts()] == [("late", "")], "what was typed is kept"


# ---------------------------------------------------------------- drafts
async def test_typing_keeps_a_draft_that_saving_or_esc_drops(tmp_path):
    app, other = app_on(tmp_path)
    async with running(app, SIZE) as pilot:
        await pilot.press("m", *"draft/tag", "enter", *"a note")
        await pilot.pause(1.0)
        await settle(pilot)
        (h,) = other.list()
        (d,) = other.drafts()
        assert d.key == f"{h.id}@{os.getpid()}" and (d.tags, d.note) == ("draft/tag", "a note")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert other.drafts() == [] and other.get(h.id).tags == ("draft/tag",)
        await pilot.press("t", *" more")
        await pilot.pause(1.0)
        await settle(pilot)
        assert other.drafts()
        await pilot.press("escape")
        await settle(pilot)
        assert other.drafts() == [] and other.get(h.id).tags == ("draft/tag",)


def _ended_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


async def test_a_draft_left_by_a_killed_window_opens_again_at_start(tmp_path):
    app, other = app_on(tmp_path)
    h = add_in(other, app.articles[0], 1, ["old"], "")
    other.save_draft(f"{h.id}@{_ended_pid()}", "old typed", "typed before the crash")
    async with running(app, SIZE) as pilot:
        dialog = app.screen
        assert isinstance(dialog, DraftingDialog), "offered at once"
        assert dialog.query_one("#tags").value == "old typed"
        assert dialog.query_one("#note").text == "typed before the crash"
        assert "typed before reader stopped are back" in messages(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
    stored = other.get(h.id)
    assert stored.tags == ("old", "typed") and stored.note == "typed before the crash" and other.drafts() == []


async def test_a_draft_of_a_window_still_open_is_not_offered(tmp_path):
    app, other = app_on(tmp_path)
    h = add_in(other, app.articles[0], 1)
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        other.save_draft(f"{h.id}@{alive.pid}", "being typed", "elsewhere")
        async with running(app, SIZE):
            assert not isinstance(app.screen, TagNoteDialog)
    finally:
        alive.kill()
        alive.wait()


# ---------------------------------------------------------------- deletions
async def test_a_deletion_is_restored_after_a_restart(tmp_path):
    app, other = app_on(tmp_path)
    h = add_in(other, app.articles[0], 1, ["kept"], "kept note")
    async with running(app, SIZE) as pilot:
        await pilot.press("H", "down", "x")
        await settle(pilot)
        assert other.list() == []
    again, _ = app_on(tmp_path)
    async with running(again, SIZE) as pilot:
        await pilot.press("H")
        assert isinstance(again.screen, HighlightsScreen) and again.screen.rows == []
        await pilot.press("down", "u")
        await settle(pilot)
        assert [x.id for x in other.list()] == [h.id] and other.get(h.id).note == "kept note"
        assert len(again.screen.rows) == 1 and "Restored" in messages(again)
        await pilot.press("u")
        await settle(pilot)
        assert "Nothing to undo" in messages(again)


# ---------------------------------------------------------------- busy and read-only
HOLDER = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1], timeout=10, isolation_level=None); "
          "sys.argv[2] == 'all' and c.execute('PRAGMA locking_mode = EXCLUSIVE'); c.execute('BEGIN EXCLUSIVE'); "
          "c.execute('UPDATE highlights SET note = note'); print('held', flush=True); sys.stdin.read()")


def hold(path, readers_too: bool = False) -> subprocess.Popen:
    """Another program holding the database in a write transaction (``readers_too``: in exclusive
    locking mode, which keeps out readers as well) until its stdin closes."""
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(path), "all" if readers_too else "writers"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    return proc


async def test_a_busy_database_never_freezes_the_screen(tmp_path):
    app, other = app_on(tmp_path)
    other.close()
    async with running(app, SIZE) as pilot:
        pane = app.focused_pane
        started = time.monotonic()
        await pilot.press("j", "k")
        free = time.monotonic() - started
        holder = hold(tmp_path / "h.db")
        try:
            await pilot.press("m", *"waits", "ctrl+s")
            await until(pilot, lambda: "highlights database busy, retrying…" in app.sub_title)
            assert not isinstance(app.screen, TagNoteDialog)
            started = time.monotonic()
            await pilot.press("j", "j")
            busy = time.monotonic() - started
            assert pane.cursor == 2 and busy < max(1.0, 3 * free), "keys are handled while the database waits"
        finally:
            holder.stdin.close()
            holder.wait()
        await until(pilot, lambda: "busy" not in app.sub_title)
        await settle(pilot)
    (h,) = HighlightStore(tmp_path / "h.db").list()
    assert h.tags == ("waits",)


async def test_the_app_starts_while_another_program_holds_the_database(tmp_path):
    HighlightStore(tmp_path / "h.db").close()
    holder = hold(tmp_path / "h.db", readers_too=True)
    app = seed_app(database=tmp_path / "h.db")
    try:
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: "highlights database busy, retrying…" in app.sub_title)
            assert app.panes[0].render_line(0).text.strip(), "the text is shown meanwhile"
            holder.stdin.close()
            holder.wait()
            await until(pilot, lambda: "busy" not in app.sub_title)
            await pilot.press("m", "ctrl+s")
            await settle(pilot)
        assert len(HighlightStore(tmp_path / "h.db").list()) == 1
    finally:
        holder.kill()
        holder.wait()


async def test_a_read_only_database_is_shown_and_never_written(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    with read_only_folder(folder) as seal:
        store = HighlightStore(folder / "h.db")
        h = add_in(store, seed_app().articles[0], 1, ["t"], "n")
        store.close()
        seal()
        app = seed_app(database=folder / "h.db")
        async with running(app, SIZE) as pilot:
            s = app.articles[0].sentences[1]
            assert marked(app.panes[0]) == {(s.start, s.end)}
            assert "highlights read-only" in app.sub_title and "cannot be saved" not in messages(app)
            assert "read-only here: its highlights are shown, but nothing can be saved" in messages(app)
            await pilot.press("m")
            await settle(pilot)
            assert not isinstance(app.screen, TagNoteDialog)
            assert "Highlights cannot be saved: the highlights database is read-only here." in messages(app)
        assert [x.id for x in HighlightStore(folder / "h.db").list()] == [h.id]


# ---------------------------------------------------------------- orphans
async def test_orphans_are_listed_with_their_last_path_and_can_be_reattached(tmp_path):
    folder = tmp_path / "arts"
    folder.mkdir()
    for seed in sorted(seed_app().articles, key=lambda a: a.path.name):
        (folder / seed.path.name).write_bytes(seed.path.read_bytes())
    first = sorted(folder.iterdir())[0]
    from reader.articles import load_articles

    store = HighlightStore(tmp_path / "h.db")
    h = add_in(store, load_articles([first], print)[0], 1, ["kept"], "kept note")
    renamed = folder / "renamed.txt"
    first.rename(renamed)
    renamed.write_text(renamed.read_text() + "\nA paragraph added after the rename.\n")
    from reader.ui.app import ReaderApp

    app = ReaderApp(load_articles([folder], print), 0.25, database=tmp_path / "h.db")
    async with running(app, SIZE) as pilot:
        assert not any(p.marks for p in app.panes), "its article is not found by path or content"
        await pilot.press("H")
        ((row, label, status),) = app.screen.rows
        assert row.id == h.id and label == first.name and status.startswith(f"orphaned: {first} is gone")
        await pilot.press("down", "a")
        await pilot.pause()
        k = next(n for n, a in enumerate(app.articles) if a.path == renamed)
        await pilot.press(*["down"] * k, "enter")
        await settle(pilot)
        assert "Re-attached to" in messages(app)
        ((_, label, status),) = app.screen.rows
        assert status == "exact" and label == app.articles[k].label
    stored = store.get(h.id)
    assert stored.article_path == str(renamed) and stored.note == "kept note"


# ---------------------------------------------------------------- output safety and export
async def test_a_tag_colour_that_cannot_be_drawn_leaves_the_plain_highlight(tmp_path):
    app, other = app_on(tmp_path, tag_colors={"quote": "notacolour", "fact": "[bold]red"})
    add_in(other, app.articles[0], 1, ["quote/paul"])
    add_in(other, app.articles[0], 2, ["fact"])
    async with running(app, SIZE):
        pane = app.panes[0]
        assert len(pane.marks) == 2 and {style for _, _, style in pane.marks} == {app.highlight_style()}
        assert pane.render_line(0) is not None


async def test_notices_are_one_safe_line_and_never_markup(tmp_path):
    app = seed_app()
    async with running(app, SIZE) as pilot:
        app.notify("name\x1b]0;TITLE\x07 two\nlines [bold]x[/] \x9b31m", title="t\x1bc")
        await pilot.pause()
        (note,) = [n for n in app._notifications if "name" in n.message]
        assert note.message == "name␛]0;TITLE␇ two␤lines [bold]x[/] \ufffd31m" and not note.markup
        assert note.title == "t␛c"


async def test_export_from_the_app_names_the_alignment_threshold(tmp_path):
    app, other = app_on(tmp_path)
    add_in(other, app.articles[0], len(app.articles[0].sentences) - 1)  # a sentence no other source reports
    async with running(app, SIZE) as pilot:
        await pilot.press("x")
        await settle(pilot)
    assert "No counterpart found at threshold 0.25" in (tmp_path / "out.md").read_text()


async def test_store_calls_never_run_on_the_ui_thread(tmp_path, monkeypatch):
    """Every store method the app calls runs in the worker: a wait there never blocks the screen."""
    import threading

    seen = []
    for name in ("add", "update", "get", "list", "delete", "restore", "restore_last", "tags", "drafts",
                 "save_draft", "clear_draft", "data_version", "rename_tag", "reattach"):
        def spy(*args, _method=getattr(HighlightStore, name), _name=name, **kwargs):
            seen.append((_name, threading.get_ident()))
            return _method(*args, **kwargs)

        monkeypatch.setattr(HighlightStore, name, spy)
    app = seed_app(database=tmp_path / "h.db")
    async with running(app, SIZE) as pilot:
        await pilot.press("m", *"a", "ctrl+s", "t", *"b")
        await pilot.pause(0.8)
        await pilot.press("escape", "H", "down", "x", "u", "escape")
        await pilot.pause(1.2)
        await settle(pilot)
    assert {"add", "update", "get", "delete", "restore", "data_version", "save_draft", "clear_draft"} <= {
        n for n, _ in seen}
    assert threading.get_ident() not in {thread for _, thread in seen}
