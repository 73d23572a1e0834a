"""Candidate sentence pairs of different articles, from an inverted index of terms, so that
the cost grows with the text rather than with its square."""
from __future__ import annotations

from collections import defaultdict

from reader.align.types import Params, Seed
from reader.align.vectors import cosine, dice


def candidate_pairs(vectors: list[list[dict[str, float]]], p: Params) -> list[Seed]:
    """Sentence pairs across articles with some similarity, found through an inverted index."""
    postings: dict[str, dict[int, list[tuple[int, float]]]] = defaultdict(dict)
    for a, vecs in enumerate(vectors):
        for i, vec in enumerate(vecs):
            if len(vec) >= p.min_terms:
                for t, w in vec.items():
                    postings[t].setdefault(a, []).append((i, w))
    partial: dict[tuple[int, int, int, int], float] = defaultdict(float)
    skipped = False
    for by_article in postings.values():
        if len(by_article) < 2:
            continue  # a term of one article pairs nothing
        if over_budget(by_article, p.posting_budget):
            skipped = True
            continue
        articles = sorted(by_article)
        for x, a in enumerate(articles):
            for b in articles[x + 1 :]:
                for i, w in by_article[a]:
                    for j, w2 in by_article[b]:
                        partial[(a, i, b, j)] += w * w2
    low = min(p.seed_cosine, p.mutual_cosine)
    # with frequent terms skipped, dot products are partial: check in full only pairs whose
    # rarer terms already give a good part of a seed's cosine (cost stays near linear)
    bar = p.seed_cosine * p.prefilter if skipped else low
    out = []
    for (a, i, b, j), dot in sorted(item for item in partial.items() if item[1] >= bar):
        sim = cosine(vectors[a][i], vectors[b][j]) if skipped else dot
        if sim >= low:
            out.append(Seed(a, i, b, j, sim))
    return out


def over_budget(by_article: dict[int, list], budget: int) -> bool:
    """Whether a term's postings (per article) would pair more than ``budget`` entries: such a
    frequent term tells little and would make the cost grow with the square of the text."""
    n = sum(len(x) for x in by_article.values())
    return n * (n - 1) // 2 > budget


def is_seed(s: Seed, vectors, p: Params) -> bool:
    """Similar enough to start a fragment."""
    u, v = vectors[s.a][s.i], vectors[s.b][s.j]
    return s.sim >= p.seed_cosine and dice(u, v) >= p.seed_dice and len(u.keys() & v.keys()) >= p.min_shared
