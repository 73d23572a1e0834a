"""Highlights placed in the articles open now, with what the other sources said: what the app
shows and what an export holds."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reader.articles.stdin import is_stdin
from reader.highlights.anchor import Anchor, reanchor
from reader.highlights.model import Counterpart, Highlight
from reader.model import REUSE, Alignment, Article

Placed = tuple[Highlight, Anchor]  # a highlight and where it is in its article's display text


@dataclass(frozen=True)
class Entry:
    """One exported highlight."""

    highlight: Highlight
    article: Article | None
    anchor: Anchor  # display offsets into article.text
    said: tuple[Counterpart, ...]  # what the other sources said
    silent: tuple[str, ...] = ()  # the other open sources that do not report the point (their labels)


STDIN_KEY = "stdin:"  # how a text read from standard input is known: this, then its sha256


def article_key(article: Article) -> str:
    """How highlights name their article: its resolved path; text read from standard input
    has no file, so by its content ("stdin:" and its sha256)."""
    if is_stdin(article.path):
        return f"{STDIN_KEY}{article.content_hash}"
    return path_key(article.path)


def is_file_key(key: str) -> bool:
    """Whether a highlight's article key names a file (not a text read from standard input)."""
    return not key.startswith(STDIN_KEY)


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


def place(highlights: list[Highlight], articles: list[Article]) -> list[list[Placed]]:
    """For each article, its highlights (found by path, or by content when the file moved) and
    where each is in its current text."""
    placed: list[list[Placed]] = [[] for _ in articles]
    find = article_finder(articles)
    for h in highlights:
        k = find(h)
        if k is not None:
            placed[k].append((h, locate(h, articles[k])))
    return placed


def counterparts(alignment: Alignment | None, index: int, start: int, end: int) -> tuple[Counterpart, ...]:
    """What the other sources said about [start, end) of article ``index`` (a passage the user
    linked by hand says so: ``by`` "user")."""
    if alignment is None:
        return ()
    by_user = {(p.article, p.start, p.end) for g in alignment.groups_over(index, start, end)
               if alignment.groups[g].by == "user" for p in alignment.groups[g].passages}
    said = []
    for p, score, kind in alignment.aligned_with(index, start, end):
        other = alignment.articles[p.article]
        raw_start, raw_end = other.to_raw(p.start, p.end)
        by = "user" if (p.article, p.start, p.end) in by_user else "aligner"
        said.append(Counterpart(article_key(other), other.label, raw_start, raw_end,
                                other.text[p.start : p.end], score, kind == REUSE, by))
    return tuple(said)


def not_reporting(alignment: Alignment | None, index: int, said: tuple[Counterpart, ...]) -> tuple[str, ...]:
    """The labels of the other articles of ``alignment`` with no counterpart in ``said``, in article order."""
    if alignment is None:
        return ()
    reporting = {c.article_path for c in said}
    return tuple(a.label for k, a in enumerate(alignment.articles)
                 if k != index and article_key(a) not in reporting)


def build_entries(highlights: list[Highlight], articles: list[Article], alignment: Alignment | None) -> list[Entry]:
    """Entries in article order, then position, then id: a stable order for byte-identical exports."""
    find = article_finder(articles)
    entries = []
    for h in highlights:
        k = find(h)
        if k is None:
            entries.append(Entry(h, None, Anchor("orphaned"), h.counterparts))
            continue
        anchor = locate(h, articles[k])
        said = (counterparts(alignment, k, anchor.start, anchor.end) if anchor.found else ()) or h.counterparts
        silent = not_reporting(alignment, k, said) if anchor.found else ()
        entries.append(Entry(h, articles[k], anchor, said, silent))
    order = {id(a): k for k, a in enumerate(articles)}
    entries.sort(key=lambda e: (order.get(id(e.article), len(articles)), e.anchor.start, e.highlight.id))
    return entries


def article_finder(articles: list[Article]):
    """A function giving the index of a highlight's (or a corrected passage's) article: by path,
    else by content; or None."""
    by_key = {article_key(a): k for k, a in enumerate(articles)}
    by_hash = {a.content_hash: k for k, a in enumerate(articles)}
    return lambda h: by_key.get(h.article_path, by_hash.get(h.content_hash))
