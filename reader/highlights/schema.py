"""The highlight database's schema: its migrations, and the checks before any is run.

The schema carries a version (``PRAGMA user_version``) and is migrated forward, one
transaction per step.  A file that is not SQLite, a SQLite file of another program, a
newer or a damaged database is refused with a clear error and never written.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

from reader.errors import ReaderError
from reader.safe_text import show_path

SQLITE_HEADER = b"SQLite format 3\x00"

# A passage kept as a highlight is, so it is found again when its file changes: the columns a
# highlight and a correction's passage share.  (Part of migrations already run: never change it.)
PASSAGE = """article_path TEXT NOT NULL, content_hash TEXT NOT NULL, quote TEXT NOT NULL,
        prefix TEXT NOT NULL DEFAULT '', suffix TEXT NOT NULL DEFAULT '', start INTEGER NOT NULL, end INTEGER NOT NULL,"""

MIGRATIONS: list[str] = [
    # 0 -> 1: highlights and their tags
    f"""
    CREATE TABLE highlights (
        id TEXT PRIMARY KEY,
        {PASSAGE}
        note TEXT NOT NULL DEFAULT '',
        created TEXT NOT NULL,
        updated TEXT NOT NULL,
        deleted TEXT
    );
    CREATE TABLE tags (
        highlight_id TEXT NOT NULL REFERENCES highlights(id),
        tag TEXT NOT NULL,
        PRIMARY KEY (highlight_id, tag)
    );
    """,
    # 1 -> 2: the counterparts aligned with a highlight when it was made
    """
    CREATE TABLE counterparts (
        highlight_id TEXT NOT NULL REFERENCES highlights(id),
        seq INTEGER NOT NULL,
        article_path TEXT NOT NULL,
        source TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        quote TEXT NOT NULL,
        score REAL NOT NULL,
        PRIMARY KEY (highlight_id, seq)
    );
    CREATE INDEX highlights_by_article ON highlights(article_path, start);
    CREATE INDEX tags_by_tag ON tags(tag);
    """,
    # 2 -> 3: drafts of the tags and note being typed (they survive a crash), deletions by time
    """
    CREATE TABLE drafts (
        key TEXT PRIMARY KEY,
        tags TEXT NOT NULL,
        note TEXT NOT NULL,
        saved TEXT NOT NULL
    );
    CREATE INDEX highlights_by_deleted ON highlights(deleted);
    """,
    # 3 -> 4: manual corrections (a link the aligner missed, an unlink of one it made wrongly), each
    # passage kept like a highlight: article identity, quote with context, raw offsets
    f"""
    CREATE TABLE corrections (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        created TEXT NOT NULL,
        deleted TEXT
    );
    CREATE TABLE correction_passages (
        correction_id TEXT NOT NULL REFERENCES corrections(id),
        seq INTEGER NOT NULL,
        {PASSAGE}
        PRIMARY KEY (correction_id, seq)
    );
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)
READABLE_FROM = 2  # a database this old can be read without migrating (on a read-only mount)


def refuse_non_sqlite(path: Path) -> None:
    """A file that exists but is not SQLite is somebody's data: refuse it, never overwrite it."""
    try:
        with open(path, "rb") as f:
            head = f.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return
    except OSError as e:
        raise ReaderError(f"{show_path(path)}: cannot read the highlights database ({e.strerror or e})") from None
    if head and head != SQLITE_HEADER:
        raise ReaderError(f"{show_path(path)}: not a SQLite database (damaged or another file); it was left untouched")


def check(conn: sqlite3.Connection, path: Path) -> int:
    """The schema version of an open database that reader may use; a refusal otherwise."""
    # one statement, one snapshot: an instance migrating meanwhile cannot make the two disagree
    version, tables = conn.execute(
        "SELECT user_version, (SELECT COUNT(*) FROM sqlite_master) FROM pragma_user_version").fetchone()
    if version > SCHEMA_VERSION:
        raise ReaderError(
            f"{show_path(path)}: the highlights database has schema version {version}, newer than this "
            f"reader knows ({SCHEMA_VERSION}); upgrade reader. The file was left untouched")
    if version and conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
        raise sqlite3.DatabaseError("integrity check failed")
    if not version and tables:
        raise ReaderError(f"{show_path(path)}: a SQLite database of another program, not reader's highlights; "
                          "it was left untouched (set [highlights] database to another file)")
    return version


def migrate(write, version: int) -> None:
    """Run the migrations after ``version``, each in its own write transaction (``write()``)."""
    for target in range(version + 1, SCHEMA_VERSION + 1):
        with write() as c:
            if c.execute("PRAGMA user_version").fetchone()[0] >= target:
                continue  # another instance migrated meanwhile
            for statement in _statements(MIGRATIONS[target - 1]):
                c.execute(statement)
            c.execute(f"PRAGMA user_version = {target}")


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]
