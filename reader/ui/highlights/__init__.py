"""Highlights and manual corrections in the app: every store call in one worker thread,
dialogs with drafts, another window's changes polled in."""
from reader.ui.highlights.correcting import Corrector
from reader.ui.highlights.highlighting import Highlighter

__all__ = ["Corrector", "Highlighter"]
