"""Counts in words ("1 article", "3 articles", never "article(s)"), and the title bar's line."""
from __future__ import annotations


def counted(n: int, noun: str, plural: str = "") -> str:
    """``n`` and ``noun``, plural unless ``n`` is 1 ("match" -> "matches" given ``plural``)."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


FILTER_LABELS = {"all": "all text", "shared": "only shared passages", "unique": "only unique text"}


def status_line(articles: int, groups: int | None, threshold: float, sync: bool, shown: str) -> str:
    """How many articles and shared passages (None: still aligning), the threshold, sync, and
    what the panes show when it is not all text."""
    passages = "aligning…" if groups is None else counted(groups, "shared passage")
    line = f"{counted(articles, 'article')} · {passages} · threshold {threshold:.2f} · sync {'on' if sync else 'off'}"
    return line if shown == "all" else f"{line} · {FILTER_LABELS[shown].upper()}"
