"""Term weights that know English: a term tells which fact a unit reports when it is rare in
general English (``english.rarity``: "Gorbachev" more than "meeting", "meeting" more than
"said") and not spread over the whole story (the story's subject, named in every other
sentence, tells little about which of its facts a sentence reports)."""
from __future__ import annotations

import math
from collections import Counter

from reader.align.english import rarity

COMMON = 2.5  # rarity at or below which a word tells nothing ("said", "year": one in 300 words)
FLOOR = 0.5  # ... a word barely above it still counts a little


def term_rarity(keys_by_term: dict[str, set[str]]) -> dict[str, float]:
    """Each term's English rarity, from its most frequent surface form ("meeting" for meet-)."""
    return {t: min(rarity(k) for k in keys) for t, keys in keys_by_term.items()}


def specificity(rare: float) -> float:
    """How much one shared term says, from its English rarity."""
    return max(FLOOR, rare - COMMON)


def weigh_units(term_lists: list[list[str]], rare: dict[str, float]) -> list[dict[str, float]]:
    """Unit-length vectors: sub-linear term frequency x English specificity x spread in the
    story (smoothed inverse frequency over all units)."""
    df: Counter[str] = Counter()
    for terms in term_lists:
        df.update(set(terms))
    n = len(term_lists) or 1
    weight = {t: specificity(rare[t]) * math.log((n + 1) / (c + 0.5)) for t, c in df.items()}
    out = []
    for terms in term_lists:
        vec = {t: (1.0 + math.log(c)) * weight[t] for t, c in Counter(terms).items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        out.append({t: v / norm for t, v in vec.items()})
    return out
