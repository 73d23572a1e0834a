"""Build display text while remembering where each character came from in the file."""
from __future__ import annotations

import re
from array import array

# Inline tags that may appear in plain-text articles (the NYT seed has <u>…</u>).
INLINE_TAG = re.compile(
    r"</?(?:u|b|i|em|strong|a|span|sup|sub|mark|small|s|del|ins|font|abbr|cite|q|code)\b[^<>\n]{0,300}>",
    re.IGNORECASE,
)


class TextBuilder:
    """Display text plus ``offsets``: offsets[i] is the raw index of display char i."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.parts: list[str] = []
        self.offsets = array("q")
        self.ends = array("q")  # ends[i]: raw index just past what display char i stands for

    def copy(self, start: int, end: int) -> None:
        """Show raw[start:end] as it is, dropping carriage returns."""
        chunk = self.raw[start:end]
        if "\r" not in chunk:
            self.parts.append(chunk)
            self.offsets.extend(range(start, end))
            self.ends.extend(range(start + 1, end + 1))
            return
        pos = start
        for piece in chunk.split("\r"):
            self.parts.append(piece)
            self.offsets.extend(range(pos, pos + len(piece)))
            self.ends.extend(range(pos + 1, pos + len(piece) + 1))
            pos += len(piece) + 1

    def put(self, text: str, raw_start: int, raw_end: int) -> None:
        """Show ``text`` in place of raw[raw_start:raw_end] (an entity, a collapsed space)."""
        self.parts.append(text)
        self.offsets.extend([raw_start] * len(text))
        self.ends.extend([raw_end] * len(text))

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
            del self.offsets[-n:]
            del self.ends[-n:]

    def text(self) -> str:
        return "".join(self.parts)

    def last_char(self) -> str:
        for part in reversed(self.parts):
            if part:
                return part[-1]
        return ""
