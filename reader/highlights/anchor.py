"""Find a highlight again in an article whose text may have changed since it was made.

In order: the stored offsets (if the quote is still there), an exact search for the
quote (prefix and suffix break ties), then a fuzzy match above a threshold.  A short
quote ("Mr. Paul has") is only placed where its context (prefix or suffix) still agrees,
and so is a quote found more than once: the same words elsewhere are another passage.
When all fail the highlight is *orphaned*: kept, shown as such, never put on the wrong text.
"""
from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

FUZZY_MIN = 85.0  # rapidfuzz partial ratio needed for a fuzzy re-anchoring
WINDOW = 20_000  # characters around the old place searched first when fuzzy matching
CONTEXT = 32  # characters of prefix and suffix kept with a highlight
DISTINCT_CHARS = 40  # a quote this long, found once, is placed whatever its context
CONTEXT_MIN = 70.0  # rapidfuzz ratio of the prefix or the suffix that places any other quote


@dataclass(frozen=True)
class Anchor:
    """Where a highlight sits now: status is exact, moved, fuzzy or orphaned."""

    status: str
    start: int = -1
    end: int = -1
    score: float = 0.0

    @property
    def found(self) -> bool:
        return self.status != "orphaned"


def context(text: str, start: int, end: int) -> tuple[str, str]:
    """The prefix and suffix stored around a quote."""
    return text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT]


def reanchor(text: str, quote: str, prefix: str, suffix: str, start: int, end: int) -> Anchor:
    """Locate ``quote`` (last seen at [start, end) between prefix and suffix) in ``text``."""
    if not quote:
        return Anchor("orphaned")
    if text[start:end] == quote:
        return Anchor("exact", start, end, 100.0)
    hits = _occurrences(text, quote)
    if hits:
        best = max(hits, key=lambda pos: (_context_score(text, pos, len(quote), prefix, suffix), -abs(pos - start)))
        if _trusted(text, best, best + len(quote), quote, prefix, suffix, unique=len(hits) == 1):
            return Anchor("moved", best, best + len(quote), 100.0)
        return Anchor("orphaned")  # the same words elsewhere: another passage, not this one
    found = _fuzzy(text, quote, start)
    if found.found and not _trusted(text, found.start, found.end, quote, prefix, suffix, unique=True):
        return Anchor("orphaned")
    return found


def _trusted(text: str, start: int, end: int, quote: str, prefix: str, suffix: str, unique: bool) -> bool:
    """Whether a match may carry the highlight: a long quote found once, or its context agrees."""
    if unique and len(quote) >= DISTINCT_CHARS:
        return True
    before = text[max(0, start - len(prefix)) : start]
    after = text[end : end + len(suffix)]
    return max(_side(before, prefix, at_edge=start == 0), _side(after, suffix, at_edge=end == len(text))) >= CONTEXT_MIN


def _side(found: str, stored: str, at_edge: bool) -> float:
    """How well one side of the context agrees; an empty stored side agrees only at the text's edge."""
    if not stored:
        return 100.0 if at_edge else 0.0
    return fuzz.ratio(found, stored)


def _occurrences(text: str, quote: str) -> list[int]:
    out, pos = [], text.find(quote)
    while pos >= 0:
        out.append(pos)
        pos = text.find(quote, pos + 1)
    return out


def _context_score(text: str, pos: int, length: int, prefix: str, suffix: str) -> float:
    before = text[max(0, pos - len(prefix)) : pos]
    after = text[pos + length : pos + length + len(suffix)]
    return fuzz.ratio(before, prefix) + fuzz.ratio(after, suffix)


def _fuzzy(text: str, quote: str, old_start: int) -> Anchor:
    """The best partial match of the quote: near its old place first, then anywhere."""
    near = (max(0, old_start - WINDOW), min(len(text), old_start + len(quote) + WINDOW))
    regions = [near] if near != (0, len(text)) else []
    regions.append((0, len(text)))
    for lo, hi in regions:
        found = fuzz.partial_ratio_alignment(quote, text[lo:hi], score_cutoff=FUZZY_MIN)
        if found is not None:
            start, end, score = _best_span(text, quote, lo + found.dest_start, lo + found.dest_end)
            if score >= FUZZY_MIN:  # the whole span, not just a part of it, must be like the quote
                return Anchor("fuzzy", start, end, score)
    return Anchor("orphaned")


def _best_span(text: str, quote: str, near_start: int, near_end: int) -> tuple[int, int, float]:
    """The span near [near_start, near_end) most like the quote (edits shift its start and change its length).

    Coordinate search: the best start for the current end, then the best end for that start, twice:
    some 17 + len/2 comparisons rather than 17 × len/2, so a long quote stays fast.
    """
    slack = max(4, len(quote) // 4)
    start, end = near_start, max(near_end, near_start + 1)
    for _ in range(2):
        starts = range(max(0, start - 8), min(end, start + 9))
        start = max(starts, key=lambda s: (fuzz.ratio(quote, text[s:end]) + _word_bonus(text, s), -abs(s - start)))
        ends = range(max(start + 1, start + len(quote) - slack), min(len(text), start + len(quote) + slack) + 1)
        end = max(ends, key=lambda e: (fuzz.ratio(quote, text[start:e]) + _word_bonus(text, e, after=True),
                                       -abs(e - end)))
    return start, end, fuzz.ratio(quote, text[start:end])


def _word_bonus(text: str, pos: int, after: bool = False) -> float:
    """A small preference for spans that start (or, ``after``, end) at a word boundary."""
    neighbour = pos if after else pos - 1
    return 0.5 if not 0 <= neighbour < len(text) or not text[neighbour].isalnum() else 0.0
