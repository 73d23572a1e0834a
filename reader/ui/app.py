"""The reader app: articles side by side, aligned passages coloured and linked, all by keyboard."""
from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Iterable

from textual import work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header

from reader.highlights.store import HighlightStore
from reader.model import Alignment, Article
from reader.safe_text import safe
from reader.ui.alignment_runner import AlignmentFailed, AlignmentRunner
from reader.ui.highlighting import HIGHLIGHT_BINDINGS, HighlightingMixin
from reader.ui.palette import pane_styles
from reader.ui.screens.help import HelpScreen, help_rows
from reader.ui.screens.search import Match, SearchScreen, find_all
from reader.ui.screens.switcher import ArticleSwitcher
from reader.ui.widgets.article_pane import ArticlePane, Span
from reader.ui.widgets.detail_panel import DetailPanel, group_of
from reader.ui.widgets.pane_header import PaneHeader

MIN_PANE_WIDTH = 40
FLASH_SECONDS = 0.7
THRESHOLD_STEP = 0.05


class ReaderApp(HighlightingMixin, App):
    """Split panes over a set of articles, coloured by an alignment computed in a worker."""

    TITLE = "reader"
    CSS = """
    #panes { height: 1fr; }
    .column { width: 1fr; border-left: vkey $panel; }
    .column.-hidden { display: none; }
    """
    BINDINGS = [
        Binding("enter,c", "jump_counterpart", "Counterpart", id="jump_counterpart"),
        Binding("tab,l,ctrl+right", "focus_pane(1)", "Next pane", id="next_pane", show=False),
        Binding("shift+tab,h,ctrl+left", "focus_pane(-1)", "Previous pane", id="previous_pane", show=False),
        Binding("s", "toggle_sync", "Sync", id="toggle_sync"),
        Binding("d", "toggle_detail", "Detail", id="toggle_detail"),
        Binding("a", "filter('shared')", "Only shared", id="only_shared", show=False),
        Binding("u", "filter('unique')", "Only unique", id="only_unique", show=False),
        Binding("slash", "search", "Search", id="search"),
        Binding("n", "search_next(1)", "Next match", id="search_next", show=False),
        Binding("N", "search_next(-1)", "Previous match", id="search_previous", show=False),
        Binding("o", "switch_article", "Articles", id="switch_article"),
        Binding("full_stop", "cycle_article(1)", "Next article in pane", id="next_article", show=False),
        Binding("comma", "cycle_article(-1)", "Previous article in pane", id="previous_article", show=False),
        Binding("plus,equals_sign", "threshold(1)", "Stricter", id="threshold_up", show=False),
        Binding("minus", "threshold(-1)", "Looser", id="threshold_down", show=False),
        *HIGHLIGHT_BINDINGS,
        Binding("question_mark,f1", "help", "Help", id="help"),
        Binding("q", "quit", "Quit", id="quit"),
    ]

    def __init__(self, articles: list[Article], threshold: float, panes: int = 3, sync: bool = True,
                 wrap_width: int = 0, theme: str = "textual-dark", keymap: dict[str, str] | None = None,
                 store: HighlightStore | None = None, tag_colors: dict[str, str] | None = None,
                 export_path: Path = Path("highlights.md")) -> None:
        super().__init__()
        self.store = store
        self.tag_colors = tag_colors or {}
        self.export_path = export_path
        self.deleted: list[str] = []  # ids deleted in this session, for undo
        self.articles = articles
        self.threshold = threshold
        self.max_panes = max(1, min(panes, len(articles)))
        self.sync = sync
        self.wrap_width = wrap_width
        self.initial_theme = theme
        self.user_keymap = keymap or {}
        self.alignment: Alignment | None = None  # the latest finished alignment
        self.aligning = False  # an alignment (first, or at a new threshold) is running
        self.aligner = AlignmentRunner()
        self.search_query = ""
        self.search_matches: list[Match] = []
        self.search_index = -1

    # ---------------------------------------------------------------- layout
    def compose(self) -> ComposeResult:
        yield Header()
        styles = self._styles()
        with Horizontal(id="panes"):
            for k in range(self.max_panes):
                with Vertical(classes="column"):
                    yield PaneHeader()
                    yield ArticlePane(self.articles[k], k, styles, self.wrap_width, id=f"pane-{k}")
        yield DetailPanel()
        yield Footer()

    def on_mount(self) -> None:
        self.theme = self.initial_theme
        if self.user_keymap:
            self.set_keymap(self.user_keymap)
        self._update_headers()
        self._fit_panes()
        self.panes[0].focus()
        self.load_highlights()
        self.aligning = True
        self.call_after_refresh(self.realign)  # text first: starting the aligner costs the UI thread time

    @property
    def panes(self) -> list[ArticlePane]:
        return list(self.query(ArticlePane))

    @property
    def visible_panes(self) -> list[ArticlePane]:
        return [p for p in self.panes if p.parent is not None and not p.parent.has_class("-hidden")]

    @property
    def focused_pane(self) -> ArticlePane:
        focused = self.focused
        if isinstance(focused, ArticlePane):
            return focused
        return self.visible_panes[0]

    def on_resize(self, event) -> None:
        self._fit_panes(event.size.width)

    def _fit_panes(self, width: int | None = None) -> None:
        """Show as many panes as fit (at least one), hiding the rest."""
        fit = max(1, min(self.max_panes, (width or self.size.width) // MIN_PANE_WIDTH))
        for k, pane in enumerate(self.panes):
            pane.parent.set_class(k >= fit, "-hidden")
        if isinstance(self.focused, ArticlePane) and self.focused not in self.visible_panes:
            self.visible_panes[0].focus()

    def _update_headers(self) -> None:
        for pane in self.panes:
            header = pane.parent.query_one(PaneHeader)
            header.show(pane.article, pane.index, len(self.articles))
            header.set_class(pane.has_focus, "-focused")
        groups = "aligning…" if self.aligning or self.alignment is None else f"{len(self.alignment.groups)} shared passages"
        self.sub_title = (f"{len(self.articles)} articles · {groups} · threshold {self.threshold:.2f}"
                          f" · sync {'on' if self.sync else 'off'}")

    # ---------------------------------------------------------------- alignment
    def realign(self) -> None:
        """Align again at the current threshold; the old colours stay until the new ones are ready."""
        self.aligning = True
        self._update_headers()
        self._align_worker(self.threshold)

    @work(thread=True, exclusive=True, group="align")
    def _align_worker(self, threshold: float) -> None:
        try:
            result = self.aligner.run(self.articles, threshold)
        except AlignmentFailed as e:
            self.call_from_thread(self._alignment_failed, str(e))
            return
        if result is not None:  # None: a newer run replaced this one
            self.call_from_thread(self.set_alignment, result)

    def on_unmount(self) -> None:
        self.aligner.stop()  # no orphan alignment process after quitting

    def _alignment_failed(self, message: str) -> None:
        self.aligning = False
        self._update_headers()
        self.notify(f"Alignment failed: {safe(message)}", severity="error", timeout=8, markup=False)

    def set_alignment(self, result: Alignment) -> None:
        """Colour the panes with a finished alignment."""
        if result.threshold != self.threshold:
            return  # a newer threshold is being aligned
        self.aligning = False
        self.alignment = result
        self.spans = spans_by_article(result, len(self.articles))
        for pane in self.panes:
            pane.set_spans(self.spans[pane.index])
        self._update_headers()
        self._show_detail()

    # ---------------------------------------------------------------- theme
    def _styles(self):
        colors = self.get_css_variables()
        return pane_styles(colors["background"], colors["foreground"], colors["accent"], self.current_theme.dark)

    def watch_theme(self, theme: str) -> None:
        styles = self._styles()
        for pane in self.panes:
            pane.set_styles(styles)
        if hasattr(self, "placed"):
            self.show_highlights()

    # ---------------------------------------------------------------- events
    def on_article_pane_cursor_moved(self, event: ArticlePane.CursorMoved) -> None:
        if event.pane is not self.focused:
            return
        self._update_headers()
        if self.sync:
            self._sync_from(event.pane)
        self._show_detail()

    def _show_detail(self) -> None:
        panel = self.query_one(DetailPanel)
        if panel.has_class("-visible"):
            pane = self.focused_pane
            panel.show_passage(self.alignment, pane.index, pane.cursor)

    def on_article_pane_scrolled(self, event: ArticlePane.Scrolled) -> None:
        """The mouse scrolled a pane: with sync on, the others follow what is a third down its view."""
        pane = event.pane
        if self.sync and pane in self.visible_panes:
            self._sync_from(pane, pane.sentence_at_line(int(pane.scroll_offset.y) + pane.size.height // 3))

    def _sync_from(self, source: ArticlePane, start: int | None = None) -> None:
        """Scroll the other panes so passages aligned with the cursor's (or ``start``'s) neighbourhood
        are level."""
        if self.alignment is None:
            return
        for pane in self.visible_panes:
            if pane is source:
                continue
            anchor = self._anchor(source, pane.index, start)
            if anchor is not None:
                sentence, passage = anchor
                row = source.sentence_line(sentence) - int(source.scroll_offset.y)
                pane.place_line_at_row(pane.line_of(passage.start), row)
                pane.show_counterpart(passage.first_sentence)

    def _anchor(self, source: ArticlePane, other: int, start: int | None = None):
        """The nearest sentence at or above ``start`` (the cursor) aligned with article ``other``, and its
        counterpart."""
        assert self.alignment is not None
        for k in range(source.cursor if start is None else start, -1, -1):
            g = source.sentence_groups.get(k)
            if g is None:
                continue
            for p in self.alignment.groups[g].passages:
                if p.article == other:
                    return k, p
        return None

    # ---------------------------------------------------------------- actions
    def action_focus_pane(self, delta: int) -> None:
        panes = self.visible_panes
        current = self.focused_pane
        k = panes.index(current) if current in panes else 0
        panes[(k + delta) % len(panes)].focus()
        self._update_headers()

    def action_jump_counterpart(self) -> None:
        """Level every other pane's counterpart of the cursor's passage with the cursor, and flash it."""
        source = self.focused_pane
        if self.alignment is None:
            self.notify("Still aligning…", timeout=2)
            return
        group = group_of(self.alignment, source.index, source.cursor)
        if group is None:
            self.notify("Only this source reports this sentence.", timeout=2)
            return
        self._bring_in_counterpart(source, group)
        shown = {p.index: p for p in self.visible_panes}
        targets = [(shown[p.article], p) for p in group.passages if p.article in shown and shown[p.article] is not source]
        own_line = source.sentence_line(source.cursor)
        row = _common_row([(source, own_line)] + [(pane, pane.line_of(p.start)) for pane, p in targets],
                          source.cursor_row())
        source.place_line_at_row(own_line, row)
        for pane, passage in targets:
            pane.place_line_at_row(pane.line_of(passage.start), row)
            pane.cursor = passage.first_sentence
            self._flash(pane, passage.start, passage.end)
        if not targets:
            others = ", ".join(self.articles[p.article].label for p in group.passages if p.article != source.index)
            self.notify(f"Counterparts are in articles not shown: {safe(others)}. Press o to show one.",
                        timeout=4, markup=False)

    def _bring_in_counterpart(self, source: ArticlePane, group) -> None:
        """When no other pane shows a counterpart, show the first one in the pane after ``source``."""
        panes = self.visible_panes
        shown = {p.index for p in panes if p is not source}
        others = [p.article for p in group.passages if p.article != source.index]
        if len(panes) < 2 or not others or shown & set(others):
            return
        target = panes[(panes.index(source) + 1) % len(panes)]
        self._load(target, others[0])
        self.show_highlights()
        self._update_headers()

    def _flash(self, pane: ArticlePane, start: int, end: int) -> None:
        pane.flash_span = (start, end)
        pane.refresh()  # the flash is part of the strip cache key: no cached line is dropped

        def clear() -> None:
            pane.flash_span = None
            pane.refresh()

        self.set_timer(FLASH_SECONDS, clear)

    def action_toggle_sync(self) -> None:
        self.sync = not self.sync
        self._update_headers()
        if self.sync:
            self._sync_from(self.focused_pane)
        self.notify(f"Synchronized scrolling {'on' if self.sync else 'off'}", timeout=2)

    def action_toggle_detail(self) -> None:
        panel = self.query_one(DetailPanel)
        panel.toggle_class("-visible")
        self._show_detail()

    def action_filter(self, mode: str) -> None:
        """Toggle showing only shared (or only unique) text in every pane."""
        current = self.panes[0].filter
        mode = "all" if current == mode else mode
        if mode != "all" and self.alignment is None:
            self.notify("Still aligning: which text is shared is not known yet.", timeout=2)
            return
        for pane in self.panes:
            pane.set_filter(mode)
        label = {"all": "all text", "shared": "only shared passages", "unique": "only unique text"}[mode]
        self.notify(f"Showing {label}", timeout=2)

    def action_search(self) -> None:
        pane = self.focused_pane
        self.push_screen(SearchScreen(self.articles, pane.index, self.search_query), self._search_done)

    def _search_done(self, result: tuple[str, Match] | None) -> None:
        if result is None:
            return
        self.search_query, match = result
        self.search_matches = find_all(self.articles, self.search_query, self.focused_pane.index)
        self.search_index = self.search_matches.index(match) if match in self.search_matches else 0
        self._show_match()

    def action_search_next(self, delta: int) -> None:
        if not self.search_matches:
            self.notify("No search yet: press / to search.", timeout=2)
            return
        self.search_index = (self.search_index + delta) % len(self.search_matches)
        self._show_match()

    def _show_match(self) -> None:
        match = self.search_matches[self.search_index]
        pane = next((p for p in self.visible_panes if p.index == match.article), None)
        if pane is None:
            pane = self.focused_pane
            self._show_in_pane(pane, match.article)
        pane.focus()
        for p in self.panes:
            p.matches = [(m.start, m.end) for m in self.search_matches if m.article == p.index]
            p.invalidate()
        pane.set_cursor(pane.sentence_at_offset(match.start))
        self.notify(f"Match {self.search_index + 1} of {len(self.search_matches)}: "
                    f"{safe(self.articles[match.article].label)}", timeout=2, markup=False)

    def action_switch_article(self) -> None:
        pane = self.focused_pane
        shown = {p.index for p in self.visible_panes}
        self.push_screen(ArticleSwitcher(self.articles, pane.index, shown),
                         lambda k: k is not None and self._show_in_pane(pane, k))

    def action_cycle_article(self, delta: int) -> None:
        """Show the next (previous) article not already in another pane; swap when all are shown."""
        pane = self.focused_pane
        others = {p.index for p in self.visible_panes if p is not pane}
        n = len(self.articles)
        candidates = [(pane.index + delta * k) % n for k in range(1, n)]
        index = next((k for k in candidates if k not in others), candidates[0] if candidates else pane.index)
        self._show_in_pane(pane, index)

    def _show_in_pane(self, pane: ArticlePane, index: int) -> None:
        """Show article ``index`` in ``pane``; a pane already showing it gets ``pane``'s article."""
        other = next((p for p in self.visible_panes if p is not pane and p.index == index), None)
        if other is not None:
            self._load(other, pane.index)
        self._load(pane, index)
        self.show_highlights()
        self._update_headers()
        pane.focus()

    def _load(self, pane: ArticlePane, index: int) -> None:
        spans = self.spans[index] if self.alignment is not None else []
        pane.show_article(self.articles[index], index, spans)
        pane.matches = [(m.start, m.end) for m in self.search_matches if m.article == index]

    def action_threshold(self, direction: int) -> None:
        new = round(min(1.0, max(0.0, self.threshold + direction * THRESHOLD_STEP)), 2)
        if new == self.threshold:
            return
        self.threshold = new
        self.notify(f"Re-aligning at threshold {new:.2f}…", timeout=2)
        self.realign()

    def action_help(self) -> None:
        self.push_screen(HelpScreen(help_rows(self.all_bindings(), self.user_keymap)))

    def all_bindings(self) -> list[Binding]:
        return [*ArticlePane.BINDINGS, *self.BINDINGS]

    # ---------------------------------------------------------------- palette
    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        pane_ids = {b.id for b in ArticlePane.BINDINGS}
        for b in self.all_bindings():
            if b.action == "quit":
                continue
            run = partial(self._run_on_pane, b.action) if b.id in pane_ids else partial(self.run_action, b.action)
            yield SystemCommand(b.description, f"{b.description} (keys: {b.key})", run)

    async def _run_on_pane(self, action: str) -> None:
        await self.run_action(action, self.focused_pane)


def spans_by_article(alignment: Alignment, count: int) -> list[list[Span]]:
    """For each article, its aligned spans tagged with their group number."""
    spans: list[list[Span]] = [[] for _ in range(count)]
    for g, group in enumerate(alignment.groups):
        for p in group.passages:
            spans[p.article].append(Span(p.start, p.end, g))
    return spans


def _common_row(placements: list[tuple[ArticlePane, int]], preferred: int) -> int:
    """The screen row nearest ``preferred`` at which every pane can show its line (a passage near
    the top or end of a short article cannot move far); ``preferred`` when there is none."""
    lo = max(pane.rows_for_line(line)[0] for pane, line in placements)
    hi = min(pane.rows_for_line(line)[1] for pane, line in placements)
    return min(max(preferred, lo), hi) if lo <= hi else preferred
