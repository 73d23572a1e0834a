"""Lay article text out as screen lines of a given width (pure logic, no Textual).

A *block* is a span of display text shown as one paragraph; blocks are separated by
a blank line (or a gap marker when some text was filtered out).  Each screen line
is a span of the text, so styles keyed by text offsets apply directly.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from rich.cells import cell_len

WORD = re.compile(r"\S+")
MIN_WIDTH = 4  # narrower than this, lines are wrapped at this width anyway


@dataclass(frozen=True)
class Line:
    """One screen line: display offsets [start, end), or a blank/gap line (start == end)."""

    start: int
    end: int
    gap: bool = False  # a "⋯" line standing for text left out


def wrap_blocks(text: str, blocks: list[tuple[int, int]], width: int, gaps: bool = False) -> list[Line]:
    """Greedy word wrap of each block, blank lines between blocks ("⋯" lines when ``gaps``)."""
    width = max(MIN_WIDTH, width)
    lines: list[Line] = []
    for n, (start, end) in enumerate(blocks):
        if n:
            pos = blocks[n - 1][1]
            lines.append(Line(pos, pos, gap=gaps))
        for hard_start, hard_end in _hard_lines(text, start, end):
            lines.extend(_wrap_line(text, hard_start, hard_end, width))
    return lines


def _hard_lines(text: str, start: int, end: int):
    pos = start
    while True:
        nl = text.find("\n", pos, end)
        if nl < 0:
            yield pos, end
            return
        yield pos, nl
        pos = nl + 1


def _wrap_line(text: str, start: int, end: int, width: int) -> list[Line]:
    out: list[Line] = []
    line_start = None
    used = 0
    for m in WORD.finditer(text, start, end):
        w_start, w_end = m.span()
        word_len = _width(m.group())
        if line_start is None:
            line_start, used = w_start, 0
        if used and used + 1 + word_len > width:
            out.append(Line(line_start, _trim_end(text, line_start, w_start)))
            line_start, used = w_start, 0
        while word_len > width:  # a word wider than the line is cut
            cut = w_start + width
            out.append(Line(line_start, cut))
            line_start = w_start = cut
            word_len -= width
            used = 0
        used = (w_end - line_start) if text[line_start:w_end].isascii() else _width(text[line_start:w_end])
    if line_start is None:
        return [Line(start, start)]
    out.append(Line(line_start, _trim_end(text, line_start, end)))
    return out


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _width(s: str) -> int:
    return len(s) if s.isascii() else cell_len(s)


def offset_at_cell(text: str, line: Line, column: int) -> int:
    """The text offset shown at cell ``column`` of ``line`` (its end, past the last character)."""
    pos, cells = line.start, 0
    while pos < line.end:
        cells += max(1, _width(text[pos])) if text[pos] != "\t" else 1
        if cells > column:
            return pos
        pos += 1
    return line.end


def snap_to_words(text: str, lo: int, hi: int) -> tuple[int, int]:
    """[lo, hi) widened to whole words at both ends, and narrowed past spaces at its edges."""
    while lo > 0 and not text[lo - 1].isspace() and not text[lo].isspace():
        lo -= 1
    while hi < len(text) and hi > 0 and not text[hi].isspace() and not text[hi - 1].isspace():
        hi += 1
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return lo, hi
