"""Coherent groups of linked units: average-linkage clustering over the sparse link graph.

Two clusters merge when the units of one are linked to most units of the other (at least
``group_density`` of their cross-article pairs) and those links are strong on average (a mean
weight of at least ``group_bar``): a unit joins a group only when it is linked to most of its
members, so a hub unit linked to two unrelated facts cannot glue them together, as a
transitive union would. Best pairs merge first (a heap of candidate merges, stale entries
skipped). A group's units in one article cover at most a share of it (beyond a floor that
always holds a title and a lead sentence).
"""
from __future__ import annotations

import heapq
from dataclasses import dataclass, field

from reader.align.types import Params


@dataclass
class _Cluster:
    members: list[int]
    per_article: dict[int, int]  # article -> units
    chars: dict[int, int]  # article -> characters covered
    links: dict[int, list[float]] = field(default_factory=dict)  # other cluster -> [weight sum, count]
    inner: float = 0.0  # sum of the link weights inside
    count: int = 0  # links inside


def average_linkage(articles: list[int], sizes: list[int], lengths: list[int],
                    edges: list[tuple[int, int, float]], p: Params) -> list[tuple[list[int], float]]:
    """Clusters of units (``articles[u]``: unit u's article; ``sizes[u]`` its characters;
    ``lengths[a]`` article a's characters) from weighted ``edges``, each with the mean weight
    of its links, singletons left out."""
    clusters = _singletons(articles, sizes, edges)
    density, bar = p.group_density, p.group_bar
    heap = []
    for x, c in clusters.items():
        for n, link in c.links.items():
            if x < n and (score := _linkage(c, clusters[n], link, density)) >= bar:
                heap.append((-score, x, n))
    heapq.heapify(heap)
    caps = [max(p.group_cover * n, p.cover_floor) for n in lengths]  # characters a group may cover
    next_id = max(clusters, default=-1) + 1
    while heap:
        _, x, y = heapq.heappop(heap)
        if x not in clusters or y not in clusters:
            continue  # merged since
        cx, cy = clusters[x], clusters[y]
        if not _may_merge(cx, cy, caps):
            continue
        merged = _merge(cx, cy, x, y, clusters)
        del clusters[x], clusters[y]
        z = next_id
        next_id += 1
        clusters[z] = merged
        for n, link in merged.links.items():
            other = clusters[n]
            other.links[z] = link
            if (score := _linkage(merged, other, link, density)) >= bar:
                heapq.heappush(heap, (-score, n, z))  # n < z: z is the newest
    return sorted((sorted(c.members), c.inner / c.count) for c in clusters.values() if len(c.members) > 1)


def _singletons(articles: list[int], sizes: list[int], edges: list[tuple[int, int, float]]) -> dict[int, _Cluster]:
    """One cluster per linked unit, with its links."""
    links: dict[int, dict[int, list[float]]] = {}
    for u, v, w in edges:
        for x, y in ((u, v), (v, u)):
            if (mine := links.get(x)) is None:
                mine = links[x] = {}
            if (link := mine.get(y)) is None:
                mine[y] = [w, 1]
            else:
                link[0] += w
                link[1] += 1
    return {x: _Cluster([x], {articles[x]: 1}, {articles[x]: sizes[x]}, mine) for x, mine in links.items()}


def _linkage(a: _Cluster, b: _Cluster, link: list[float], density: float) -> float:
    """The mean weight of the links between two clusters, or 0 when they link too few of
    their cross-article unit pairs."""
    total, count = link
    return total / count if count >= density * _cross_pairs(a, b) else 0.0


def _cross_pairs(a: _Cluster, b: _Cluster) -> int:
    """Unit pairs of different articles between two clusters."""
    small, big = a.per_article, b.per_article
    if len(small) > len(big):
        small, big = big, small
    same = 0
    for art, n in small.items():
        m = big.get(art)
        if m:
            same += n * m
    return max(1, len(a.members) * len(b.members) - same)


def _may_merge(a: _Cluster, b: _Cluster, caps: list[float]) -> bool:
    """Whether the merged cluster stays within each article's cap (characters covered)."""
    small, big = (a, b) if len(a.per_article) < len(b.per_article) else (b, a)
    return not any(art in big.per_article and small.chars[art] + big.chars[art] > caps[art]
                   for art in small.per_article)


def _merge(a: _Cluster, b: _Cluster, x: int, y: int, clusters: dict[int, _Cluster]) -> _Cluster:
    """Clusters ``a`` (number x) and ``b`` (number y) as one; their neighbours forget them."""
    between = a.links.get(y, [0.0, 0])
    links: dict[int, list[float]] = {n: [total, count] for n, (total, count) in a.links.items()}
    for n, (total, count) in b.links.items():
        link = links.get(n)
        if link is None:
            links[n] = [total, count]
        else:
            link[0] += total
            link[1] += count
    links.pop(x, None)
    links.pop(y, None)
    for n in links:
        other = clusters[n].links
        other.pop(x, None)
        other.pop(y, None)
    return _Cluster(a.members + b.members, _added(a.per_article, b.per_article), _added(a.chars, b.chars), links,
                    a.inner + b.inner + between[0], a.count + b.count + between[1])


def _added(a: dict[int, int], b: dict[int, int]) -> dict[int, int]:
    """The two counts added, key by key."""
    out = dict(a)
    for k, n in b.items():
        out[k] = out.get(k, 0) + n
    return out
