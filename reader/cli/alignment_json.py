"""The machine-readable alignment: raw file offsets, so text[start:end] is the passage."""
from __future__ import annotations

from reader.model import Alignment, Article


def article_json(a: Article) -> dict:
    """What the JSON outputs say of one article."""
    return {"path": str(a.path), "title": a.meta.title, "source": a.meta.source, "author": a.meta.author,
            "date": a.meta.date, "url": a.meta.url, "chars": len(a.raw), "sentences": len(a.sentences)}


def alignment_json(alignment: Alignment) -> dict:
    """The documented JSON shape of ``reader align --json``."""
    arts = alignment.articles
    return {
        "articles": [article_json(a) for a in arts],
        "threshold": alignment.threshold,
        "groups": [
            {
                "score": round(g.score, 3),
                "kind": g.kind,
                "by": g.by,
                "passages": [
                    dict(zip(("article", "start", "end"), (p.article, *arts[p.article].to_raw(p.start, p.end))))
                    for p in g.passages
                ],
            }
            for g in alignment.groups
        ],
    }
