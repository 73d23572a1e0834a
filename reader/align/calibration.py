"""Calibrated scores: a group's score says how often such groups' passage pairs were right.

A fact group scores the mean probability of its links (``links``), a reuse group how alike
its passages are as wholes. Each kind's score is then mapped, through a monotone table, to
the precision such groups' passage pairs had on the development data (ECB+ dev, topic mode:
independent reports of two events of one topic; ``benchmarks/calibration.py`` measures it).
Between 2 and 200 articles the map is the same: a link's evidence does not grow with the
number of articles.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from reader.model import FACT, REUSE, Group

# (raw score, precision) knots of monotone maps (isotonic fits, rounded), per kind
PRECISION: dict[str, list[tuple[float, float]]] = {
    FACT: [(0.0, 0.0), (0.35, 0.55), (0.48, 0.76), (0.6, 0.8), (0.7, 0.93), (1.0, 1.0)],
    REUSE: [(0.0, 0.0), (0.24, 0.5), (0.48, 0.54), (0.57, 0.6), (0.72, 0.77), (0.81, 0.8), (1.0, 1.0)],
}


def calibrated(group: Group) -> Group:
    """The group with its score (and pair scores) mapped to the precision of such groups."""
    knots = PRECISION[group.kind]
    return replace(group, score=round(mapped(group.score, knots), 3),
                   pair_scores={k: round(mapped(v, knots), 3) for k, v in group.pair_scores.items()})


def mapped(score: float, knots: list[tuple[float, float]]) -> float:
    """``score`` mapped through the knots, linearly between them."""
    xs = [x for x, _ in knots]
    k = min(max(bisect_right(xs, score) - 1, 0), len(xs) - 2)
    (x0, y0), (x1, y1) = knots[k], knots[k + 1]
    return y0 + (y1 - y0) * (min(max(score, x0), x1) - x0) / ((x1 - x0) or 1.0)
