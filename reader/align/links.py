"""Fact links: pairs of units of two articles that report the same fact, each with its own
evidence, and the probability that a careful reader would pair them.

The evidence of a link (``Evidence``) is measured on the pair alone: how alike the two units
are (cosine of English-aware term vectors), how alike once a lead unit is read with its
article's main terms, whether each is the other's best match in its article, how specific the
words they share are, which phrases they share, and how alike their articles' leads are (how
alike the two articles are as wholes is not evidence here: ``facts`` gates on it before).
``probability`` maps it to the share of such links that were right on the development data.
"""
from __future__ import annotations

import math
from typing import TYPE_CHECKING, NamedTuple

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


class Evidence(NamedTuple):
    """Why two units may report one fact."""

    cos: float  # cosine of the units' term vectors (not needed, and 0, between two lead units)
    context: float  # cosine once lead units are read with their article's main terms
    rank: float  # 1 when each is the other's best match in its article, less for a runner-up
    bits: float  # English specificity of the terms the two share
    lead: bool  # both units open their articles (title and first sentences)
    event: float  # how alike the two articles' leads are (the event each reports)
    phrases: int  # pairs of near words the two share and no other unit of their article has

    def probability(self) -> float:
        if self.lead:
            coef, bias = LEAD_MODEL
            inputs = {"context": self.context, "event": self.event}
        else:
            coef, bias = BODY_MODEL
            inputs = {"cos": self.cos, "bits": math.log1p(self.bits), "phrases": min(self.phrases, 3)}
        z = bias + sum([c * inputs[name] for name, c in coef.items()])
        return 1.0 / (1.0 + math.exp(-z))


class Link(NamedTuple):
    """Units ``u`` and ``v`` (indices into the unit list, ``u``'s article first) and their evidence."""

    u: int
    v: int
    evidence: Evidence
    weight: float  # the probability that the link is right


def fact_links(space: UnitSpace, candidates: list[Seed], p: Params) -> list[Link]:
    """The candidate unit pairs (as ``Seed``: article and unit number on each side, and the
    cosine of their context vectors) as links, with their evidence."""
    lead = [[space.is_lead(a, k) for k in range(len(ks))] for a, ks in enumerate(space.flat)]
    pairs = [s for s in candidates if s.sim >= p.body_cosine or lead[s.a][s.i] or lead[s.b][s.j]]
    best: dict[tuple[int, int, int], float] = {}  # (article, unit, other article) -> best cosine
    for s in pairs:
        for key in ((s.a, s.i, s.b), (s.b, s.j, s.a)):
            best[key] = max(best.get(key, 0.0), s.sim)
    events: dict[tuple[int, int], float] = {}  # (a, b) -> how alike their leads are
    plain, phrases, specific, flat = space.plain, space.phrases, space.specific, space.flat
    out = []
    for s in pairs:
        a, i, b, j, sim = s.a, s.i, s.b, s.j, s.sim
        if (event := events.get((a, b))) is None:
            event = events[(a, b)] = space.story.event(a, b)
        u, v = plain[a][i], plain[b][j]
        lead_a, lead_b = lead[a][i], lead[b][j]
        evidence = Evidence(
            cos=sim if not (lead_a or lead_b) else 0.0 if lead_a and lead_b else cosine(u, v),
            context=sim,
            rank=min(sim / best[(a, i, b)], sim / best[(b, j, a)]),
            bits=math.fsum(specific[t] for t in u.keys() & v.keys()),  # exact: the same whatever the set order
            lead=lead_a and lead_b,
            event=event,
            phrases=len(phrases[a][i] & phrases[b][j]),
        )
        out.append(Link(flat[a][i], flat[b][j], evidence, evidence.probability()))
    return out
