"""The app's highlight work: mark, tag and note, the highlights panel, delete and restore,
rename, re-attach an orphan, export.  Every change goes to the store at once (no save step),
through ``StoreCalls``: in a worker thread, so a busy database never freezes the screen.

What another window (another reader on the same database) changes shows here within
``POLL_SECONDS``: the store's data_version is looked at, and the highlights read again when
it moved.  ``Highlighter`` is a helper the app owns; all it needs of the app is ``HighlightHost``.
"""
from __future__ import annotations

from functools import wraps
from pathlib import Path
from typing import Any, Callable, Protocol

from rich.color import ColorParseError
from rich.errors import StyleSyntaxError
from rich.style import Style
from textual.screen import Screen

from reader.highlights.anchor import Anchor, context
from reader.highlights.entries import article_key, counterparts, locate
from reader.highlights.model import Highlight
from reader.highlights.store import HighlightStore
from reader.model import Alignment
from reader.safe_text import shortened, show_path
from reader.ui.highlights.editing import Editing, Target
from reader.ui.highlights.snapshot import Snapshot, changes, read_snapshot
from reader.ui.highlights.store_calls import StoreCalls
from reader.ui.host import Host
from reader.ui.notices import BRIEF, NOTICE, SHORT
from reader.ui.screens.switcher import ArticleSwitcher
from reader.ui.widgets.article_pane import ArticlePane
from reader.ui.wording import counted

POLL_SECONDS = 1.0  # how often the database is asked whether another window changed it
READ_ONLY = "highlights read-only"
QUOTE_SHOWN = 50  # characters of a quote named in a message


class HighlightHost(Host, Protocol):
    """What the highlight work needs of the app."""

    alignment: Alignment | None
    store_status: str  # the title bar's word on the database

    @property
    def screen(self) -> Screen: ...

    @property
    def screen_stack(self) -> list[Screen]: ...

    def set_interval(self, interval: float, callback: Callable[[], Any]) -> Any: ...

    def post_message(self, message: Any) -> bool: ...

    def highlight_style(self) -> Style:
        """The theme's style of a highlight (tag colours are added to it)."""


def _guarded(writes: bool) -> Callable[[Callable], Callable]:
    """A highlight action that says so, and does nothing, when no highlights database is open
    (or, for one that ``writes``, when the database cannot be written)."""

    def guard(method: Callable) -> Callable:
        @wraps(method)
        def run(self: Highlighter, *args, **kwargs):
            if self.calls is None:
                self.host.notify("No highlights database is open.", severity="error")
            elif writes and self.snapshot.read_only:
                self.host.notify("Highlights cannot be saved: the highlights database is read-only here.",
                                 severity="warning")
            else:
                return method(self, *args, **kwargs)
            return None

        return run

    return guard


reads_store, changes_store = _guarded(writes=False), _guarded(writes=True)


class ReattachChooser(ArticleSwitcher):
    """Which open article an orphaned highlight goes to."""

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("OptionList").border_title = "Re-attach the highlight to which article?"


