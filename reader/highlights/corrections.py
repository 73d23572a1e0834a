"""Manual corrections: passages the user links (the aligner missed that they report the same
fact) and pairs the user unlinks (the aligner linked them wrongly), kept in the highlight
database.

Each passage is kept as a highlight is: its article's identity (path key and content hash),
its exact quote with context and its raw offsets, so it is found again when the file changes
(``anchor``) and becomes an orphan, listed and kept, when its text is gone.  Every change is
one short transaction on its own rows (two windows keep each other's corrections), and a
removal is a tombstone.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass

from reader.highlights.anchor import context
from reader.highlights.entries import article_key
from reader.highlights.model import Highlight, now
from reader.highlights.store import HighlightStore, _db_path, _from_db_path
from reader.model import Article

LINK = "link"  # these passages report the same fact
UNLINK = "unlink"  # these two passages do not: the aligner's link between them is wrong
KINDS = (LINK, UNLINK)


# One passage of a correction is kept as a highlight is, without tags or note (its id is ""):
# so ``entries.locate`` finds it again in a changed file, and the article finder finds its article.
PassageRef = Highlight


@dataclass(frozen=True)
class Correction:
    """A link or an unlink the user made, with when."""

    id: str
    kind: str  # LINK or UNLINK
    passages: tuple[PassageRef, ...]
    created: str


def passage_ref(article: Article, start: int, end: int) -> PassageRef:
    """The stored form of display span [start, end) of ``article``."""
    prefix, suffix = context(article.text, start, end)
    raw_start, raw_end = article.to_raw(start, end)
    return Highlight("", article_key(article), article.content_hash, article.text[start:end], prefix, suffix,
                     raw_start, raw_end)


def add_correction(store: HighlightStore, kind: str, passages: list[PassageRef]) -> Correction:
    """Store a link (two passages or more) or an unlink (two); on disk when this returns."""
    if kind not in KINDS:
        raise ValueError(f"a correction is {' or '.join(KINDS)}, not {kind!r}")
    if len(passages) < 2 or (kind == UNLINK and len(passages) != 2):
        raise ValueError(f"a {kind} takes {'two passages or more' if kind == LINK else 'two passages'}")
    correction = Correction(uuid.uuid4().hex, kind, tuple(passages), now())
    with store.write() as c:
        c.execute("INSERT INTO corrections (id, kind, created) VALUES (?, ?, ?)",
                  (correction.id, kind, correction.created))
        c.executemany("INSERT INTO correction_passages VALUES (?,?,?,?,?,?,?,?,?)",
                      [(correction.id, n, _db_path(p.article_path), p.content_hash, p.quote, p.prefix, p.suffix,
                        p.start, p.end) for n, p in enumerate(passages)])
    return correction


def remove_correction(store: HighlightStore, cid: str) -> None:
    """Take a correction back (a tombstone: ``restore_correction`` brings it back)."""
    with store.write() as c:
        c.execute("UPDATE corrections SET deleted = ? WHERE id = ? AND deleted IS NULL", (now(), cid))


def restore_correction(store: HighlightStore, cid: str) -> None:
    with store.write() as c:
        c.execute("UPDATE corrections SET deleted = NULL WHERE id = ?", (cid,))


def list_corrections(store: HighlightStore) -> list[Correction]:
    """Every correction not taken back, oldest first (the order they are applied in)."""
    if store.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'corrections'").fetchone() is None:
        return []  # an older database opened read-only: it has none
    rows = store.conn.execute(
        "SELECT c.id, c.kind, c.created, p.* FROM corrections c JOIN correction_passages p ON p.correction_id = c.id"
        " WHERE c.deleted IS NULL ORDER BY c.created, c.id, p.seq").fetchall()
    found: dict[str, Correction] = {}
    for r in rows:
        ref = Highlight("", _from_db_path(r["article_path"]), r["content_hash"], r["quote"], r["prefix"], r["suffix"],
                        r["start"], r["end"])
        old = found.get(r["id"])
        found[r["id"]] = Correction(r["id"], r["kind"], (*old.passages, ref) if old else (ref,), r["created"])
    return list(found.values())
