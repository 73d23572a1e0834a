"""Merge one window's edit of a highlight with what other windows saved meanwhile.

A window edits from the highlight as it read it (``base``).  Only what it changed is
written: the tags it added or removed are applied to the current tags, its note only if
it changed the note.  When another window changed the note too, to something else, the
edit is a conflict: nothing is written and the window is told.
"""
from __future__ import annotations

from typing import Iterable

from reader.errors import ReaderError
from reader.highlights.model import Highlight, normalize_tags


class EditConflict(ReaderError):
    """The edit cannot be saved as it is: the highlight was deleted or changed elsewhere."""


def merged(base: Highlight, current: Highlight, tags: Iterable[str] | None,
           note: str | None) -> tuple[tuple[str, ...], str]:
    """The (tags, note) to store for an edit made from ``base``, now that ``current`` is stored."""
    new_tags = current.tags
    if tags is not None:
        wanted, before = set(normalize_tags(tags)), set(base.tags)
        new_tags = normalize_tags((set(current.tags) - (before - wanted)) | (wanted - before))
    new_note = current.note
    if note is not None and note != base.note and note != current.note:
        if current.note != base.note:
            raise EditConflict("the note was changed in another window meanwhile; your note was not saved "
                               "(open the highlight again to see both)")
        new_note = note
    return new_tags, new_note
