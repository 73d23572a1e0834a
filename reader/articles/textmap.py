"""Build display text while remembering where each character came from in the file."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

# Inline tags that may appear in plain-text articles (the NYT seed has <u>…</u>).
INLINE_TAG = re.compile(
    r"</?(?:u|b|i|em|strong|a|span|sup|sub|mark|small|s|del|ins|font|abbr|cite|q|code)\b[^<>\n]{0,300}>",
    re.IGNORECASE,
)


class RunMap(Sequence):
    """A non-decreasing sequence of ints kept as runs, not one entry per character: a copied
    stretch of text is one run whose value grows by 1 per index, an entity one run of a
    repeated value. Loading a 1 MB file builds a few runs instead of two million entries."""

    def __init__(self) -> None:
        self._starts: list[int] = []  # index where each run starts
        self._values: list[int] = []  # its first value
        self._steps: list[int] = []  # 1: value grows with the index; 0: repeated
        self._len = 0

    def append_run(self, value: int, count: int, step: int) -> None:
        """Add ``count`` values: value, value + step, ..."""
        if count <= 0:
            return
        if self._steps and step == 1 == self._steps[-1] and self._at(len(self._starts) - 1, self._len) == value:
            self._len += count  # continues the last run
            return
        self._starts.append(self._len)
        self._values.append(value)
        self._steps.append(step)
        self._len += count

    def truncate(self, count: int) -> None:
        """Drop the last ``count`` values."""
        self._len = max(0, self._len - count)
        while self._starts and self._starts[-1] >= self._len:
            self._starts.pop()
            self._values.pop()
            self._steps.pop()

    def _at(self, run: int, index: int) -> int:
        return self._values[run] + self._steps[run] * (index - self._starts[run])

    def __len__(self) -> int:
        return self._len

    def __getitem__(self, index: int) -> int:  # type: ignore[override]
        if index < 0:
            index += self._len
        if not 0 <= index < self._len:
            raise IndexError(index)
        return self._at(bisect_right(self._starts, index) - 1, index)


class TextBuilder:
    """Display text plus ``offsets``: offsets[i] is the raw index of display char i."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.parts: list[str] = []
        self.offsets = RunMap()
        self.ends = RunMap()  # ends[i]: raw index just past what display char i stands for

    def copy(self, start: int, end: int) -> None:
        """Show raw[start:end] as it is, dropping carriage returns."""
        chunk = self.raw[start:end]
        pos = start
        for piece in chunk.split("\r"):
            self.parts.append(piece)
            self.offsets.append_run(pos, len(piece), 1)
            self.ends.append_run(pos + 1, len(piece), 1)
            pos += len(piece) + 1

    def put(self, text: str, raw_start: int, raw_end: int) -> None:
        """Show ``text`` in place of raw[raw_start:raw_end] (an entity, a collapsed space)."""
        self.parts.append(text)
        self.offsets.append_run(raw_start, len(text), 0)
        self.ends.append_run(raw_end, len(text), 0)

    def copy_without_tags(self, start: int, end: int) -> None:
        """Show raw[start:end] with inline HTML tags left out."""
        pos = start
        for m in INLINE_TAG.finditer(self.raw, start, end):
            self.copy(pos, m.start())
            pos = m.end()
        self.copy(pos, end)

    def drop_trailing_space(self) -> None:
        """Take back a trailing piece of white space (before a paragraph break replaces it)."""
        if self.parts and self.parts[-1] and self.parts[-1].isspace():
            n = len(self.parts.pop())
            self.offsets.truncate(n)
            self.ends.truncate(n)

    def text(self) -> str:
        return "".join(self.parts)

    def last_char(self) -> str:
        for part in reversed(self.parts):
            if part:
                return part[-1]
        return ""
