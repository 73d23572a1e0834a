"""Inverted index of keys (terms, shingles) by article, and the pairs of entries that two
articles share under one key: the one all-pairs loop of the aligner.

Two limits keep the cost near linear, whatever the text:

* a key found in so many places that it would pair more than ``budget`` entries is skipped
  (a frequent key tells little);
* with a ``fanout``, a key that two articles each hold many times (text repeated with small
  edits, a feed's boilerplate) pairs each entry with only the ``fanout`` entries of the other
  article nearest to it in relative position: the n-th repeat with the n-th, not every repeat
  with every one (the copy finder's word 5-grams; a term's sentences all pair, up to the budget).
"""
from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Generic, Hashable, Iterator, TypeVar

T = TypeVar("T")


@dataclass
class Postings(Generic[T]):
    """key -> article -> entries (sentence numbers with weights, word positions...), each entry
    with its position in its article (``position(entry)``) out of ``lengths[article]``."""

    position: Callable[[T], int] = lambda entry: 0
    lengths: list[int] = field(default_factory=list)
    fanout: int | None = None
    index: dict[Hashable, dict[int, list[T]]] = field(default_factory=lambda: defaultdict(dict))
    skipped: bool = False  # whether ``pairs`` left out a frequent key

    def add(self, key: Hashable, article: int, entry: T) -> None:
        self.index[key].setdefault(article, []).append(entry)

    def pairs(self, budget: int, wanted: Callable[[int, int], bool] | None = None) -> Iterator[tuple[int, int, T, T]]:
        """(a, b, entry in a, entry in b), a < b, for every key two articles share (and, if
        given, that ``wanted(a, b)``), except keys whose entries would pair more than ``budget``."""
        for by_article in self.index.values():
            if len(by_article) < 2:
                continue  # a key of one article pairs nothing
            if self._over_budget(by_article, budget):
                self.skipped = True
                continue
            articles = sorted(by_article)
            for x, a in enumerate(articles):
                in_a = by_article[a]
                for b in articles[x + 1 :]:
                    if wanted is None or wanted(a, b):
                        in_b = by_article[b]
                        if len(in_a) == 1 == len(in_b):  # the common case, without a generator
                            yield a, b, in_a[0], in_b[0]
                        else:
                            yield from self._pairs_of(a, in_a, b, in_b)

    def _pairs_of(self, a: int, in_a: list[T], b: int, in_b: list[T]) -> Iterator[tuple[int, int, T, T]]:
        if self._count(len(in_a), len(in_b)) == len(in_a) * len(in_b):
            for ea in in_a:
                for eb in in_b:
                    yield a, b, ea, eb
            return
        # repeats on both sides: each entry of a with the entries of b nearest in relative position
        spots = [self.position(eb) / self.lengths[b] for eb in in_b]  # entries come in position order
        for ea in in_a:
            at = bisect_left(spots, self.position(ea) / self.lengths[a])
            for eb in in_b[max(0, at - self.fanout // 2) : at + self.fanout // 2]:
                yield a, b, ea, eb


    def _over_budget(self, by_article: dict[int, list], budget: int) -> bool:
        """Whether a key's entries would pair more than ``budget`` (without a fanout, all its
        entries with each other, as a frequent term would)."""
        if self.fanout is None:
            n = sum(len(x) for x in by_article.values())
            return n * (n - 1) // 2 > budget
        articles = sorted(by_article)
        pairs = 0
        for x, a in enumerate(articles):
            n = len(by_article[a])
            for b in articles[x + 1 :]:
                pairs += self._count(n, len(by_article[b]))
                if pairs > budget:
                    return True
        return False

    def _count(self, n: int, m: int) -> int:
        """How many pairs ``_pairs_of`` yields for n entries in one article and m in the other."""
        if self.fanout is None or n * m <= self.fanout * max(n, m):
            return n * m
        return n * self.fanout
