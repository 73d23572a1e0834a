"""Groups: fragments joined across articles wherever their passages overlap."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from reader.align.trim import trim_edges
from reader.align.types import Fragment, span_overlap
from reader.model import Article, Group, Passage


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


def groups_of(articles: list[Article], fragments: list[Fragment]) -> list[Group]:
    """Join fragments whose passages (character spans) overlap by half in some article into groups."""
    parent = list(range(len(fragments)))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    by_article: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for k, f in enumerate(fragments):
        by_article[f.a].append((*f.a_span, k))
        by_article[f.b].append((*f.b_span, k))
    for spans in by_article.values():
        spans.sort()
        for x, (lo, hi, k) in enumerate(spans):
            for lo2, hi2, k2 in spans[x + 1 :]:
                if lo2 >= hi:
                    break
                if 2 * span_overlap((lo, hi), (lo2, hi2)) >= min(hi - lo, hi2 - lo2):
                    parent[root(k2)] = root(k)
    members: dict[int, list[Fragment]] = defaultdict(list)
    for k, f in enumerate(fragments):
        members[root(k)].append(f)
    groups = [_group(articles, fs) for fs in members.values()]
    groups.sort(key=lambda g: [(p.article, p.start) for p in g.passages])
    return groups


def _group(articles: list[Article], fragments: list[Fragment]) -> Group:
    spans: dict[int, list[int]] = {}
    for f in fragments:
        for art, lo, hi, (start, end) in ((f.a, f.i0, f.i1, f.a_span), (f.b, f.j0, f.j1, f.b_span)):
            cur = spans.setdefault(art, [lo, hi, start, end])
            cur[:] = min(cur[0], lo), max(cur[1], hi), min(cur[2], start), max(cur[3], end)
    passages = []
    for art in sorted(spans):
        lo, hi, start, end = spans[art]
        passages.append(Passage(art, start, end, lo, hi))
    pair_scores: dict[tuple[int, int], float] = {}
    for f in fragments:
        key = (f.a, f.b)
        pair_scores[key] = round(min(1.0, max(pair_scores.get(key, 0.0), f.score)), 3)
    score = max(pair_scores.values())
    return Group(score=score, passages=passages, pair_scores=pair_scores)
