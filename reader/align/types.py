"""The aligner's data: its tuning knobs, sentence pairs (seeds) and aligned fragments, and how
fragments and spans overlap."""
from __future__ import annotations

from dataclasses import dataclass

DEFAULT_THRESHOLD = 0.25  # groups scoring below this are dropped (config.toml: [align] threshold)
SINGLE_SEED_DOUBT = 0.2  # a fragment resting on n seeds scores its cosine * (1 - this / n)


@dataclass(frozen=True)
class Params:
    """Tuning knobs of the aligner (the threshold is the user-facing one)."""

    # candidate sentence pairs, from an inverted index of terms
    candidate_cosine: float = 0.12  # sentence pairs this similar are candidates
    posting_budget: int = 4000  # a term pairing more sentences than this gives no candidates
    prefilter: float = 0.6  # ... so pairs need this share of the cosine sought from the other terms
    # reused text: fragments of neighbouring sentences grown from seeds, copies, summaries
    seed_cosine: float = 0.20  # a candidate pair with at least this cosine is a seed
    seed_dice: float = 0.25  # ... and at least this share of common terms
    min_terms: int = 3  # sentences with fewer content terms cannot seed alone
    min_shared: int = 3  # ... nor pairs sharing fewer terms than this
    doubt_scale: float = 3.0  # log10 of the sentence pairs at which one-seed doubt is SINGLE_SEED_DOUBT
    extend_cosine: float = 0.2  # neighbours of a fragment this similar join it
    min_density: float = 0.5  # share of a fragment's sentences that must be seeded
    side_link: float = 0.6  # an edge sentence whose seeds are below this share of their partners' best is cut
    gap: int = 8  # seeds at most this many sentences apart cluster together
    near_gap: int = 4  # a copy this near a fragment (in sentences) adds nothing to it
    summary_seed: float = 0.3  # seeds this strong may spread far on one side (a summary)
    summary_gap: int = 40  # how far apart, on the summarised side
    summary_ratio: float = 3.0  # a summary covers this many times more sentences
    summary_min_seeds: int = 3
    summary_order: float = 0.75  # share of its seeds a summary keeps in order
    solid: float = 0.6  # a fragment this good is not part of a summary
    contrast: float = 0.7  # one-sentence matches weaker than this share of the best are dropped
    chain_score: float = 0.35  # fragments far apart on one side join only when both score this
    chain_gap: int = 1  # fragments this many sentences apart on one side, in order on the other, join
    chain_reach: int = 20  # ... when at most this many sentences apart on the other side
    own_cosine: float = 0.25  # a sentence whose best match is mutual and this similar has a counterpart
    clear_cosine: float = 0.3  # ... as has one that is at least this similar to a sentence facing it
    copy_score: float = 0.9  # a verbatim copy this exact (word by word) replaces the fragments it
    copy_chars: int = 300  # overlaps when it is this long, or spans most of their sentences
    dependent: float = 0.4  # two articles sharing a fragment this good: one took text from the other
    # facts: units of independent reports linked to their counterparts, grouped
    story_gate: float = 0.15  # reports this alike (outside reused text) may share facts
    link_cosine: float = 0.05  # lead units this similar (read in context) are candidate links
    body_cosine: float = 0.1  # ... other units this similar
    link_weight: float = 0.1  # links less likely right than this are left out of the link graph
    group_bar: float = 0.35  # groups merge while their links are this likely right on average
    group_density: float = 0.5  # ... and link at least this share of their units' pairs
    group_cover: float = 0.3  # a fact group covers at most this share of an article
    cover_floor: int = 600  # ... beyond this many characters (a title and a lead sentence)


@dataclass(frozen=True)
class Seed:
    """Two similar sentences: (article, sentence) on each side."""

    a: int
    i: int
    b: int
    j: int
    sim: float


@dataclass(frozen=True)
class Fragment:
    """Aligned sentence ranges of two articles, with their similarity."""

    a: int
    i0: int
    i1: int
    b: int
    j0: int
    j1: int
    score: float
    a_span: tuple[int, int] = (0, 0)  # display offsets, once trimmed
    b_span: tuple[int, int] = (0, 0)
    summary: bool = False  # a short passage that sums up a long one (kept whole)


def inside(f: Fragment, box: Fragment) -> bool:
    return box.i0 <= f.i0 and f.i1 <= box.i1 and box.j0 <= f.j0 and f.j1 <= box.j1


def overlap(lo1: int, hi1: int, lo2: int, hi2: int) -> int:
    """How many sentences two inclusive ranges share."""
    return max(0, min(hi1, hi2) - max(lo1, lo2) + 1)


def span_overlap(x: tuple[int, int], y: tuple[int, int]) -> int:
    """How many characters two half-open spans share."""
    return max(0, min(x[1], y[1]) - max(x[0], y[0]))


def clashes(f: Fragment, k: Fragment) -> bool:
    """Whether two fragments of one article pair overlap in either article."""
    return bool(overlap(f.i0, f.i1, k.i0, k.i1) or overlap(f.j0, f.j1, k.j0, k.j1))


def near(f: Fragment, k: Fragment, gap: int) -> bool:
    """Whether ``f`` comes within ``gap`` sentences of ``k`` in either article."""
    return bool(overlap(f.i0 - gap, f.i1 + gap, k.i0, k.i1) or overlap(f.j0 - gap, f.j1 + gap, k.j0, k.j1))
