"""The store keeps every change from every window: merged edits, conflicts told, tombstones that
survive a restart, a short busy wait, read-only opening, drafts that survive kill -9."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from reader.errors import ReaderError
from reader.highlights.edits import EditConflict
from reader.highlights.model import Counterpart
from reader.highlights.store import HighlightStore, StoreBusy

REPO = Path(__file__).resolve().parent.parent


def add(store, quote="a quote", path="/a.txt", tags=(), note=""):
    return store.add(path, "hash", quote, "pre", "suf", 0, len(quote), tags, note,
                     [Counterpart("/b.txt", "B", 5, 9, "them", 0.5)])


@pytest.fixture
def two_windows(tmp_path):
    """Two stores (as two app windows) on one database, and a highlight both have read."""
    a, b = HighlightStore(tmp_path / "h.db"), HighlightStore(tmp_path / "h.db")
    h = add(a, tags=["start"], note="first note")
    yield a, b, b.get(h.id)
    a.close()
    b.close()


# ---------------------------------------------------------------- two windows
def test_stale_tag_edit_keeps_the_other_windows_tags_and_note(two_windows):
    a, b, seen_by_b = two_windows
    a.update(seen_by_b.id, tags=["start", "fact"], note="A's note", base=a.get(seen_by_b.id))
    after = b.update(seen_by_b.id, tags=["start", "quote"], note=seen_by_b.note, base=seen_by_b)
    assert after.tags == ("fact", "quote", "start") and after.note == "A's note"


def test_stale_removal_of_a_tag_removes_only_that_tag(two_windows):
    a, b, seen_by_b = two_windows
    a.update(seen_by_b.id, tags=["start", "fact"], base=seen_by_b)
    assert b.update(seen_by_b.id, tags=[], base=seen_by_b).tags == ("fact",)


def test_a_note_does_not_revert_when_the_other_window_saves_tags(two_windows):
    a, b, seen_by_b = two_windows
    a.update(seen_by_b.id, note="A wrote this", base=seen_by_b)
    assert b.update(seen_by_b.id, tags=["x"], note="first note", base=seen_by_b).note == "A wrote this"


def test_a_tag_rename_does_not_revert(two_windows):
    a, b, seen_by_b = two_windows
    assert a.rename_tag("start", "begin") == 1
    assert b.update(seen_by_b.id, tags=["start", "new"], base=seen_by_b).tags == ("begin", "new")


def test_two_different_notes_are_a_conflict_and_nothing_is_written(two_windows):
    a, b, seen_by_b = two_windows
    a.update(seen_by_b.id, note="A's note", base=seen_by_b)
    with pytest.raises(EditConflict, match="changed in another window"):
        b.update(seen_by_b.id, tags=["lost?"], note="B's note", base=seen_by_b)
    now = a.get(seen_by_b.id)
    assert now.note == "A's note" and now.tags == ("start",)


def test_editing_a_highlight_the_other_window_deleted_is_refused(two_windows):
    a, b, seen_by_b = two_windows
    a.delete(seen_by_b.id)
    with pytest.raises(EditConflict, match="deleted"):
        b.update(seen_by_b.id, tags=["x"], base=seen_by_b)
    assert a.get(seen_by_b.id, include_deleted=True).tags == ("start",)
    with pytest.raises(EditConflict, match="deleted"):
        b.get(seen_by_b.id)  # what a dialog re-reads before it opens


def test_data_version_tells_a_window_that_the_other_one_saved(two_windows):
    a, b, seen_by_b = two_windows
    before = b.data_version()
    assert b.data_version() == before
    a.update(seen_by_b.id, note="changed", base=seen_by_b)
    assert b.data_version() != before


EDITOR = """
import sys
sys.path.insert(0, {repo!r})
from pathlib import Path
from reader.highlights.store import HighlightStore
store = HighlightStore(Path(sys.argv[1]))
base = store.get(sys.argv[2])
for n in range(40):
    base = store.update(base.id, tags=[*base.tags, f"{{sys.argv[3]}}{{n}}"], base=base)
