"""Candidate sentence pairs of different articles, from an inverted index of terms, so that
the cost grows with the text rather than with its square."""
from __future__ import annotations

from typing import Callable

from reader.align.dots import shared_dots
from reader.align.types import Params, Seed
from reader.align.vectors import dice_of


def candidate_pairs(vectors: list[list[dict[str, float]]], p: Params) -> list[Seed]:
    """Sentence pairs across articles with some similarity, found through an inverted index."""
    return similar_pairs(vectors, p.min_terms, p.candidate_cosine, p)


def similar_pairs(vectors: list[list[dict[str, float]]], min_terms: int, low: float, p: Params,
                  exact: bool = True, wanted: Callable[[int, int], bool] | None = None) -> list[Seed]:
    """Pairs of vectors of different articles with a cosine of at least ``low``. A term found in
    too many places pairs nothing (see ``Postings``); with ``exact``, the pairs that the other
    terms make likely are then measured in full, else their cosine leaves out those terms."""
    # with frequent terms skipped, dot products are partial: check in full only pairs whose
    # rarer terms already give a good part of the cosine sought (cost stays near linear)
    bar = lambda skipped: low * p.prefilter if exact and skipped else low  # noqa: E731
    dots, _ = shared_dots(vectors, min_terms, p.posting_budget, wanted, bar, low if exact else None)
    return [Seed(a, i, b, j, dot) for (a, i, b, j), dot in dots]


def is_seed(s: Seed, vectors, p: Params) -> bool:
    """Similar enough to start a fragment."""
    if s.sim < p.seed_cosine:
        return False
    u, v = vectors[s.a][s.i], vectors[s.b][s.j]
    common = len(u.keys() & v.keys())  # once, for both tests
    return dice_of(common, len(u), len(v)) >= p.seed_dice and common >= p.min_shared
