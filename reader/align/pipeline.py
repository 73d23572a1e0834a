"""Fuzzy alignment: find the passages of several articles that report the same thing.

The steps, for N articles:

1. every sentence becomes a unit-length tf-isf vector of content terms (``terms``);
2. candidate sentence pairs of different articles come from an inverted index of
   terms, so that the cost grows with the text, not with its square;
3. candidate pairs similar enough become *seeds*;
4. for each pair of articles, seeds close to each other in both articles are
   clustered into *fragments* (passages of neighbouring sentences), which are kept
   when the passages as a whole are similar; a long, near-exact copy replaces the
   fragments it overlaps, and the other copies fill in where no fragment lies;
5. between two independent reports of one story (no passage borrowed, still alike outside
   their shared passages), sentences that are each other's best match and share phrases no
   other sentence has align on their own: paraphrases share few words;
6. fragments that share a passage are joined into groups spanning many articles.
"""
from __future__ import annotations

from collections import defaultdict

from reader.align.candidates import candidate_pairs, is_seed
from reader.align.copies import find_copies, with_copies
from reader.align.fragments import chain, contrast, drop_overlaps, grow_fragments
from reader.align.groups import groups_of, trimmed
from reader.align.mutual_matches import mutual_matches, residual_similarity, with_mutual
from reader.align.tokens import Tokens
from reader.align.types import DEFAULT_THRESHOLD, Fragment, Params, Seed
from reader.align.vectors import Corpus
from reader.model import Alignment, Article

__all__ = ["DEFAULT_THRESHOLD", "Params", "align"]


def align(articles: list[Article], threshold: float = DEFAULT_THRESHOLD, params: Params = Params()) -> Alignment:
    """Align the articles; groups scoring below ``threshold`` are dropped."""
    tokens = [Tokens.of(art) for art in articles]
    corpus = Corpus.of(tokens)
    by_pair: dict[tuple[int, int], list[Seed]] = defaultdict(list)
    for s in candidate_pairs(corpus.vectors, params):
        by_pair[(s.a, s.b)].append(s)
    copied = find_copies(tokens, params.posting_budget)
    shared = []
    for a, b in sorted(set(by_pair) | set(copied)):
        shared += _align_pair(corpus, a, b, by_pair.get((a, b), []), copied.get((a, b), []), threshold, params)
    groups = groups_of(articles, [trimmed(articles, f) for f in shared])
    return Alignment(articles=articles, groups=groups, threshold=threshold)


def _align_pair(corpus: Corpus, a: int, b: int, candidates: list[Seed], copied: list[Fragment],
                threshold: float, p: Params) -> list[Fragment]:
    """The fragments two articles share: passages grown from seeds, and, between two reports
    of one story where neither borrowed from the other, lone sentences that match each other."""
    vectors = corpus.vectors
    seeds = [s for s in candidates if is_seed(s, vectors, p)]
    found = [f for f in grow_fragments(a, b, seeds, vectors, p) if f.score >= threshold]
    kept = chain(drop_overlaps(contrast(found, p)), p)
    kept = with_copies(kept, copied, p)
    best = max((k.score for k in kept), default=0.0)
    if best >= p.borrowed:
        return kept
    mutual = [f for f in mutual_matches(candidates, corpus, p, best) if f.score >= threshold]
    if mutual and residual_similarity(kept + mutual, corpus, a, b) >= p.same_story:
        return with_mutual(kept, mutual, p)
    return kept
