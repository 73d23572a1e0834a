"""Verbatim copies between articles: passages one article took from another word for word,
or nearly (a wire report reused, a statement printed whole).

Sentence vectors find paraphrases, but they can miss a copied passage whose sentences are
split differently in the two texts (a list run together into one "sentence" on one side),
or report it inside a longer passage.  Here the articles' word n-grams (*shingles*) are
indexed; the shingles two articles share are chained where they lie close together on both
sides, and each chain is measured word by word (rapidfuzz's LCS over word lists) for its
exact extent.  The cost grows with the text: one pass to index, one over shared shingles.
"""
from __future__ import annotations

from collections import defaultdict

from rapidfuzz.distance import LCSseq

from reader.align.postings import Postings
from reader.align.terms import STOPWORDS
from reader.align.tokens import Tokens
from reader.align.types import Fragment, Params, clashes, near, overlap, span_overlap

SHINGLE = 5  # words per shingle
NEAR = 20  # shingles this many words apart (and on nearly the same diagonal) chain together
DRIFT = 12  # how far the two sides may shift against each other within one chain
MIN_SHINGLES = 3  # chains with fewer shingles are chance
MARGIN = 12  # words around a chain searched for its exact extent
NEAREST_FIRST = sorted(range(-DRIFT, DRIFT + 1), key=lambda x: (abs(x), x))  # diagonals to try, in order
MIN_RUN = 2  # shared words in a row that count as evidence of copying
MAX_GAP = 8  # words between two runs of one copy, on either side
EDGE_GAP = 3  # a copy grows by shared words this near its edges
MIN_WORDS = 12  # shared words a copy needs
MIN_DENSITY = 0.5  # share of a copy's words, on each side, that are shared

Hit = tuple[int, int]  # word position in article a, in article b
Span = tuple[int, int]  # display offsets, end excluded


def find_copies(tokens: list[Tokens], budget: int) -> dict[tuple[int, int], list[Fragment]]:
    """Per article pair (a < b), the passages copied between them (articles given by their
    words), as fragments with exact spans. Shingles found in so many places that they pair
    more than ``budget`` are skipped."""
    out: dict[tuple[int, int], list[Fragment]] = {}
    for (a, b), hits in sorted(_shared([t.keys for t in tokens], budget).items()):
        found = [f for chain in _chains(hits)
                 if (f := _measure(a, tokens[a], b, tokens[b], chain)) is not None]
        if found:
            out[(a, b)] = _one_to_one(found)
    return out


def _one_to_one(found: list[Fragment]) -> list[Fragment]:
    """The biggest copies that overlap no bigger one on either side: text repeated within one
    article (boilerplate) is matched once, not with every repeat."""
    kept: list[Fragment] = []
    for f in sorted(found, key=lambda f: (-_size(f), f.a_span, f.b_span)):
        if not any(span_overlap(f.a_span, k.a_span) or span_overlap(f.b_span, k.b_span) for k in kept):
            kept.append(f)
    return sorted(kept, key=lambda f: (f.a_span, f.b_span))


def _size(f: Fragment) -> float:
    return f.score * (f.a_span[1] - f.a_span[0] + f.b_span[1] - f.b_span[0])


def _shared(keys: list[list[str]], budget: int) -> dict[tuple[int, int], list[Hit]]:
    """Positions of the shingles each pair of articles shares."""
    hashed = [_shingle_hashes(ks) for ks in keys]
    seen: set[int] = set()
    common: set[int] = set()  # in two articles or more
    for hs in map(set, hashed):
        common |= hs & seen
        seen |= hs
    index: Postings[int] = Postings(lambda k: k, [len(hs) or 1 for hs in hashed], fanout=4)  # shingle -> positions
    for a, hs in enumerate(hashed):
        for k, h in enumerate(hs):
            if h in common:
                index.add(h, a, k)
    hits: dict[tuple[int, int], list[Hit]] = defaultdict(list)
    for a, b, pa, pb in index.pairs(budget):
        hits[(a, b)].append((pa, pb))
    return hits


def _shingle_hashes(keys: list[str]) -> list[int]:
    """The hash of each run of SHINGLE words, by its first word's position."""
    return list(map(hash, zip(*(keys[i:] for i in range(SHINGLE)))))


