"""Counts in words: "1 article", "3 articles", never "article(s)"."""
from __future__ import annotations


def counted(n: int, noun: str, plural: str = "") -> str:
    """``n`` and ``noun``, plural unless ``n`` is 1 ("match" -> "matches" given ``plural``)."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"
