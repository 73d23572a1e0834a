"""The app's highlight work: mark, tag and note, the highlights panel, delete and undo, rename,
export.  Every change goes to the ``HighlightStore`` at once (there is no save step).

``Highlighter`` is a helper the app owns; all it needs of the app is ``HighlightHost``.
"""
from __future__ import annotations

from functools import wraps
from pathlib import Path
from typing import Any, Callable, Protocol

from rich.style import Style
from textual.screen import Screen

from reader.errors import ReaderError
from reader.highlights.anchor import Anchor, context
from reader.highlights.entries import Placed, article_key, counterparts, place
from reader.highlights.model import Highlight, parse_tags
from reader.highlights.store import HighlightStore
from reader.model import Alignment
from reader.ui.host import Host
from reader.ui.notices import BRIEF, ERROR, NOTICE, SHORT
from reader.ui.widgets.article_pane import ArticlePane
from reader.ui.wording import counted


class HighlightHost(Host, Protocol):
    """What the highlight work needs of the app."""

    alignment: Alignment | None

    @property
    def screen(self) -> Screen: ...

    def highlight_style(self) -> Style:
        """The theme's style of a highlight (tag colours are added to it)."""


def needs_store(method: Callable) -> Callable:
    """A highlight action that says so, and does nothing, when no highlights database is open."""

    @wraps(method)
    def run(self: Highlighter, *args, **kwargs):
        if self.store is None:
            self.host.notify("No highlights database is open.", severity="error")
            return None
        return method(self, *args, **kwargs)

    return run


