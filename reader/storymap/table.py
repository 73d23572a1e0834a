"""The story map's table: one row per fact (alignment group), one column per article, and a
cell that says whether that source reports the fact and how.

How a source reports a fact (``Cell.how``):

* ``copied``: the group is text one article took from another (kind REUSE), or the source's
  passage has nearly the same words as another source's passage of the group (a rapidfuzz
  ratio of at least ``COPY_RATIO`` on the lower-cased words);
* ``paraphrased``: the same fact in the source's own words (a FACT group);
* ``partly``: the source touches the fact only in part or only weakly: its passage is a clause
  covering less than ``CLAUSE_SHARE`` of its sentence (the fact is an aside in a sentence about
  something else; ``Cell.why == "clause"``), or its strongest link to another source of the
  group scores below ``WEAK_SCORE`` (``Cell.why == "weak"``);
* ``none``: the source has no passage in the group (not reported).

A source with several passages in one group gets the strongest of them (copied, then
paraphrased, then partly); that passage is the one the map opens.

Groups always join two or more sources.  What only one source reports is the text no group
covers: ``StoryMap.only_one`` lists, per article, its sentences (of ``MIN_WORDS`` words or
more) outside every group, as rows with that one cell (``how == "only"``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from reader.model import REUSE, Alignment, Article, Group, Passage
from reader.safe_text import safe

COPIED, PARAPHRASED, PARTLY, NONE, ONLY = "copied", "paraphrased", "partly", "none", "only"
STRENGTH = {COPIED: 3, PARAPHRASED: 2, PARTLY: 1, ONLY: 1, NONE: 0}
COPY_RATIO = 90.0  # passages this alike (0..100, word by word) are a copy, whatever the group's kind
CLAUSE_SHARE = 0.5  # a passage covering less of its sentences than this is a clause: "partly"
WEAK_SCORE = 0.5  # a source whose best link in the group scores below this reports it "partly"
MIN_WORDS = 5  # shorter sentences (datelines, bylines, "Read more") are not listed as facts of their own
LABEL_CHARS = 80  # a row's label is cut at a word before this many characters


@dataclass(frozen=True)
class Cell:
    """How one source reports one fact."""

    how: str  # COPIED, PARAPHRASED, PARTLY, ONLY or NONE
    passage: Passage | None = None  # the passage the map opens (None when not reported)
    score: float | None = None  # the source's strongest link to another source of the group
    why: str = ""  # for PARTLY: "clause" or "weak"


NOT_REPORTED = Cell(NONE)


@dataclass(frozen=True)
class Row:
    """One fact: a group of the alignment, or a sentence only one source reports."""

    label: str  # the shortest passage, one line, terminal-safe, cut at a word
    cells: dict[int, Cell]  # article -> cell, for the sources that report it (sparse: 200 columns)
    group: int | None = None  # the group's number in the alignment; None for a sentence only one source reports
    kind: str = ONLY  # the group's kind (FACT or REUSE), or ONLY
    by: str = "aligner"  # "user" for a link the user made by hand
    score: float = 0.0
    position: int = 0  # the order of its first passage in the first article that reports it (a stable tie-break)

    def cell(self, article: int) -> Cell:
        return self.cells.get(article, NOT_REPORTED)

    @property
    def sources(self) -> int:
        return len(self.cells)


@dataclass
class StoryMap:
    """Facts x sources over one alignment."""

    alignment: Alignment
    facts: list[Row]  # one per group, in the alignment's order
    only_one: list[Row] = field(default_factory=list)  # sentences no group covers, by article then position

    @property
    def articles(self) -> list[Article]:
        return self.alignment.articles

    def only_counts(self) -> list[int]:
        """For each article, how many of its sentences only it reports."""
        counts = [0] * len(self.articles)
        for row in self.only_one:
            for k in row.cells:
                counts[k] += 1
        return counts


def build_map(alignment: Alignment) -> StoryMap:
    """The facts x sources table of ``alignment``."""
    facts = [fact_row(alignment, g, group) for g, group in enumerate(alignment.groups)]
    return StoryMap(alignment, facts, unreported_rows(alignment))


def fact_row(alignment: Alignment, number: int, group: Group) -> Row:
    """The row of group ``number``: a cell for each source with a passage in it."""
    best = best_links(group)
    texts = None if group.kind == REUSE else [
        _words(alignment.articles[p.article].text[p.start : p.end]) for p in group.passages]
    cells: dict[int, Cell] = {}
    for n, p in enumerate(group.passages):
        cell = _cell(alignment.articles[p.article], group, n, best[p.article], texts)
        old = cells.get(p.article)
        if old is None or STRENGTH[cell.how] > STRENGTH[old.how]:
            cells[p.article] = cell
    shortest = min(group.passages, key=lambda p: (p.end - p.start, p.article, p.start))
    first = min(group.passages, key=lambda p: (p.article, p.start))
    return Row(label(alignment.articles[shortest.article].text[shortest.start : shortest.end]), cells, number,
               group.kind, group.by, group.score, first.start)


def best_links(group: Group) -> dict[int, float]:
    """For each source of ``group``, its strongest link to another source of it (``pair_score``:
    a pair with no score of its own has the group's)."""
    sources = group.articles()
    best: dict[int, float] = {}
    known: dict[int, int] = {}
    for (a, b), score in group.pair_scores.items():
        if a in sources and b in sources and a != b:
            for k in (a, b):
                best[k] = max(best.get(k, 0.0), score)
                known[k] = known.get(k, 0) + 1
    for k in sources:  # some pair of k has no score of its own, or k has no other source
        if known.get(k, 0) < len(sources) - 1 or len(sources) == 1:
            best[k] = max(best.get(k, 0.0), group.score)
    return best


def _cell(article: Article, group: Group, n: int, score: float, texts: list[str] | None) -> Cell:
    """How the source of passage ``n`` reports the group's fact (``texts``: the passages' words,
    None for a REUSE group, all copied)."""
    p = group.passages[n]
    if texts is None or any(fuzz.ratio(texts[n], texts[m]) >= COPY_RATIO
                            for m, q in enumerate(group.passages) if q.article != p.article):
        return Cell(COPIED, p, score)
    span = article.sentences[p.last_sentence].end - article.sentences[p.first_sentence].start
    if span > 0 and (p.end - p.start) / span < CLAUSE_SHARE:
        return Cell(PARTLY, p, score, "clause")
    if score < WEAK_SCORE:
        return Cell(PARTLY, p, score, "weak")
    return Cell(PARAPHRASED, p, score)


def unreported_rows(alignment: Alignment) -> list[Row]:
    """Per article, a row for each sentence of ``MIN_WORDS`` words or more that no group covers."""
    rows = []
    for k, article in enumerate(alignment.articles):
        covered = alignment.sentence_groups(k)
        for s in article.sentences:
            text = article.text[s.start : s.end]
            if s.index not in covered and len(text.split()) >= MIN_WORDS:
                passage = Passage(k, s.start, s.end, s.index, s.index)
                rows.append(Row(label(text), {k: Cell(ONLY, passage)}, position=s.start))
    return rows


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def label(text: str, limit: int = LABEL_CHARS) -> str:
    """``text`` on one line, terminal-safe, cut at a word boundary before ``limit`` characters
    (with "…" when cut)."""
    flat = " ".join(safe(text).split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:—-") + "…"
