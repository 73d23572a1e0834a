"""The engine's data: articles, sentences, passages and alignment groups.

Data flows files -> Article -> Alignment -> UI / export.  Two coordinate systems exist:

* *display offsets* index ``Article.text``: the body a person reads (header lines,
  inline HTML tags and ``\\r`` removed);
* *raw offsets* index ``Article.raw``: the file's text (UTF-8, BOM removed, no newline
  translation).  ``Article.to_raw`` maps one to the other; the JSON output and the
  highlight store use raw offsets.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Sequence


@dataclass(frozen=True)
class Metadata:
    """What a person reads off an article's header."""

    title: str = ""
    source: str = ""
    author: str = ""
    date: str | None = None  # ISO 8601 (YYYY-MM-DD) when known
    url: str = ""


@dataclass(frozen=True)
class Sentence:
    """One sentence, as display offsets into ``Article.text``."""

    index: int
    start: int
    end: int
    paragraph: int


@dataclass
class Article:
    """One loaded article: its file text, display text and sentences."""

    path: Path
    raw: str
    text: str
    offsets: Sequence[int]  # offsets[i] = raw index where display char i starts
    meta: Metadata
    sentences: list[Sentence] = field(default_factory=list)
    content_hash: str = ""  # sha256 of the file's bytes
    ends: Sequence[int] | None = None  # ends[i] = raw index just past display char i

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map a display span to the matching span of the file text."""
        if end <= start:
            pos = self.offsets[start] if start < len(self.offsets) else len(self.raw)
            return pos, pos
        raw_end = self.ends[end - 1] if self.ends is not None else self.offsets[end - 1] + 1
        return self.offsets[start], raw_end

    def to_display(self, raw_pos: int) -> int:
        """Map a raw offset to the first display offset at or after it."""
        return min(bisect_left(self.offsets, raw_pos, 0, len(self.text)), len(self.text))

    def sentence_text(self, sentence: Sentence) -> str:
        return self.text[sentence.start : sentence.end]

    @property
    def label(self) -> str:
        """A short name for the article: its source, else its file name."""
        return self.meta.source or self.path.stem


@dataclass(frozen=True)
class Passage:
    """A run of neighbouring sentences of one article (display offsets)."""

    article: int
    start: int
    end: int
    first_sentence: int
    last_sentence: int


FACT = "fact"  # a group kind: one fact, reported in independent words by several articles
REUSE = "reuse"  # a group kind: text one article took from another (a copy, an edited copy, a summary)


@dataclass
class Group:
    """Passages of different articles that report the same thing."""

    score: float  # 0..1: about this share of such groups' passage pairs are right
    passages: list[Passage]
    pair_scores: dict[tuple[int, int], float] = field(default_factory=dict)  # (article, article) -> score
    kind: str = FACT  # FACT or REUSE
    by: str = "aligner"  # "aligner", or "user" for a link the user made by hand

    def articles(self) -> set[int]:
        return {p.article for p in self.passages}

    def pair_score(self, a: int, b: int) -> float:
        """How closely the passages of articles ``a`` and ``b`` match (the group's score if unknown)."""
        return self.pair_scores.get((min(a, b), max(a, b)), self.score)


@dataclass(eq=False)
class Alignment:
    """All groups found across a set of articles."""

    articles: list[Article]
    groups: list[Group]
    threshold: float

    def groups_over(self, article: int, start: int, end: int) -> list[int]:
        """Numbers of the groups with a passage of ``article`` overlapping [start, end), in order."""
        starts, passages, longest = self._passages_by_article.get(article, ([], [], 0))
        lo, hi = bisect_left(starts, start - longest), bisect_left(starts, end)
        return sorted({g for p, g in passages[lo:hi] if p.end > start and p.start < end})

    def group_at(self, article: int, sentence: int) -> int | None:
        """The number of the group covering ``sentence`` of ``article`` (the first, if several), or None."""
        return self.sentence_groups(article).get(sentence)

    def sentence_groups(self, article: int) -> dict[int, int]:
        """Each aligned sentence of ``article`` with the number of the group covering it."""
        table = self._sentence_groups.get(article)
        if table is None:
            table = {}
            for s in self.articles[article].sentences:
                found = self.groups_over(article, s.start, s.end)
                if found:
                    table[s.index] = found[0]
            self._sentence_groups[article] = table
        return table

    def counterpart_above(self, article: int, sentence: int, other: int) -> tuple[int, Passage] | None:
        """The nearest sentence at or above ``sentence`` of ``article`` aligned with article ``other``,
        and the passage of ``other`` it is aligned with; None when there is none."""
        table = self.sentence_groups(article)
        for k in range(sentence, -1, -1):
            g = table.get(k)
            for p in self.groups[g].passages if g is not None else ():
                if p.article == other:
                    return k, p
        return None

    def passages_of(self, article: int) -> list[tuple[Passage, int]]:
        """The passages of ``article``, each with its group number, in text order."""
        return self._passages_by_article.get(article, ([], [], 0))[1]

    def aligned_with(self, article: int, start: int, end: int) -> list[tuple[Passage, float, str]]:
        """Passages of other articles aligned with [start, end) of ``article``, with their pair
        scores and their group's kind (FACT or REUSE)."""
        out: dict[tuple[int, int, int], tuple[Passage, float, str]] = {}
        for g in self.groups_over(article, start, end):
            group = self.groups[g]
            for p in group.passages:
                if p.article != article:
                    out[(p.article, p.start, p.end)] = (p, group.pair_score(article, p.article), group.kind)
        return [out[k] for k in sorted(out)]

    @cached_property
    def _passages_by_article(self) -> dict[int, tuple[list[int], list[tuple[Passage, int]], int]]:
        """For each article: its passages (with group numbers) sorted by start, their starts, the longest."""
        found: dict[int, list[tuple[Passage, int]]] = {}
        for g, group in enumerate(self.groups):
            for p in group.passages:
                found.setdefault(p.article, []).append((p, g))
        index = {}
        for article, passages in found.items():
            passages.sort(key=lambda x: (x[0].start, x[0].end, x[1]))
            index[article] = ([p.start for p, _ in passages], passages, max(p.end - p.start for p, _ in passages))
        return index

    @cached_property
    def _sentence_groups(self) -> dict[int, dict[int, int]]:
        return {}
