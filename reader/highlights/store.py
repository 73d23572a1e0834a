"""The highlight store: SQLite in WAL mode, every change committed at once.

Two app instances may share a store: each change is one short transaction that
touches only its own rows, so neither overwrites the other.  The schema carries
a version (``PRAGMA user_version``) and is migrated forward in a transaction; a
newer or corrupt database is refused with a clear error and never written.
"""
from __future__ import annotations

import os
import sqlite3
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

from reader.errors import ReaderError
from reader.highlights.model import Counterpart, Highlight, normalize_tags, now

SQLITE_HEADER = b"SQLite format 3\x00"

MIGRATIONS: list[str] = [
    # 0 -> 1: highlights and their tags
    """
    CREATE TABLE highlights (
        id TEXT PRIMARY KEY,
        article_path TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        quote TEXT NOT NULL,
        prefix TEXT NOT NULL DEFAULT '',
        suffix TEXT NOT NULL DEFAULT '',
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
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
]
SCHEMA_VERSION = len(MIGRATIONS)


class HighlightStore:
    """All highlights, in one SQLite file."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        _refuse_non_sqlite(self.path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        except (sqlite3.Error, OSError) as e:
            raise ReaderError(f"{self.path}: cannot open the highlights database ({e})") from None
        self.conn.row_factory = sqlite3.Row
        try:
            self._check_and_migrate()
        except sqlite3.OperationalError as e:  # locked, unreadable, read-only: not damage
            self.conn.close()
            raise ReaderError(f"{self.path}: cannot open the highlights database ({e})") from None
        except sqlite3.DatabaseError as e:
            self.conn.close()
            raise ReaderError(f"{self.path}: the highlights database is damaged ({e}); it was left untouched") from None

    def close(self) -> None:
        self.conn.close()

    # ---------------------------------------------------------------- schema
    def _check_and_migrate(self) -> None:
        # one statement, one snapshot: an instance migrating meanwhile cannot make the two disagree
        version, tables = self.conn.execute(
            "SELECT user_version, (SELECT COUNT(*) FROM sqlite_master) FROM pragma_user_version").fetchone()
        if version > SCHEMA_VERSION:
            self.conn.close()
            raise ReaderError(
                f"{self.path}: the highlights database has schema version {version}, newer than this "
                f"reader knows ({SCHEMA_VERSION}); upgrade reader. The file was left untouched")
        if version and self.conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise sqlite3.DatabaseError("integrity check failed")
        if not version and tables:
            self.conn.close()
            raise ReaderError(f"{self.path}: a SQLite database of another program, not reader's highlights; "
                              "it was left untouched (set [highlights] database to another file)")
        self.conn.execute("PRAGMA busy_timeout = 30000")
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = FULL")
        self.conn.execute("PRAGMA foreign_keys = ON")
        for target in range(version + 1, SCHEMA_VERSION + 1):
            with self.write() as c:
                if c.execute("PRAGMA user_version").fetchone()[0] >= target:
                    continue  # another instance migrated meanwhile
                for statement in _statements(MIGRATIONS[target - 1]):
                    c.execute(statement)
                c.execute(f"PRAGMA user_version = {target}")

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken at once (BEGIN IMMEDIATE), committed on exit."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as e:
            raise ReaderError(f"{self.path}: cannot save to the highlights database ({e})") from None
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except sqlite3.Error as e:
            self._rollback()
            raise ReaderError(f"{self.path}: the change was not saved ({e})") from None
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    # ---------------------------------------------------------------- changes
    def add(self, article_path: str, content_hash: str, quote: str, prefix: str, suffix: str, start: int,
            end: int, tags: Iterable[str] = (), note: str = "", counterparts: Iterable[Counterpart] = ()) -> Highlight:
        """Store a new highlight; it is on disk when this returns."""
        stamp = now()
        hid = uuid.uuid4().hex
        with self.write() as c:
            c.execute(
                "INSERT INTO highlights (id, article_path, content_hash, quote, prefix, suffix, start, end, note,"
                " created, updated) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (hid, _db_path(article_path), content_hash, quote, prefix, suffix, start, end, note, stamp, stamp))
            c.executemany("INSERT INTO tags VALUES (?, ?)", [(hid, t) for t in normalize_tags(tags)])
            c.executemany("INSERT INTO counterparts VALUES (?,?,?,?,?,?,?,?)",
                          [(hid, n, _db_path(cp.article_path), cp.source, cp.start, cp.end, cp.quote, cp.score)
                           for n, cp in enumerate(counterparts)])
        return self.get(hid)

    def update(self, hid: str, tags: Iterable[str] | None = None, note: str | None = None) -> Highlight:
        """Change the tags and/or note of one highlight."""
        with self.write() as c:
            if note is not None:
                c.execute("UPDATE highlights SET note = ?, updated = ? WHERE id = ?", (note, now(), hid))
            if tags is not None:
                c.execute("DELETE FROM tags WHERE highlight_id = ?", (hid,))
                c.executemany("INSERT INTO tags VALUES (?, ?)", [(hid, t) for t in normalize_tags(tags)])
                c.execute("UPDATE highlights SET updated = ? WHERE id = ?", (now(), hid))
        return self.get(hid)

    def delete(self, hid: str) -> None:
        """Delete a highlight (kept, marked deleted, so that it can be undone)."""
        with self.write() as c:
            c.execute("UPDATE highlights SET deleted = ? WHERE id = ?", (now(), hid))

    def undelete(self, hid: str) -> None:
        with self.write() as c:
            c.execute("UPDATE highlights SET deleted = NULL, updated = ? WHERE id = ?", (now(), hid))

    def rename_tag(self, old: str, new: str) -> int:
        """Rename a tag everywhere, nested tags included (quote -> quotes: quote/paul -> quotes/paul)."""
        (old_n,), (new_n,) = normalize_tags([old]) or ("",), normalize_tags([new]) or ("",)
        if not old_n or not new_n:
            raise ReaderError("a tag name cannot be empty")
        changed = 0
        with self.write() as c:
            rows = c.execute("SELECT highlight_id, tag FROM tags WHERE tag = ? OR tag LIKE ? ESCAPE '\\'",
                             (old_n, _like_prefix(old_n) + "/%")).fetchall()
            for row in rows:
                renamed = new_n + row["tag"][len(old_n):]
                c.execute("DELETE FROM tags WHERE highlight_id = ? AND tag = ?", (row["highlight_id"], row["tag"]))
                c.execute("INSERT OR IGNORE INTO tags VALUES (?, ?)", (row["highlight_id"], renamed))
                c.execute("UPDATE highlights SET updated = ? WHERE id = ?", (now(), row["highlight_id"]))
                changed += 1
        return changed

    # ---------------------------------------------------------------- reading
    def get(self, hid: str) -> Highlight:
        row = self.conn.execute("SELECT * FROM highlights WHERE id = ?", (hid,)).fetchone()
        if row is None:
            raise ReaderError(f"no highlight {hid}")
        return self._highlight(row)

    def list(self, article_paths: Iterable[str] | None = None, tag: str | None = None,
             text: str | None = None, include_deleted: bool = False) -> list[Highlight]:
        """Highlights, filtered by article, tag (a parent tag matches its children) and text."""
        sql, args = "SELECT * FROM highlights WHERE 1=1", []
        if not include_deleted:
            sql += " AND deleted IS NULL"
        if article_paths is not None:
            paths = list(article_paths)
            sql += f" AND article_path IN ({','.join('?' * len(paths)) or 'NULL'})"
            args += [_db_path(p) for p in paths]
        if tag:
            (t,) = normalize_tags([tag])
            sql += (" AND id IN (SELECT highlight_id FROM tags WHERE tag = ? OR tag LIKE ? ESCAPE '\\')")
            args += [t, _like_prefix(t) + "/%"]
        if text:
            sql += " AND (quote LIKE ? ESCAPE '\\' OR note LIKE ? ESCAPE '\\')"
            args += ["%" + _like_prefix(text) + "%"] * 2
        sql += " ORDER BY article_path, start, id"
        return [self._highlight(r) for r in self.conn.execute(sql, args).fetchall()]

    def tags(self) -> dict[str, int]:
        """Every tag in use, with how many highlights carry it."""
        rows = self.conn.execute(
            "SELECT tag, COUNT(*) FROM tags JOIN highlights ON id = highlight_id WHERE deleted IS NULL "
            "GROUP BY tag ORDER BY tag").fetchall()
        return {r[0]: r[1] for r in rows}

    def _highlight(self, row: sqlite3.Row) -> Highlight:
        tags = tuple(r[0] for r in self.conn.execute(
            "SELECT tag FROM tags WHERE highlight_id = ? ORDER BY tag", (row["id"],)))
        cps = tuple(Counterpart(_from_db_path(r["article_path"]), r["source"], r["start"], r["end"], r["quote"], r["score"])
                    for r in self.conn.execute(
                        "SELECT * FROM counterparts WHERE highlight_id = ? ORDER BY seq", (row["id"],)))
        return Highlight(row["id"], _from_db_path(row["article_path"]), row["content_hash"], row["quote"], row["prefix"],
                         row["suffix"], row["start"], row["end"], tags, row["note"], row["created"],
                         row["updated"], cps)


def _db_path(path: str) -> str | bytes:
    """A path as stored: text, or, for a file name that is not UTF-8, its bytes (a BLOB)."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return os.fsencode(path)


def _from_db_path(value: str | bytes) -> str:
    return os.fsdecode(value) if isinstance(value, bytes) else value


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def _like_prefix(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _refuse_non_sqlite(path: Path) -> None:
    """A file that exists but is not SQLite is somebody's data: refuse it, never overwrite it."""
    try:
        with open(path, "rb") as f:
            head = f.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return
    except OSError as e:
        raise ReaderError(f"{path}: cannot read the highlights database ({e.strerror or e})") from None
    if head and head != SQLITE_HEADER:
        raise ReaderError(f"{path}: not a SQLite database (damaged or another file); it was left untouched")

