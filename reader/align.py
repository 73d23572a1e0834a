"""Fuzzy alignment: find the passages of several articles that report the same thing.

The steps, for N articles:

1. every sentence becomes a unit-length tf-isf vector of content terms (``terms``);
2. candidate sentence pairs of different articles come from an inverted index of
   terms, so that the cost grows with the text, not with its square;
3. candidate pairs similar enough become *seeds*;
4. for each pair of articles, seeds close to each other in both articles are
   clustered into *fragments* (passages of neighbouring sentences), which are kept
   when the passages as a whole are similar;
5. between two independent reports of one story (no passage borrowed, still alike outside
   their shared passages), sentences that are each other's best match and share phrases no
   other sentence has align on their own: paraphrases share few words;
6. fragments that share a passage are joined into groups spanning many articles.
"""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field, replace

from reader.model import Alignment, Article, Group, Passage
from reader.trim import trim_edges
from reader.terms import Vocabulary, collect_names, content_words, weigh

DEFAULT_THRESHOLD = 0.25
SINGLE_SEED_DOUBT = 0.2  # a fragment resting on n seeds scores its cosine * (1 - this / n)


@dataclass(frozen=True)
class Params:
    """Tuning knobs of the aligner (the threshold is the user-facing one)."""

    seed_cosine: float = 0.20  # a sentence pair with at least this cosine is a seed
    seed_dice: float = 0.25  # ... and at least this share of common terms
    min_terms: int = 3  # sentences with fewer content terms cannot seed alone
    doubt_scale: float = 3.0  # log10 of the sentence pairs at which one-seed doubt is SINGLE_SEED_DOUBT
    min_shared: int = 3  # ... nor pairs sharing fewer terms than this
    extend_cosine: float = 0.2  # neighbours of a fragment this similar join it
    min_density: float = 0.5  # share of a fragment's sentences that must be seeded
    gap: int = 4  # seeds at most this many sentences apart cluster together
    summary_seed: float = 0.3  # seeds this strong may spread far on one side (a summary)
    summary_gap: int = 40  # how far apart, on the summarised side
    summary_ratio: float = 3.0  # a summary covers this many times more sentences
    summary_min_seeds: int = 3
    contrast: float = 0.7  # one-sentence matches weaker than this share of the best are dropped
    chain_score: float = 0.35  # ... when far apart on the other side, both must score this
    chain_gap: int = 1  # fragments this many sentences apart on one side, in order on the other, join
    summary_order: float = 0.75  # share of its seeds a summary keeps in order
    solid: float = 0.6  # a fragment this good is not part of a summary
    # lone sentence matches, between independent reports of one story:
    mutual_cosine: float = 0.12  # sentences each other's best match, this similar, align alone
    mutual_shared: int = 3  # ... sharing at least this many terms
    mutual_phrases: int = 2  # ... and this many phrases no other sentence of either article has
    mutual_scale: float = 0.5  # their score is cosine ** this (a mutual best match is rarely chance)
    mutual_contrast: float = 0.45  # their cosine must reach this share of the pair's best fragment score
    mutual_displaces: int = 3  # they replace weaker fragments spanning fewer sentences than this
    borrowed: float = 0.5  # none between articles sharing a fragment this good (one copied the other)
    same_story: float = 0.25  # none unless the articles are this alike outside the matched sentences
    posting_budget: int = 4000  # a term pairing more sentences than this gives no candidates
    prefilter: float = 0.6  # ... so pairs need this share of the seed cosine from the other terms


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


def align(articles: list[Article], threshold: float = DEFAULT_THRESHOLD, params: Params = Params()) -> Alignment:
    """Align the articles; groups scoring below ``threshold`` are dropped."""
    corpus = Corpus.of(articles)
    by_pair: dict[tuple[int, int], list[Seed]] = defaultdict(list)
    for s in _candidates(corpus.vectors, params):
        by_pair[(s.a, s.b)].append(s)
    fragments = []
    for (a, b), pair_candidates in sorted(by_pair.items()):
        fragments += _align_pair(corpus, a, b, pair_candidates, threshold, params)
    groups = _groups(articles, [_trimmed(articles, f) for f in fragments])
    return Alignment(articles=articles, groups=groups, threshold=threshold)


