"""Trim the edges of two aligned passages to where their texts really match.

Aligned passages are built from whole sentences, but a shared quote or copied
passage often starts or ends inside a sentence.  Where the edge sentence of one
side is much longer than its counterpart, the counterpart is located inside it
(rapidfuzz's partial alignment) and the longer side is cut there.
"""
from __future__ import annotations

from rapidfuzz import fuzz

LONGER = 1.3  # an edge sentence this much longer than its counterpart may be cut
MIN_MATCH = 70.0  # rapidfuzz partial ratio needed to trust the cut
WINDOW = 400  # characters of each edge compared, so cost stays flat


def trim_edges(text_a: str, span_a: tuple[int, int], first_a: tuple[int, int], last_a: tuple[int, int],
               text_b: str, span_b: tuple[int, int], first_b: tuple[int, int], last_b: tuple[int, int],
               ) -> tuple[tuple[int, int], tuple[int, int]]:
    """Return the two spans, cut at the start and end where an edge sentence is longer."""
    (a0, a1), (b0, b1) = span_a, span_b
    a0, b0 = _cut_start(text_a, first_a, text_b, first_b, a0, b0)
    a1, b1 = _cut_end(text_a, last_a, text_b, last_b, a1, b1)
    if a1 <= a0 or b1 <= b0:
        return span_a, span_b
    return (a0, a1), (b0, b1)


def _cut_start(ta, sa, tb, sb, a0, b0):
    la, lb = sa[1] - sa[0], sb[1] - sb[0]
    if lb > LONGER * la:
        return a0, _locate(ta[sa[0] : sa[1]][:WINDOW], tb, sb, start=True) or b0
    if la > LONGER * lb:
        return _locate(tb[sb[0] : sb[1]][:WINDOW], ta, sa, start=True) or a0, b0
    return a0, b0


def _cut_end(ta, sa, tb, sb, a1, b1):
    la, lb = sa[1] - sa[0], sb[1] - sb[0]
    if lb > LONGER * la:
        return a1, _locate(ta[sa[0] : sa[1]][-WINDOW:], tb, sb, start=False) or b1
    if la > LONGER * lb:
        return _locate(tb[sb[0] : sb[1]][-WINDOW:], ta, sa, start=False) or a1, b1
    return a1, b1


def _locate(needle: str, text: str, sentence: tuple[int, int], start: bool) -> int | None:
    """Where ``needle`` starts (or ends) inside the sentence of ``text``, on a word edge."""
    hay = text[sentence[0] : sentence[1]]
    if not needle.strip():
        return None
    found = fuzz.partial_ratio_alignment(needle, hay, score_cutoff=MIN_MATCH)
    if found is None:
        return None
    pos = sentence[0] + (found.dest_start if start else found.dest_end)
    return _word_edge(text, pos, sentence, start)


def _word_edge(text: str, pos: int, sentence: tuple[int, int], start: bool) -> int:
    """Move ``pos`` out to the nearest word boundary within the sentence."""
    lo, hi = sentence
    if start:
        while pos > lo and not text[pos - 1].isspace():
            pos -= 1
        while pos < hi and text[pos].isspace():
            pos += 1
    else:
        while pos < hi and not text[pos].isspace():
            pos += 1
        while pos > lo and text[pos - 1].isspace():
            pos -= 1
    return pos
