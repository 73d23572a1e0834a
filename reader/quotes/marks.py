"""Where the quotations are: spans between quotation marks, found paragraph by paragraph.

Handles curly and straight double quotes, single quotes nested inside them (told apart from
apostrophes), guillemets, and the newspaper convention for a quote that runs over several
paragraphs: every paragraph opens it again, and only the last one closes it.
"""
from __future__ import annotations

from dataclasses import dataclass

from reader.articles.segment import split_paragraphs

OPENING = {"“": "”", "«": "»", "„": "“"}  # an opening mark and the mark that closes it
STRAIGHT = '"'
NESTED_OPEN = "‘"
NESTED_CLOSE = "’"
BEFORE_OPENING = " \t\n([{—–-/:;,"  # what may stand before an opening straight quote


@dataclass(frozen=True)
class Marked:
    """The words between a pair of quotation marks (display offsets, marks excluded)."""

    parts: tuple[tuple[int, int], ...]  # one span a paragraph the quote runs over
    nested: bool = False  # a quote inside another quote
    closed: bool = True  # False when the text ended (or the paragraph ran out) first

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


@dataclass
class _Open:
    start: int
    closer: str  # the mark that ends it
    parts: list[tuple[int, int]]


def find_marked(text: str) -> list[Marked]:
    """Every quotation of ``text``, in order of its opening mark (nested ones after their host)."""
    found: list[Marked] = []
    carried: _Open | None = None  # a quote left open at the end of the previous paragraph
    for start, end in split_paragraphs(text):
        carried = _paragraph(text, start, end, carried, found)
    if carried is not None:
        found.append(Marked(tuple(carried.parts), closed=False))
    return sorted(found, key=lambda m: (m.start, m.nested))


def _paragraph(text: str, start: int, end: int, carried: _Open | None, found: list[Marked]) -> _Open | None:
    """Scan one paragraph; return the quote it leaves open for the next one, if any."""
    if carried is not None:
        if text[start] in OPENING or text[start] == STRAIGHT:
            carried.start = start + 1  # the paragraph opens the running quote again
            start += 1
        else:
            found.append(Marked(tuple(carried.parts), closed=False))
            carried = None
    outer: _Open | None = carried
    inner: int | None = None  # start of an open nested quote
    k = start
    while k < end:
        ch = text[k]
        if outer is None:
            if ch in OPENING or (ch == STRAIGHT and _opens(text, k, start, end)):
                outer = _Open(k + 1, OPENING.get(ch, STRAIGHT), [])
        elif ch == outer.closer or (ch == STRAIGHT and outer.closer == "”"):
            if inner is not None:
                found.append(Marked(((inner, k),), nested=True, closed=False))
                inner = None
            found.append(Marked(tuple(outer.parts + [(outer.start, k)])))
            outer = None
        elif inner is None and _nested_opens(text, k, start, end):
            inner = k + 1
        elif inner is not None and _nested_closes(text, k, end):
            found.append(Marked(((inner, k),), nested=True))
            inner = None
        k += 1
    if outer is None:
        return None
    if inner is not None:
        found.append(Marked(((inner, end),), nested=True, closed=False))
    outer.parts.append((outer.start, end))
    return outer


def _opens(text: str, k: int, start: int, end: int) -> bool:
    """Whether a straight double quote opens: at the paragraph start or after a space or an
    opening bracket, and before a word."""
    before_ok = k == start or text[k - 1] in BEFORE_OPENING
    return before_ok and k + 1 < end and not text[k + 1].isspace()


def _nested_opens(text: str, k: int, start: int, end: int) -> bool:
    """A single quote that opens a nested quote (not an apostrophe)."""
    ch = text[k]
    if ch not in (NESTED_OPEN, "'"):
        return False
    before_ok = k == start or text[k - 1].isspace() or text[k - 1] in "([{—–\"“"
    return before_ok and k + 1 < end and text[k + 1].isalnum()


def _nested_closes(text: str, k: int, end: int) -> bool:
    """A single quote that closes a nested quote: after a word or a mark, not inside a word."""
    if text[k] not in (NESTED_CLOSE, "'"):
        return False
    after = text[k + 1] if k + 1 < end else " "
    return not after.isalnum() and not text[k - 1].isspace()
