"""How alike two articles are, as wholes: whether they tell one story, and whether their leads
report one event.

A *story* similarity compares the two articles' heaviest terms, leaving out the sentences one
took from the other (a text that borrowed a passage is otherwise unrelated to its source). An
*event* similarity compares their leads (title and first sentences), where news states what
happened: two reports of one event open alike, two stories on one topic do not.
"""
from __future__ import annotations

from reader.align.vectors import add, cosine, unit_length, unit_sum

Vector = dict[str, float]

STORY_TERMS = 60  # an article's heaviest terms, compared to tell whether two articles tell one story


class Story:
    """Story and event similarities of the articles, from their unit vectors."""

    def __init__(self, vectors: list[list[Vector]], sentences: list[list[int]], lead: int,
                 reused: set[tuple[int, int, int]]) -> None:
        """``vectors[a][k]`` is unit k of article a, of sentence ``sentences[a][k]``; units of
        the first ``lead`` sentences are the lead; ``reused`` holds (article, sentence, other
        article) for sentences one of two articles took from the other."""
        self.vectors, self.sentences, self.reused = vectors, sentences, reused
        others: dict[tuple[int, int], list[int]] = {}  # (article, sentence) -> the other articles
        for a, s, b in reused:
            others.setdefault((a, s), []).append(b)
        self._taken: dict[tuple[int, int], list[Vector]] = {}  # (a, b) -> a's units in text a and b share
        for a, (vecs, sents) in enumerate(zip(vectors, sentences)):
            for v, s in zip(vecs, sents):
                for b in others.get((a, s), ()):
                    self._taken.setdefault((a, b), []).append(v)
        self.tops = [_heaviest(vecs, STORY_TERMS) for vecs in vectors]
        self._unit_tops = [unit_length(top) for top in self.tops]
        self.leads = [unit_sum([v for v, s in zip(vecs, sents) if s < lead])
                      for vecs, sents in zip(vectors, sentences)]
        self._story: dict[tuple[int, int], float] = {}
        self._event: dict[tuple[int, int], float] = {}

    def top(self, a: int) -> Vector:
        """Article ``a``'s heaviest terms, unit length."""
        return self._unit_tops[a]

    def similarity(self, a: int, b: int) -> float:
        """How alike articles ``a`` and ``b`` are outside the text one took from the other."""
        if (found := self._story.get((a, b))) is None:
            found = self._story[(a, b)] = cosine(self._outside(a, b), self._outside(b, a))
        return found

    def event(self, a: int, b: int) -> float:
        """How alike the two articles' leads are."""
        if (a, b) not in self._event:
            self._event[(a, b)] = cosine(self.leads[a], self.leads[b])
        return self._event[(a, b)]

    def _outside(self, a: int, b: int) -> Vector:
        """Article ``a``'s heaviest terms, less what it took from ``b`` or gave it, unit length."""
        taken = self._taken.get((a, b))
        if not taken:
            return self._unit_tops[a]
        out = dict(self.tops[a])
        for v in taken:
            for t, w in v.items():
                if t in out:
                    out[t] = max(0.0, out[t] - w)
        return unit_length(out)


def in_context(v: Vector, article: Vector) -> Vector:
    """A lead unit's vector with its article's heaviest terms added, unit length: a title says
    little on its own, and what it says is about its article."""
    out = dict(v)
    for t, w in article.items():
        out[t] = out.get(t, 0.0) + w
    return unit_length(out)


def _heaviest(vecs: list[Vector], n: int) -> Vector:
    return dict(sorted(add(vecs).items(), key=lambda tw: (-tw[1], tw[0]))[:n])
