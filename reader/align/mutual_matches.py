"""Lone one-sentence paraphrases between two independent reports of one story: sentences that
are each other's best match and share phrases no other sentence of either article has."""
from __future__ import annotations

from reader.align.fragments import drop_overlaps
from reader.align.types import Fragment, Params, Seed, clashes, inside, near
from reader.align.vectors import Corpus, cosine_of_sums, minus


def mutual_matches(candidates: list[Seed], corpus: Corpus, p: Params, best: float) -> list[Fragment]:
    """One-sentence fragments of sentences that are each other's best match in the two articles
    and share phrases found nowhere else in either: a paraphrase shares few words, but it
    shares them with its counterpart and no other sentence. Beside a fragment scoring ``best``,
    a much weaker lone match is chance."""
    best_i: dict[int, Seed] = {}
    best_j: dict[int, Seed] = {}
    for s in candidates:
        if s.i not in best_i or s.sim > best_i[s.i].sim:
            best_i[s.i] = s
        if s.j not in best_j or s.sim > best_j[s.j].sim:
            best_j[s.j] = s
    return [Fragment(s.a, s.i, s.i, s.b, s.j, s.j, s.sim ** p.mutual_scale)
            for s in best_i.values()
            if best_j[s.j] is s and s.sim >= p.mutual_contrast * best and _telling(s, corpus, p)]


def _telling(s: Seed, corpus: Corpus, p: Params) -> bool:
    """Whether a sentence pair shares enough terms and distinctive phrases to align alone."""
    u, v = corpus.vectors[s.a][s.i], corpus.vectors[s.b][s.j]
    return (s.sim >= p.mutual_cosine and len(u.keys() & v.keys()) >= p.mutual_shared
            and len(corpus.phrases(s.a)[s.i] & corpus.phrases(s.b)[s.j]) >= p.mutual_phrases)


def residual_similarity(kept: list[Fragment], corpus: Corpus, a: int, b: int) -> float:
    """Cosine of the two articles outside the passages ``kept``: two reports of one story stay
    alike there; a text that borrowed a passage from another, or shares one sentence with it
    by chance, does not."""
    va, vb = corpus.vectors[a], corpus.vectors[b]
    skip_a = {i for k in kept for i in range(k.i0, k.i1 + 1)}
    skip_b = {j for k in kept for j in range(k.j0, k.j1 + 1)}
    return cosine_of_sums(minus(corpus.total(a), [va[i] for i in skip_a]),
                           minus(corpus.total(b), [vb[j] for j in skip_b]))


def with_mutual(kept: list[Fragment], mutual: list[Fragment], p: Params) -> list[Fragment]:
    """Add mutual matches: one inside a fragment is already covered; one that cuts across a
    weaker short fragment replaces it (its sentences are then re-covered by their own mutual
    matches); long fragments stay whole."""
    big = [k for k in kept if max(k.i1 - k.i0, k.j1 - k.j0) >= p.mutual_displaces]
    covered = [m for m in mutual if any(inside(m, k) for k in kept)]
    free = [m for m in mutual if m not in covered and not any(near(m, k, p.near_gap) for k in big)]
    out = big + drop_overlaps([k for k in kept if k not in big] + free)
    return out + [m for m in covered if not any(clashes(m, k) for k in out)]
