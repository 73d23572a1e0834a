"""Passages over sentences that each have a counterpart of their own: a reused passage is cut
wherever a sentence on either side matches nothing facing it, so that a sentence between two
matched ones is never aligned for being between them (two texts that correspond sentence by
sentence, with unrelated sentences among the related ones, are aligned sentence by sentence)."""
from __future__ import annotations

from reader.align.types import Fragment, Params, Seed
from reader.align.vectors import Sentences, cosine
from reader.union_find import UnionFind

Run = tuple[int, int]  # first and last sentence of a run of matched sentences


def cut_unmatched(f: Fragment, pairs: list[Seed], vectors: Sentences, p: Params) -> list[Fragment]:
    """The fragment cut at every sentence that has no counterpart of its own: one that is not,
    with a sentence of the other side inside the fragment, each other's best match (and alike
    enough), nor clearly alike any. Copies (measured word by word) and summaries (one side much
    longer by design) stay whole."""
    short, long_ = sorted((f.i1 - f.i0 + 1, f.j1 - f.j0 + 1))
    if f.a_span[1] or f.summary or long_ >= p.summary_ratio * short:
        return [f]
    inside = [s for s in pairs if f.i0 <= s.i <= f.i1 and f.j0 <= s.j <= f.j1]
    own = _own_counterparts(inside, p.own_cosine, p.clear_cosine)
    matched_a, matched_b = _excused(own, f, "a"), _excused(own, f, "b")
    runs_a, runs_b = _runs(matched_a, f.i0, f.i1), _runs(matched_b, f.j0, f.j1)
    if runs_a == [(f.i0, f.i1)] and runs_b == [(f.j0, f.j1)]:
        return [f]
    out = []
    for i0, i1, j0, j1 in _boxes(own, runs_a, runs_b):
        whole = cosine(vectors.span(f.a, i0, i1), vectors.span(f.b, j0, j1))
        out.append(Fragment(f.a, i0, i1, f.b, j0, j1, min(f.score, whole)))
    return out


def _own_counterparts(inside: list[Seed], own: float, clear: float) -> list[Seed]:
    """The pairs in which each sentence is the other's best match (and alike enough), or that
    are clearly alike."""
    best_i: dict[int, float] = {}
    best_j: dict[int, float] = {}
    for s in inside:
        best_i[s.i] = max(best_i.get(s.i, 0.0), s.sim)
        best_j[s.j] = max(best_j.get(s.j, 0.0), s.sim)
    return [s for s in inside if s.sim >= clear or (s.sim >= own and s.sim == best_i[s.i] == best_j[s.j])]


def _excused(own: list[Seed], f: Fragment, side: str) -> set[int]:
    """The sentences of one side that count as matched: those with a counterpart of their own,
    and those without one that face only matched sentences on the other side (a sentence split
    in two, or one added on one side only, between two that match)."""
    mine, theirs = (lambda s: s.i, lambda s: s.j) if side == "a" else (lambda s: s.j, lambda s: s.i)
    lo, hi = (f.i0, f.i1) if side == "a" else (f.j0, f.j1)
    olo, ohi = (f.j0, f.j1) if side == "a" else (f.i0, f.i1)
    faced: dict[int, list[int]] = {}
    for s in own:
        faced.setdefault(mine(s), []).append(theirs(s))
    matched_other = {theirs(s) for s in own}
    out = set(faced)
    ordered = sorted(faced)
    for k in range(lo, hi + 1):
        if k in out:
            continue
        before = [x for x in ordered if x < k]
        after = [x for x in ordered if x > k]
        if not before or not after:
            continue  # an unmatched sentence at an edge is left out
        lo_other = max(faced[before[-1]])
        hi_other = min(faced[after[0]])
        window = range(max(olo, min(lo_other, hi_other) + 1), min(ohi, max(lo_other, hi_other) - 1) + 1)
        if all(x in matched_other for x in window):
            out.add(k)
    return out


def _runs(matched: set[int], lo: int, hi: int) -> list[Run]:
    """Maximal runs of consecutive matched positions in [lo, hi]."""
    out: list[Run] = []
    for k in range(lo, hi + 1):
        if k not in matched:
            continue
        if out and out[-1][1] == k - 1:
            out[-1] = (out[-1][0], k)
        else:
            out.append((k, k))
    return out


def _boxes(own: list[Seed], runs_a: list[Run], runs_b: list[Run]) -> list[tuple[int, int, int, int]]:
    """The runs of both sides that counterparts join, each set as a box (i0, i1, j0, j1), in
    order: the order of sentences inside a reused passage may change, its extent may not."""
    nodes = [("a", r) for r in runs_a] + [("b", r) for r in runs_b]
    sets = UnionFind(nodes)
    run_a = {i: r for r in runs_a for i in range(r[0], r[1] + 1)}
    run_b = {j: r for r in runs_b for j in range(r[0], r[1] + 1)}
    for s in own:
        sets.union(("a", run_a[s.i]), ("b", run_b[s.j]))
    members: dict[tuple[str, Run], list[tuple[str, Run]]] = {}
    for node in nodes:
        members.setdefault(sets.find(node), []).append(node)
    out = []
    for nodes_in in members.values():
        a = [r for side, r in nodes_in if side == "a"]
        b = [r for side, r in nodes_in if side == "b"]
        if not a or not b:
            continue  # excused sentences with no counterpart on either side of them
        out.append((min(r[0] for r in a), max(r[1] for r in a), min(r[0] for r in b), max(r[1] for r in b)))
    return sorted(out)