class Highlighter:
    """The highlights of the open articles, where they are, and what a person does with them."""

    def __init__(self, host: HighlightHost, store: HighlightStore | None, tag_colors: dict[str, str],
                 export_path: Path) -> None:
        self.host = host
        self.store = store
        self.tag_colors = tag_colors
        self.export_path = export_path
        self.placed: list[list[Placed]] = [[] for _ in host.articles]
        self.deleted: list[str] = []  # ids deleted in this session, for undo

    # ---------------------------------------------------------------- showing
    def load(self) -> None:
        """Find every stored highlight of the open articles in their current text, and draw them."""
        self._place()
        self.show()

    def _place(self) -> None:
        if self.store is not None:
            self.placed = place(self.store.list(), self.host.articles)

    def show(self) -> None:
        """Draw each pane's highlights, coloured by their tags."""
        base = self.host.highlight_style()
        for pane in self.host.panes:
            pane.set_marks([(a.start, a.end, self._style(h, base)) for h, a in self.placed[pane.article_index]
                            if a.found])

    def _style(self, h: Highlight, base: Style) -> Style:
        """The colour of the most specific configured tag ("quote/paul", else "quote")."""
        for tag in h.tags:
            parts = tag.split("/")
            for n in range(len(parts), 0, -1):
                color = self.tag_colors.get("/".join(parts[:n]))
                if color:
                    return base + Style(color=color)
        return base

    # ---------------------------------------------------------------- making
    @needs_store
    def add(self, pane: ArticlePane, start: int, end: int) -> None:
        """Highlight [start, end) of the pane's article, keep what the other sources said, then edit
        it; text already inside a highlight opens that one instead."""
        art, k = pane.article, pane.article_index
        existing = self._holding(k, start, end)
        if existing is not None:
            self.host.notify("Already highlighted: here it is.", timeout=BRIEF)
            self.edit(existing)
            return
        prefix, suffix = context(art.text, start, end)
        raw_start, raw_end = art.to_raw(start, end)
        said = counterparts(self.host.alignment, k, start, end)
        ok, h = self._saving(self.store.add, article_key(art), art.content_hash, art.text[start:end], prefix,
                             suffix, raw_start, raw_end, (), "", said)
        if not ok:
            return
        self.placed[k].append((h, Anchor("exact", start, end, 100.0)))
        self.show()
        self.host.notify(f"Highlighted ({counted(len(said), 'counterpart')} kept). Add tags and a note; "
                         f"esc takes the highlight back.", timeout=SHORT)
        self.edit(h, new=True)

    def _holding(self, article: int, start: int, end: int) -> Highlight | None:
        """The highlight of ``article`` that holds all of [start, end), if any."""
        return next((h for h, a in self.placed[article] if a.found and a.start <= start and end <= a.end), None)

    def edit_at_cursor(self, pane: ArticlePane) -> None:
        sent = pane.article.sentences[pane.cursor]
        for h, a in self.placed[pane.article_index]:
            if a.found and a.start < sent.end and a.end > sent.start:
                self.edit(h)
                return
        self.host.notify("No highlight here: press m to highlight the sentence, v to select.", timeout=SHORT)

    def _saving(self, change: Callable, *args, **kwargs) -> tuple[bool, Any]:
        """Run a store change: (True, its result), or, when it cannot be saved, say so and (False, None)."""
        try:
            return True, change(*args, **kwargs)
        except ReaderError as e:
            self.host.notify(str(e), severity="error", timeout=ERROR, markup=False)
            return False, None

    @needs_store
    def edit(self, h: Highlight, tags: str | None = None, note: str | None = None, new: bool = False) -> None:
        """Edit tags and note; if saving fails the dialog opens again with what was typed.  Cancelling
        the dialog of a ``new`` highlight takes the highlight back."""
        def done(result: tuple[str, str] | None) -> None:
            if result is None:
                if new:
                    self._take_back(h)
                return
            new_tags, new_note = result
            ok, saved = self._saving(self.store.update, h.id, tags=parse_tags(new_tags), note=new_note)
            if not ok:
                self.edit(h, new_tags, new_note, new)
            else:
                self._replace(saved)

        from reader.ui.screens.tag_note import (
            TagNoteDialog,  # loads when first used: faster start-up
        )

        dialog = TagNoteDialog(h.quote, " ".join(h.tags) if tags is None else tags,
                               h.note if note is None else note, list(self.store.tags()), new)
        self.host.push_screen(dialog, done)

    def _take_back(self, h: Highlight) -> None:
        """Remove a highlight just made (its dialog was cancelled)."""
        if self._saving(self.store.delete, h.id)[0]:
            self._drop(h.id)
            self.host.notify("Highlight taken back.", timeout=BRIEF)

    def _drop(self, hid: str) -> None:
        for placed in self.placed:
            placed[:] = [(x, a) for x, a in placed if x.id != hid]
        self._changed()

    def _replace(self, new: Highlight) -> None:
        for placed in self.placed:
            placed[:] = [(new if h.id == new.id else h, a) for h, a in placed]
        self._changed()

    def _changed(self) -> None:
        """Redraw the panes, and the panel if it is open."""
        self.show()
        from reader.ui.screens.highlights import HighlightsScreen

        if isinstance(self.host.screen, HighlightsScreen):
            self.host.screen.refresh_rows(self.rows())

    # ---------------------------------------------------------------- the panel
    @needs_store
    def open_panel(self) -> None:
        from reader.ui.screens.highlights import HighlightsScreen

        self.host.push_screen(HighlightsScreen(self.rows()))

    def rows(self) -> list[tuple[Highlight, str, str]]:
        """(highlight, article label, status) for the panel, in article then text order."""
        rows = []
        for k, placed in enumerate(self.placed):
            for h, a in sorted(placed, key=lambda x: (x[1].start, x[0].id)):
                rows.append((h, self.host.articles[k].label, a.status))
        return rows

    def jump(self, h: Highlight) -> None:
        for k, placed in enumerate(self.placed):
            for x, a in placed:
                if x.id == h.id and a.found:
                    self.host.reveal(k, a.start, a.end)
                    return
        self.host.notify("This highlight is orphaned: its text is no longer in the article.", severity="warning")

    @needs_store
    def delete(self, h: Highlight) -> None:
        if not self._saving(self.store.delete, h.id)[0]:
            return
        self.deleted.append(h.id)
        self._drop(h.id)
        self.host.notify("Deleted. Press u to undo.", timeout=SHORT)

    @needs_store
    def undo(self) -> None:
        if not self.deleted:
            self.host.notify("Nothing to undo.", timeout=BRIEF)
            return
        if not self._saving(self.store.undelete, self.deleted[-1])[0]:
            return
        self.deleted.pop()
        self._place()
        self._changed()
        self.host.notify("Restored.", timeout=BRIEF)

    @needs_store
    def rename(self, h: Highlight) -> None:
        """Ask for a tag (the highlight's first, to start with) and its new name; rename it everywhere."""
        def done(result: tuple[str, str] | None) -> None:
            if result is None:
                return
            ok, count = self._saving(self.store.rename_tag, *result)
            if ok:
                self._place()
                self._changed()
                self.host.notify(f"Renamed on {counted(count, 'highlight')}.", timeout=SHORT)

        from reader.ui.screens.tag_note import RenameTagDialog

        self.host.push_screen(RenameTagDialog(h.tags[0] if h.tags else "", list(self.store.tags())), done)

    # ---------------------------------------------------------------- export
    @needs_store
    def export(self) -> None:
        from reader.highlights.export import entries_for, render, write_export

        entries = entries_for(self.store, self.host.articles, self.host.alignment, [], [])
        try:
            write_export(render(entries, "md"), "md", self.export_path)
        except ReaderError as e:
            self.host.notify(str(e), severity="error", timeout=ERROR, markup=False)
            return
        self.host.notify(f"Exported {counted(len(entries), 'highlight')} to {self.export_path}", timeout=NOTICE,
                         markup=False)