def _align_pair(corpus: Corpus, a: int, b: int, candidates: list[Seed], threshold: float,
                p: Params) -> list[Fragment]:
    """The fragments two articles share: passages grown from seeds, and, between two reports
    of one story where neither borrowed from the other, lone sentences that match each other."""
    vectors = corpus.vectors
    seeds = [s for s in candidates if _is_seed(s, vectors, p)]
    found = [f for f in _fragments(a, b, seeds, vectors, p) if f.score >= threshold]
    kept = _chain(_drop_overlaps(_contrast(found, p)), p)
    if max((k.score for k in kept), default=0.0) >= p.borrowed:
        return kept
    mutual = [f for f in _mutual_matches(candidates, corpus, p) if f.score >= threshold]
    if mutual and _residual_similarity(kept + mutual, corpus, a, b) >= p.same_story:
        return _with_mutual(kept, mutual, p)
    return kept


# ---------------------------------------------------------------- vectors
@dataclass
class Corpus:
    """The articles' sentences as terms: tf-isf vectors, and term lists in reading order."""

    vectors: list[list[dict[str, float]]]
    terms: list[list[list[str]]]
    _totals: dict[int, dict[str, float]] = field(default_factory=dict)
    _phrases: dict[int, list[set[tuple[str, str]]]] = field(default_factory=dict)

    @classmethod
    def of(cls, articles: list[Article]) -> Corpus:
        vocab = Vocabulary()
        words = [[content_words(art.text[s.start : s.end]) for s in art.sentences] for art in articles]
        vocab.learn({w for sents in words for ws in sents for w in ws})
        vocab.merge_name_variants(collect_names([a.text for a in articles]))
        terms = [[[vocab.term(w) for w in ws] for ws in sents] for sents in words]
        weighted = iter(weigh([ts for sents in terms for ts in sents]))
        vectors = [[next(weighted) for _ in sents] for sents in terms]
        return cls(vectors, terms)

    def total(self, a: int) -> dict[str, float]:
        """The sum of article ``a``'s sentence vectors."""
        if a not in self._totals:
            self._totals[a] = _add(self.vectors[a])
        return self._totals[a]

    def phrases(self, a: int) -> list[set[tuple[str, str]]]:
        """Article ``a``'s distinctive phrases, per sentence."""
        if a not in self._phrases:
            self._phrases[a] = distinctive_phrases(self.terms[a])
        return self._phrases[a]


def distinctive_phrases(sentences: list[list[str]]) -> list[set[tuple[str, str]]]:
    """Per sentence, the pairs of near-adjacent terms ("neutral country", "Cato Institute")
    that no other sentence of the same article has."""
    pairs = [_near_pairs(terms) for terms in sentences]
    seen: dict[tuple[str, str], int] = defaultdict(int)
    for ps in pairs:
        for x in ps:
            seen[x] += 1
    return [{x for x in ps if seen[x] == 1} for ps in pairs]


def _near_pairs(terms: list[str]) -> set[tuple[str, str]]:
    """Unordered pairs of terms at most one term apart."""
    out = set()
    for k, t in enumerate(terms):
        for u in terms[k + 1 : k + 3]:
            if u != t:
                out.add((t, u) if t < u else (u, t))
    return out


def cosine(u: dict[str, float], v: dict[str, float]) -> float:
    if len(u) > len(v):
        u, v = v, u
    return sum(w * v[t] for t, w in u.items() if t in v)


def dice(u: dict[str, float], v: dict[str, float]) -> float:
    if not u or not v:
        return 0.0
    common = len(u.keys() & v.keys())
    return 2 * common / (len(u) + len(v))


