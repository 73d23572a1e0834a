"""How much of each article the alignment shares with other articles."""
from __future__ import annotations

from reader.model import Alignment


def coverage(alignment: Alignment) -> list[float]:
    """For each article, the share of its sentence characters inside an aligned passage."""
    covered = [set() for _ in alignment.articles]
    for g in alignment.groups:
        for p in g.passages:
            covered[p.article].update(range(p.first_sentence, p.last_sentence + 1))
    out = []
    for art, idx in zip(alignment.articles, covered):
        total = sum(s.end - s.start for s in art.sentences) or 1
        out.append(sum(art.sentences[i].end - art.sentences[i].start for i in idx) / total)
    return out
