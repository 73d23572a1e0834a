"""Reuse groups: the passages one article took from another, trimmed at their edges."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from reader.align.trim import trim_edges
from reader.align.types import Fragment, span_overlap
from reader.model import REUSE, Article, Group, Passage
from reader.union_find import UnionFind

NEAR_SAME = 0.8  # copies of different pairs sharing this much of the longer passage are one text
COPY_SCORE = 0.8  # ... when this exact, word by word


def trimmed(articles: list[Article], f: Fragment) -> Fragment:
    """The fragment with character spans, cut where its edge sentences only partly match."""
    if f.a_span[1]:
        return f  # a verbatim copy, measured word by word already
    sa, sb = articles[f.a].sentences, articles[f.b].sentences
    span = lambda s: (s.start, s.end)  # noqa: E731
    a_span, b_span = trim_edges(
        articles[f.a].text, (sa[f.i0].start, sa[f.i1].end), span(sa[f.i0]), span(sa[f.i1]),
        articles[f.b].text, (sb[f.j0].start, sb[f.j1].end), span(sb[f.j0]), span(sb[f.j1]),
    )
    return replace(f, a_span=a_span, b_span=b_span)


def reuse_groups(articles: list[Article], fragments: list[Fragment]) -> list[Group]:
    """Reuse groups: the fragments of one article pair whose passages overlap by half on one
    side (pieces of one reused passage, a summary's parts) are one group. Fragments of
    different pairs join only as verbatim copies of nearly the same passage (a wire paragraph
    several articles took whole), so that no passage glues unrelated text together."""
    by_pair: dict[tuple[int, int], list[Fragment]] = defaultdict(list)
    for f in fragments:
        by_pair[(f.a, f.b)].append(f)
    sets = [fs for pair in sorted(by_pair) for fs in _overlapping(by_pair[pair])]
    return [_group(articles, [f for k in ks for f in sets[k]]) for ks in _same_copies(sets)]


def _same_copies(sets: list[list[Fragment]]) -> list[list[int]]:
    """Indices of the fragment sets, those that are copies of nearly one passage joined."""
    joined = UnionFind(range(len(sets)))
    spans: dict[int, list[tuple[int, int, int]]] = defaultdict(list)  # article -> (start, end, set)
    for k, fs in enumerate(sets):
        if len(fs) == 1 and fs[0].a_span[1] and fs[0].score >= COPY_SCORE:
            spans[fs[0].a].append((*fs[0].a_span, k))
            spans[fs[0].b].append((*fs[0].b_span, k))
    for found in spans.values():
        found.sort()
        for x, (lo, hi, k) in enumerate(found):
            for lo2, hi2, k2 in found[x + 1 :]:
                if lo2 >= hi:
                    break
                if span_overlap((lo, hi), (lo2, hi2)) >= NEAR_SAME * max(hi - lo, hi2 - lo2):
                    joined.union(k, k2)
    members: dict[int, list[int]] = defaultdict(list)
    for k in range(len(sets)):
        members[joined.find(k)].append(k)
    return sorted(members.values())


def _overlapping(fragments: list[Fragment]) -> list[list[Fragment]]:
    """The fragments of one article pair in sets joined wherever two overlap by half on a side."""
    sets = UnionFind(range(len(fragments)))
    for side in ("a_span", "b_span"):
        spans = sorted((*getattr(f, side), k) for k, f in enumerate(fragments))
        for x, (lo, hi, k) in enumerate(spans):
            for lo2, hi2, k2 in spans[x + 1 :]:
                if lo2 >= hi:
                    break  # sorted by start: no later span overlaps this one
                if _half((lo, hi), (lo2, hi2)):
                    sets.union(k, k2)
    members: dict[int, list[Fragment]] = defaultdict(list)
    for k, f in enumerate(fragments):
        members[sets.find(k)].append(f)
    return list(members.values())


def _half(x: tuple[int, int], y: tuple[int, int]) -> bool:
    return 2 * span_overlap(x, y) >= min(x[1] - x[0], y[1] - y[0])


def _group(articles: list[Article], fragments: list[Fragment], gap: int = 8) -> Group:
    """A reuse group: per article, the passages its fragments cover (overlapping ones joined;
    an article that holds the text twice has two passages)."""
    found: dict[int, list[tuple[int, int, int, int]]] = defaultdict(list)
    for f in fragments:
        found[f.a].append((*f.a_span, f.i0, f.i1))
        found[f.b].append((*f.b_span, f.j0, f.j1))
    passages = []
    for art in sorted(found):
        for start, end, lo, hi in _joined(found[art], gap):
            passages.append(Passage(art, start, end, lo, hi))
    pair_scores: dict[tuple[int, int], float] = {}
    for f in fragments:
        key = (f.a, f.b)
        pair_scores[key] = round(min(1.0, max(pair_scores.get(key, 0.0), f.score)), 3)
    return Group(score=max(pair_scores.values()), passages=passages, pair_scores=pair_scores, kind=REUSE)


def _joined(spans: list[tuple[int, int, int, int]], gap: int) -> list[tuple[int, int, int, int]]:
    """(start, end, first sentence, last sentence) spans, those at most ``gap`` sentences
    apart joined (pieces of one passage); a text an article holds twice, far apart, stays two."""
    out: list[list[int]] = []
    for start, end, lo, hi in sorted(spans, key=lambda x: (x[2], x[0])):
        if out and lo <= out[-1][3] + gap:
            cur = out[-1]
            cur[0], cur[1], cur[3] = min(cur[0], start), max(cur[1], end), max(cur[3], hi)
        else:
            out.append([start, end, lo, hi])
    return [tuple(x) for x in out]