# ---------------------------------------------------------------- seeds
def _candidates(vectors: list[list[dict[str, float]]], p: Params) -> list[Seed]:
    """Sentence pairs across articles with some similarity, found through an inverted index."""
    postings: dict[str, dict[int, list[tuple[int, float]]]] = defaultdict(dict)
    for a, vecs in enumerate(vectors):
        for i, vec in enumerate(vecs):
            if len(vec) >= p.min_terms:
                for t, w in vec.items():
                    postings[t].setdefault(a, []).append((i, w))
    partial: dict[tuple[int, int, int, int], float] = defaultdict(float)
    skipped = False
    for by_article in postings.values():
        if len(by_article) < 2:
            continue  # a term of one article pairs nothing
        n = sum(len(x) for x in by_article.values())
        if n * (n - 1) // 2 > p.posting_budget:
            skipped = True
            continue
        articles = sorted(by_article)
        for x, a in enumerate(articles):
            for b in articles[x + 1 :]:
                for i, w in by_article[a]:
                    for j, w2 in by_article[b]:
                        partial[(a, i, b, j)] += w * w2
    low = min(p.seed_cosine, p.mutual_cosine)
    # with frequent terms skipped, dot products are partial: check in full only pairs whose
    # rarer terms already give a good part of a seed's cosine (cost stays near linear)
    bar = p.seed_cosine * p.prefilter if skipped else low
    out = []
    for (a, i, b, j), dot in sorted(item for item in partial.items() if item[1] >= bar):
        sim = cosine(vectors[a][i], vectors[b][j]) if skipped else dot
        if sim >= low:
            out.append(Seed(a, i, b, j, sim))
    return out


def _is_seed(s: Seed, vectors, p: Params) -> bool:
    """Similar enough to start a fragment."""
    u, v = vectors[s.a][s.i], vectors[s.b][s.j]
    return s.sim >= p.seed_cosine and dice(u, v) >= p.seed_dice and len(u.keys() & v.keys()) >= p.min_shared


def _mutual_matches(candidates: list[Seed], corpus: Corpus, p: Params) -> list[Fragment]:
    """One-sentence fragments of sentences that are each other's best match in the two articles
    and share phrases found nowhere else in either: a paraphrase shares few words, but it
    shares them with its counterpart and no other sentence."""
    best_i: dict[int, Seed] = {}
    best_j: dict[int, Seed] = {}
    for s in candidates:
        if s.i not in best_i or s.sim > best_i[s.i].sim:
            best_i[s.i] = s
        if s.j not in best_j or s.sim > best_j[s.j].sim:
            best_j[s.j] = s
    return [Fragment(s.a, s.i, s.i, s.b, s.j, s.j, s.sim ** p.mutual_scale)
            for s in best_i.values() if best_j[s.j] is s and _telling(s, corpus, p)]


def _telling(s: Seed, corpus: Corpus, p: Params) -> bool:
    """Whether a sentence pair shares enough terms and distinctive phrases to align alone."""
    u, v = corpus.vectors[s.a][s.i], corpus.vectors[s.b][s.j]
    return (s.sim >= p.mutual_cosine and len(u.keys() & v.keys()) >= p.mutual_shared
            and len(corpus.phrases(s.a)[s.i] & corpus.phrases(s.b)[s.j]) >= p.mutual_phrases)


def _residual_similarity(kept: list[Fragment], corpus: Corpus, a: int, b: int) -> float:
    """Cosine of the two articles outside the passages ``kept``: two reports of one story stay
    alike there; a text that borrowed a passage from another, or shares one sentence with it
    by chance, does not."""
    va, vb = corpus.vectors[a], corpus.vectors[b]
    skip_a = {i for k in kept for i in range(k.i0, k.i1 + 1)}
    skip_b = {j for k in kept for j in range(k.j0, k.j1 + 1)}
    return _cosine_of_sums(_minus(corpus.total(a), [va[i] for i in skip_a]),
                           _minus(corpus.total(b), [vb[j] for j in skip_b]))


def _minus(total: dict[str, float], vecs: list[dict[str, float]]) -> dict[str, float]:
    """``total`` less the vectors (a new dict; ``total`` itself when there are none)."""
    if not vecs:
        return total
    out = dict(total)
    for v in vecs:
        for t, w in v.items():
            out[t] -= w
    return out


def _cosine_of_sums(u: dict[str, float], v: dict[str, float]) -> float:
    """Cosine of two vectors that are not unit length."""
    if len(u) > len(v):
        u, v = v, u
    dot = sum(w * v[t] for t, w in u.items() if t in v)
    norm = math.sqrt(sum(w * w for w in u.values()) * sum(w * w for w in v.values()))
    return dot / norm if norm > 1e-12 else 0.0


