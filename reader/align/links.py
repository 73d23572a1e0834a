"""Fact links: pairs of units of two articles that report the same fact, each with its own
evidence, and the probability that a careful reader would pair them.

The evidence of a link (``Evidence``) is measured on the pair alone: how alike the two units
are (cosine of English-aware term vectors), how alike once a lead unit is read with its
article's main terms, whether each is the other's best match in its article, how specific the
words they share are, which phrases they share, and how alike their articles' leads are.
``probability`` maps it to the share of such links that were right on the development data.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.align.types import Params, Seed
from reader.align.vectors import cosine

if TYPE_CHECKING:
    from reader.align.facts import UnitSpace

# Two logistic models, fitted on the development data (benchmarks/calibration.py shows how
# well they hold):
# - lead links (both units open their articles) tell whether two articles report one event:
#   fitted on ECB+ dev, whose gold pairs are mostly titles and lead sentences;
# - body links tell whether two sentences report one specific fact: fitted on the seeds'
#   fact pairs and ECB+ dev's body pairs.
LEAD_MODEL = ({"context": 2.99, "event": 4.85}, -1.64)
BODY_MODEL = ({"cos": 3.53, "bits": 0.69, "phrases": 0.53}, -2.97)


@dataclass(frozen=True)
class Evidence:
    """Why two units may report one fact."""

    cos: float  # cosine of the units' term vectors (not needed, and 0, between two lead units)
    context: float  # cosine once lead units are read with their article's main terms
    rank: float  # 1 when each is the other's best match in its article, less for a runner-up
    bits: float  # English specificity of the terms the two share
    story: float  # how alike the two articles are outside reused text
    lead: bool  # both units open their articles (title and first sentences)
    event: float  # how alike the two articles' leads are (the event each reports)
    phrases: int  # pairs of near words the two share and no other unit of their article has

    def probability(self) -> float:
        coef, bias = LEAD_MODEL if self.lead else BODY_MODEL
        inputs = {"cos": self.cos, "context": self.context, "event": self.event,
                  "bits": math.log1p(self.bits), "phrases": min(self.phrases, 3)}
        z = bias + sum(c * inputs[name] for name, c in coef.items())
        return 1.0 / (1.0 + math.exp(-z))


@dataclass(frozen=True)
class Link:
    """Units ``u`` and ``v`` (indices into the unit list, ``u``'s article first) and their evidence."""

    u: int
    v: int
    evidence: Evidence
    weight: float  # the probability that the link is right


def fact_links(space: UnitSpace, candidates: list[Seed], p: Params) -> list[Link]:
    """The candidate unit pairs (as ``Seed``: article and unit number on each side, and the
    cosine of their context vectors) as links, with their evidence."""
    pairs = [s for s in candidates if s.sim >= p.body_cosine or space.is_lead(s.a, s.i) or space.is_lead(s.b, s.j)]
    best: dict[tuple[int, int, int], float] = {}  # (article, unit, other article) -> best cosine
    for s in pairs:
        for key in ((s.a, s.i, s.b), (s.b, s.j, s.a)):
            best[key] = max(best.get(key, 0.0), s.sim)
    out = []
    for s in pairs:
        rank = min(s.sim / best[(s.a, s.i, s.b)], s.sim / best[(s.b, s.j, s.a)])
        u, v = space.plain[s.a][s.i], space.plain[s.b][s.j]
        shared = u.keys() & v.keys()
        lead_a, lead_b = space.is_lead(s.a, s.i), space.is_lead(s.b, s.j)
        evidence = Evidence(
            cos=s.sim if not (lead_a or lead_b) else 0.0 if lead_a and lead_b else cosine(u, v),
            context=s.sim,
            rank=rank,
            bits=sum(space.specific[t] for t in shared),
            story=space.story.similarity(s.a, s.b),
            lead=lead_a and lead_b,
            event=space.story.event(s.a, s.b),
            phrases=len(space.phrases[s.a][s.i] & space.phrases[s.b][s.j]),
        )
        out.append(Link(space.flat[s.a][s.i], space.flat[s.b][s.j], evidence, evidence.probability()))
    return out
