"""The reader app: articles side by side, aligned passages coloured and linked, all by keyboard."""
from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Iterable

from rich.style import Style
from textual import on
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import var
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Header

from reader.highlights.store import HighlightStore
from reader.model import Alignment, Article, Group
from reader.safe_text import one_line, safe
from reader.ui import keys
from reader.ui.aligning.runner import AlignmentRunner
from reader.ui.aligning.work import Aligning
from reader.ui.commands import palette_commands
from reader.ui.highlights.correcting import Corrector
from reader.ui.highlights.highlighting import Highlighter
from reader.ui.levelling import follow, level
from reader.ui.mapping import StoryMapper
from reader.ui.notices import BRIEF, NOTICE
from reader.ui.palette import pane_styles
from reader.ui.screens.help import HelpScreen, help_sections
from reader.ui.screens.highlights import HighlightsScreen
from reader.ui.screens.quotes import QuotesScreen
from reader.ui.screens.switcher import ArticleSwitcher
from reader.ui.searching import Searcher
from reader.ui.widgets.article_pane import ArticlePane
from reader.ui.widgets.detail_panel import DetailPanel
from reader.ui.widgets.pane_header import PaneHeader
from reader.ui.wording import FILTER_LABELS, status_line

MIN_PANE_WIDTH = 40
FLASH_SECONDS = 0.7
FOLLOW_FRACTION = 3  # with sync on, the others follow what is a third down a mouse-scrolled pane
THRESHOLD_STEP = 0.05
MAIN_SCREEN_ACTIONS = {b.action.split("(")[0] for b in keys.APP}