def _with_mutual(kept: list[Fragment], mutual: list[Fragment], p: Params) -> list[Fragment]:
    """Add mutual matches: one inside a fragment is already covered; one that cuts across a
    weaker short fragment replaces it (its sentences are then re-covered by their own mutual
    matches); long fragments stay whole."""
    best = max((k.score for k in kept), default=0.0)  # beside a real shared passage, a weak lone match is chance
    mutual = [m for m in mutual if m.score ** (1 / p.mutual_scale) >= p.mutual_contrast * best]
    big = [k for k in kept if max(k.i1 - k.i0, k.j1 - k.j0) >= p.mutual_displaces]
    covered = [m for m in mutual if any(_inside(m, k) for k in kept)]
    free = [m for m in mutual if m not in covered and not any(_near(m, k, p.gap) for k in big)]
    out = big + _drop_overlaps([k for k in kept if k not in big] + free)
    return out + [m for m in covered if not any(_clashes(m, k) for k in out)]


def _near(f: Fragment, k: Fragment, gap: int) -> bool:
    """Whether ``f`` comes within ``gap`` sentences of ``k`` in either article."""
    return bool(_overlap(f.i0 - gap, f.i1 + gap, k.i0, k.i1) or _overlap(f.j0 - gap, f.j1 + gap, k.j0, k.j1))


def _clashes(f: Fragment, k: Fragment) -> bool:
    """Whether two fragments of one article pair overlap in either article."""
    return bool(_overlap(f.i0, f.i1, k.i0, k.i1) or _overlap(f.j0, f.j1, k.j0, k.j1))


# ---------------------------------------------------------------- fragments
def _fragments(a: int, b: int, seeds: list[Seed], vectors, p: Params) -> list[Fragment]:
    """Cluster the seeds of one article pair and keep the clusters that hold together."""
    out = []
    for cluster in _dense_clusters(seeds, p.gap, p.min_density):
        i0, i1, j0, j1 = _extend(_box(cluster), vectors[a], vectors[b], p.extend_cosine)
        whole = cosine(_sum(vectors[a][i0 : i1 + 1]), _sum(vectors[b][j0 : j1 + 1]))
        doubt = _doubt(len(vectors[a]), len(vectors[b]), p)
        out.append(Fragment(a, i0, i1, b, j0, j1, whole * (1 - doubt / len(cluster))))
    solid = [f for f in out if f.score >= p.solid]
    summaries = [s for s in _summaries(a, b, seeds, vectors, p) if not any(_inside(f, s) for f in solid)]
    out = [f for f in out if not any(_inside(f, s) for s in summaries)]
    return out + summaries


def _doubt(n_a: int, n_b: int, p: Params) -> float:
    """How much to distrust a one-seed match: chance matches grow with the pairs compared."""
    return SINGLE_SEED_DOUBT * math.log10(max(10, n_a * n_b)) / p.doubt_scale


def _dense_clusters(seeds: list[Seed], gap: int, min_density: float) -> list[list[Seed]]:
    """Clusters in which most sentences take part in a seed; loose ones are re-split tighter."""
    out = []
    for cluster in _cluster(seeds, gap, gap):
        if gap > 1 and _density(cluster) < min_density:
            out += _dense_clusters(cluster, gap - 1, min_density)
        else:
            out.append(cluster)
    return out


def _density(cluster: list[Seed]) -> float:
    """Share of the sentences a cluster spans, on both sides, that are seeded."""
    i0, i1, j0, j1 = _box(cluster)
    seeded = len({s.i for s in cluster}) + len({s.j for s in cluster})
    return seeded / (i1 - i0 + 1 + j1 - j0 + 1)


def _summaries(a: int, b: int, seeds: list[Seed], vectors, p: Params) -> list[Fragment]:
    """Fragments where a short passage of one article sums up a long one of the other."""
    strong = [s for s in seeds if s.sim >= p.summary_seed]
    out = []
    for gap_i, gap_j in ((p.gap, p.summary_gap), (p.summary_gap, p.gap)):
        for cluster in _cluster(strong, gap_i, gap_j):
            if len(cluster) < p.summary_min_seeds or _concordance(cluster) < p.summary_order:
                continue
            i0, i1, j0, j1 = _box(cluster)
            short, long_ = sorted((i1 - i0 + 1, j1 - j0 + 1))
            if long_ < p.summary_ratio * short:
                continue
            u, v = _sum(vectors[a][i0 : i1 + 1]), _sum(vectors[b][j0 : j1 + 1])
            part, whole = (u, v) if i1 - i0 < j1 - j0 else (v, u)
            score = _containment(part, whole) * (1 - _doubt(len(vectors[a]), len(vectors[b]), p) / len(cluster))
            out.append(Fragment(a, i0, i1, b, j0, j1, score))
    return out


