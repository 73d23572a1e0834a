"""Alignment: find the passages of several articles that report the same thing.

Like markdown-it, the pipeline is a list of named rules over one state object; each rule
reads what earlier ones left and adds its part:

1. ``tokens``      every article's words, once;
2. ``vectors``     every sentence as a tf-isf vector of stemmed content terms (name variants
                   and aliases such as US / U.S. merged);
3. ``candidates``  similar sentence pairs of different articles, from an inverted index;
4. ``copies``      verbatim copies, from word 5-grams two articles share;
5. ``reuse``       per article pair, the passages one took from the other (``reuse``);
6. ``facts``       between independent reports of one story, titles, sentences and clauses
                   linked to their counterparts and grouped, one fact per group (``facts``);
7. ``groups``      reuse groups and fact groups, their scores calibrated, below the
                   threshold dropped, in reading order.

Two kinds of group come out (``Group.kind``): ``reuse`` (text one article took from another)
and ``fact`` (one fact told in independent words).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable

from reader.align.calibration import calibrated
from reader.align.candidates import candidate_pairs
from reader.align.copies import find_copies
from reader.align.facts import fact_groups
from reader.align.groups import reuse_groups, trimmed
from reader.align.reuse import reused
from reader.align.tokens import Tokens
from reader.align.types import DEFAULT_THRESHOLD, Fragment, Params, Seed
from reader.align.vectors import Corpus
from reader.model import Alignment, Article, Group

__all__ = ["DEFAULT_THRESHOLD", "Params", "align"]

Progress = Callable[[int, int], None]  # (steps done, steps in all)


@dataclass
class State:
    """What the rules share: the input, and each rule's result."""

    articles: list[Article]
    threshold: float
    params: Params
    tokens: list[Tokens] = field(default_factory=list)
    corpus: Corpus | None = None
    candidates: dict[tuple[int, int], list[Seed]] = field(default_factory=dict)
    copies: dict[tuple[int, int], list[Fragment]] = field(default_factory=dict)
    reused: list[Fragment] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)


def _tokens(state: State) -> None:
    state.tokens = [Tokens.of(art) for art in state.articles]


def _vectors(state: State) -> None:
    state.corpus = Corpus.of(state.tokens)


def _candidates(state: State) -> None:
    by_pair: dict[tuple[int, int], list[Seed]] = defaultdict(list)
    for s in candidate_pairs(state.corpus.vectors, state.params):
        by_pair[(s.a, s.b)].append(s)
    state.candidates = by_pair


def _copies(state: State) -> None:
    state.copies = find_copies(state.tokens, state.params.posting_budget)


def _reuse(state: State) -> None:
    for a, b in sorted(set(state.candidates) | set(state.copies)):
        state.reused += reused(a, b, state.candidates.get((a, b), []), state.copies.get((a, b), []),
                               state.corpus.vectors, state.threshold, state.params)


def _facts(state: State) -> None:
    state.groups = fact_groups(state.tokens, state.corpus.vocab, state.params, state.reused)


def _groups(state: State) -> None:
    groups = reuse_groups(state.articles, [trimmed(state.articles, f) for f in state.reused]) + state.groups
    groups = [calibrated(g) for g in groups]
    groups = [g for g in groups if g.score >= state.threshold]
    state.groups = sorted(groups, key=lambda g: [(p.article, p.start) for p in g.passages])


RULES: list[tuple[str, Callable[[State], None]]] = [
    ("tokens", _tokens),
    ("vectors", _vectors),
    ("candidates", _candidates),
    ("copies", _copies),
    ("reuse", _reuse),
    ("facts", _facts),
    ("groups", _groups),
]


def align(articles: list[Article], threshold: float = DEFAULT_THRESHOLD, params: Params = Params(),
          progress: Progress | None = None) -> Alignment:
    """Align the articles; groups scoring below ``threshold`` are dropped. ``progress`` hears,
    after each rule, how many of the rules are done."""
    state = State(articles, threshold, params)
    for done, (_, rule) in enumerate(RULES, 1):
        rule(state)
        if progress is not None:
            progress(done, len(RULES))
    return Alignment(articles=articles, groups=state.groups, threshold=threshold)