class ReaderApp(App):
    """Split panes over a set of articles, coloured by an alignment computed in a worker."""

    TITLE = "reader"
    CSS_PATH = "app.tcss"
    BINDINGS = keys.APP

    threshold: var[float] = var(0.0)
    sync: var[bool] = var(True)
    aligning: var[bool] = var(True)  # an alignment (first, or at a new threshold) is running
    align_status: var[str] = var("aligning…")  # the title bar's word on it: "aligning… 40%", "alignment failed"
    alignment: var[Alignment | None] = var(None, always_update=True)  # the latest finished alignment
    shown: var[str] = var("all")  # what the panes show: all text, only shared or only unique (a / u)
    store_status: var[str] = var("")  # the title bar's word on the highlights database: busy, read-only

    def __init__(self, articles: list[Article], threshold: float, panes: int = 3, sync: bool = True,
                 wrap_width: int = 0, theme: str = "textual-dark", keymap: dict[str, str] | None = None,
                 database: Path | None = None, tag_colors: dict[str, str] | None = None,
                 export_path: Path = Path("highlights.md")) -> None:
        super().__init__()
        self.articles = articles
        self.threshold = threshold
        self.sync = sync
        self.max_panes = max(1, min(panes, len(articles)))
        self.wrap_width = wrap_width
        self.initial_theme = theme
        self.user_keymap = keymap or {}
        self.aligner = AlignmentRunner()
        self.corrector = Corrector(self)
        self.aligning_work = Aligning(self, after=self.corrector.take)
        self.highlighter = Highlighter(self, database and partial(HighlightStore, database), tag_colors or {},
                                       export_path)
        self.corrector.calls, self.highlighter.on_snapshot = self.highlighter.calls, self.corrector.take_snapshot
        self.searcher = Searcher(self)
        self.mapper = StoryMapper(self)

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
        for pane in self.panes:
            self._header(pane).show(pane.article, pane.article_index, len(self.articles))
        self._fit_panes()
        self.panes[0].focus()
        self.highlighter.load()
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

    def _header(self, pane: ArticlePane) -> PaneHeader:
        return pane.parent.query_one(PaneHeader)

    def on_resize(self, event) -> None:
        self._fit_panes(event.size.width)

    def _fit_panes(self, width: int | None = None) -> None:
        """Show as many panes as fit (at least one), hiding the rest."""
        fit = max(1, min(self.max_panes, (width or self.size.width) // MIN_PANE_WIDTH))
        for k, pane in enumerate(self.panes):
            pane.parent.set_class(k >= fit, "-hidden")
        if isinstance(self.focused, ArticlePane) and self.focused not in self.visible_panes:
            self.visible_panes[0].focus()

    def _show_status(self) -> None:
        """The title bar: articles, shared passages (or how the alignment goes), the threshold, sync,
        what the panes show and the highlights database's state."""
        groups = None if self.align_status or self.alignment is None else len(self.alignment.groups)
        self.sub_title = status_line(len(self.articles), groups, self.threshold, self.sync, self.shown,
                                     self.align_status, self.store_status)

    # each changes what the title bar says
    watch_threshold = watch_sync = watch_align_status = watch_shown = watch_store_status = _show_status

    def watch_alignment(self, alignment: Alignment | None) -> None:
        """Colour the panes with a finished alignment."""
        for pane in self.panes:
            pane.set_alignment(alignment)
        self._show_status()
        self._show_detail()

    # ---------------------------------------------------------------- alignment
    def realign(self) -> None:
        """Align again at the current threshold; the old colours stay until the new ones are ready."""
        self.aligning_work.start()

    def action_cancel_alignment(self) -> None:
        self.aligning_work.cancel()

    def on_unmount(self) -> None:
        self.aligning_work.stop()  # no orphan alignment process after quitting
        self.highlighter.close()  # what is being typed is kept, what was asked for is saved

    def notify(self, message: str, *, title: str = "", severity="information", timeout: float | None = None,
               markup: bool = False) -> None:
        """Every notice is one terminal-safe line and never markup: names and text in it are data."""
        super().notify(one_line(message), title=one_line(title), severity=severity, timeout=timeout, markup=False)

    # ---------------------------------------------------------------- theme
    def _styles(self):
        colors = self.get_css_variables()
        return pane_styles(colors["background"], colors["foreground"], colors["accent"], self.current_theme.dark)

    def highlight_style(self) -> Style:
        return self._styles().highlight

    def watch_theme(self, theme: str) -> None:
        styles = self._styles()
        for pane in self.panes:
            pane.set_styles(styles)
        self.highlighter.show()

    # ---------------------------------------------------------------- following the cursor
    def on_article_pane_cursor_moved(self, event: ArticlePane.CursorMoved) -> None:
        if event.pane is not self.focused:
            return
        if self.sync and event.aligned and self.alignment is not None:
            self._level_with(event.pane)
        elif self.sync:
            self._sync_from(event.pane)
        self._show_detail()

    def _level_with(self, source: ArticlePane) -> None:
        """] or [ reached a passage: its counterparts come level with it in one step."""
        g = self.alignment.group_at(source.article_index, source.cursor)
        if g is None:
            self._sync_from(source)
        else:
            level(source, self.alignment.groups[g], self.visible_panes)

    def _show_detail(self) -> None:
        panel = self.query_one(DetailPanel)
        if panel.has_class("-visible"):
            pane = self.focused_pane
            panel.show_passage(self.alignment, pane.article_index, pane.cursor)

    def on_article_pane_scrolled(self, event: ArticlePane.Scrolled) -> None:
        """The mouse scrolled a pane: with sync on, the others follow what is a third down its view."""
        pane = event.pane
        if self.sync and pane in self.visible_panes:
            self._sync_from(pane, pane.sentence_at_line(int(pane.scroll_offset.y) + pane.size.height // FOLLOW_FRACTION))

    def _sync_from(self, source: ArticlePane, start: int | None = None) -> None:
        if self.alignment is not None:
            follow(self.alignment, source, self.visible_panes, start)

    # ---------------------------------------------------------------- actions
    def action_focus_pane(self, delta: int) -> None:
        panes = self.visible_panes
        current = self.focused_pane
        k = panes.index(current) if current in panes else 0
        self.set_focus(panes[(k + delta) % len(panes)])  # at once: the keys typed next act there

    def action_jump_counterpart(self) -> None:
        """Level every other pane's counterpart of the cursor's passage with the cursor, and flash it."""
        source = self.focused_pane
        if self.alignment is None:
            self.notify("Still aligning…", timeout=BRIEF)
            return
        g = self.alignment.group_at(source.article_index, source.cursor)
        if g is None:
            self.notify("Only this source reports this sentence.", timeout=BRIEF)
            return
        group = self.alignment.groups[g]
        self.bring_in_counterpart(source, group)
        targets = level(source, group, self.visible_panes, FLASH_SECONDS)
        if not targets:
            others = ", ".join(self.articles[p.article].label for p in group.passages
                               if p.article != source.article_index)
            self.notify(f"Counterparts are in articles not shown: {safe(others)}. Press o to show one.",
                        timeout=NOTICE, markup=False)

    def bring_in_counterpart(self, source: ArticlePane, group: Group) -> None:
        """When no other pane shows a counterpart, show the first one in the pane after ``source``."""
        panes = self.visible_panes
        shown = {p.article_index for p in panes if p is not source}
        others = [p.article for p in group.passages if p.article != source.article_index]
        if len(panes) < 2 or not others or shown & set(others):
            return
        self._load(panes[(panes.index(source) + 1) % len(panes)], others[0])

    def reveal(self, article: int, start: int, end: int) -> None:
        """Show [start, end) of ``article`` (in the focused pane if no pane shows it), the cursor on it."""
        pane = self._pane_for(article)
        pane.focus()
        pane.set_cursor(pane.sentence_at_offset(start))
        pane.flash(start, end, FLASH_SECONDS)

    def _pane_for(self, article: int) -> ArticlePane:
        """The visible pane showing ``article``; else the focused pane, made to show it."""
        pane = next((p for p in self.visible_panes if p.article_index == article), None)
        if pane is None:
            pane = self.focused_pane
            self._show_in_pane(pane, article)
        return pane

    def action_toggle_sync(self) -> None:
        self.sync = not self.sync
        if self.sync:
            self._sync_from(self.focused_pane)
        self.notify(f"Synchronized scrolling {'on' if self.sync else 'off'}", timeout=BRIEF)

    def action_toggle_detail(self) -> None:
        panel = self.query_one(DetailPanel)
        panel.toggle_class("-visible")
        self._show_detail()

    def action_filter(self, mode: str) -> None:
        """Toggle showing only shared (or only unique) text in every pane."""
        current = self.panes[0].filter
        mode = "all" if current == mode else mode
        if mode != "all" and self.alignment is None:
            self.notify("Still aligning: which text is shared is not known yet.", timeout=BRIEF)
            return
        for pane in self.panes:
            pane.set_filter(mode)
        self.shown = mode
        self.notify(f"Showing {FILTER_LABELS[mode]}", timeout=BRIEF)

    def action_search(self) -> None:
        self.searcher.open()

    def action_search_next(self, delta: int) -> None:
        self.searcher.step(delta)

    def action_switch_article(self) -> None:
        pane = self.focused_pane
        shown = {p.article_index for p in self.visible_panes}
        self.push_screen(ArticleSwitcher(self.articles, pane.article_index, shown),
                         lambda k: k is not None and self._show_in_pane(pane, k))

    def action_cycle_article(self, delta: int) -> None:
        """Show the next (previous) article not already in another pane; swap when all are shown."""
        pane = self.focused_pane
        others = {p.article_index for p in self.visible_panes if p is not pane}
        n = len(self.articles)
        candidates = [(pane.article_index + delta * k) % n for k in range(1, n)]
        index = next((k for k in candidates if k not in others), candidates[0] if candidates else pane.article_index)
        self._show_in_pane(pane, index)

    def _show_in_pane(self, pane: ArticlePane, index: int) -> None:
        """Show article ``index`` in ``pane``; a pane already showing it gets ``pane``'s article."""
        other = next((p for p in self.visible_panes if p is not pane and p.article_index == index), None)
        if other is not None:
            self._load(other, pane.article_index)
        self._load(pane, index)
        pane.focus()

    def _load(self, pane: ArticlePane, index: int) -> None:
        """Show article ``index`` in ``pane``, with its colours, search matches, highlights and header."""
        pane.show_article(self.articles[index], index, self.alignment)
        pane.set_matches(self.searcher.in_article(index))
        self.highlighter.show()
        self._header(pane).show(pane.article, index, len(self.articles))

    def action_threshold(self, direction: int) -> None:
        new = round(min(1.0, max(0.0, self.threshold + direction * THRESHOLD_STEP)), 2)
        if new == self.threshold:
            return
        self.threshold = new
        self.notify(f"Re-aligning at threshold {new:.2f}…", timeout=BRIEF)
        self.realign()

    def action_help(self) -> None:
        self.push_screen(HelpScreen(help_sections(self.user_keymap)))

    # ---------------------------------------------------------------- highlights
    @on(ArticlePane.HighlightRequested)
    def _highlight(self, event: ArticlePane.HighlightRequested) -> None:
        self.highlighter.add(event.pane, event.start, event.end)

    def action_highlight(self) -> None:
        """m: highlight at once (not by message), so the dialog takes the keys typed right after."""
        pane = self.focused_pane
        span = pane.take_span()
        if span is not None:
            self.highlighter.add(pane, *span)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The main screen's (priority) keys act there only: a dialog's keys are its own.  Esc
        cancels an alignment only when there is no selection to cancel."""
        if action == "cancel_alignment":
            return self.aligning and self.screen is self.screen_stack[0] and not self.focused_pane.selection
        return action not in MAIN_SCREEN_ACTIONS or not isinstance(self.screen, ModalScreen)

    def action_tag_highlight(self) -> None:
        self.highlighter.edit_at_cursor(self.focused_pane)

    def action_highlights(self) -> None:
        self.highlighter.open_panel()

    def action_export(self) -> None:
        self.highlighter.export()

    def action_correct(self, kind: str) -> None:
        getattr(self.corrector, kind)(self.focused_pane)

    def action_quotes(self) -> None:
        self.push_screen(QuotesScreen(self.articles, self.alignment), lambda at: at and self.reveal(*at))

    def action_story_map(self) -> None:
        self.mapper.open()

    def on_story_map_screen_open(self, event) -> None:  # StoryMapScreen.Open: a passage chosen on the map
        self.mapper.show(event)

    @on(HighlightsScreen.Jump)
    @on(HighlightsScreen.Edit)
    @on(HighlightsScreen.Delete)
    @on(HighlightsScreen.RenameTag)
    @on(HighlightsScreen.Reattach)
    @on(HighlightsScreen.Undo)
    def _panel_chose(self, event: HighlightsScreen.Chosen | HighlightsScreen.Undo) -> None:
        """The highlights panel asks for something to be done with a highlight (or undo a delete)."""
        hl = self.highlighter
        act = {HighlightsScreen.Jump: hl.jump, HighlightsScreen.Edit: hl.edit, HighlightsScreen.Delete: hl.delete,
               HighlightsScreen.RenameTag: hl.rename, HighlightsScreen.Reattach: hl.reattach}
        act[type(event)](event.highlight) if type(event) in act else hl.undo()

    # ---------------------------------------------------------------- palette
    def all_bindings(self) -> list[Binding]:
        """The bindings of the main screen: the panes' and the app's."""
        return [*ArticlePane.BINDINGS, *self.BINDINGS]

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        return palette_commands(self, screen, super().get_system_commands(screen))

    async def run_on_pane(self, action: str) -> None:
        await self.run_action(action, self.focused_pane)
