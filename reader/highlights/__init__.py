"""Highlights: the SQLite store, re-anchoring in changed files, and export with counterparts."""
from reader.highlights.model import Counterpart, Highlight, parse_tags
from reader.highlights.store import HighlightStore

__all__ = ["Counterpart", "Highlight", "HighlightStore", "parse_tags"]