"""


def test_two_processes_adding_tags_to_one_highlight_lose_none(tmp_path):
    db = tmp_path / "h.db"
    store = HighlightStore(db)
    h = add(store)
    script = tmp_path / "editor.py"
    script.write_text(EDITOR.format(repo=str(REPO)))
    procs = [subprocess.Popen([sys.executable, str(script), str(db), h.id, name]) for name in ("a", "b")]
    assert [p.wait(120) for p in procs] == [0, 0]
    assert set(store.get(h.id).tags) == {f"{w}{n}" for w in "ab" for n in range(40)}


# ---------------------------------------------------------------- tombstones
def test_a_deletion_can_be_restored_after_a_restart_and_export_ignores_it(tmp_path):
    from reader.highlights.export import entries_for

    store = HighlightStore(tmp_path / "h.db")
    first, second = add(store, "first"), add(store, "second")
    store.delete(first.id)
    store.delete(second.id)
    store.close()
    store = HighlightStore(tmp_path / "h.db")  # a restart
    assert store.list() == [] and entries_for(store, [], None, [], []) == []
    assert [d.highlight.id for d in store.deleted()] == [second.id, first.id]
    assert store.restore_last().id == second.id
    assert store.restore_last().id == first.id
    assert store.restore_last() is None and store.deleted() == []
    assert {h.id for h in store.list()} == {first.id, second.id}


# ---------------------------------------------------------------- locks and read-only
def test_a_locked_database_is_a_short_clear_wait(tmp_path):
    store = HighlightStore(tmp_path / "h.db")
    h = add(store, tags=["kept"])
    other = sqlite3.connect(tmp_path / "h.db", isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    started = time.monotonic()
    with pytest.raises(StoreBusy, match="busy .*try again"):
        store.update(h.id, tags=["lost"])
    waited = time.monotonic() - started
    other.execute("ROLLBACK")
    assert 1.0 < waited < 6.0  # was 30 s
    assert store.update(h.id, tags=["now"]).tags == ("now",)


@contextmanager
def read_only_folder(folder: Path):
    """``folder`` made read-only: a read-only tmpfs mount as root, else file modes."""
    if os.geteuid() == 0:
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder)], capture_output=True)
        if mounted.returncode != 0:
            pytest.skip("root without mount: cannot make a read-only folder")
        try:
            yield lambda: subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        finally:
            subprocess.run(["umount", "-l", str(folder)], capture_output=True)
    else:
        def seal():
            for p in folder.iterdir():
                p.chmod(0o444)
            folder.chmod(0o555)

        try:
            yield seal
        finally:
            folder.chmod(0o755)


def test_a_database_on_a_read_only_mount_is_read_and_exported(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    with read_only_folder(folder) as seal:
        article = folder / "a.txt"
        article.write_text("The senator flew to Moscow on Monday. He met the committee chairman there.")
        config = tmp_path / "c.toml"
        config.write_text(f'[highlights]\ndatabase = "{folder / "h.db"}"\n')
        from reader.articles import load_article
        from reader.highlights.entries import article_key

        store = HighlightStore(folder / "h.db")
        a = load_article(article)
        s = a.sentences[1]
        h = store.add(article_key(a), a.content_hash, a.text[s.start : s.end], "", "", *a.to_raw(s.start, s.end),
                      ["t"], "kept note")
        store.close()
        seal()
        store = HighlightStore(folder / "h.db")
        assert store.read_only and [x.id for x in store.list()] == [h.id]
        with pytest.raises(ReaderError, match="read-only"):
            store.update(h.id, tags=["x"])
        store.close()
        proc = subprocess.run([sys.executable, "-m", "reader", "export", "--config", str(config), str(article)],
                              capture_output=True, text=True, timeout=60)
        assert proc.returncode == 0, proc.stderr
        assert "kept note" in proc.stdout and "He met the committee chairman there." in proc.stdout


# ---------------------------------------------------------------- drafts
DRAFTER = """
import sys
sys.path.insert(0, {repo!r})
from pathlib import Path
from reader.highlights.store import HighlightStore
store = HighlightStore(Path(sys.argv[1]))
typed = ""
for ch in "fact/cato, quote":
    typed += ch
    store.save_draft("h1", typed, "a note\\nof two lines")
print("saved", flush=True)
sys.stdin.read()
"""


def test_a_draft_survives_kill_9(tmp_path):
    db = tmp_path / "h.db"
    script = tmp_path / "drafter.py"
    script.write_text(DRAFTER.format(repo=str(REPO)))
    proc = subprocess.Popen([sys.executable, str(script), str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdout.readline().strip() == "saved"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    store = HighlightStore(db)
    draft = store.draft("h1")
    assert (draft.tags, draft.note) == ("fact/cato, quote", "a note\nof two lines")
    store.clear_draft("h1")
    assert store.draft("h1") is None and store.drafts() == []


# ---------------------------------------------------------------- odd paths
def test_a_path_that_is_not_utf8_round_trips(tmp_path):
    store = HighlightStore(tmp_path / "h.db")
    path = os.fsdecode(b"/articles/caf\xe9.txt")
    h = add(store, path=path)
    assert store.get(h.id).article_path == path
    assert [x.id for x in store.list(article_paths=[path])] == [h.id]
    assert store.list(article_paths=["/articles/caf\ufffd.txt"]) == [] and store.article_paths() == [path]


def test_a_tag_filter_that_is_no_tag_is_an_error(tmp_path):
    store = HighlightStore(tmp_path / "h.db")
    with pytest.raises(ReaderError, match="not a tag name"):
        store.list(tag="!!!")
