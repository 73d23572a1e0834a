"""A virtualised view of one article: only visible lines are drawn, and strips are cached.

The pane owns a sentence cursor and knows which text spans belong to which
alignment group.  It never reaches up into the app: it posts ``CursorMoved``.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.articles.segment import split_paragraphs
from reader.model import Article
from reader.safe_text import safe
from reader.ui.palette import PaneStyles
from reader.ui.wrap import Line, offset_at_cell, snap_to_words, wrap_blocks

GUTTER = 3  # group bar, cursor caret, space
FILTERS = ("all", "shared", "unique")


def _fit(segments: list[Segment], width: int, base: Style) -> Strip:
    """One strip of exactly ``width`` cells, the widget's style under every segment."""
    styled = [Segment(text, base + style if style else base) for text, style, _ in segments]
    used = sum(cell_len(seg.text) for seg in styled)
    if used < width:
        styled.append(Segment(" " * (width - used), base))
    elif used > width:
        return Strip(styled, used).crop(0, width)
    return Strip(styled, width)


@dataclass(frozen=True)
class Span:
    """A styled span of display text; ``group`` is the alignment group, or -1."""

    start: int
    end: int
    group: int = -1


class ArticlePane(ScrollView, can_focus=True):
    """One article, wrapped to the pane's width, with a sentence cursor."""

    BINDINGS = [
        Binding("j,down", "move(1)", "Next sentence", id="sentence_down", show=False),
        Binding("k,up", "move(-1)", "Previous sentence", id="sentence_up", show=False),
        Binding("}", "paragraph(1)", "Next paragraph", id="paragraph_down", show=False),
        Binding("{", "paragraph(-1)", "Previous paragraph", id="paragraph_up", show=False),
        Binding("pagedown,space,ctrl+f", "page(1)", "Page down", id="page_down", show=False),
        Binding("pageup,ctrl+b", "page(-1)", "Page up", id="page_up", show=False),
        Binding("g,home", "edge(-1)", "Top", id="top", show=False),
        Binding("G,end", "edge(1)", "Bottom", id="bottom", show=False),
        Binding("],ctrl+down", "aligned(1)", "Next aligned", id="next_aligned"),
        Binding("[,ctrl+up", "aligned(-1)", "Previous aligned", id="previous_aligned", show=False),
        Binding("v", "select", "Select", id="select"),
        Binding("w", "extend_word(1)", "Selection: extend by a word", id="select_word_right", show=False),
        Binding("b", "extend_word(-1)", "Selection: shrink by a word", id="select_word_left", show=False),
        Binding("dollar_sign", "extend_paragraph", "Selection: to paragraph end", id="select_paragraph_end", show=False),
        Binding("m", "mark", "Highlight", id="highlight"),
        Binding("escape", "cancel_selection", "Cancel selection", id="cancel_selection", show=False),
        Binding("y,ctrl+c", "copy", "Copy selection or sentence", id="copy", show=False),
    ]
    ALLOW_SELECT = False  # the pane selects with the mouse itself, in text offsets (see on_mouse_down)

    DEFAULT_CSS = """
    ArticlePane { height: 1fr; width: 1fr; overflow-x: hidden; scrollbar-size-vertical: 1; scrollbar-gutter: stable; }
    """

    class HighlightRequested(Message):
        """The user asked to highlight [start, end) of this pane's article (display offsets)."""

        def __init__(self, pane: ArticlePane, start: int, end: int) -> None:
            super().__init__()
            self.pane = pane
            self.start = start
            self.end = end

    class CursorMoved(Message):
        """The cursor of ``pane`` moved to another sentence."""

        def __init__(self, pane: ArticlePane) -> None:
            super().__init__()
            self.pane = pane

    class Scrolled(Message):
        """The user scrolled ``pane`` with the mouse (the cursor did not move)."""

        def __init__(self, pane: ArticlePane) -> None:
            super().__init__()
            self.pane = pane

    def __init__(self, article: Article, index: int, styles: PaneStyles, wrap_width: int = 0, **kwargs) -> None:
        super().__init__(**kwargs)
        self.styles_ = styles
        self.wrap_width = wrap_width
        self.filter = "all"
        self.cursor = 0
        self.flash_span: tuple[int, int] | None = None
        self.matches: list[tuple[int, int]] = []
        self.marks: list[tuple[int, int, Style]] = []  # highlights
        self.selection: tuple[int, int] | None = None  # (anchor, head) display offsets
        self._drag_from: int | None = None  # where a mouse drag started
        self._lines: list[Line] = []
        self._line_starts: list[int] = []
        self._line_ids: list[int] = []
        self._width = 0
        self._version = 0
        self._cache: LRUCache[tuple, Strip] = LRUCache(1024)
        self._wraps: LRUCache[tuple, list[Line]] = LRUCache(8)  # layouts by (article, width, filter)
        self._base_style: tuple[int, Style] | None = None  # (version, the widget's rich_style)
        self.spans: list[Span] = []
        self.sentence_groups: dict[int, int] = {}
        self.show_article(article, index)

    # ---------------------------------------------------------------- content
    def show_article(self, article: Article, index: int, spans: list[Span] | None = None) -> None:
        """Show another article (keeps nothing of the previous one but the filter)."""
        self.article = article
        self.index = index
        self._sentence_ends = [s.end for s in article.sentences]
        self.cursor = 0
        self.matches = []
        self.marks = []
        self.selection = None
        self.flash_span = None
        self.set_spans(spans or [])
        self._relayout()
        self.scroll_to(y=0, animate=False)

    def set_spans(self, spans: list[Span]) -> None:
        """Set the aligned spans (each with its group) to colour."""
        self.spans = sorted(spans, key=lambda s: (s.start, s.end))
        self._span_starts = [s.start for s in self.spans]
        self._span_max = max((s.end - s.start for s in self.spans), default=0)
        self.sentence_groups = {}
        for sent in self.article.sentences:
            for span in self._spans_in(sent.start, sent.end):
                self.sentence_groups.setdefault(sent.index, span.group)
        if self.filter != "all":
            self._relayout()
        self.invalidate()

    def set_styles(self, styles: PaneStyles) -> None:
        self.styles_ = styles
        self.invalidate()

    def set_filter(self, mode: str) -> None:
        self.filter = mode
        self._relayout()
        self._ensure_cursor_visible_sentence()
        self.scroll_cursor_into_view()

    def invalidate(self) -> None:
        """Forget cached strips and redraw."""
        self._version += 1
        self._cache.clear()
        self.refresh()

    # ---------------------------------------------------------------- layout
    def on_resize(self) -> None:
        width = self.scrollable_content_region.width
        if width != self._width:
            keep = self.cursor
            self._relayout()
            self.cursor = keep
            self.scroll_cursor_into_view()

    def _text_width(self) -> int:
        width = max(8, self.scrollable_content_region.width - GUTTER)
        return min(width, self.wrap_width) if self.wrap_width else width

    def _blocks(self) -> list[tuple[int, int]]:
        if self.filter == "all":
            return split_paragraphs(self.article.text)
        want_shared = self.filter == "shared"
        blocks: list[tuple[int, int]] = []
        last = None
        for sent in self.article.sentences:
            if (sent.index in self.sentence_groups) != want_shared:
                continue
            if last is not None and last.index == sent.index - 1 and last.paragraph == sent.paragraph:
                blocks[-1] = (blocks[-1][0], sent.end)
            else:
                blocks.append((sent.start, sent.end))
            last = sent
        return blocks

    def _relayout(self) -> None:
        self._width = self.scrollable_content_region.width
        self._lines = self._wrapped() if self._width else []  # not laid out yet: on_resize wraps
        self._line_ids = [n for n, line in enumerate(self._lines) if line.end > line.start]
        self._line_starts = [self._lines[n].start for n in self._line_ids]
        self.virtual_size = Size(self._width, len(self._lines))
        self.invalidate()

    def _wrapped(self) -> list[Line]:
        """The article's screen lines at the current width and filter (cached per layout)."""
        spans_key = () if self.filter == "all" else tuple(sorted(self.sentence_groups))
        key = (id(self.article), self._text_width(), self.filter, spans_key)
        lines = self._wraps.get(key)
        if lines is None:
            lines = wrap_blocks(self.article.text, self._blocks(), self._text_width(), gaps=self.filter != "all")
            self._wraps[key] = lines
        return lines

    @property
    def line_count(self) -> int:
        return len(self._lines)

    def line_of(self, offset: int) -> int:
        """The screen line showing display offset ``offset`` (or the nearest shown one)."""
        if not self._line_starts:
            return 0
        k = max(0, bisect_right(self._line_starts, offset) - 1)
        return self._line_ids[k]

    def sentence_at_line(self, line: int) -> int:
        """The first sentence that starts at or after the start of screen line ``line``."""
        line = max(0, min(line, len(self._lines) - 1))
        start = self._lines[line].start if self._lines else 0
        return self._nearest_visible(self.sentence_at_offset(start), 1)

    def sentence_at_offset(self, offset: int) -> int:
        """The sentence holding display offset ``offset`` (or the next one)."""
        k = bisect_right(self._sentence_ends, offset)
        return max(0, min(k, len(self.article.sentences) - 1))

    def sentence_line(self, index: int) -> int:
        return self.line_of(self.article.sentences[index].start)

    def is_visible_sentence(self, index: int) -> bool:
        if self.filter == "all":
            return True
        return (index in self.sentence_groups) == (self.filter == "shared")

    def _nearest_visible(self, index: int, direction: int) -> int:
        n = len(self.article.sentences)
        k = index
        while 0 <= k < n and not self.is_visible_sentence(k):
            k += direction
        if 0 <= k < n:
            return k
        k = index
        while 0 <= k < n and not self.is_visible_sentence(k):
            k -= direction
        return k if 0 <= k < n else index

    def _ensure_cursor_visible_sentence(self) -> None:
        self.cursor = self._nearest_visible(self.cursor, 1)

    # ---------------------------------------------------------------- drawing
    def render_line(self, y: int) -> Strip:
        """Screen line ``y``: cached by line, width, style version and the overlays touching it."""
        index = int(self.scroll_offset.y) + y
        width = self.scrollable_content_region.width
        key = (index, width, self._version, self._overlays_on(index))
        strip = self._cache.get(key)
        if strip is None:
            strip = _fit(self._render_text_line(index), width, self._widget_style())
            self._cache[key] = strip
        return strip

    def _widget_style(self) -> Style:
        """The widget's CSS style (costly to compute, so kept until the next invalidate)."""
        if self._base_style is None or self._base_style[0] != self._version:
            self._base_style = (self._version, self.rich_style)
        return self._base_style[1]

    def _overlays_on(self, index: int) -> tuple:
        """What of the cursor, flash and selection shows on screen line ``index`` (part of the cache key)."""
        if index >= len(self._lines) or not self.article.sentences:
            return ()
        line = self._lines[index]
        sent = self.article.sentences[self.cursor]
        on = []
        if sent.start <= line.end and sent.end >= line.start:
            on.append((sent.start, sent.end, self.has_focus))
        for span in (self.flash_span, self.selection):
            if span and min(span) <= line.end and max(span) >= line.start:
                on.append(span)
            else:
                on.append(None)
        return tuple(on)

    def _render_text_line(self, index: int) -> list[Segment]:
        st = self.styles_
        if index >= len(self._lines):
            return []
        line = self._lines[index]
        if line.end <= line.start:
            if line.gap:
                return [Segment(" " * GUTTER), Segment("⋯", st.gap)]
            return []
        spans = self._spans_in(line.start, line.end)
        bar = Segment("▌", st.marker(spans[0].group)) if spans else Segment(" ")
        return [bar, self._caret(line), Segment(" "), *self._text_segments(line, spans)]

    def _caret(self, line: Line) -> Segment:
        """"▸" beside the lines of the cursor sentence (dim when the pane is not focused)."""
        sents = self.article.sentences
        if sents and sents[self.cursor].start < line.end and sents[self.cursor].end > line.start:
            return Segment("▸", self.styles_.caret if self.has_focus else self.styles_.caret_idle)
        return Segment(" ")

    def _text_segments(self, line: Line, spans: list[Span]) -> list[Segment]:
        st = self.styles_
        layers: list[tuple[int, int, Style]] = [(s.start, s.end, st.group(s.group)) for s in spans]
        layers += [(s, e, style) for s, e, style in self.marks if s < line.end and e > line.start]
        if self.selection:
            lo, hi = sorted(self.selection)
            if lo < line.end and hi > line.start:
                layers.append((lo, hi, st.selection))
        layers += [(s, e, st.match) for s, e in self.matches if s < line.end and e > line.start]
        sent = self.article.sentences[self.cursor] if self.article.sentences else None
        if sent and sent.start < line.end and sent.end > line.start:
            layers.append((sent.start, sent.end, st.cursor if self.has_focus else st.cursor_idle))
        if self.flash_span and self.flash_span[0] < line.end and self.flash_span[1] > line.start:
            layers.append((*self.flash_span, st.flash))
        cuts = {line.start, line.end}
        for s, e, _ in layers:
            cuts.update(x for x in (s, e) if line.start < x < line.end)
        bounds = sorted(cuts)
        text = self.article.text
        base = st.text if spans else st.unique
        segments = []
        for a, b in zip(bounds, bounds[1:]):
            style = base
            for s, e, layer in layers:
                if s <= a and b <= e:
                    style = style + layer
            segments.append(Segment(safe(text[a:b]).replace("\t", " "), style))
        return segments

    def _spans_in(self, start: int, end: int) -> list[Span]:
        """Aligned spans overlapping [start, end)."""
        if not self.spans:
            return []
        lo = bisect_left(self._span_starts, start - self._span_max)
        hi = bisect_left(self._span_starts, end)
        return [s for s in self.spans[lo:hi] if s.end > start and s.start < end]

    # ---------------------------------------------------------------- cursor
    def set_cursor(self, index: int, scroll: bool = True) -> None:
        sents = self.article.sentences
        if not sents:
            return
        index = max(0, min(index, len(sents) - 1))
        self.cursor = self._nearest_visible(index, 1 if index >= self.cursor else -1)
        if self.selection:
            sent = sents[self.cursor]
            anchor = self.selection[0]
            self.selection = (anchor, sent.end if sent.end > anchor else sent.start)
        self.refresh()  # the cursor is part of each line's cache key: nothing to forget
        if scroll:
            self.scroll_cursor_into_view()
        self.post_message(self.CursorMoved(self))

    def scroll_cursor_into_view(self) -> None:
        if not self.article.sentences:
            return
        sent = self.article.sentences[self.cursor]
        top, bottom = self.line_of(sent.start), self.line_of(max(sent.start, sent.end - 1))
        height = self.scrollable_content_region.height or 1
        y = int(self.scroll_offset.y)
        if bottom < y or top >= y + height:  # a jump out of view: show it a quarter down, with context
            self.scroll_to(y=max(0, top - height // 4), animate=False)
        elif top < y:
            self.scroll_to(y=top, animate=False)
        elif bottom >= y + height:
            self.scroll_to(y=min(top, bottom - height + 1), animate=False)

    def cursor_row(self) -> int:
        """The screen row (from the pane's top) of the cursor sentence's first line."""
        return self.sentence_line(self.cursor) - int(self.scroll_offset.y)

    def rows_for_line(self, line: int) -> tuple[int, int]:
        """The screen rows at which ``line`` can be shown without scrolling past either end."""
        height = max(1, self.scrollable_content_region.height)
        return max(0, line - int(self.max_scroll_y)), min(line, height - 1)

    def place_line_at_row(self, line: int, row: int) -> None:
        """Scroll so that screen line ``line`` shows at ``row`` of the pane."""
        self.scroll_to(y=max(0, line - row), animate=False)

    # ---------------------------------------------------------------- actions
    def action_move(self, delta: int) -> None:
        step = 1 if delta > 0 else -1
        k = self.cursor + step
        while 0 <= k < len(self.article.sentences) and not self.is_visible_sentence(k):
            k += step
        if 0 <= k < len(self.article.sentences):
            self.set_cursor(k)

    def action_paragraph(self, delta: int) -> None:
        sents = self.article.sentences
        if not sents:
            return
        para = sents[self.cursor].paragraph
        if delta > 0:
            nxt = next((s.index for s in sents[self.cursor :] if s.paragraph > para), len(sents) - 1)
        else:
            here = next(s.index for s in sents if s.paragraph == para)
            if here < self.cursor:
                nxt = here
            else:
                prev_para = sents[max(0, here - 1)].paragraph
                nxt = next(s.index for s in sents if s.paragraph == prev_para)
        self.set_cursor(nxt)

    def action_page(self, delta: int) -> None:
        height = max(1, self.scrollable_content_region.height - 1)
        y = int(self.scroll_offset.y)
        row = self.cursor_row()
        target = max(0, min(y + delta * height, max(0, self.line_count - height)))
        self.scroll_to(y=target, animate=False)
        line = max(0, min(self.line_count - 1, target + max(0, row)))
        self.set_cursor(self.sentence_at_line(line), scroll=False)

    def action_edge(self, delta: int) -> None:
        self.set_cursor(0 if delta < 0 else len(self.article.sentences) - 1)

    def action_aligned(self, delta: int) -> None:
        """Move to the first sentence of the next (or previous) aligned passage."""
        target = self.next_aligned_sentence(self.cursor, delta)
        if target is not None:
            self.set_cursor(target)

    def next_aligned_sentence(self, start: int, delta: int) -> int | None:
        groups = self.sentence_groups
        here = groups.get(start)
        k = start + delta
        n = len(self.article.sentences)
        while 0 <= k < n:
            g = groups.get(k)
            if g is not None and (g != here or groups.get(k - delta) != g):
                if delta < 0:  # go to the start of that passage
                    while k - 1 >= 0 and groups.get(k - 1) == g:
                        k -= 1
                return k
            k += delta
        return None

    # ---------------------------------------------------------------- selection
    def action_select(self) -> None:
        """Start a selection on the cursor sentence (or confirm one in progress)."""
        if self.selection:
            self.action_mark()
            return
        sent = self.article.sentences[self.cursor]
        self.selection = (sent.start, sent.end)
        self.refresh()  # the selection is part of the strip cache key

    def action_extend_word(self, delta: int) -> None:
        if not self.selection:
            self.action_select()
        anchor, head = self.selection
        text = self.article.text
        pos = head
        if delta > 0:
            while pos < len(text) and text[pos].isspace():
                pos += 1
            while pos < len(text) and not text[pos].isspace():
                pos += 1
        else:
            while pos > anchor and text[pos - 1].isspace():
                pos -= 1
            while pos > anchor and not text[pos - 1].isspace():
                pos -= 1
            while pos > anchor and text[pos - 1].isspace():
                pos -= 1
        if pos != anchor:
            self.selection = (anchor, pos)
        self.refresh()  # the selection is part of the strip cache key

    def action_extend_paragraph(self) -> None:
        if not self.selection:
            self.action_select()
        para = self.article.sentences[self.cursor].paragraph
        last = max(s.index for s in self.article.sentences if s.paragraph == para)
        self.set_cursor(last)

    def action_mark(self) -> None:
        """Highlight the selection, or the cursor sentence when nothing is selected."""
        if self.selection:
            start, end = sorted(self.selection)
        else:
            sent = self.article.sentences[self.cursor]
            start, end = sent.start, sent.end
        self.selection = None
        self.refresh()  # the selection is part of the strip cache key
        if end > start:
            self.post_message(self.HighlightRequested(self, start, end))

    def action_cancel_selection(self) -> None:
        if self.selection:
            self.selection = None
            self.refresh()  # the selection is part of the strip cache key

    def highlight_at_cursor(self) -> int | None:
        """Index into ``marks`` of a highlight touching the cursor sentence."""
        sent = self.article.sentences[self.cursor]
        for n, (s, e, _) in enumerate(self.marks):
            if s < sent.end and e > sent.start:
                return n
        return None

    def on_focus(self) -> None:
        height = self.scrollable_content_region.height
        if self.article.sentences and not 0 <= self.cursor_row() < max(1, height):
            self.cursor = self.sentence_at_line(int(self.scroll_offset.y))  # take the cursor to the view
        self.invalidate()
        self.post_message(self.CursorMoved(self))

    def show_counterpart(self, sentence: int) -> None:
        """Put the (idle) cursor on ``sentence`` without scrolling or telling anyone."""
        if sentence != self.cursor and 0 <= sentence < len(self.article.sentences):
            self.cursor = sentence
            self.refresh()

    def on_mouse_scroll_down(self) -> None:
        self.post_message(self.Scrolled(self))

    def on_mouse_scroll_up(self) -> None:
        self.post_message(self.Scrolled(self))

    def on_blur(self) -> None:
        self.invalidate()

    def on_click(self, event) -> None:
        line = int(self.scroll_offset.y) + event.y
        if 0 <= line < len(self._lines) and not self.selection:
            self.set_cursor(self.sentence_at_line(line), scroll=False)

    # ---------------------------------------------------------------- mouse selection
    def offset_at(self, x: int, y: int) -> int | None:
        """The text offset under cell (x, y) of the pane, or None below the text."""
        index = int(self.scroll_offset.y) + y
        if not self._lines or index < 0:
            return None
        line = self._lines[min(index, len(self._lines) - 1)]
        if index >= len(self._lines):
            return line.end
        return offset_at_cell(self.article.text, line, x - GUTTER)

    def on_mouse_down(self, event) -> None:
        self._drag_from = self.offset_at(event.x, event.y)
        if self._drag_from is not None:
            self.capture_mouse()
            if self.selection:
                self.selection = None
                self.refresh()  # the selection is in each line's cache key: no cache to drop

    def on_mouse_move(self, event) -> None:
        if self._drag_from is None:
            return
        head = self.offset_at(event.x, max(0, min(event.y, self.size.height - 1)))
        if head is None or head == self._drag_from:
            return
        lo, hi = snap_to_words(self.article.text, min(head, self._drag_from), max(head, self._drag_from))
        self.selection = (lo, hi) if head > self._drag_from else (hi, lo)
        self.cursor = self.sentence_at_offset(head)
        if event.y < 0 or event.y >= self.size.height:
            self.scroll_relative(y=-1 if event.y < 0 else 1, animate=False)
        self.refresh()

    def on_mouse_up(self, event) -> None:
        if self._drag_from is not None:
            self._drag_from = None
            self.release_mouse()
            if self.selection:
                self.post_message(self.CursorMoved(self))

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
        self.notify(f"Copied {hi - lo} characters.", timeout=2)
