"""The highlight store: SQLite in WAL mode, every change committed at once.

What it guarantees:

* a change is on disk (``synchronous = FULL``) when its method returns: kill -9 loses none;
* two windows (processes) on one database keep each other's changes: an edit names the
  highlight as the window read it (``base``), and only what that window changed is written;
  an edit that cannot be merged, or of a highlight deleted elsewhere, raises ``EditConflict``;
* a deletion is a tombstone: ``restore_last`` / ``restore`` bring it back, after a restart too;
* a database that is locked by another program is waited for ``BUSY_SECONDS`` only, then
  ``StoreBusy`` says so; one that cannot be written (a read-only mount) is opened read-only;
* drafts of the tags and note being typed are kept (``save_draft``) until cleared.
"""
from __future__ import annotations

import os
import sqlite3
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from reader.errors import ReaderError
from reader.highlights import schema
from reader.highlights.edits import EditConflict, merged
from reader.highlights.model import Counterpart, Highlight, normalize_tags, now
from reader.highlights.schema import MIGRATIONS, SCHEMA_VERSION  # noqa: F401  (the schema's public face)
from reader.safe_text import show_path

BUSY_SECONDS = 2.0  # how long a change waits for another program's lock before StoreBusy


class StoreBusy(ReaderError):
    """Another program holds the database's lock; try again a little later."""


@dataclass(frozen=True)
class Deleted:
    """A deleted highlight (a tombstone) and when it was deleted."""

    highlight: Highlight
    when: str


@dataclass(frozen=True)
class Draft:
    """Tags and note typed into a dialog and not yet saved, under the dialog's key."""

    key: str
    tags: str
    note: str
    saved: str


