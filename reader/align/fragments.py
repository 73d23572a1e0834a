"""Fragments: seeds of one article pair clustered into passages of neighbouring sentences,
extended, validated as a whole, and chained; summaries found by an order-keeping pass."""
from __future__ import annotations

import math
from dataclasses import replace

from reader.align.types import (
    SINGLE_SEED_DOUBT,
    Fragment,
    Params,
    Seed,
    clashes,
    inside,
)
from reader.align.vectors import Sentences, cosine


def grow_fragments(a: int, b: int, seeds: list[Seed], vectors: Sentences, p: Params) -> list[Fragment]:
    """Cluster the seeds of one article pair and keep the clusters that hold together."""
    out = []
    for cluster in _dense_clusters(seeds, p.gap, p.min_density):
        cluster = _without_side_links(cluster, p.side_link)
        i0, i1, j0, j1 = _extend(box_of(cluster), vectors[a], vectors[b], p.extend_cosine)
        whole = cosine(vectors.span(a, i0, i1), vectors.span(b, j0, j1))
        doubt = _doubt(len(vectors[a]), len(vectors[b]), p)
        out.append(Fragment(a, i0, i1, b, j0, j1, whole * (1 - doubt / len(cluster))))
    solid = [f for f in out if f.score >= p.solid]
    summaries = [s for s in _summaries(a, b, seeds, vectors, p) if not any(inside(f, s) for f in solid)]
    out = [f for f in out if not any(inside(f, s) for s in summaries)]
    return out + summaries






def _doubt(n_a: int, n_b: int, p: Params) -> float:
    """How much to distrust a one-seed match: chance matches grow with the pairs compared."""
    return SINGLE_SEED_DOUBT * math.log10(max(10, n_a * n_b)) / p.doubt_scale


def _dense_clusters(seeds: list[Seed], gap: int, min_density: float) -> list[list[Seed]]:
    """Clusters in which most sentences take part in a seed; loose ones are re-split tighter."""
    out = []
    for cluster in cluster_seeds(seeds, gap, gap):
        if gap > 1 and _density(cluster) < min_density:
            out += _dense_clusters(cluster, gap - 1, min_density)
        else:
            out.append(cluster)
    return out


def _density(cluster: list[Seed]) -> float:
    """Share of the sentences a cluster spans, on both sides, that are seeded."""
    i0, i1, j0, j1 = box_of(cluster)
    seeded = len({s.i for s in cluster}) + len({s.j for s in cluster})
    return seeded / (i1 - i0 + 1 + j1 - j0 + 1)


def _summaries(a: int, b: int, seeds: list[Seed], vectors: Sentences, p: Params) -> list[Fragment]:
    """Fragments where a short passage of one article sums up a long one of the other."""
    strong = [s for s in seeds if s.sim >= p.summary_seed]
    out = []
    for gap_i, gap_j in ((p.gap, p.summary_gap), (p.summary_gap, p.gap)):
        for cluster in cluster_seeds(strong, gap_i, gap_j):
            if len(cluster) < p.summary_min_seeds or _concordance(cluster) < p.summary_order:
                continue
            i0, i1, j0, j1 = box_of(cluster)
            short, long_ = sorted((i1 - i0 + 1, j1 - j0 + 1))
            if long_ < p.summary_ratio * short:
                continue
            u, v = vectors.span(a, i0, i1), vectors.span(b, j0, j1)
            part, whole = (u, v) if i1 - i0 < j1 - j0 else (v, u)
            score = _containment(part, whole) * (1 - _doubt(len(vectors[a]), len(vectors[b]), p) / len(cluster))
            out.append(Fragment(a, i0, i1, b, j0, j1, score, summary=True))
    return out


def _concordance(cluster: list[Seed]) -> float:
    """Share of seed pairs in the same order on both sides (a summary keeps its source's order);
    pairs that share a sentence on either side are not counted. Counted with a Fenwick tree
    over the j ranks, in O(n log n): a repetitive text makes clusters of many thousand seeds."""
    ranks = {j: r for r, j in enumerate(sorted({s.j for s in cluster}), 1)}
    tree = [0] * (len(ranks) + 1)
    same = other = seen = 0
    by_i: dict[int, list[int]] = {}
    for s in cluster:
        by_i.setdefault(s.i, []).append(ranks[s.j])
    for i in sorted(by_i):
        for r in by_i[i]:  # against the seeds of earlier sentences on side a
            below, at_most = _prefix(tree, r - 1), _prefix(tree, r)
            same += below
            other += seen - at_most
        for r in by_i[i]:
            seen += 1
            while r < len(tree):
                tree[r] += 1
                r += r & -r
    total = same + other
    return same / total if total else 0.0


def _prefix(tree: list[int], r: int) -> int:
    """How many ranks up to ``r`` the Fenwick tree holds."""
    total = 0
    while r > 0:
        total += tree[r]
        r -= r & -r
    return total


def _containment(part: dict[str, float], whole: dict[str, float]) -> float:
    """Share of the weight of ``part`` whose terms occur in ``whole``."""
    total = sum(w * w for w in part.values()) or 1.0
    return sum(w * w for t, w in part.items() if t in whole) / total


