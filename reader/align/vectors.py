"""Sentences as weighted term vectors, and the arithmetic the aligner does on them."""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import chain

from reader.align.aliases import merged
from reader.align.terms import Vocabulary, is_content, weigh
from reader.align.tokens import Tokens


class Sentences(list):
    """The articles' sentence vectors (``vectors[a][i]``), with the unit-length sums of runs of
    neighbouring sentences that reused passages are measured by, each run summed once."""

    def __init__(self, vectors=()) -> None:
        super().__init__(vectors)
        self._spans: dict[tuple[int, int, int], dict[str, float]] = {}

    def span(self, a: int, i0: int, i1: int) -> dict[str, float]:
        """Sentences i0 to i1 of article a as one vector, unit length (shared: not to be changed)."""
        if (found := self._spans.get((a, i0, i1))) is None:
            found = self._spans[(a, i0, i1)] = unit_sum(self[a][i0 : i1 + 1])
        return found


@dataclass
class Corpus:
    """The articles' sentences as terms: tf-isf vectors, and term lists in reading order."""

    vectors: Sentences
    terms: list[list[list[str]]]
    vocab: Vocabulary = field(default_factory=Vocabulary)

    @classmethod
    def of(cls, articles: list[Tokens]) -> Corpus:
        """The corpus of the articles, given by their words."""
        vocab = Vocabulary()
        words = [[merged(t.sentence_keys(s)) for s in range(len(t.first))] for t in articles]
        content = {w for sents in words for ws in sents for w in ws}  # each distinct word once
        content = {w for w in content if is_content(w)}
        vocab.learn(content)
        vocab.merge_name_variants(set().union(*(t.names() for t in articles)))
        term = {w: vocab.term(w) for w in content}
        terms = [[[term[w] for w in ws if w in term] for ws in sents] for sents in words]
        weighted = iter(weigh([ts for sents in terms for ts in sents]))
        vectors = Sentences([next(weighted) for _ in sents] for sents in terms)
        return cls(vectors, terms, vocab)


def distinctive_phrases(sentences: list[list[str]]) -> list[set[tuple[str, str]]]:
    """Per sentence, the pairs of near-adjacent terms ("neutral country", "Cato Institute")
    that no other sentence of the same article has."""
    pairs = [_near_pairs(terms) for terms in sentences]
    seen: dict[tuple[str, str], int] = defaultdict(int)
    for ps in pairs:
        for x in ps:
            seen[x] += 1
    return [{x for x in ps if seen[x] == 1} for ps in pairs]


def _near_pairs(terms: list[str]) -> set[tuple[str, str]]:
    """Unordered pairs of terms at most one term apart."""
    near = chain(zip(terms, terms[1:]), zip(terms, terms[2:]))
    return {(t, u) if t < u else (u, t) for t, u in near if u != t}


def cosine(u: dict[str, float], v: dict[str, float]) -> float:
    """Dot product: the cosine of two unit vectors."""
    if len(u) > len(v):
        u, v = v, u
    return sum([w * v[t] for t, w in u.items() if t in v])  # a list: faster than a generator


def dice_of(common: int, n: int, m: int) -> float:
    """Share of terms two vectors of ``n`` and ``m`` terms have in common, ``common`` of them."""
    return 2 * common / (n + m) if n and m else 0.0


def add(vecs) -> dict[str, float]:
    """The sum of the vectors."""
    total: dict[str, float] = defaultdict(float)
    for v in vecs:
        for t, w in v.items():
            total[t] += w
    return dict(total)


def unit_sum(vecs: list[dict[str, float]]) -> dict[str, float]:
    """The sum of the vectors, unit length."""
    return unit_length(add(vecs))


def unit_length(v: dict[str, float]) -> dict[str, float]:
    """The vector scaled to length 1 (the zero vector stays zero)."""
    norm = math.sqrt(sum(w * w for w in v.values())) or 1.0
    return {t: w / norm for t, w in v.items()}