class HighlightStore:
    """All highlights, in one SQLite file."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.name = show_path(self.path)
        schema.refuse_non_sqlite(self.path)
        self.read_only = not _writable(self.path)
        self.conn = self._connect()
        try:
            version = schema.check(self.conn, self.path)
            if self.read_only:
                if version < schema.READABLE_FROM:
                    raise ReaderError(f"{self.name}: the highlights database is read-only here and too old "
                                      "to read without upgrading it")
            else:
                self._setup()
                schema.migrate(self.write, version)
        except sqlite3.OperationalError as e:  # locked, unreadable: not damage
            self.conn.close()
            raise self._busy_or(e, f"{self.name}: cannot open the highlights database ({e})") from None
        except sqlite3.DatabaseError as e:
            self.conn.close()
            raise ReaderError(f"{self.name}: the highlights database is damaged ({e}); it was left untouched") from None
        except BaseException:
            self.conn.close()
            raise

    def _connect(self) -> sqlite3.Connection:
        try:
            if self.read_only:
                conn = _connect_read_only(self.path)
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(self.path, timeout=BUSY_SECONDS, isolation_level=None)
        except (sqlite3.Error, OSError) as e:
            raise ReaderError(f"{self.name}: cannot open the highlights database ({e})") from None
        conn.row_factory = sqlite3.Row
        return conn

    def _setup(self) -> None:
        self.conn.execute(f"PRAGMA busy_timeout = {int(BUSY_SECONDS * 1000)}")
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = FULL")
        self.conn.execute("PRAGMA foreign_keys = ON")

    def close(self) -> None:
        self.conn.close()

    def _busy_or(self, e: sqlite3.Error, message: str) -> ReaderError:
        text = str(e).lower()
        if "locked" in text or "busy" in text:
            return StoreBusy(f"{self.name}: the highlights database is busy (another program holds it); "
                             "nothing was changed, try again")
        return ReaderError(message)

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken at once (BEGIN IMMEDIATE), committed on exit."""
        if self.read_only:
            raise ReaderError(f"{self.name}: the highlights database cannot be written here (read-only); "
                              "the change was not saved")
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as e:
            raise self._busy_or(e, f"{self.name}: cannot save to the highlights database ({e})") from None
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except sqlite3.Error as e:
            self._rollback()
            raise self._busy_or(e, f"{self.name}: the change was not saved ({e})") from None
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

    def update(self, hid: str, tags: Iterable[str] | None = None, note: str | None = None,
               base: Highlight | None = None) -> Highlight:
        """Change the tags and/or note of one highlight.

        ``base`` is the highlight as the caller read it before the user edited it: only what
        the user changed is written (see ``edits``), so another window's changes are kept.
        Without it, the values given replace the stored ones.  A deleted highlight is not
        changed (``EditConflict``), nor is a note another window changed meanwhile.
        """
        with self.write() as c:
            current = self.get(hid)
            new_tags, new_note = merged(base or current, current, tags, note)
            if new_note != current.note:
                c.execute("UPDATE highlights SET note = ? WHERE id = ?", (new_note, hid))
            if new_tags != current.tags:
                c.execute("DELETE FROM tags WHERE highlight_id = ?", (hid,))
                c.executemany("INSERT INTO tags VALUES (?, ?)", [(hid, t) for t in new_tags])
            if (new_tags, new_note) != (current.tags, current.note):
                c.execute("UPDATE highlights SET updated = ? WHERE id = ?", (now(), hid))
        return self.get(hid)

    def reattach(self, hid: str, article_path: str, content_hash: str, quote: str, prefix: str, suffix: str,
                 start: int, end: int) -> Highlight:
        """Move an orphaned highlight onto a passage of another (or a changed) file."""
        with self.write() as c:
            self.get(hid)
            c.execute("UPDATE highlights SET article_path = ?, content_hash = ?, quote = ?, prefix = ?, suffix = ?,"
                      " start = ?, end = ?, updated = ? WHERE id = ?",
                      (_db_path(article_path), content_hash, quote, prefix, suffix, start, end, now(), hid))
        return self.get(hid)

    def delete(self, hid: str) -> None:
        """Delete a highlight: a tombstone, restorable (after a restart too); export ignores it."""
        with self.write() as c:
            self._row(hid)
            c.execute("UPDATE highlights SET deleted = ? WHERE id = ? AND deleted IS NULL", (now(), hid))

    def restore(self, hid: str) -> Highlight:
        """Bring a deleted highlight back."""
        with self.write() as c:
            self._row(hid)
            c.execute("UPDATE highlights SET deleted = NULL, updated = ? WHERE id = ? AND deleted IS NOT NULL",
                      (now(), hid))
        return self.get(hid)

    undelete = restore

    def restore_last(self) -> Highlight | None:
        """Bring back the most recently deleted highlight (from any window); None if there is none."""
        with self.write() as c:
            row = c.execute("SELECT id FROM highlights WHERE deleted IS NOT NULL ORDER BY deleted DESC, id LIMIT 1"
                            ).fetchone()
            if row is None:
                return None
            c.execute("UPDATE highlights SET deleted = NULL, updated = ? WHERE id = ?", (now(), row["id"]))
        return self.get(row["id"])

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

    # ---------------------------------------------------------------- drafts
    def save_draft(self, key: str, tags: str, note: str) -> None:
        """Keep what is typed into a dialog (``key`` names it, e.g. the highlight id): on disk at once."""
        with self.write() as c:
            c.execute("INSERT OR REPLACE INTO drafts VALUES (?, ?, ?, ?)", (key, tags, note, now()))

    def draft(self, key: str) -> Draft | None:
        rows = self.drafts(key)
        return rows[0] if rows else None

    def drafts(self, key: str | None = None) -> list[Draft]:
        """Drafts not yet saved or dropped (all, or the one under ``key``), newest first."""
        if not self._has_table("drafts"):
            return []
        sql, args = "SELECT * FROM drafts", ()
        if key is not None:
            sql, args = sql + " WHERE key = ?", (key,)
        rows = self.conn.execute(sql + " ORDER BY saved DESC", args).fetchall()
        return [Draft(r["key"], r["tags"], r["note"], r["saved"]) for r in rows]

    def clear_draft(self, key: str) -> None:
        with self.write() as c:
            c.execute("DELETE FROM drafts WHERE key = ?", (key,))

    # ---------------------------------------------------------------- reading
    def data_version(self) -> int:
        """A number that changes when another connection commits a change: poll it to refresh."""
        return self.conn.execute("PRAGMA data_version").fetchone()[0]

    def get(self, hid: str, include_deleted: bool = False) -> Highlight:
        """The highlight as stored now (re-read it before a dialog opens)."""
        row = self._row(hid)
        if row["deleted"] is not None and not include_deleted:
            raise EditConflict("this highlight was deleted (in another window?); restore it to change it")
        return self._highlight(row)

    def is_deleted(self, hid: str) -> bool:
        return self._row(hid)["deleted"] is not None

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
        if tag is not None:
            t = _one_tag(tag)
            sql += (" AND id IN (SELECT highlight_id FROM tags WHERE tag = ? OR tag LIKE ? ESCAPE '\\')")
            args += [t, _like_prefix(t) + "/%"]
        if text:
            sql += " AND (quote LIKE ? ESCAPE '\\' OR note LIKE ? ESCAPE '\\')"
            args += ["%" + _like_prefix(text) + "%"] * 2
        sql += " ORDER BY article_path, start, id"
        return [self._highlight(r) for r in self.conn.execute(sql, args).fetchall()]

    def deleted(self, limit: int = 100) -> list[Deleted]:
        """Deleted highlights, the most recently deleted first."""
        rows = self.conn.execute("SELECT * FROM highlights WHERE deleted IS NOT NULL ORDER BY deleted DESC, id"
                                 " LIMIT ?", (limit,)).fetchall()
        return [Deleted(self._highlight(r), r["deleted"]) for r in rows]

    def article_paths(self) -> list[str]:
        """Every article path that has a highlight, in order."""
        rows = self.conn.execute("SELECT DISTINCT article_path FROM highlights WHERE deleted IS NULL").fetchall()
        return sorted(_from_db_path(r[0]) for r in rows)

    def tags(self) -> dict[str, int]:
        """Every tag in use, with how many highlights carry it."""
        rows = self.conn.execute(
            "SELECT tag, COUNT(*) FROM tags JOIN highlights ON id = highlight_id WHERE deleted IS NULL "
            "GROUP BY tag ORDER BY tag").fetchall()
        return {r[0]: r[1] for r in rows}

    def _row(self, hid: str) -> sqlite3.Row:
        row = self.conn.execute("SELECT * FROM highlights WHERE id = ?", (hid,)).fetchone()
        if row is None:
            raise EditConflict(f"no highlight {hid} (it was removed from the database)")
        return row

    def _has_table(self, name: str) -> bool:
        return self.conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone() is not None

    def _highlight(self, row: sqlite3.Row) -> Highlight:
        tags = tuple(r[0] for r in self.conn.execute(
            "SELECT tag FROM tags WHERE highlight_id = ? ORDER BY tag", (row["id"],)))
        cps = tuple(Counterpart(_from_db_path(r["article_path"]), r["source"], r["start"], r["end"], r["quote"],
                                r["score"])
                    for r in self.conn.execute(
                        "SELECT * FROM counterparts WHERE highlight_id = ? ORDER BY seq", (row["id"],)))
        return Highlight(row["id"], _from_db_path(row["article_path"]), row["content_hash"], row["quote"],
                         row["prefix"], row["suffix"], row["start"], row["end"], tags, row["note"], row["created"],
                         row["updated"], cps)


def _writable(path: Path) -> bool:
    """Whether the database (or, when new, its folder) can be written, with room for WAL files."""
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not os.access(folder, os.W_OK) and path.exists():
        return False  # WAL needs its -wal and -shm files beside the database
    return not path.exists() or os.access(path, os.W_OK)


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """Open read-only; on a read-only mount without WAL files, as an immutable file."""
    uri = path.resolve().as_uri()
    try:
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=BUSY_SECONDS, isolation_level=None)
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None)


def _one_tag(tag: str) -> str:
    clean = normalize_tags([tag])
    if not clean:
        raise ReaderError(f"{tag!r} is not a tag name (tags are letters, digits, '-' and '/')")
    return clean[0]


def _db_path(path: str) -> str | bytes:
    """A path as stored: text, or, for a file name that is not UTF-8, its bytes (a BLOB)."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return os.fsencode(path)


def _from_db_path(value: str | bytes) -> str:
    return os.fsdecode(value) if isinstance(value, bytes) else value


def _like_prefix(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
