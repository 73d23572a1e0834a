"""Links inside reused text measure only unit pairs that share a term, through an index: they
find what measuring every pair finds, with the same sums, in the same order."""
from __future__ import annotations

import random

from reader.align.facts import _alike
from reader.align.types import Seed


def _every_pair(a, mine, b, theirs, vectors, frequent, bar):
    out = []
    for i in mine:
        u = vectors[a][i]
        for j in theirs:
            v = vectors[b][j]
            sim = sum([w * v[t] for t, w in u.items() if t in v and t not in frequent])
            if sim >= bar:
                out.append(Seed(a, i, b, j, sim))
    return out


def test_the_index_finds_what_every_pair_finds():
    rng = random.Random(3)
    terms = [f"t{n}" for n in range(40)]
    vectors = [[{t: rng.random() for t in rng.sample(terms, rng.randint(0, 6))} for _ in range(60)] for _ in range(2)]
    mine, theirs = rng.sample(range(60), 30), sorted(rng.sample(range(60), 40))
    frequent = {"t0", "t1", "t2"}
    found = _alike(0, mine, 1, theirs, vectors, frequent, 0.05)
    assert found == _every_pair(0, mine, 1, theirs, vectors, frequent, 0.05)
    assert len(found) > 20 and len(found) < len(mine) * len(theirs) / 2  # some pairs share nothing
