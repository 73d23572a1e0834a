"""Word-level differences between two passages: what was added, dropped or changed.

Words are matched case-insensitively; each run of the diff keeps the original text of
both passages (and where it is in them), so callers can show it with its own spacing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")


@dataclass(frozen=True)
class Change:
    """One run of the diff: kind is "same", "added", "dropped" or "changed"."""

    kind: str
    old: str  # the run's text in the first passage ("" when added)
    new: str  # the run's text in the second passage ("" when dropped)
    old_span: tuple[int, int] = (0, 0)  # where ``old`` is in the first passage
    new_span: tuple[int, int] = (0, 0)  # where ``new`` is in the second passage
    words: tuple[int, int] = (0, 0)  # how many words (and marks) ``old`` and ``new`` hold


KINDS = {"equal": "same", "insert": "added", "delete": "dropped", "replace": "changed"}


def word_diff(old: str, new: str) -> list[Change]:
    """How ``new`` differs from ``old``, word by word (case-insensitive matching)."""
    a, b = list(TOKEN.finditer(old)), list(TOKEN.finditer(new))
    matcher = SequenceMatcher(a=[m.group().lower() for m in a], b=[m.group().lower() for m in b], autojunk=False)
    out = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        old_span, new_span = _span(a, i1, i2), _span(b, j1, j2)
        out.append(Change(KINDS[tag], old[slice(*old_span)], new[slice(*new_span)], old_span, new_span,
                          (i2 - i1, j2 - j1)))
    return out


def common_share(changes: list[Change]) -> float:
    """Share of the words of both passages that the two have in common (0..1)."""
    same = sum(2 * c.words[0] for c in changes if c.kind == "same")
    total = sum(sum(c.words) for c in changes)
    return same / total if total else 1.0


def _span(tokens: list[re.Match], i: int, j: int) -> tuple[int, int]:
    if i >= j:
        pos = tokens[i - 1].end() if i else 0
        return pos, pos
    return tokens[i].start(), tokens[j - 1].end()

