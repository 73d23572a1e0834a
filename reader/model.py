"""The engine's data: articles, sentences, passages and alignment groups.

Data flows files -> Article -> Alignment -> UI / export.  Two coordinate systems exist:

* *display offsets* index ``Article.text``: the body a person reads (header lines,
  inline HTML tags and ``\\r`` removed);
* *raw offsets* index ``Article.raw``: the file's text (UTF-8, BOM removed, no newline
  translation).  ``Article.to_raw`` maps one to the other; the JSON output and the
  highlight store use raw offsets.
"""
from __future__ import annotations

from dataclasses import dataclass, field
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
        from bisect import bisect_left

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

    def articles(self) -> set[int]:
        return {p.article for p in self.passages}


@dataclass
class Alignment:
    """All groups found across a set of articles."""

    articles: list[Article]
    groups: list[Group]
    threshold: float
