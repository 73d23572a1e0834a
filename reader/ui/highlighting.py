"""The app's highlight actions: mark, tag and note, the highlights panel, undo, export.

A mixin of ``ReaderApp``: it reads the app's articles, panes and alignment, and keeps
every change in the ``HighlightStore`` at once (there is no save step).
"""
from __future__ import annotations

from pathlib import Path

from rich.style import Style
from textual.binding import Binding

from reader.errors import ReaderError
from reader.highlights.anchor import Anchor, context
from reader.highlights.entries import aligned_passages, article_key, locate
from reader.highlights.model import Counterpart, Highlight, parse_tags
from reader.highlights.store import HighlightStore
from reader.ui.widgets.article_pane import ArticlePane

HIGHLIGHT_BINDINGS = [
    Binding("t", "edit_highlight", "Tag / note", id="tag_highlight"),
    Binding("H", "highlights", "Highlights", id="highlights"),
    Binding("x", "export", "Export", id="export"),
]


class HighlightingMixin:
    """Highlight handling for the reader app."""

    store: HighlightStore | None
    tag_colors: dict[str, str]
    export_path: Path

    def load_highlights(self) -> None:
        """Find every stored highlight of the open articles in their current text."""
        self.placed: list[list[tuple[Highlight, Anchor]]] = [[] for _ in self.articles]
        if self.store is None:
            return
        by_key = {article_key(a): k for k, a in enumerate(self.articles)}
        by_hash = {a.content_hash: k for k, a in enumerate(self.articles)}
        for h in self.store.list():
            k = by_key.get(h.article_path, by_hash.get(h.content_hash))
            if k is not None:
                self.placed[k].append((h, locate(h, self.articles[k])))
        self.show_highlights()

    def show_highlights(self) -> None:
        for pane in self.panes:
            pane.marks = [(a.start, a.end, self.highlight_style(h)) for h, a in self.placed[pane.index] if a.found]
            pane.invalidate()

    def highlight_style(self, h: Highlight) -> Style:
        base = self._styles().highlight
        for tag in h.tags:
            parts = tag.split("/")
            for n in range(len(parts), 0, -1):
                color = self.tag_colors.get("/".join(parts[:n]))
                if color:
                    return base + Style(color=color)
        return base

    # ---------------------------------------------------------------- making
    def on_article_pane_highlight_requested(self, event: ArticlePane.HighlightRequested) -> None:
        if self.store is None:
            self.notify("No highlights database is open.", severity="error")
            return
        art, k = event.pane.article, event.pane.index
        quote = art.text[event.start : event.end]
        prefix, suffix = context(art.text, event.start, event.end)
        start, end = art.to_raw(event.start, event.end)
        cps = []
        for p, score in aligned_passages(self.alignment, k, event.start, event.end):
            other = self.articles[p.article]
            lo, hi = other.to_raw(p.start, p.end)
            cps.append(Counterpart(article_key(other), other.label, lo, hi, other.text[p.start : p.end], score))
        ok, h = self._saving(self.store.add, article_key(art), art.content_hash, quote, prefix, suffix,
                             start, end, (), "", cps)
        if not ok:
            return
        self.placed[k].append((h, Anchor("exact", event.start, event.end, 100.0)))
        self.show_highlights()
        self.notify(f"Highlighted ({len(cps)} counterpart(s) kept). Add tags and a note, or esc.", timeout=3)
        self._edit(h)

    def action_edit_highlight(self) -> None:
        pane = self.focused_pane
        for h, a in self.placed[pane.index]:
            sent = pane.article.sentences[pane.cursor]
            if a.found and a.start < sent.end and a.end > sent.start:
                self._edit(h)
                return
        self.notify("No highlight here: press m to highlight the sentence, v to select.", timeout=3)

    def _saving(self, change, *args, **kwargs):
        """Run a store change: (True, its result), or, when it cannot be saved, say so and (False, None)."""
        try:
            return True, change(*args, **kwargs)
        except ReaderError as e:
            self.notify(str(e), severity="error", timeout=8, markup=False)
            return False, None

    def _edit(self, h: Highlight, tags: str | None = None, note: str | None = None) -> None:
        """Edit tags and note; if saving fails the dialog opens again with what was typed."""
        def done(result) -> None:
            if result is None:
                return
            new_tags, new_note = result
            ok, saved = self._saving(self.store.update, h.id, tags=parse_tags(new_tags), note=new_note)
            if not ok:
                self._edit(h, new_tags, new_note)
            else:
                self._replace(saved)

        from reader.ui.screens.tag_note import (
            TagNoteDialog,  # dialogs load when first used: faster start-up
        )

        dialog = TagNoteDialog(h.quote, " ".join(h.tags) if tags is None else tags,
                               h.note if note is None else note, list(self.store.tags()))
        self.push_screen(dialog, done)

    def _replace(self, new: Highlight) -> None:
        for placed in self.placed:
            for n, (h, a) in enumerate(placed):
                if h.id == new.id:
                    placed[n] = (new, a)
        self.show_highlights()
        self._refresh_panel()

    # ---------------------------------------------------------------- panel
    def action_highlights(self) -> None:
        if self.store is None:
            self.notify("No highlights database is open.", severity="error")
            return
        from reader.ui.screens.highlights import HighlightsScreen

        self.push_screen(HighlightsScreen(self._panel_rows()))

    def _panel_rows(self):
        rows = []
        for k, placed in enumerate(self.placed):
            for h, a in sorted(placed, key=lambda x: (x[1].start, x[0].id)):
                rows.append((h, self.articles[k].label, a.status))
        return rows

    def _refresh_panel(self) -> None:
        from reader.ui.screens.highlights import HighlightsScreen

        if isinstance(self.screen, HighlightsScreen):
            self.screen.refresh_rows(self._panel_rows())

    def on_highlights_screen_action(self, event) -> None:
        """An action chosen in the highlights panel (a HighlightsScreen.Action)."""
        h = event.highlight
        if event.kind == "undo":
            self._undo()
        elif h is None:
            return
        elif event.kind == "jump":
            self._jump_to(h)
        elif event.kind == "edit":
            self._edit(h)
        elif event.kind == "delete":
            if not self._saving(self.store.delete, h.id)[0]:
                return
            self.deleted.append(h.id)
            for placed in self.placed:
                placed[:] = [(x, a) for x, a in placed if x.id != h.id]
            self.show_highlights()
            self._refresh_panel()
            self.notify("Deleted. Press u to undo.", timeout=3)
        elif event.kind == "rename":
            self._rename(h.tags[0] if h.tags else "")

    def _undo(self) -> None:
        if not self.deleted:
            self.notify("Nothing to undo.", timeout=2)
            return
        if not self._saving(self.store.undelete, self.deleted[-1])[0]:
            return
        self.deleted.pop()
        self.load_highlights()
        self._refresh_panel()
        self.notify("Restored.", timeout=2)

    def _rename(self, old: str) -> None:
        def done(result) -> None:
            if result is None:
                return
            ok, count = self._saving(self.store.rename_tag, *result)
            if not ok:
                return
            self.load_highlights()
            self._refresh_panel()
            self.notify(f"Renamed on {count} highlight(s).", timeout=3)

        from reader.ui.screens.tag_note import RenameTagDialog

        self.push_screen(RenameTagDialog(old, list(self.store.tags())), done)

    def _jump_to(self, h: Highlight) -> None:
        for k, placed in enumerate(self.placed):
            for x, a in placed:
                if x.id == h.id and a.found:
                    pane = next((p for p in self.visible_panes if p.index == k), None)
                    if pane is None:
                        pane = self.focused_pane
                        self._show_in_pane(pane, k)
                    pane.focus()
                    pane.set_cursor(pane.sentence_at_offset(a.start))
                    self._flash(pane, a.start, a.end)
                    return
        self.notify("This highlight is orphaned: its text is no longer in the article.", severity="warning")

    # ---------------------------------------------------------------- export
    def action_export(self) -> None:
        if self.store is None:
            self.notify("No highlights database is open.", severity="error")
            return
        from reader.highlights.export import entries_for, render, write_export

        entries = entries_for(self.store, self.articles, self.alignment, [], [])
        try:
            write_export(render(entries, "md"), "md", self.export_path)
        except ReaderError as e:
            self.notify(str(e), severity="error", timeout=6, markup=False)
            return
        self.notify(f"Exported {len(entries)} highlight(s) to {self.export_path}", timeout=4, markup=False)