def _concordance(cluster: list[Seed]) -> float:
    """Share of seed pairs in the same order on both sides (a summary keeps its source's order)."""
    same = total = 0
    for x, s in enumerate(cluster):
        for t in cluster[x + 1 :]:
            if s.i != t.i and s.j != t.j:
                total += 1
                same += (s.i < t.i) == (s.j < t.j)
    return same / total if total else 0.0


def _containment(part: dict[str, float], whole: dict[str, float]) -> float:
    """Share of the weight of ``part`` whose terms occur in ``whole``."""
    total = sum(w * w for w in part.values()) or 1.0
    return sum(w * w for t, w in part.items() if t in whole) / total


def _extend(box: tuple[int, int, int, int], va, vb, bar: float) -> tuple[int, int, int, int]:
    """Grow a fragment sentence by sentence while the neighbours on both sides match."""
    i0, i1, j0, j1 = box
    while i0 > 0 and j0 > 0 and cosine(va[i0 - 1], vb[j0 - 1]) >= bar:
        i0, j0 = i0 - 1, j0 - 1
    while i1 + 1 < len(va) and j1 + 1 < len(vb) and cosine(va[i1 + 1], vb[j1 + 1]) >= bar:
        i1, j1 = i1 + 1, j1 + 1
    return i0, i1, j0, j1


def _box(cluster: list[Seed]) -> tuple[int, int, int, int]:
    return (min(s.i for s in cluster), max(s.i for s in cluster),
            min(s.j for s in cluster), max(s.j for s in cluster))


def _inside(f: Fragment, box: Fragment) -> bool:
    return box.i0 <= f.i0 and f.i1 <= box.i1 and box.j0 <= f.j0 and f.j1 <= box.j1


def _drop_overlaps(fragments: list[Fragment]) -> list[Fragment]:
    """Of fragments of one article pair that overlap in either article, keep the best."""
    kept: list[Fragment] = []
    for f in sorted(fragments, key=lambda f: (-f.score, f.i0, f.j0)):
        if not any(_clashes(f, k) for k in kept):
            kept.append(f)
    return kept


def _contrast(fragments: list[Fragment], p: Params) -> list[Fragment]:
    """Drop lone one-sentence matches much weaker than the best match of the same two
    articles: beside a real shared passage they are chance resemblances."""
    best = max((f.score for f in fragments), default=0.0)
    return [f for f in fragments
            if f.score >= p.contrast * best or (f.i1 > f.i0 and f.j1 > f.j0)]


def _chain(fragments: list[Fragment], p: Params) -> list[Fragment]:
    """Join fragments that follow each other on one side and keep their order on the other
    (a summary or a loosely rewritten passage found in pieces)."""
    out: list[Fragment] = []
    for f in sorted(fragments, key=lambda f: (f.i0, f.j0)):
        last = out[-1] if out else None
        far = f.j0 - last.j1 > p.gap if last else False
        if (last and _follows(last.i1, f.i0, p.chain_gap) and last.j0 <= f.j0 and f.j0 - last.j1 <= p.summary_gap
                and (not far or min(last.score, f.score) >= p.chain_score)):
            out[-1] = replace(last, i1=max(last.i1, f.i1), j1=max(last.j1, f.j1), score=max(last.score, f.score))
        else:
            out.append(f)
    return out


def _follows(end: int, start: int, gap: int) -> bool:
    return 0 < start - end <= gap + 1


def _overlap(lo1: int, hi1: int, lo2: int, hi2: int) -> int:
    """How many sentences two inclusive ranges share."""
    return max(0, min(hi1, hi2) - max(lo1, lo2) + 1)


