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
from reader.align.candidates import similar_pairs
from reader.align.clusters import average_linkage
from reader.align.links import fact_links
from reader.align.reuse import inside_reuse
from reader.align.story import Story, Vector, in_context
from reader.align.terms import Vocabulary, is_content
from reader.align.tokens import Tokens
from reader.align.types import Fragment, Params, Seed
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


def fact_groups(tokens: list[Tokens], vocab: Vocabulary, p: Params, reused_text: list[Fragment]) -> list[Group]:
    """Groups of units that report one fact, from links between independent reports, and
    between dependent articles (one took from the other, ``reused_text``) inside what it took."""
    reused = inside_reuse(reused_text)
    dependent = {(f.a, f.b) for f in reused_text}
    space = unit_space(tokens, vocab, reused)

    def independent(a: int, b: int) -> bool:  # two reports of one story, neither took from the other
        return (a, b) not in dependent and space.story.similarity(a, b) >= p.story_gate

    def outside_copies(s: Seed) -> bool:  # the text they share word for word is a reuse group
        u, v = space.units[space.flat[s.a][s.i]], space.units[space.flat[s.b][s.j]]
        return (s.a, u.sentence, s.b) not in reused and (s.b, v.sentence, s.a) not in reused

    pairs = [s for s in similar_pairs(space.context, 1, p.link_cosine, p, exact=False, wanted=independent)
             if outside_copies(s)] + _inside(space, reused_text, p)
    links = fact_links(space, pairs, p)
    units = space.units
    edges = [(k.u, k.v, k.weight) for k in links if k.weight >= p.link_weight]
    clusters = average_linkage([u.article for u in units], [u.end - u.start for u in units],
                               [len(t.article.text) or 1 for t in tokens], edges, p)
    weight = {(k.u, k.v): k.weight for k in links}
    groups = [_group(members, score, units, weight) for members, score in clusters]
    return [g for g in groups if not (len(arts := sorted(g.articles())) == 2 and tuple(arts) in dependent)]


def _inside(space: UnitSpace, reused_text: list[Fragment], p: Params) -> list[Seed]:
    """Unit pairs of two dependent articles, both inside what one took from the other, alike
    enough to be candidate links."""
    at: list[dict[int, list[int]]] = [{} for _ in space.flat]  # article -> sentence -> unit numbers
    for a, ks in enumerate(space.flat):
        for k, u in enumerate(ks):
            at[a].setdefault(space.units[u].sentence, []).append(k)
    taken: dict[tuple[int, int], tuple[set[int], set[int]]] = {}  # pair -> sentences taken, each side
    for f in reused_text:
        sides = taken.setdefault((f.a, f.b), (set(), set()))
        sides[0].update(range(f.i0, f.i1 + 1))
        sides[1].update(range(f.j0, f.j1 + 1))
    frequent = _frequent(space.context, p.posting_budget)  # left out, as ``similar_pairs`` does
    out = []
    for (a, b), (sentences_a, sentences_b) in sorted(taken.items()):
        mine = [k for i in sorted(sentences_a) for k in at[a].get(i, ())]
        theirs = [k for j in sorted(sentences_b) for k in at[b].get(j, ())]
        out += _alike(a, mine, b, theirs, space.context, frequent, p.link_cosine)
    return out


def _alike(a: int, mine: list[int], b: int, theirs: list[int], vectors: list[list[Vector]], frequent: set[str],
           bar: float) -> list[Seed]:
    """The pairs of units ``mine`` of article a and ``theirs`` of article b (in that order)
    whose dot product over the terms outside ``frequent`` reaches ``bar`` (> 0), added in the
    order of a's terms; only pairs that share a term are measured (an index of b's terms)."""
    places: dict[str, list[int]] = defaultdict(list)  # term -> places in ``theirs``
    for n, k in enumerate(theirs):
        for t in vectors[b][k]:
            if t not in frequent:
                places[t].append(n)
    out = []
    for i in mine:
        terms = [(t, w) for t, w in vectors[a][i].items() if t not in frequent]
        for n in sorted({n for t, _ in terms for n in places.get(t, ())}):
            v = vectors[b][theirs[n]]
            sim = sum([w * v[t] for t, w in terms if t in v])
            if sim >= bar:
                out.append(Seed(a, i, b, theirs[n], sim))
    return out


def _frequent(vectors: list[list[Vector]], budget: int) -> set[str]:
    """Terms in so many units that they would pair more than ``budget``: candidate search
    leaves them out, and so do the links measured directly."""
    counts: dict[str, int] = defaultdict(int)
    for vecs in vectors:
        for v in vecs:
            for t in v:
                counts[t] += 1
    return {t for t, n in counts.items() if n * (n - 1) // 2 > budget}


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


def _terms(units: list[Unit], vocab: Vocabulary) -> tuple[list[list[str]], dict[str, set[str]]]:
    """Each unit's terms, and the word keys found for each term (each distinct word looked at once)."""
    words = [merged(list(u.keys)) for u in units]
    content = {w for ws in words for w in ws}
    content = {w for w in content if is_content(w)}
    vocab.learn(content)
    term = {w: vocab.term(w) for w in content}
    keys_by_term: dict[str, set[str]] = defaultdict(set)
    for w, t in term.items():
        keys_by_term[t].add(w)
    return [[term[w] for w in ws if w in term] for ws in words], keys_by_term


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
