"""Lay article text out as screen lines of a given width (pure logic, no Textual).

A *block* is a span of display text shown as one paragraph; blocks are separated by
a blank line (or a gap marker when some text was filtered out).  Each screen line
is a span of the text, so styles keyed by text offsets apply directly.

``WrappedLines`` wraps on demand, in reading order: a pane wraps what its first frame shows,
then the rest a chunk at a time, or at once up to where the user jumps.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from rich.cells import cell_len

WORD = re.compile(r"\S+")
MIN_WIDTH = 4  # narrower than this, lines are wrapped at this width anyway


class Line(NamedTuple):
    """One screen line: display offsets [start, end), or a blank/gap line (start == end)."""

    start: int
    end: int
    gap: bool = False  # a "⋯" line standing for text left out


def wrap_blocks(text: str, blocks: list[tuple[int, int]], width: int, gaps: bool = False) -> list[Line]:
    """Greedy word wrap of each block, blank lines between blocks ("⋯" lines when ``gaps``)."""
    return WrappedLines(text, blocks, width, gaps).all()


class WrappedLines:
    """The screen lines of ``blocks``, wrapped as far as asked so far (``lines``), with the
    starts of the lines that show text (``text_lines``: their numbers, ``starts``: offsets)."""

    def __init__(self, text: str, blocks: list[tuple[int, int]], width: int, gaps: bool = False) -> None:
        self.text, self.blocks, self.width, self.gaps = text, blocks, max(MIN_WIDTH, width), gaps
        self.lines: list[Line] = []
        self.text_lines: list[int] = []
        self.starts: list[int] = []
        self._next = 0  # the next block to wrap
        self._chars = 0  # characters of the blocks wrapped so far

    @property
    def done(self) -> bool:
        return self._next >= len(self.blocks)

    def all(self) -> list[Line]:
        """Every line (wrapping the rest now)."""
        self.wrap(len(self.blocks))
        return self.lines

    def upto_line(self, n: int) -> None:
        """Wrap until line ``n`` exists (or everything is wrapped)."""
        while len(self.lines) <= n and not self.done:
            self.wrap(max(1, self._next // 4))  # blocks in growing chunks: few calls, little excess

    def upto_offset(self, offset: int) -> None:
        """Wrap until the lines reach display offset ``offset`` (or everything is wrapped)."""
        while not self.done and self.blocks[self._next][0] <= offset:
            self.wrap(max(1, self._next // 4))

    def wrap(self, blocks: int) -> None:
        """Wrap up to ``blocks`` more blocks."""
        text, width, lines, start_count = self.text, self.width, self.lines, len(self.lines)
        stop = min(len(self.blocks), self._next + blocks)
        for n in range(self._next, stop):
            start, end = self.blocks[n]
            if n:
                pos = self.blocks[n - 1][1]
                lines.append(Line(pos, pos, self.gaps))
            for hard_start, hard_end in _hard_lines(text, start, end):
                lines.extend(_wrap_line(text, hard_start, hard_end, width))
            self._chars += end - start
        self._next = stop
        for k in range(start_count, len(lines)):
            if lines[k].end > lines[k].start:
                self.text_lines.append(k)
                self.starts.append(lines[k].start)

    def estimate(self) -> int:
        """How many lines there will be: exact once all is wrapped, else guessed from the
        characters per line so far."""
        if self.done:
            return len(self.lines)
        left = self.blocks[-1][1] - self.blocks[self._next][0]
        per_line = self._chars / max(1, len(self.lines)) if self._chars else self.width * 0.8
        return len(self.lines) + int(left / max(1.0, per_line)) + 1


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
    piece = text[start:end]
    if piece.isascii() and "  " not in piece and not _OTHER_SPACE.search(piece):
        return _wrap_plain(text, start, end, width)
    return _wrap_words(text, start, end, width)


_OTHER_SPACE = re.compile(r"[^\S ]")  # white space other than a plain space


def _wrap_plain(text: str, start: int, end: int, width: int) -> list[Line]:
    """``_wrap_words`` for ASCII text whose words are one plain space apart (most text), with
    string searches instead of a pass over each word: a line ends at the last word that ends
    within ``width`` columns (a longer word is cut at ``width``)."""
    if not text[start : min(end, start + 2)].strip(" "):  # no word (no two spaces in a row)
        return [Line(start, start)]
    while text[start] == " ":
        start += 1
    while text[end - 1] == " ":
        end -= 1
    out: list[Line] = []
    find = text.rfind
    while end - start > width:
        cut = start + width
        if text[cut] == " ":
            out.append(Line(start, cut))
            start = cut + 1
            continue
        space = find(" ", start, cut)
        if space > start:
            out.append(Line(start, space))
            start = space + 1
        else:  # a word wider than the line
            out.append(Line(start, cut))
            start = cut
    out.append(Line(start, end))
    return out


def _wrap_words(text: str, start: int, end: int, width: int) -> list[Line]:
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
