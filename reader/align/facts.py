"""Fact groups: units (titles, sentences, clauses) of independent reports linked to their
counterparts, and clustered into groups that each hold one fact.

Two articles link facts only when they tell one story (``Story.similarity`` outside reused
text reaches ``Params.story_gate``). Between two *dependent* articles (one took a passage
from the other), facts link only inside the reused passages, so that a third report's
counterpart can join them; a group of just those two would repeat their reuse group and is
dropped. Each group's passages are runs of neighbouring units that are all members.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from reader.align.aliases import merged
from reader.align.clusters import average_linkage
from reader.align.links import Link, fact_links
from reader.align.story import Story, Vector, in_context
from reader.align.terms import Vocabulary, is_content
from reader.align.tokens import Tokens
from reader.align.types import Params
from reader.align.units import Unit, units_of
from reader.align.vectors import distinctive_phrases
from reader.align.weights import specificity, term_rarity, weigh_units
from reader.model import FACT, Group, Passage

LEAD = 3  # the title and the first sentences state the story's main fact: they are read in the
# context of their article (news puts what happened first, in few words)
Reused = set[tuple[int, int, int]]  # (article, sentence, other article) inside a reused passage


@dataclass
class UnitSpace:
    """The articles' units as fact links see them: ``flat[a][k]`` is the index in ``units`` of
    article a's k-th unit, with ``plain`` and ``context`` vectors (the same but for lead units)
    and distinctive ``phrases``; ``specific`` gives each term's English specificity."""

    units: list[Unit]
    flat: list[list[int]]
    plain: list[list[Vector]]
    context: list[list[Vector]]
    phrases: list[list[set[tuple[str, str]]]]
    specific: dict[str, float]
    story: Story

    def is_lead(self, a: int, k: int) -> bool:
        return self.units[self.flat[a][k]].sentence < LEAD


def fact_groups(tokens: list[Tokens], vocab: Vocabulary, p: Params, reused: Reused,
                dependent: set[tuple[int, int]]) -> list[Group]:
    """Groups of units that report one fact, from links between independent reports."""
    space = unit_space(tokens, vocab, reused)
    links = [k for k in fact_links(space, p) if _allowed(k, space.units, reused, dependent, p)]
    units = space.units
    edges = [(k.u, k.v, k.weight) for k in links if k.weight >= p.link_weight]
    clusters = average_linkage([u.article for u in units], [u.end - u.start for u in units],
                               [len(t.article.text) or 1 for t in tokens], edges, p)
    weight = {(k.u, k.v): k.weight for k in links}
    groups = [_group(members, score, units, weight) for members, score in clusters]
    return [g for g in groups if not (len(arts := sorted(g.articles())) == 2 and tuple(arts) in dependent)]


def unit_space(tokens: list[Tokens], vocab: Vocabulary, reused: Reused) -> UnitSpace:
    """The articles' units, weighted, with what fact links compare."""
    units = [u for a, t in enumerate(tokens) for u in units_of(a, t)]
    terms, keys_by_term = _terms(units, vocab)
    rare = term_rarity(keys_by_term)
    weighted = weigh_units(terms, rare)
    flat: list[list[int]] = [[] for _ in tokens]
    for k, u in enumerate(units):
        flat[u.article].append(k)
    plain = [[weighted[k] for k in ks] for ks in flat]
    story = Story(plain, [[units[k].sentence for k in ks] for ks in flat], LEAD, reused)
    context = [[in_context(v, story.top(a)) if units[k].sentence < LEAD else v for v, k in zip(vecs, flat[a])]
               for a, vecs in enumerate(plain)]
    phrases = [distinctive_phrases([terms[k] for k in ks]) for ks in flat]
    return UnitSpace(units, flat, plain, context, phrases, {t: specificity(r) for t, r in rare.items()}, story)


def _allowed(link: Link, units: list[Unit], reused: Reused, dependent: set[tuple[int, int]], p: Params) -> bool:
    """Whether a link may join a group: between independent reports of one story, outside the
    text they share word for word; between dependent articles, only inside what one took."""
    u, v = units[link.u], units[link.v]
    in_u, in_v = (u.article, u.sentence, v.article) in reused, (v.article, v.sentence, u.article) in reused
    if (u.article, v.article) in dependent:
        return in_u and in_v
    return link.evidence.story >= p.story_gate and not (in_u or in_v)


def _terms(units: list[Unit], vocab: Vocabulary) -> tuple[list[list[str]], dict[str, set[str]]]:
    """Each unit's terms, and the word keys found for each term."""
    words = [[w for w in merged(list(u.keys)) if is_content(w)] for u in units]
    vocab.learn({w for ws in words for w in ws})
    keys_by_term: dict[str, set[str]] = defaultdict(set)
    terms = []
    for ws in words:
        ts = [vocab.term(w) for w in ws]
        for w, t in zip(ws, ts):
            keys_by_term[t].add(w)
        terms.append(ts)
    return terms, keys_by_term


def _group(members: list[int], score: float, units: list[Unit], weight: dict[tuple[int, int], float]) -> Group:
    """A fact group: per article, runs of neighbouring member units become passages."""
    passages = []
    by_article: dict[int, list[int]] = defaultdict(list)
    for k in members:
        by_article[units[k].article].append(k)
    for a, ks in sorted(by_article.items()):
        for run in _runs(sorted(ks)):
            first, last = units[run[0]], units[run[-1]]
            passages.append(Passage(a, first.start, last.end, first.sentence, last.sentence))
    pair_scores: dict[tuple[int, int], float] = {}
    for x in members:
        for y in members:
            w = weight.get((x, y))
            if w is not None:
                key = tuple(sorted((units[x].article, units[y].article)))
                pair_scores[key] = round(max(pair_scores.get(key, 0.0), w), 3)
    return Group(score=score, passages=passages, pair_scores=pair_scores, kind=FACT)


def _runs(ks: list[int]) -> list[list[int]]:
    """Runs of consecutive unit indices."""
    out: list[list[int]] = []
    for k in ks:
        if out and out[-1][-1] == k - 1:
            out[-1].append(k)
        else:
            out.append([k])
    return out
