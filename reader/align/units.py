"""Units: the stretches of an article matched on their own. A unit is the article's title (when
its header has one), a sentence, or a clause of a long sentence, so that a sentence carrying two
facts ("In addition to meeting Gorbachev, Paul had a sit-down with Kosachev") can link each
fact to its own counterpart."""
from __future__ import annotations

import re
from dataclasses import dataclass

from reader.align.terms import is_content
from reader.align.tokens import Tokens

CLAUSE_TERMS = 5  # a clause needs this many content words (so a long sentence needs twice as many)
CUT = re.compile(r"[,;:](?=\s)|\s[—–]\s|—")  # where a sentence may be cut into clauses


@dataclass(frozen=True)
class Unit:
    """A title, sentence or clause: display offsets into ``Article.text`` (for the title:
    offsets into ``Article.raw``), the sentence it belongs to (-1: the title), and its words."""

    article: int
    sentence: int
    start: int
    end: int
    keys: tuple[str, ...]


def units_of(a: int, tokens: Tokens) -> list[Unit]:
    """The article's units in reading order: its title first, then its sentences and clauses."""
    article = tokens.article
    out = []
    for s in range(len(article.sentences)):
        keys, spans, sent = tokens.sentence_keys(s), tokens.word_spans(s), article.sentences[s]
        for lo, hi in _clauses(article.text, spans, keys) or [(0, 0)]:
            start = spans[lo][0] if lo else sent.start  # a sentence's edges keep its punctuation
            end = spans[hi - 1][1] if hi < len(keys) else sent.end
            out.append(Unit(a, s, start, end, tuple(keys[lo:hi])))
    return out


def _clauses(text: str, spans: list[tuple[int, int]], keys: list[str]) -> list[tuple[int, int]]:
    """Word ranges of the clauses of one sentence: cut after a comma, semicolon, colon or dash
    where both sides keep ``CLAUSE_TERMS`` content words."""
    if not keys:
        return []
    content = [is_content(k) for k in keys]
    if sum(content) < 2 * CLAUSE_TERMS:
        return [(0, len(keys))]
    cuts = []
    for k in range(1, len(keys)):
        if CUT.search(text, spans[k - 1][1], spans[k][0]):
            cuts.append(k)
    out, lo = [], 0
    for k in cuts:
        if sum(content[lo:k]) >= CLAUSE_TERMS and sum(content[k:]) >= CLAUSE_TERMS:
            out.append((lo, k))
            lo = k
    out.append((lo, len(keys)))
    return out