def _chains(hits: list[Hit]) -> list[list[Hit]]:
    """Hits grouped into chains running close together on both sides, in order. Open chains are
    kept by the diagonal (pa - pb) of their last hit, so that each hit looks only at the chains
    near its own diagonal: repeated text makes many diagonals, and the cost stays linear."""
    open_by_diagonal: dict[int, list[Hit]] = {}
    done: list[list[Hit]] = []
    for pa, pb in sorted(hits):
        d = pa - pb
        best = None
        for offset in NEAREST_FIRST:
            chain = open_by_diagonal.get(d + offset)
            if chain is None:
                continue
            la, lb = chain[-1]
            if pa - la > NEAR:
                done.append(open_by_diagonal.pop(d + offset))  # ran out: no later hit can join it
            elif 0 <= pb - lb <= NEAR and pa > la:
                best = d + offset
                break
        if best is None:
            if d in open_by_diagonal:
                done.append(open_by_diagonal.pop(d))
            open_by_diagonal[d] = [(pa, pb)]
        else:
            chain = open_by_diagonal.pop(best)
            chain.append((pa, pb))
            if d in open_by_diagonal:
                done.append(open_by_diagonal.pop(d))
            open_by_diagonal[d] = chain
    done += open_by_diagonal.values()
    return sorted((c for c in done if len(c) >= MIN_SHINGLES), key=lambda c: c[0])


def _measure(a: int, tokens_a: Tokens, b: int, tokens_b: Tokens, chain: list[Hit]) -> Fragment | None:
    """The copy a chain marks, with exact spans, or None if word by word it is not one."""
    pbs = [pb for _, pb in chain]
    a0, b0 = max(0, chain[0][0] - MARGIN), max(0, min(pbs) - MARGIN)
    keys_a = tokens_a.keys[a0 : chain[-1][0] + SHINGLE + MARGIN]
    keys_b = tokens_b.keys[b0 : max(pbs) + SHINGLE + MARGIN]
    found = _stretches(keys_a, keys_b)
    if not found:
        return None
    (first_a, first_b, _, _), (_, _, end_a, end_b) = found[0], found[-1]
    sa, sb, ea, eb = _grown(tokens_a, tokens_b, a0 + first_a, b0 + first_b, a0 + end_a, b0 + end_b)
    score = LCSseq.normalized_similarity(tokens_a.keys[sa:ea], tokens_b.keys[sb:eb])
    span_a, span_b = tokens_a.extent(sa, ea), tokens_b.extent(sb, eb)
    return Fragment(a, *_sentences(tokens_a, sa, ea, span_a), b, *_sentences(tokens_b, sb, eb, span_b),
                    score, span_a, span_b)


def _sentences(tokens: Tokens, first_word: int, end_word: int, span: Span) -> tuple[int, int]:
    """The sentences a copy of words ``first_word``..``end_word - 1`` (display ``span``) holds:
    those it covers at least half of (one at least)."""
    first, last = tokens.sentence_of(first_word), tokens.sentence_of(end_word - 1)
    sentences = tokens.article.sentences

    def half(k: int) -> bool:
        return 2 * span_overlap((sentences[k].start, sentences[k].end), span) >= sentences[k].end - sentences[k].start

    if first < last and not half(first):
        first += 1
    if first < last and not half(last):
        last -= 1
    return first, last


def with_copies(kept: list[Fragment], copied: list[Fragment], p: Params) -> list[Fragment]:
    """Merge the copies of one article pair into its fragments. A near-exact copy replaces
    the fragments it overlaps when it is long or is most of them (their sentence edges are
    less exact); the other copies only fill in where no fragment lies within ``p.near_gap`` sentences."""
    exact = [c for c in copied if c.score >= p.copy_score]
    replaced = [k for k in kept if any(clashes(k, c) and _replaces(c, k, p) for c in exact)]
    strong = [c for c in exact if any(clashes(k, c) for k in replaced)
              or c.a_span[1] - c.a_span[0] >= p.copy_chars]
    out = strong + [k for k in kept if not any(clashes(k, c) for c in strong)]
    return out + [c for c in copied if c not in strong and not any(near(c, k, p.near_gap) for k in out)]