def _cluster(seeds: list[Seed], gap_i: int, gap_j: int) -> list[list[Seed]]:
    """Split seeds into runs close in both articles (alternating splits until stable)."""
    if not seeds:
        return []
    todo = [sorted(seeds, key=lambda s: (s.i, s.j))]
    done = []
    axis = 0
    stable_rounds = 0
    while todo:
        next_todo = []
        changed = False
        for group in todo:
            parts = _split(group, gap_i if axis == 0 else gap_j, axis)
            changed |= len(parts) > 1
            next_todo.extend(parts)
        axis = 1 - axis
        stable_rounds = 0 if changed else stable_rounds + 1
        if stable_rounds >= 2:
            done.extend(next_todo)
            break
        todo = next_todo
    return done


def _split(group: list[Seed], gap: int, axis: int) -> list[list[Seed]]:
    key = (lambda s: (s.i, s.j)) if axis == 0 else (lambda s: (s.j, s.i))
    ordered = sorted(group, key=key)
    parts = [[ordered[0]]]
    for prev, cur in zip(ordered, ordered[1:]):
        if key(cur)[0] - key(prev)[0] > gap:
            parts.append([])
        parts[-1].append(cur)
    return parts


def _add(vecs: list[dict[str, float]]) -> dict[str, float]:
    """The sum of the vectors."""
    total: dict[str, float] = defaultdict(float)
    for v in vecs:
        for t, w in v.items():
            total[t] += w
    return dict(total)


def _sum(vecs: list[dict[str, float]]) -> dict[str, float]:
    """The sum of the vectors, unit length."""
    total = _add(vecs)
    norm = math.sqrt(sum(w * w for w in total.values())) or 1.0
    return {t: w / norm for t, w in total.items()}


def _trimmed(articles: list[Article], f: Fragment) -> Fragment:
    """The fragment with character spans, cut where its edge sentences only partly match."""
    sa, sb = articles[f.a].sentences, articles[f.b].sentences
    span = lambda s: (s.start, s.end)  # noqa: E731
    a_span, b_span = trim_edges(
        articles[f.a].text, (sa[f.i0].start, sa[f.i1].end), span(sa[f.i0]), span(sa[f.i1]),
        articles[f.b].text, (sb[f.j0].start, sb[f.j1].end), span(sb[f.j0]), span(sb[f.j1]),
    )
    return replace(f, a_span=a_span, b_span=b_span)


# ---------------------------------------------------------------- groups
def _groups(articles: list[Article], fragments: list[Fragment]) -> list[Group]:
    """Join fragments whose passages overlap in some article into groups."""
    parent = list(range(len(fragments)))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    by_article: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for k, f in enumerate(fragments):
        by_article[f.a].append((f.i0, f.i1, k))
        by_article[f.b].append((f.j0, f.j1, k))
    for spans in by_article.values():
        spans.sort()
        for x, (lo, hi, k) in enumerate(spans):
            for lo2, hi2, k2 in spans[x + 1 :]:
                if lo2 > hi:
                    break
                shared = _overlap(lo, hi, lo2, hi2)
                if shared * 2 >= min(hi - lo, hi2 - lo2) + 1:
                    parent[root(k2)] = root(k)
    members: dict[int, list[Fragment]] = defaultdict(list)
    for k, f in enumerate(fragments):
        members[root(k)].append(f)
    groups = [_group(articles, fs) for fs in members.values()]
    groups.sort(key=lambda g: [(p.article, p.start) for p in g.passages])
    return groups


def _group(articles: list[Article], fragments: list[Fragment]) -> Group:
    spans: dict[int, list[int]] = {}
    for f in fragments:
        for art, lo, hi, (start, end) in ((f.a, f.i0, f.i1, f.a_span), (f.b, f.j0, f.j1, f.b_span)):
            cur = spans.setdefault(art, [lo, hi, start, end])
            cur[:] = min(cur[0], lo), max(cur[1], hi), min(cur[2], start), max(cur[3], end)
    passages = []
    for art in sorted(spans):
        lo, hi, start, end = spans[art]
        passages.append(Passage(art, start, end, lo, hi))
    pair_scores: dict[tuple[int, int], float] = {}
    for f in fragments:
        key = (f.a, f.b)
        pair_scores[key] = round(min(1.0, max(pair_scores.get(key, 0.0), f.score)), 3)
    score = max(pair_scores.values())
    return Group(score=score, passages=passages, pair_scores=pair_scores)
