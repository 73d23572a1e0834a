"""Highlights: the SQLite store (merged edits, tombstones, drafts), re-anchoring in changed
files, and export with counterparts, written safely where the user points."""
from reader.highlights.edits import EditConflict
from reader.highlights.model import Counterpart, Highlight, parse_tags
from reader.highlights.store import Deleted, Draft, HighlightStore, StoreBusy

__all__ = ["Counterpart", "Deleted", "Draft", "EditConflict", "Highlight", "HighlightStore", "StoreBusy", "parse_tags"]