def _replaces(copy: Fragment, k: Fragment, p: Params) -> bool:
    """Whether a copy is long, or spans most of fragment ``k``'s sentences on both sides."""
    return (copy.a_span[1] - copy.a_span[0] >= p.copy_chars
            or (2 * overlap(copy.i0, copy.i1, k.i0, k.i1) >= k.i1 - k.i0 + 1
                and 2 * overlap(copy.j0, copy.j1, k.j0, k.j1) >= k.j1 - k.j0 + 1))


def _stretches(keys_a: list[str], keys_b: list[str]) -> list[tuple[int, int, int, int]]:
    """Copied stretches of two word lists as word ranges (a0, b0, a1, b1), in order."""
    if min(len(keys_a), len(keys_b)) < MIN_WORDS:
        return []
    blocks = LCSseq.opcodes(keys_a, keys_b).as_matching_blocks()
    out = []
    for cluster in _clusters([(blk.a, blk.b, blk.size) for blk in blocks if blk.size >= MIN_RUN]):
        (a0, b0, _), (a1, b1, last) = cluster[0], cluster[-1]
        a1, b1 = a1 + last, b1 + last
        shared = sum(size for _, _, size in cluster)
        if shared < MIN_WORDS or shared < MIN_DENSITY * max(a1 - a0, b1 - b0):
            continue
        out.append((a0, b0, a1, b1))
    return out


def _grown(tokens_a: Tokens, tokens_b: Tokens, a0: int, b0: int, a1: int, b1: int) -> tuple[int, int, int, int]:
    """The copy (word ranges) grown word by word, within the sentences of its edges."""
    reach = EDGE_GAP + 1
    while k := _next_match(tokens_a, tokens_a.back(a0, reach), tokens_b, tokens_b.back(b0, reach)):
        a0, b0 = k
    while k := _next_match(tokens_a, tokens_a.ahead(a1, reach), tokens_b, tokens_b.ahead(b1, reach)):
        a1, b1 = k[0] + 1, k[1] + 1
    head_a, head_b = tokens_a.sentence_end(a0) - a0, tokens_b.sentence_end(b0) - b0
    if max(head_a, head_b) <= EDGE_GAP and a0 + head_a < a1 and b0 + head_b < b1:
        a0, b0 = a0 + head_a, b0 + head_b  # a word or two ending a sentence: chance
    tail_a, tail_b = a1 - tokens_a.sentence_start(a1 - 1), b1 - tokens_b.sentence_start(b1 - 1)
    if max(tail_a, tail_b) <= EDGE_GAP and a0 < a1 - tail_a and b0 < b1 - tail_b:
        a1, b1 = a1 - tail_a, b1 - tail_b  # a word or two starting a sentence: chance
    return a0, b0, a1, b1


def _next_match(tokens_a: Tokens, near_a: range, tokens_b: Tokens, near_b: range) -> tuple[int, int] | None:
    """Where to grow a copy's edge to: the words right beside it if they are equal (of several
    equal alignments the LCS may have taken another), else the closest pair of positions
    holding one content word (an edited word or two at the start or end of a copy)."""
    keys_a, keys_b = tokens_a.keys, tokens_b.keys
    if near_a and near_b and keys_a[near_a[0]] == keys_b[near_b[0]]:
        return near_a[0], near_b[0]
    pairs = [(x, y) for x in near_a for y in near_b if keys_a[x] == keys_b[y] and keys_a[x] not in STOPWORDS]
    return min(pairs, key=lambda xy: abs(xy[0] - near_a.start) + abs(xy[1] - near_b.start), default=None)


def _clusters(runs: list[tuple[int, int, int]]) -> list[list[tuple[int, int, int]]]:
    """Runs of shared words (a, b, size) split wherever the gap to the next is wide on either side."""
    out: list[list[tuple[int, int, int]]] = []
    for run in runs:
        if out:
            pa, pb, size = out[-1][-1]
            if run[0] - (pa + size) <= MAX_GAP and run[1] - (pb + size) <= MAX_GAP:
                out[-1].append(run)
                continue
        out.append([run])
    return out
