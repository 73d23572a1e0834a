"""What an export holds: each highlight re-anchored, with what the other sources said."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reader.articles.stdin import is_stdin
from reader.highlights.anchor import Anchor, reanchor
from reader.highlights.model import Highlight
from reader.model import Alignment, Article, Passage


@dataclass(frozen=True)
class Said:
    """A counterpart passage: which source said it, what it says, how close it is."""

    source: str
    title: str
    text: str
    score: float


@dataclass(frozen=True)
class Entry:
    """One exported highlight."""

    highlight: Highlight
    article: Article | None
    anchor: Anchor  # display offsets into article.text
    said: tuple[Said, ...]


def article_key(article: Article) -> str:
    """How highlights name their article: its resolved path; text read from standard input
    has no file, so by its content ("stdin:" and its sha256)."""
    if is_stdin(article.path):
        return f"stdin:{article.content_hash}"
    return path_key(article.path)


def path_key(path: Path | str) -> str:
    """How highlights name the article file at ``path``: the resolved path."""
    return str(Path(path).resolve())


def locate(h: Highlight, article: Article) -> Anchor:
    """Re-anchor a highlight in the article's current display text."""
    if h.content_hash == article.content_hash and 0 <= h.start < h.end <= len(article.raw):
        s, e = article.to_display(h.start), article.to_display(h.end)
        if article.text[s:e] == h.quote:
            return Anchor("exact", s, e, 100.0)
    hint = article.to_display(min(h.start, len(article.raw)))
    return reanchor(article.text, h.quote, h.prefix, h.suffix, hint, hint + len(h.quote))


def aligned_passages(alignment: Alignment | None, index: int, start: int, end: int) -> list[tuple[Passage, float]]:
    """Passages of other articles aligned with [start, end) of article ``index``, with their scores."""
    if alignment is None:
        return []
    out: dict[tuple[int, int, int], tuple[Passage, float]] = {}
    for group in alignment.groups:
        if not any(p.article == index and p.start < end and p.end > start for p in group.passages):
            continue
        for p in group.passages:
            if p.article != index:
                score = group.pair_scores.get(tuple(sorted((index, p.article))), group.score)
                out[(p.article, p.start, p.end)] = (p, score)
    return [out[k] for k in sorted(out)]


def counterparts(alignment: Alignment | None, index: int, start: int, end: int) -> tuple[Said, ...]:
    """What the other sources said about [start, end) of article ``index``."""
    said = []
    for p, score in aligned_passages(alignment, index, start, end):
        art = alignment.articles[p.article]
        said.append(Said(art.label, art.meta.title, art.text[p.start : p.end], score))
    return tuple(said)


def build_entries(highlights: list[Highlight], articles: list[Article], alignment: Alignment | None) -> list[Entry]:
    """Entries in article order, then position, then id: a stable order for byte-identical exports."""
    by_key = {article_key(a): (k, a) for k, a in enumerate(articles)}
    by_hash = {a.content_hash: (k, a) for k, a in enumerate(articles)}
    entries = []
    for h in highlights:
        k, art = by_key.get(h.article_path) or by_hash.get(h.content_hash) or (None, None)
        if art is None:
            entries.append(Entry(h, None, Anchor("orphaned"), _stored(h)))
            continue
        anchor = locate(h, art)
        said = counterparts(alignment, k, anchor.start, anchor.end) if anchor.found else ()
        entries.append(Entry(h, art, anchor, said or _stored(h)))
    order = {id(a): k for k, a in enumerate(articles)}
    entries.sort(key=lambda e: (order.get(id(e.article), len(articles)), e.anchor.start, e.highlight.id))
    return entries


def _stored(h: Highlight) -> tuple[Said, ...]:
    return tuple(Said(c.source, "", c.quote, c.score) for c in h.counterparts)
