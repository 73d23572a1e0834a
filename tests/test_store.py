"""The highlight store: changes, tags, two writers, migration, refusal of bad files, kill -9."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.errors import ReaderError
from reader.highlights.model import Counterpart, parse_tags
from reader.highlights.store import MIGRATIONS, SCHEMA_VERSION, HighlightStore

REPO = Path(__file__).resolve().parent.parent


def add(store, quote="a quote", path="/a.txt", tags=(), note="", start=0):
    return store.add(path, "hash", quote, "pre", "suf", start, start + len(quote), tags, note,
                     [Counterpart("/b.txt", "B", 5, 9, "them", 0.5)])


def test_add_get_update_delete_undo(tmp_path):
    store = HighlightStore(tmp_path / "h.db")
    h = add(store, tags=["Quote/Paul", "sanctions", "quote/paul"], note="line one\nline two")
    assert h.tags == ("quote/paul", "sanctions") and h.note == "line one\nline two"
    assert h.counterparts[0].quote == "them" and h.created == h.updated
    h2 = store.update(h.id, tags=["x"], note="new")
    assert h2.tags == ("x",) and h2.note == "new" and h2.updated >= h.updated
    store.delete(h.id)
    assert store.list() == []
    store.undelete(h.id)
    assert [x.id for x in store.list()] == [h.id]


def test_filters_tags_and_rename(tmp_path):
    store = HighlightStore(tmp_path / "h.db")
    a = add(store, "first quote", tags=["quote/paul"])
    b = add(store, "second quote", path="/b.txt", tags=["quote", "misc"])
    assert {h.id for h in store.list(tag="quote")} == {a.id, b.id}  # a parent tag finds its children
    assert [h.id for h in store.list(article_paths=["/b.txt"])] == [b.id]
    assert [h.id for h in store.list(text="second")] == [b.id]
    assert store.tags() == {"misc": 1, "quote": 1, "quote/paul": 1}
    assert store.rename_tag("quote", "quotes") == 2
    assert store.tags() == {"misc": 1, "quotes": 1, "quotes/paul": 1}


def test_parse_tags():
    assert parse_tags("Quote/Paul, #sanctions  fact-check") == ("fact-check", "quote/paul", "sanctions")


WRITER = """
import sys
from pathlib import Path
sys.path.insert(0, {repo!r})
from reader.highlights.store import HighlightStore
store = HighlightStore(Path(sys.argv[1]))
for n in range(int(sys.argv[3])):
    h = store.add("/a.txt", "h", f"{{sys.argv[2]}}-{{n}}", "", "", n, n + 1, ["t"], "")
    print(h.id, flush=True)
"""


def test_two_processes_writing_at_once_lose_nothing(tmp_path):
    db = tmp_path / "h.db"
    HighlightStore(db).close()
    script = tmp_path / "writer.py"
    script.write_text(WRITER.format(repo=str(REPO)))
    procs = [subprocess.Popen([sys.executable, str(script), str(db), name, "60"], stdout=subprocess.PIPE, text=True)
             for name in ("one", "two")]
    ids = set()
    for p in procs:
        out, _ = p.communicate(timeout=120)
        assert p.returncode == 0
        ids |= set(out.split())
    assert len(ids) == 120
    assert {h.id for h in HighlightStore(db).list()} == ids


def test_migrates_an_old_database(tmp_path):
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db)
    conn.executescript(MIGRATIONS[0])
    conn.execute("INSERT INTO highlights (id, article_path, content_hash, quote, start, end, created, updated)"
                 " VALUES ('abc', '/a.txt', 'h', 'kept quote', 0, 10, 't0', 't0')")
    conn.execute("INSERT INTO tags VALUES ('abc', 'old')")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    store = HighlightStore(db)
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    (h,) = store.list()
    assert h.quote == "kept quote" and h.tags == ("old",) and h.counterparts == ()


def sqlite_file(path, *statements: str):
    """A SQLite database made by somebody else, with ``statements`` run in it."""
    conn = sqlite3.connect(path)
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()
    return path


def assert_refused_untouched(db, match: str) -> None:
    before = db.read_bytes()
    with pytest.raises(ReaderError, match=match):
        HighlightStore(db)
    assert db.read_bytes() == before


def test_newer_schema_is_refused_and_untouched(tmp_path):
    db = sqlite_file(tmp_path / "new.db", "CREATE TABLE future (x)", f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    assert_refused_untouched(db, "newer")


@pytest.mark.parametrize("content", [b"this is somebody's notes, not a database\n", b"SQLite format 3\x00" + b"\xff" * 4000])
def test_corrupt_database_is_refused_and_untouched(tmp_path, content):
    db = tmp_path / "bad.db"
    db.write_bytes(content)
    with pytest.raises(ReaderError, match="damaged|not a SQLite"):
        HighlightStore(db)
    assert db.read_bytes() == content


KILLED = """
import sys
from pathlib import Path
sys.path.insert(0, {repo!r})
from reader.highlights.store import HighlightStore
store = HighlightStore(Path(sys.argv[1]))
n = 0
while True:
    h = store.add("/a.txt", "h", f"quote {{n}}", "", "", n, n + 1, ["t"], "note")
    print(h.id, flush=True)
    n += 1
"""


def test_kill_9_loses_no_shown_highlight(tmp_path):
    db = tmp_path / "h.db"
    script = tmp_path / "killed.py"
    script.write_text(KILLED.format(repo=str(REPO)))
    proc = subprocess.Popen([sys.executable, str(script), str(db)], stdout=subprocess.PIPE, text=True)
    shown = []
    deadline = time.time() + 30
    while len(shown) < 40 and time.time() < deadline:
        shown.append(proc.stdout.readline().strip())
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    stored = {h.id for h in HighlightStore(db).list()}
    assert shown and set(s for s in shown if s) <= stored


def test_another_programs_sqlite_database_is_refused_and_untouched(tmp_path):
    db = sqlite_file(tmp_path / "other.db", "CREATE TABLE accounts (name TEXT)")
    assert_refused_untouched(db, "another program")


def test_a_write_that_cannot_happen_is_a_clear_error_and_changes_nothing(tmp_path):
    store = HighlightStore(tmp_path / "h.db")
    h = add(store, tags=["kept"])
    store.conn.execute("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(tmp_path / "h.db", isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another instance holding the write lock for too long
    with pytest.raises(ReaderError, match="h.db"):
        store.update(h.id, tags=["lost"])
    other.execute("ROLLBACK")
    assert store.get(h.id).tags == ("kept",)
    assert store.update(h.id, tags=["now"]).tags == ("now",)  # the store still works afterwards
