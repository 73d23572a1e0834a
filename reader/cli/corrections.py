"""The user's manual corrections in the headless commands: ``reader align`` and ``reader export``
read them from the configured highlights database and apply them to the alignment."""
from __future__ import annotations

from pathlib import Path

from reader.errors import ReaderError, warn
from reader.highlights.corrected import corrected
from reader.highlights.corrections import Correction, list_corrections
from reader.highlights.store import HighlightStore
from reader.model import Alignment

SHOWN = 60  # characters of an orphaned correction's quote named in a warning


def stored_corrections(database: Path) -> list[Correction]:
    """The corrections in ``database``: none when it does not exist (it is not created), a
    warning and none when it cannot be read."""
    if not database.exists():
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


def apply_corrections(alignment: Alignment, corrections: list[Correction]) -> Alignment:
    """``alignment`` with ``corrections`` applied; each that lost its text is named in a warning."""
    result = corrected(alignment, corrections)
    for c in result.orphans:
        quote = " / ".join(" ".join(p.quote.split()) for p in c.passages)
        quote = quote if len(quote) <= SHOWN else quote[: SHOWN - 1] + "…"
        warn(f"a manual {c.kind} lost its text (a file changed or is gone); kept, not applied: “{quote}”")
    return result.alignment
