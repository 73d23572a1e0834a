"""Selecting text in an article pane, by keys (vim-like: v, then w/b move the end and W/B the
start) and by mouse drag (whole words); m asks the app to highlight it, y copies it."""
from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

from reader.ui.keymap import bound_keys
from reader.ui.notices import BRIEF, SHORT
from reader.ui.widgets.pane_lines import GUTTER, Range
from reader.ui.wrap import snap_to_words

if TYPE_CHECKING:
    from reader.ui.widgets.article_pane import ArticlePane


class Selecting:
    """Mixed into ``ArticlePane``: what it needs of the pane is its article, layout, cursor and
    ``selection`` (anchor, head)."""

    selection: Range | None
    _drag_from: int | None

    class HighlightRequested(Message):
        """The user asked to highlight [start, end) of this pane's article (display offsets)."""

        def __init__(self, pane: ArticlePane, start: int, end: int) -> None:
            super().__init__()
            self.pane = pane
            self.start = start
            self.end = end

    def action_copy(self) -> None:
        """Copy the selected text, or the cursor sentence, to the clipboard."""
        if self.selection:
            lo, hi = sorted(self.selection)
        elif self.article.sentences:
            sent = self.article.sentences[self.cursor]
            lo, hi = sent.start, sent.end
        else:
            return
        self.app.copy_to_clipboard(self.article.text[lo:hi])
        self.notify(f"Copied {hi - lo} characters.", timeout=BRIEF)

    def _select(self, selection: Range | None) -> None:
        self.selection = selection
        self.refresh()  # the selection is part of the strip cache key: no cached line is dropped

    def action_select(self) -> None:
        """Start a selection on the cursor sentence (or confirm one in progress)."""
        if self.selection:
            self.action_mark()
            return
        sent = self.article.sentences[self.cursor]
        self._select((sent.start, sent.end))
        said = [(bound_keys(self.screen, f"select_word_{side}"), bound_keys(self.screen, f"select_start_{side}"))
                for side in ("right", "left")]
        self.notify(f"Selecting: {said[0][0]}/{said[1][0]} move its end, {said[0][1]}/{said[1][1]} its start; "
                    f"{bound_keys(self.screen, 'highlight')} highlights, {bound_keys(self.screen, 'copy')} copies",
                    timeout=SHORT, markup=False)

    def action_extend_word(self, delta: int) -> None:
        if not self.selection:
            self.action_select()
        anchor, head = self.selection
        pos = self.article_layout.word_step(anchor, head, delta)
        self._select((anchor, pos) if pos != anchor else self.selection)

    def action_move_start(self, delta: int) -> None:
        """Move the selection's start a word on or back (its end stays): a selection can start mid-sentence."""
        if not self.selection:
            self.action_select()
        start, end = sorted(self.selection)
        self._select((self.article_layout.start_step(start, end, delta), end))

    def action_extend_paragraph(self) -> None:
        if not self.selection:
            self.action_select()
        self.set_cursor(self.article_layout.paragraph_end(self.cursor))

    def take_span(self) -> tuple[int, int] | None:
        """What m highlights: the selection (which ends), or the cursor sentence; None if empty."""
        if self.selection:
            start, end = sorted(self.selection)
        else:
            sent = self.article.sentences[self.cursor]
            start, end = sent.start, sent.end
        self._select(None)
        return (start, end) if end > start else None

    def action_mark(self) -> None:
        """Ask for the selection (or the cursor sentence) to be highlighted."""
        span = self.take_span()
        if span is not None:
            self.post_message(self.HighlightRequested(self, *span))

    def action_cancel_selection(self) -> None:
        if self.selection:
            self._select(None)

    # ---------------------------------------------------------------- mouse
    def offset_at(self, x: int, y: int) -> int | None:
        """The text offset under cell (x, y) of the pane, or None above the text."""
        return self.article_layout.offset_at(int(self.scroll_offset.y) + y, x - GUTTER)

    def on_mouse_down(self, event) -> None:
        self._drag_from = self.offset_at(event.x, event.y)
        if self._drag_from is not None:
            self.capture_mouse()
            if self.selection:
                self._select(None)

    def on_mouse_move(self, event) -> None:
        if self._drag_from is None:
            return
        head = self.offset_at(event.x, max(0, min(event.y, self.size.height - 1)))
        if head is None or head == self._drag_from:
            return
        lo, hi = snap_to_words(self.article.text, min(head, self._drag_from), max(head, self._drag_from))
        self.cursor = self.sentence_at_offset(head)
        if event.y < 0 or event.y >= self.size.height:
            self.scroll_relative(y=-1 if event.y < 0 else 1, animate=False)
        self._select((lo, hi) if head > self._drag_from else (hi, lo))

    def on_mouse_up(self, event) -> None:
        if self._drag_from is not None:
            self._drag_from = None
            self.release_mouse()
            if self.selection:
                self.post_message(self.CursorMoved(self))
