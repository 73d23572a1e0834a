"""Counts in words ("1 article", "3 articles", never "article(s)"), and the title bar's line."""
from __future__ import annotations


def counted(n: int, noun: str, plural: str = "") -> str:
    """``n`` and ``noun``, plural unless ``n`` is 1 ("match" -> "matches" given ``plural``)."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


FILTER_LABELS = {"all": "all text", "shared": "only shared passages", "unique": "only unique text"}


def status_line(articles: int, groups: int | None, threshold: float, sync: bool, shown: str,
                align_status: str = "", store_status: str = "") -> str:
    """How many articles and shared passages (or, while there are none, how the alignment goes:
    "aligning… 40%", "alignment failed"), the threshold, sync, what the panes show when it is
    not all text, and the highlights database's state (busy, read-only) when it is not plain."""
    passages = align_status or ("aligning…" if groups is None else counted(groups, "shared passage"))
    line = f"{counted(articles, 'article')} · {passages} · threshold {threshold:.2f} · sync {'on' if sync else 'off'}"
    if shown != "all":
        line += f" · {FILTER_LABELS[shown].upper()}"
    return f"{line} · {store_status}" if store_status else line
