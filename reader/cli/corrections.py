"""The user's manual corrections in the headless commands: ``reader align`` and ``reader export``
read them from the configured highlights database and apply them to the alignment."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from reader.errors import ReaderError, warn
from reader.highlights.corrected import corrected
from reader.highlights.corrections import Correction, list_corrections
from reader.highlights.store import BUSY_SECONDS, HighlightStore
from reader.model import Alignment
from reader.safe_text import shortened

SHOWN = 60  # characters of an orphaned correction's quote named in a warning


def stored_corrections(database: Path) -> list[Correction]:
    """The corrections in ``database``: none when it does not exist (it is not created) or has
    none (an older schema is not upgraded: only the app and export do that), a warning and none
    when it cannot be read."""
    if not database.exists() or not _has_corrections(database):
        return []
    try:
        store = HighlightStore(database)
    except ReaderError as e:
        warn(f"manual corrections not applied: {e}")
        return []
    try:
        return list_corrections(store)
    finally:
        store.close()


def _has_corrections(database: Path) -> bool:
    """Whether the database holds any live correction, looked at read-only (an empty table is
    not worth opening the store for)."""
    try:
        conn = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_SECONDS)
        try:
            if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'corrections'").fetchone() is None:
                return False
            return conn.execute("SELECT 1 FROM corrections WHERE deleted IS NULL LIMIT 1").fetchone() is not None
        finally:
            conn.close()
    except sqlite3.Error:
        return True  # let the store say what is wrong with it


def apply_corrections(alignment: Alignment, corrections: list[Correction]) -> Alignment:
    """``alignment`` with ``corrections`` applied; each that lost its text is named in a warning."""
    result = corrected(alignment, corrections)
    for c in result.orphans:
        quote = " / ".join(" ".join(p.quote.split()) for p in c.passages)
        quote = shortened(quote, SHOWN)
        warn(f"a manual {c.kind} lost its text (a file changed or is gone); kept, not applied: “{quote}”")
    return result.alignment
