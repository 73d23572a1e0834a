"""Reused text between two articles: what one took from the other, whole or edited.

Seeds (similar sentence pairs) close together on both sides are clustered into fragments of
neighbouring sentences, kept when the passages as a whole are alike; a short passage that sums
up a long one is found by an order-keeping pass; verbatim copies found from shared word
5-grams are measured word by word. Each passage is cut at sentences with no counterpart of
their own. Two articles are *dependent* when one took a passage from the other (a fragment
scoring ``Params.dependent``): then all their fragments are reuse; otherwise only their
verbatim copies (a shared quote, a wire paragraph) are, and the rest is left to fact links.
"""
from __future__ import annotations

from reader.align.candidates import is_seed
from reader.align.copies import with_copies
from reader.align.counterparts import cut_unmatched
from reader.align.fragments import chain, contrast, drop_overlaps, grow_fragments
from reader.align.types import Fragment, Params, Seed
from reader.align.vectors import Sentences


def reused(a: int, b: int, candidates: list[Seed], copied: list[Fragment], vectors: Sentences, threshold: float,
           p: Params) -> list[Fragment]:
    """The passages two articles share as reused text (empty when neither took any)."""
    seeds = [s for s in candidates if is_seed(s, vectors, p)]
    found = [f for f in grow_fragments(a, b, seeds, vectors, p) if f.score >= threshold]
    kept = with_copies(chain(drop_overlaps(contrast(found, p)), p), copied, p)
    kept = [piece for f in kept for piece in cut_unmatched(f, candidates, vectors, p)]
    if max((f.score for f in kept), default=0.0) >= p.dependent:
        return kept
    return [f for f in kept if f.a_span[1]]  # verbatim copies only


def inside_reuse(fragments: list[Fragment]) -> set[tuple[int, int, int]]:
    """(article, sentence, other article) for every sentence of a passage reused between the
    two articles."""
    out = set()
    for f in fragments:
        out.update((f.a, i, f.b) for i in range(f.i0, f.i1 + 1))
        out.update((f.b, j, f.a) for j in range(f.j0, f.j1 + 1))
    return out
