"""Quotes several outlets carry: the same words quoted in full or in part, and a quote that
another outlet reports in its own words (found through the alignment).

Two quotes of different articles are one statement when they share a run of words long
enough not to be chance (``MIN_RUN`` words, or the whole of a short quote of at least
``MIN_WHOLE`` words).  Candidates come from an index of word pairs, so the cost grows with
the number of quotes, not its square.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher

from reader.model import Alignment
from reader.quotes.collect import Quote
from reader.union_find import UnionFind

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
MIN_RUN = 5  # shared words in a row that make two quotes one statement
MIN_WHOLE = 3  # ... or the whole of a quote this long, found inside the other
MAX_POSTING = 50  # a word pair quoted more often than this tells nothing


@dataclass(frozen=True)
class Carried:
    """One statement as several outlets carry it."""

    quotes: tuple[int, ...]  # indices of the quotes, in article order
    kind: str  # "verbatim": the same words; "partial": one quotes part of the other


@dataclass(frozen=True)
class Paraphrase:
    """A quote that another article reports without quoting it (a passage aligned with it)."""

    quote: int
    article: int
    start: int  # display offsets of the passage in ``article``
    end: int


def words(text: str) -> list[str]:
    """The quote's words, lower-cased, curly apostrophes straightened."""
    return [w.lower().replace("’", "'") for w in WORD.findall(text)]


def carried(quotes: list[Quote]) -> list[Carried]:
    """Statements quoted by more than one article."""
    tokens = [words(q.text) for q in quotes]
    sets = UnionFind(range(len(quotes)))
    kinds: dict[tuple[int, int], str] = {}
    for a, b in _candidates(quotes, tokens):
        kind = _same_statement(tokens[a], tokens[b])
        if kind:
            sets.union(a, b)
            kinds[(a, b)] = kind
    members: dict[int, list[int]] = defaultdict(list)
    for k in range(len(quotes)):
        members[sets.find(k)].append(k)
    out = []
    for ks in members.values():
        if len({quotes[k].article for k in ks}) > 1:
            pairs = [kinds[(a, b)] for a in ks for b in ks if (a, b) in kinds]
            out.append(Carried(tuple(sorted(ks, key=lambda k: (quotes[k].article, quotes[k].start))),
                               "verbatim" if all(p == "verbatim" for p in pairs) else "partial"))
    return sorted(out, key=lambda c: c.quotes)


def paraphrased(quotes: list[Quote], alignment: Alignment) -> list[Paraphrase]:
    """Passages aligned with a quote, in articles where no quote covers them."""
    quoted: dict[int, list[Quote]] = defaultdict(list)
    for q in quotes:
        quoted[q.article].append(q)
    groups_in: dict[int, list[int]] = defaultdict(list)
    for g, group in enumerate(alignment.groups):
        for p in group.passages:
            groups_in[p.article].append(g)
    out = []
    for k, q in enumerate(quotes):
        for g in groups_in[q.article]:
            passages = alignment.groups[g].passages
            if not any(p.article == q.article and p.start < q.end and p.end > q.start for p in passages):
                continue
            out += [Paraphrase(k, p.article, p.start, p.end) for p in passages
                    if p.article != q.article and not any(o.start < p.end and o.end > p.start for o in quoted[p.article])]
    return out


def _candidates(quotes: list[Quote], tokens: list[list[str]]) -> set[tuple[int, int]]:
    """Pairs of quotes of different articles that share a word pair."""
    postings: dict[tuple[str, str], list[int]] = defaultdict(list)
    for k, ws in enumerate(tokens):
        for pair in set(zip(ws, ws[1:])):
            postings[pair].append(k)
    out = set()
    for ks in postings.values():
        if len(ks) > MAX_POSTING:
            continue
        for x, a in enumerate(ks):
            for b in ks[x + 1 :]:
                if quotes[a].article != quotes[b].article:
                    out.add((a, b))
    return out


def _same_statement(a: list[str], b: list[str]) -> str:
    """"verbatim", "partial", or "" when the two quotes are not one statement."""
    if a == b:
        return "verbatim"
    match = SequenceMatcher(a=a, b=b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    shorter = min(len(a), len(b))
    if match.size >= MIN_RUN or (match.size == shorter >= MIN_WHOLE):
        return "partial"
    return ""
