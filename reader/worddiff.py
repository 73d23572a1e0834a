"""Word-level differences between two passages: what was added, dropped or changed."""
from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")


@dataclass(frozen=True)
class Change:
    """One run of the diff: kind is "same", "added", "dropped" or "changed"."""

    kind: str
    old: str  # the words of the first passage
    new: str  # the words of the second passage


def word_diff(old: str, new: str) -> list[Change]:
    """How ``new`` differs from ``old``, word by word (case-insensitive matching)."""
    a, b = TOKEN.findall(old), TOKEN.findall(new)
    matcher = SequenceMatcher(a=[w.lower() for w in a], b=[w.lower() for w in b], autojunk=False)
    out = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        kind = {"equal": "same", "insert": "added", "delete": "dropped", "replace": "changed"}[tag]
        out.append(Change(kind, _join(a[i1:i2]), _join(b[j1:j2])))
    return out


def _join(tokens: list[str]) -> str:
    text = ""
    for t in tokens:
        if text and (t[0].isalnum() or t in "“‘(["):
            text += " "
        text += t
    return text