class Highlighter:
    """The highlights of the open articles, where they are, and what a person does with them."""

    def __init__(self, host: HighlightHost, open_store: Callable[[], HighlightStore] | None,
                 tag_colors: dict[str, str], export_path: Path) -> None:
        self.host = host
        self.calls = StoreCalls(host, open_store) if open_store is not None else None
        self.tag_colors = tag_colors
        self.export_path = export_path
        self.snapshot = Snapshot(-1, [[] for _ in host.articles])
        self.deleted_here: list[str] = []  # ids deleted in this window, the last first to come back
        self.editing = Editing(self)
        self.on_snapshot: Callable[[Snapshot], None] = lambda snapshot: None  # told of every snapshot taken

    @property
    def placed(self):
        return self.snapshot.placed

    def known_tags(self) -> list[str]:
        return self.snapshot.tags

    def on_main_screen(self) -> bool:
        return self.host.screen is self.host.screen_stack[0]

    # ---------------------------------------------------------------- reading
    def load(self) -> None:
        """Read the highlights of the open articles (in the worker), then keep looking for changes."""
        if self.calls is None:
            return
        self.calls.submit(self._read, self._loaded)
        self.host.set_interval(POLL_SECONDS, self.poll)

    def _read(self, store: HighlightStore) -> Snapshot:
        return read_snapshot(store, self.host.articles)

    def _loaded(self, snapshot: Snapshot) -> None:
        self._take(snapshot)
        if snapshot.read_only:
            self.host.store_status = READ_ONLY
            self.host.notify("The highlights database is read-only here: its highlights are shown, but "
                             "nothing can be saved.", severity="warning", timeout=NOTICE)
        self.editing.restore(snapshot)

    def poll(self) -> None:
        """Read the highlights again if another window changed the database (when no call waits)."""
        if self.calls is None or self.calls.pending:
            return
        version = self.snapshot.version
        self.calls.submit(lambda store: self._read(store) if store.data_version() != version else None,
                          self._polled, failed=lambda error: None, patient=False)

    def _polled(self, snapshot: Snapshot | None) -> None:
        if snapshot is not None:
            said = changes(self.snapshot, snapshot)
            self._take(snapshot)
            if said:
                self.host.notify(f"Highlights changed in another window: {said}.", timeout=BRIEF)

    def refresh(self) -> None:
        if self.calls is not None:
            self.calls.submit(self._read, self._take)

    def _take(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self.on_snapshot(snapshot)
        self._changed()

    # ---------------------------------------------------------------- showing
    def show(self) -> None:
        """Draw each pane's highlights, coloured by their tags."""
        base = self.host.highlight_style()
        for pane in self.host.panes:
            pane.set_marks([(a.start, a.end, self._style(h, base)) for h, a in self.placed[pane.article_index]
                            if a.found])

    def _style(self, h: Highlight, base: Style) -> Style:
        """The colour of the most specific configured tag ("quote/paul", else "quote"); a colour
        that cannot be drawn leaves the plain highlight style."""
        for tag in h.tags:
            parts = tag.split("/")
            for n in range(len(parts), 0, -1):
                color = self.tag_colors.get("/".join(parts[:n]))
                if color:
                    try:
                        return base + Style(color=color)
                    except (ColorParseError, StyleSyntaxError, TypeError, ValueError):
                        return base
        return base

    def _changed(self) -> None:
        """Redraw the panes, and the panel if it is open."""
        self.show()
        from reader.ui.screens.highlights import HighlightsScreen

        if isinstance(self.host.screen, HighlightsScreen):
            self.host.screen.refresh_rows(self.rows())

    def replace(self, new: Highlight) -> None:
        """Show ``new`` where the highlight with its id was."""
        for placed in self.placed:
            placed[:] = [(new if h.id == new.id else h, a) for h, a in placed]
        self.snapshot.orphans[:] = [new if h.id == new.id else h for h in self.snapshot.orphans]
        self._changed()

    # ---------------------------------------------------------------- making and editing
    @changes_store
    def add(self, pane: ArticlePane, start: int, end: int) -> None:
        """Highlight [start, end) of the pane's article, keep what the other sources said, then edit
        it; text already inside a highlight opens that one instead."""
        art, k = pane.article, pane.article_index
        existing = self._holding(k, start, end)
        if existing is not None:
            self.host.notify("Already highlighted: here it is.", timeout=BRIEF)
            self.editing.existing(existing)
            return
        key, quote, (prefix, suffix) = article_key(art), art.text[start:end], context(art.text, start, end)
        raw_start, raw_end = art.to_raw(start, end)
        said = counterparts(self.host.alignment, k, start, end)
        target = Target(add=lambda store: store.add(key, art.content_hash, quote, prefix, suffix, raw_start, raw_end,
                                                    (), "", said))
        self.calls.submit(target.ensure, lambda h: self._added(k, Anchor("exact", start, end, 100.0), h, len(said)))
        self.editing.new(target, quote)

    def _added(self, k: int, anchor: Anchor, h: Highlight, said: int) -> None:
        if all(x.id != h.id for x, _ in self.placed[k]):
            self.placed[k].append((h, anchor))
        self._changed()
        self.host.notify(f"Highlighted ({counted(said, 'counterpart')} kept). Add tags and a note; "
                         f"esc takes the highlight back.", timeout=SHORT)

    def _holding(self, article: int, start: int, end: int) -> Highlight | None:
        """The highlight of ``article`` that holds all of [start, end), if any."""
        return next((h for h, a in self.placed[article] if a.found and a.start <= start and end <= a.end), None)

    @changes_store
    def edit_at_cursor(self, pane: ArticlePane) -> None:
        sent = pane.article.sentences[pane.cursor]
        for h, a in self.placed[pane.article_index]:
            if a.found and a.start < sent.end and a.end > sent.start:
                self.editing.existing(h)
                return
        self.host.notify("No highlight here: press m to highlight the sentence, v to select.", timeout=SHORT)

    @changes_store
    def edit(self, h: Highlight) -> None:
        self.editing.existing(h)

    # ---------------------------------------------------------------- the panel
    @reads_store
    def open_panel(self) -> None:
        from reader.ui.screens.highlights import HighlightsScreen

        self.host.push_screen(HighlightsScreen(self.rows()))

    def rows(self) -> list[tuple[Highlight, str, str]]:
        """(highlight, article label, status) for the panel, in article then text order; then the
        orphans, whose article file is gone, with the path they had."""
        rows = []
        for k, placed in enumerate(self.placed):
            for h, a in sorted(placed, key=lambda x: (x[1].start, x[0].id)):
                rows.append((h, self.host.articles[k].label, a.status))
        for h in self.snapshot.orphans:
            rows.append((h, Path(h.article_path).name, f"orphaned: {show_path(h.article_path)} is gone; a re-attaches"))
        return rows

    @reads_store
    def jump(self, h: Highlight) -> None:
        for k, placed in enumerate(self.placed):
            for x, a in placed:
                if x.id == h.id and a.found:
                    self.host.reveal(k, a.start, a.end)
                    return
        self.host.notify("This highlight is orphaned: its text is not in the open articles. In the highlights "
                         "panel (H), a re-attaches it to an article.", severity="warning")

    @changes_store
    def delete(self, h: Highlight) -> None:
        self.calls.submit(lambda store: store.delete(h.id), lambda _: self._deleted(h))

    def _deleted(self, h: Highlight) -> None:
        self.deleted_here.append(h.id)
        self.drop(h)
        self.host.notify("Deleted. Press u to undo.", timeout=SHORT)

    def drop(self, h: Highlight) -> None:
        """No longer show ``h`` (deleted, or taken back)."""
        for placed in self.placed:
            placed[:] = [(x, a) for x, a in placed if x.id != h.id]
        self.snapshot.orphans[:] = [x for x in self.snapshot.orphans if x.id != h.id]
        self._changed()

    @changes_store
    def undo(self) -> None:
        """Bring back the last highlight deleted here, else the last deleted anywhere (after a restart too)."""
        last = self.deleted_here[-1] if self.deleted_here else None

        def restore(store: HighlightStore):
            h = store.restore(last) if last else store.restore_last()
            return h, self._read(store) if h is not None else None

        self.calls.submit(restore, self._restored)

    def _restored(self, answer: tuple[Highlight | None, Snapshot | None]) -> None:
        h, snapshot = answer
        if h is None:
            self.host.notify("Nothing to undo: no highlight was deleted.", timeout=BRIEF)
            return
        if h.id in self.deleted_here:
            self.deleted_here.remove(h.id)
        self._take(snapshot)
        self.host.notify(f"Restored: “{_short(h.quote)}”", timeout=BRIEF)

    @changes_store
    def rename(self, h: Highlight) -> None:
        """Ask for a tag (the highlight's first, to start with) and its new name; rename it everywhere."""
        def done(result: tuple[str, str] | None) -> None:
            if result is not None:
                self.calls.submit(lambda store: (store.rename_tag(*result), self._read(store)), renamed)

        def renamed(answer: tuple[int, Snapshot]) -> None:
            self._take(answer[1])
            self.host.notify(f"Renamed on {counted(answer[0], 'highlight')}.", timeout=SHORT)

        from reader.ui.screens.tag_note import RenameTagDialog

        self.host.push_screen(RenameTagDialog(h.tags[0] if h.tags else "", self.known_tags()), done)

    @changes_store
    def reattach(self, h: Highlight) -> None:
        """Put an orphaned highlight on its quote in an open article the user picks."""
        shown = {p.article_index for p in self.host.panes}
        self.host.push_screen(ReattachChooser(self.host.articles, 0, shown),
                              lambda k: k is not None and self._reattach_to(h, k))

    def _reattach_to(self, h: Highlight, k: int) -> None:
        art = self.host.articles[k]
        anchor = locate(h, art)
        if not anchor.found:
            self.host.notify(f"Not re-attached: “{_short(h.quote)}” is not in {art.label}.", severity="warning",
                             timeout=NOTICE)
            return
        s, e = anchor.start, anchor.end
        args = (article_key(art), art.content_hash, art.text[s:e], *context(art.text, s, e), *art.to_raw(s, e))

        def reattached(answer: tuple[Highlight, Snapshot]) -> None:
            self._take(answer[1])
            self.host.notify(f"Re-attached to {art.label}.", timeout=SHORT)

        self.calls.submit(lambda store: (store.reattach(h.id, *args), self._read(store)), reattached)

    # ---------------------------------------------------------------- export and closing
    @reads_store
    def export(self) -> None:
        from reader.highlights.export import entries_for, render, write_export

        articles, alignment, path = self.host.articles, self.host.alignment, self.export_path

        def export(store: HighlightStore) -> int:
            entries = entries_for(store, articles, alignment, [], [])
            write_export(render(entries, "md", alignment.threshold if alignment else None), "md", path)
            return len(entries)

        self.calls.submit(export, lambda n: self.host.notify(f"Exported {counted(n, 'highlight')} to {show_path(path)}",
                                                             timeout=NOTICE))

    def close(self) -> None:
        """Keep what an open dialog holds, finish the store calls asked for, close the database."""
        if self.calls is not None:
            self.editing.flush()
            self.calls.close()


def _short(text: str) -> str:
    return shortened(text, QUOTE_SHOWN + 1)
