"""What one screen line of an article pane looks like: the gutter (group bar and caret), the
group colours, and what is drawn over the text (cursor, highlights, selection, matches, flash)."""
from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from reader.model import Sentence
from reader.safe_text import safe
from reader.ui.article_layout import ArticleLayout, Span
from reader.ui.palette import PaneStyles
from reader.ui.wrap import Line

GUTTER = 3  # group bar, cursor caret, space
FACT = "▌"  # the group bar beside a fact told in other words
COPIED = "┃"  # ... beside text one article took from another (legible without colour)
LINKED = "║"  # ... beside a passage the user linked by hand

Range = tuple[int, int]  # display offsets [start, end)


@dataclass(frozen=True)
class Overlays:
    """What is drawn over a pane's text."""

    cursor: Sentence | None  # the cursor sentence
    focused: bool  # the pane has the focus: the cursor is bold
    flash: Range | None = None  # a counterpart just jumped to
    selection: Range | None = None  # (anchor, head): either way round
    matches: tuple[Range, ...] = ()  # search matches
    marks: tuple[tuple[int, int, Style], ...] = ()  # highlights, each with its style

    def key_on(self, line: Line) -> tuple:
        """What of the cursor, flash and selection shows on ``line`` (part of a strip's cache key)."""
        on: list = []
        sent = self.cursor
        if sent is not None and sent.start <= line.end and sent.end >= line.start:
            on.append((sent.start, sent.end, self.focused))
        for span in (self.flash, self.selection):
            on.append(span if span and min(span) <= line.end and max(span) >= line.start else None)
        return tuple(on)


def fit(segments: list[Segment], width: int, base: Style) -> Strip:
    """One strip of exactly ``width`` cells, the widget's style under every segment."""
    styled = [Segment(text, base + style if style else base) for text, style, _ in segments]
    used = sum(cell_len(seg.text) for seg in styled)
    if used < width:
        styled.append(Segment(" " * (width - used), base))
    elif used > width:
        return Strip(styled, used).crop(0, width)
    return Strip(styled, width)


def line_segments(layout: ArticleLayout, index: int, over: Overlays, st: PaneStyles) -> list[Segment]:
    """Screen line ``index``: gutter, then the text in its layers of style."""
    line = layout.line(index)
    if line is None:
        return []
    if line.end <= line.start:
        return [Segment(" " * GUTTER), Segment("⋯", st.gap)] if line.gap else []
    spans = layout.spans_in(line.start, line.end)
    bar = _bar(spans, st) if spans else Segment(" ")
    return [bar, _caret(line, over, st), Segment(" "), *_text(layout.article.text, line, spans, over, st)]


def _bar(spans: list[Span], st: PaneStyles) -> Segment:
    """The group bar of a line: its first span's, unless a link the user made is on it."""
    span = next((s for s in spans if s.by_user), spans[0])
    return Segment(LINKED if span.by_user else COPIED if span.copied else FACT, st.marker(span.group))


def _caret(line: Line, over: Overlays, st: PaneStyles) -> Segment:
    """"▸" beside the lines of the cursor sentence (dim when the pane is not focused)."""
    if over.cursor and over.cursor.start < line.end and over.cursor.end > line.start:
        return Segment("▸", st.caret if over.focused else st.caret_idle)
    return Segment(" ")


def _text(text: str, line: Line, spans: list[Span], over: Overlays, st: PaneStyles) -> list[Segment]:
    touches = lambda s, e: s < line.end and e > line.start  # noqa: E731
    layers: list[tuple[int, int, Style]] = [(s.start, s.end, st.group(s.group)) for s in spans]
    layers += [(s, e, style) for s, e, style in over.marks if touches(s, e)]
    if over.selection and touches(*sorted(over.selection)):
        layers.append((*sorted(over.selection), st.selection))
    layers += [(s, e, st.match) for s, e in over.matches if touches(s, e)]
    if over.cursor and touches(over.cursor.start, over.cursor.end):
        layers.append((over.cursor.start, over.cursor.end, st.cursor if over.focused else st.cursor_idle))
    if over.flash and touches(*over.flash):
        layers.append((*over.flash, st.flash))
    cuts = {line.start, line.end}
    for s, e, _ in layers:
        cuts.update(x for x in (s, e) if line.start < x < line.end)
    bounds = sorted(cuts)
    base = st.text if spans else st.unique
    segments = []
    for a, b in zip(bounds, bounds[1:]):
        style = base
        for s, e, layer in layers:
            if s <= a and b <= e:
                style = style + layer
        segments.append(Segment(safe(text[a:b]).replace("\t", " "), style))
    return segments
