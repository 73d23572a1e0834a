"""A virtualised view of one article: only visible lines are drawn, and strips are cached.

The pane owns a sentence cursor and draws its ``ArticleLayout`` (the pure logic of where text
goes); it never reaches up into the app: it posts ``CursorMoved``, ``Scrolled`` and (from
``Selecting``, its selection by keys and mouse) ``HighlightRequested``.  Whatever the app shows
on it goes through methods that redraw.
"""
from __future__ import annotations

from rich.style import Style
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.model import Alignment, Article
from reader.ui import keys
from reader.ui.article_layout import ArticleLayout
from reader.ui.palette import PaneStyles
from reader.ui.widgets.pane_lines import GUTTER, Overlays, Range, fit, line_segments
from reader.ui.widgets.pane_selection import Selecting

CACHED_STRIPS = 1024
WRAP_STEP = 300  # paragraphs wrapped per step in the background (a few milliseconds)
WRAP_PAUSE = 0.01  # seconds between steps: keys and frames come first
JUMP_CONTEXT_FRACTION = 4  # a jump out of view shows the cursor a quarter down, with context above
MIN_TEXT_WIDTH = 8


class ArticlePane(Selecting, ScrollView, can_focus=True):
    """One article, wrapped to the pane's width, with a sentence cursor."""

    BINDINGS = keys.PANE
    ALLOW_SELECT = False  # the pane selects with the mouse itself, in text offsets (see on_mouse_down)

    DEFAULT_CSS = """
    ArticlePane { height: 1fr; width: 1fr; overflow-x: hidden; scrollbar-size-vertical: 1; scrollbar-gutter: stable; }
    """

    class CursorMoved(Message):
        """The cursor of ``pane`` moved to another sentence (``aligned``: to the next or previous
        aligned passage, by ] or [)."""

        def __init__(self, pane: ArticlePane, aligned: bool = False) -> None:
            super().__init__()
            self.pane = pane
            self.aligned = aligned

    class Scrolled(Message):
        """The user scrolled ``pane`` with the mouse (the cursor did not move)."""

        def __init__(self, pane: ArticlePane) -> None:
            super().__init__()
            self.pane = pane

    def __init__(self, article: Article, article_index: int, styles: PaneStyles, wrap_width: int = 0,
                 **kwargs) -> None:
        super().__init__(**kwargs)
        self.styles_ = styles
        self.wrap_width = wrap_width
        self.article_layout = ArticleLayout(article)
        self.cursor = 0
        self.flash_span: Range | None = None
        self.matches: tuple[Range, ...] = ()  # search matches
        self.marks: tuple[tuple[int, int, Style], ...] = ()  # highlights
        self.selection: Range | None = None  # (anchor, head) display offsets
        self._drag_from: int | None = None  # where a mouse drag started
        self._flash_timer = None
        self._width = 0
        self._version = 0
        self._cache: LRUCache[tuple, Strip] = LRUCache(CACHED_STRIPS)
        self._base_style: tuple[int, Style] | None = None  # (version, the widget's rich_style)
        self._focused = False  # as has_focus, which is too slow to ask for every line
        self.marked = True  # the idle cursor is drawn (False: this pane has no counterpart to show)
        self._overlays_of: tuple[tuple, Overlays] | None = None  # (the state they show, the overlays)
        self._wrap_timer = None  # the next step of wrapping in the background
        self.show_article(article, article_index)

    @property
    def article(self) -> Article:
        return self.article_layout.article

    @property
    def filter(self) -> str:
        return self.article_layout.filter

    @property
    def sentence_groups(self) -> dict[int, int]:
        """Each aligned sentence with its group number."""
        return self.article_layout.sentence_groups

    # ---------------------------------------------------------------- what is shown
    def show_article(self, article: Article, article_index: int, alignment: Alignment | None = None) -> None:
        """Show another article (keeps nothing of the previous one but the filter)."""
        self.article_index = article_index
        self.article_layout.show(article, alignment, article_index)
        self.cursor = 0
        self.matches, self.marks = (), ()
        self.selection = self.flash_span = None
        self._relayout()
        self.scroll_to(y=0, animate=False, immediate=True)

    def set_alignment(self, alignment: Alignment | None) -> None:
        """Colour the aligned passages of a (new) alignment."""
        self.article_layout.set_alignment(alignment, self.article_index)
        self._relayout()

    def set_styles(self, styles: PaneStyles) -> None:
        self.styles_ = styles
        self.invalidate()

    def set_filter(self, mode: str) -> None:
        self.article_layout.set_filter(mode)
        self._relayout()
        self.cursor = self.article_layout.nearest_visible(self.cursor, 1)
        self.scroll_cursor_into_view()

    def set_matches(self, matches: list[Range]) -> None:
        """Mark these search matches."""
        self.matches = tuple(matches)
        self.invalidate()

    def set_marks(self, marks: list[tuple[int, int, Style]]) -> None:
        """Draw these highlights, each in its style."""
        self.marks = tuple(marks)
        self.invalidate()

    def flash(self, start: int, end: int, seconds: float) -> None:
        """Draw [start, end) bright for a moment."""
        if self._flash_timer is not None:
            self._flash_timer.stop()
        self.flash_span = (start, end)
        self.refresh()  # the flash is part of the strip cache key: no cached line is dropped
        self._flash_timer = self.set_timer(seconds, self._end_flash)

    def _end_flash(self) -> None:
        self.flash_span = self._flash_timer = None
        self.refresh()

    def invalidate(self) -> None:
        """Forget cached strips and redraw."""
        self._version += 1
        self._cache.clear()
        self.refresh()

    # ---------------------------------------------------------------- layout
    def on_mount(self) -> None:
        self._wrap_later()

    def on_resize(self) -> None:
        if self.scrollable_content_region.width != self._width:
            keep = self.cursor
            self._relayout()
            self.cursor = keep
            self.scroll_cursor_into_view()

    def _relayout(self) -> None:
        self._width = self.scrollable_content_region.width  # 0 before the first resize: no lines yet
        width = max(MIN_TEXT_WIDTH, self._width - GUTTER)
        self.article_layout.set_width(min(width, self.wrap_width or width) if self._width else 0)
        self._sync_size()
        self.invalidate()
        self._wrap_later()

    def _sync_size(self) -> None:
        """The scrollable size from the line count (an estimate until all lines are wrapped)."""
        size = Size(self._width, self.article_layout.line_count)
        if size != self.virtual_size:
            self.virtual_size = size

    def _wrap_later(self) -> None:
        """Wrap the lines not wrapped yet, a step at a time, between frames and keys: the
        first frame wraps only what it shows."""
        if not self.article_layout.wrapped and self._wrap_timer is None and self.is_mounted:
            self._wrap_timer = self.set_timer(WRAP_PAUSE, self._wrap_step)

    def _wrap_step(self) -> None:
        self._wrap_timer = None
        self.article_layout.wrap_more(WRAP_STEP)
        self._sync_size()
        self._wrap_later()

    @property
    def line_count(self) -> int:
        return self.article_layout.line_count

    def line_of(self, offset: int) -> int:
        return self.article_layout.line_of(offset)

    def sentence_line(self, index: int) -> int:
        return self.article_layout.sentence_line(index)

    def sentence_at_line(self, line: int) -> int:
        return self.article_layout.sentence_at_line(line)

    def sentence_at_offset(self, offset: int) -> int:
        return self.article_layout.sentence_at_offset(offset)

    # ---------------------------------------------------------------- drawing
    def render_line(self, y: int) -> Strip:
        """Screen line ``y``: cached by line, width, style version and the overlays touching it."""
        index = int(self.scroll_offset.y) + y
        width = self.scrollable_content_region.width
        over = self._overlays()
        line = self.article_layout.line(index)
        key = (index, width, self._version, over.key_on(line) if line is not None else ())
        strip = self._cache.get(key)
        if strip is None:
            strip = fit(line_segments(self.article_layout, index, over, self.styles_), width, self._widget_style())
            self._cache[key] = strip
        return strip

    def _overlays(self) -> Overlays:
        """What is drawn over the text now (made again only when some of it changed)."""
        state = (self.cursor, self._focused, self.marked, self.flash_span, self.selection, self._version)
        if self._overlays_of is None or self._overlays_of[0] != state:
            sents = self.article.sentences
            cursor = sents[self.cursor] if sents and (self._focused or self.marked) else None
            over = Overlays(cursor, self._focused, self.flash_span, self.selection, self.matches, self.marks)
            self._overlays_of = (state, over)
        return self._overlays_of[1]

    def _widget_style(self) -> Style:
        """The widget's CSS style (costly to compute, so kept until the next invalidate)."""
        if self._base_style is None or self._base_style[0] != self._version:
            self._base_style = (self._version, self.rich_style)
        return self._base_style[1]

    # ---------------------------------------------------------------- cursor
    def set_cursor(self, index: int, scroll: bool = True, aligned: bool = False) -> None:
        sents = self.article.sentences
        if not sents:
            return
        index = max(0, min(index, len(sents) - 1))
        self.cursor = self.article_layout.nearest_visible(index, 1 if index >= self.cursor else -1)
        if self.selection:
            sent = sents[self.cursor]
            anchor = self.selection[0]
            self.selection = (anchor, sent.end if sent.end > anchor else sent.start)
        self.refresh()  # the cursor is part of each line's cache key: nothing to forget
        if scroll:
            self.scroll_cursor_into_view()
        self.post_message(self.CursorMoved(self, aligned))

    def scroll_cursor_into_view(self) -> None:
        if not self.article.sentences:
            return
        sent = self.article.sentences[self.cursor]
        top, bottom = self.line_of(sent.start), self.line_of(max(sent.start, sent.end - 1))
        height = self.scrollable_content_region.height or 1
        y = int(self.scroll_offset.y)
        if bottom < y or top >= y + height:
            self._scroll_y(max(0, top - height // JUMP_CONTEXT_FRACTION))
        elif top < y:
            self._scroll_y(top)
        elif bottom >= y + height:
            self._scroll_y(min(top, bottom - height + 1))

    def _scroll_y(self, y: int) -> None:
        """Scroll now, not after the next refresh: levelling reads where each pane is right after."""
        self._sync_size()  # lines wrapped up to a jump's target count now
        self.scroll_to(y=y, animate=False, immediate=True)

    def cursor_row(self) -> int:
        """The screen row (from the pane's top) of the cursor sentence's first line."""
        return self.sentence_line(self.cursor) - int(self.scroll_offset.y)

    def rows_for_line(self, line: int) -> tuple[int, int]:
        """The screen rows at which ``line`` can be shown without scrolling past either end."""
        height = max(1, self.scrollable_content_region.height)
        return max(0, line - int(self.max_scroll_y)), min(line, height - 1)

    def place_line_at_row(self, line: int, row: int) -> None:
        """Scroll so that screen line ``line`` shows at ``row`` of the pane."""
        self._scroll_y(max(0, line - row))

    def show_counterpart(self, sentence: int) -> None:
        """Put the (idle) cursor on ``sentence`` without scrolling or telling anyone."""
        if (sentence != self.cursor or not self.marked) and 0 <= sentence < len(self.article.sentences):
            self.cursor = sentence
            self.marked = True
            self.refresh()

    def hide_cursor_mark(self) -> None:
        """No counterpart of the focused pane's passage is here: draw no idle cursor, which would be stale."""
        if self.marked:
            self.marked = False
            self.refresh()

    # ---------------------------------------------------------------- actions
    def action_move(self, delta: int) -> None:
        target = self.article_layout.next_visible(self.cursor, delta)
        if target is not None:
            self.set_cursor(target)

    def action_paragraph(self, delta: int) -> None:
        if self.article.sentences:
            self.set_cursor(self.article_layout.paragraph_step(self.cursor, delta))

    def action_page(self, delta: int) -> None:
        height = max(1, self.scrollable_content_region.height - 1)
        y = int(self.scroll_offset.y)
        row = self.cursor_row()
        target = max(0, min(y + delta * height, max(0, self.line_count - height)))
        self._scroll_y(target)
        line = max(0, min(self.line_count - 1, target + max(0, row)))
        self.set_cursor(self.sentence_at_line(line), scroll=False)

    def action_edge(self, delta: int) -> None:
        self.set_cursor(0 if delta < 0 else len(self.article.sentences) - 1)

    def action_aligned(self, delta: int) -> None:
        """Move to the first sentence of the next (or previous) aligned passage."""
        target = self.article_layout.next_aligned_sentence(self.cursor, delta)
        if target is not None:
            self.set_cursor(target, aligned=True)

    # ---------------------------------------------------------------- focus and mouse
    def on_focus(self) -> None:
        self._focused = True
        height = self.scrollable_content_region.height
        if self.article.sentences and not 0 <= self.cursor_row() < max(1, height):
            self.cursor = self._first_sentence_in_view()  # take the cursor to the view
        self.invalidate()
        self.post_message(self.CursorMoved(self))

    def _first_sentence_in_view(self) -> int:
        """The first sentence that starts in the view (else the one the view opens in)."""
        top = int(self.scroll_offset.y)
        k = self.sentence_at_line(top)
        if self.sentence_line(k) < top and k + 1 < len(self.article.sentences):
            k += 1
        return k

    def on_blur(self) -> None:
        self._focused = False
        self.invalidate()

    def on_mouse_scroll_down(self) -> None:
        self.post_message(self.Scrolled(self))

    def on_mouse_scroll_up(self) -> None:
        self.post_message(self.Scrolled(self))

    def on_click(self, event) -> None:
        line = int(self.scroll_offset.y) + event.y
        if 0 <= line < self.line_count and not self.selection:
            self.set_cursor(self.sentence_at_line(line), scroll=False)
