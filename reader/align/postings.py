"""Inverted index of keys (terms, shingles) by article, and the pairs of entries that two
articles share under one key: the one all-pairs loop of the aligner. A key found in so many
places that it would pair more than a budget of entries is skipped (a frequent key tells
little and would make the cost grow with the square of the text)."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Generic, Hashable, Iterator, TypeVar

T = TypeVar("T")


@dataclass
class Postings(Generic[T]):
    """key -> article -> entries (sentence numbers with weights, word positions...)."""

    index: dict[Hashable, dict[int, list[T]]] = field(default_factory=lambda: defaultdict(dict))
    skipped: bool = False  # whether ``pairs`` left out a frequent key

    def add(self, key: Hashable, article: int, entry: T) -> None:
        self.index[key].setdefault(article, []).append(entry)

    def pairs(self, budget: int) -> Iterator[tuple[int, int, T, T]]:
        """(a, b, entry in a, entry in b), a < b, for every key two articles share, except keys
        whose entries would pair more than ``budget``."""
        for by_article in self.index.values():
            if len(by_article) < 2:
                continue  # a key of one article pairs nothing
            if over_budget(by_article, budget):
                self.skipped = True
                continue
            articles = sorted(by_article)
            for x, a in enumerate(articles):
                for b in articles[x + 1 :]:
                    for ea in by_article[a]:
                        for eb in by_article[b]:
                            yield a, b, ea, eb


def over_budget(by_article: dict[int, list], budget: int) -> bool:
    """Whether a key's entries (per article) would pair more than ``budget``."""
    n = sum(len(x) for x in by_article.values())
    return n * (n - 1) // 2 > budget