def _extend(box: tuple[int, int, int, int], va, vb, bar: float) -> tuple[int, int, int, int]:
    """Grow a fragment sentence by sentence while the neighbours on both sides match."""
    i0, i1, j0, j1 = box
    while i0 > 0 and j0 > 0 and cosine(va[i0 - 1], vb[j0 - 1]) >= bar:
        i0, j0 = i0 - 1, j0 - 1
    while i1 + 1 < len(va) and j1 + 1 < len(vb) and cosine(va[i1 + 1], vb[j1 + 1]) >= bar:
        i1, j1 = i1 + 1, j1 + 1
    return i0, i1, j0, j1


def box_of(cluster: list[Seed]) -> tuple[int, int, int, int]:
    return (min(s.i for s in cluster), max(s.i for s in cluster),
            min(s.j for s in cluster), max(s.j for s in cluster))



def drop_overlaps(fragments: list[Fragment]) -> list[Fragment]:
    """Of fragments of one article pair that overlap in either article, keep the best."""
    kept: list[Fragment] = []
    for f in sorted(fragments, key=lambda f: (-f.score, f.i0, f.j0)):
        if not any(clashes(f, k) for k in kept):
            kept.append(f)
    return kept


def contrast(fragments: list[Fragment], p: Params) -> list[Fragment]:
    """Drop lone one-sentence matches much weaker than the best match of the same two
    articles: beside a real shared passage they are chance resemblances."""
    best = max((f.score for f in fragments), default=0.0)
    return [f for f in fragments
            if f.score >= p.contrast * best or (f.i1 > f.i0 and f.j1 > f.j0)]


def chain(fragments: list[Fragment], p: Params) -> list[Fragment]:
    """Join fragments that follow each other on one side and keep their order on the other
    (a summary or a loosely rewritten passage found in pieces)."""
    out: list[Fragment] = []
    for f in sorted(fragments, key=lambda f: (f.i0, f.j0)):
        last = out[-1] if out else None
        far = f.j0 - last.j1 > p.gap if last else False
        if (last and _follows(last.i1, f.i0, p.chain_gap) and last.j0 <= f.j0 and f.j0 - last.j1 <= p.chain_reach
                and (not far or min(last.score, f.score) >= p.chain_score)):
            out[-1] = replace(last, i1=max(last.i1, f.i1), j1=max(last.j1, f.j1), score=max(last.score, f.score),
                              summary=last.summary and f.summary)
        else:
            out.append(f)
    return out


def _follows(end: int, start: int, gap: int) -> bool:
    return 0 < start - end <= gap + 1






def cluster_seeds(seeds: list[Seed], gap_i: int, gap_j: int) -> list[list[Seed]]:
    """Split seeds into runs close in both articles (alternating splits until stable)."""
    if not seeds:
        return []
    todo = [sorted(seeds, key=lambda s: (s.i, s.j))]
    done = []
    axis = 0
    stable_rounds = 0
    while todo:
        next_todo = []
        changed = False
        for group in todo:
            parts = _split(group, gap_i if axis == 0 else gap_j, axis)
            changed |= len(parts) > 1
            next_todo.extend(parts)
        axis = 1 - axis
        stable_rounds = 0 if changed else stable_rounds + 1
        if stable_rounds >= 2:
            done.extend(next_todo)
            break
        todo = next_todo
    return done


def _split(group: list[Seed], gap: int, axis: int) -> list[list[Seed]]:
    key = (lambda s: (s.i, s.j)) if axis == 0 else (lambda s: (s.j, s.i))
    ordered = sorted(group, key=key)
    parts = [[ordered[0]]]
    for prev, cur in zip(ordered, ordered[1:]):
        if key(cur)[0] - key(prev)[0] > gap:
            parts.append([])
        parts[-1].append(cur)
    return parts


def _without_side_links(cluster: list[Seed], ratio: float) -> list[Seed]:
    """The cluster without edge sentences linked only on the side: an edge sentence all of
    whose seeds are much weaker (below ``ratio`` of it) than the best seed of the sentence they
    link it to. Such a neighbour merely resembles the passage, and would stretch it."""
    while len(cluster) > 1:
        best_i: dict[int, float] = {}
        best_j: dict[int, float] = {}
        for s in cluster:
            best_i[s.i] = max(best_i.get(s.i, 0.0), s.sim)
            best_j[s.j] = max(best_j.get(s.j, 0.0), s.sim)
        i0, i1, j0, j1 = box_of(cluster)
        edges = [[s for s in cluster if s.i == i0], [s for s in cluster if s.i == i1],
                 [s for s in cluster if s.j == j0], [s for s in cluster if s.j == j1]]
        weak = next((seeds for k, seeds in enumerate(edges)
                     if all(s.sim < ratio * (best_j[s.j] if k < 2 else best_i[s.i]) for s in seeds)), None)
        if weak is None:
            return cluster
        cluster = [s for s in cluster if s not in weak]
    return cluster
