"""Dot products of sparse term vectors of different articles, over the terms they share, from
an inverted index (``Postings``: a term that would pair more than the budget pairs nothing).

Two ways, one answer: pure Python for small inputs, and numpy arrays for large ones (numpy
is imported only then: its import costs more than small inputs take). Both add the products
of one sentence pair in the same order (terms as first met), one by one, so the sums agree
to the last bit; full dot products (``exact``) are added in ``vectors.cosine``'s order.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Callable

from reader.align.postings import Postings
from reader.align.vectors import cosine

Vectors = list[list[dict[str, float]]]
Wanted = Callable[[int, int], bool]
Key = tuple[int, int, int, int]  # (article a, sentence i, article b, sentence j), a < b
VECTORIZE_ABOVE = 40_000  # index entries from which numpy pays for its import (~0.1 s)


def shared_dots(vectors: Vectors, min_terms: int, budget: int, wanted: Wanted | None,
                bar: Callable[[bool], float], exact: float | None = None) -> tuple[list[tuple[Key, float]], bool]:
    """Sentence pairs of different articles (vectors of ``min_terms`` terms or more) whose dot
    product over the terms in the budget reaches ``bar(skipped)``, in key order, and whether
    a frequent term was skipped. With ``exact`` (a cosine sought), when a term was skipped, the
    pairs are measured in full (frequent terms too) and kept when they reach ``exact``."""
    entries = sum(len(v) for vecs in vectors for v in vecs if len(v) >= min_terms)
    if entries >= VECTORIZE_ABOVE:
        try:
            from reader.align.dots_numpy import shared_dots_numpy
        except ImportError:  # numpy missing: the pure Python way gives the same answer
            pass
        else:
            return shared_dots_numpy(vectors, min_terms, budget, wanted, bar, exact)
    postings: Postings[tuple[int, float]] = Postings()
    for a, vecs in enumerate(vectors):
        for i, vec in enumerate(vecs):
            if len(vec) >= min_terms:
                for t, w in vec.items():
                    postings.add(t, a, (i, w))
    partial: dict[Key, float] = defaultdict(float)
    for a, b, (i, w), (j, w2) in postings.pairs(budget, wanted):
        partial[(a, i, b, j)] += w * w2
    low = bar(postings.skipped)
    found = sorted(item for item in partial.items() if item[1] >= low)
    if exact is not None and postings.skipped:
        found = [(key, cosine(vectors[key[0]][key[1]], vectors[key[2]][key[3]])) for key, _ in found]
        found = [(key, dot) for key, dot in found if dot >= exact]
    return found, postings.skipped
