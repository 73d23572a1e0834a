"""``dots.shared_dots`` with numpy arrays, for large inputs: the same pairs, the same sums.

Every index entry (a term in a sentence's vector) becomes a row; rows are grouped by term (in
the order terms are first met) and, within a term, kept in reading order; each row is paired
with the later rows of its term from other articles; products are added per sentence pair by
``bincount``, which adds them one by one in array order (term order), as the dict does.

Full dot products (``exact``, when a frequent term was skipped) are added in the order of the
shorter vector's terms, as ``vectors.cosine`` does: each pair gets one slot per term of that
vector, the products of the terms the two share go in their slots, the others stay 0.0 (adding
0.0 changes no sum), and ``bincount`` adds the slots in order.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

Vectors = list[list[dict[str, float]]]
Key = tuple[int, int, int, int]


@dataclass
class _Entries:
    """The index entries sorted by term (reading order within a term): each row's term id,
    global sentence number, article, weight and place in its vector; ``starts[a]`` is article
    a's first global sentence, ``length[s]`` the number of terms of sentence s."""

    term: np.ndarray
    sentence: np.ndarray
    article: np.ndarray
    weight: np.ndarray
    place: np.ndarray
    starts: np.ndarray
    length: np.ndarray
    terms: int

    @classmethod
    def of(cls, vectors: Vectors, min_terms: int) -> _Entries | None:
        """The entries of the vectors of ``min_terms`` terms or more (None when there are none)."""
        term_ids: dict[str, int] = {}
        terms, sentences, weights, places, lengths = [], [], [], [], []
        offsets = [0]  # global number of each article's first sentence
        for vecs in vectors:
            base = offsets[-1]
            for i, vec in enumerate(vecs):
                lengths.append(len(vec))
                if len(vec) >= min_terms:
                    ids = [term_ids.setdefault(t, len(term_ids)) for t in vec]
                    terms += ids
                    sentences += [base + i] * len(ids)
                    weights += vec.values()
                    places += range(len(ids))
            offsets.append(base + len(vecs))
        if not terms:
            return None
        order = np.argsort(np.array(terms, dtype=np.int64), kind="stable")
        sentence = np.array(sentences, dtype=np.int64)[order]
        starts = np.array(offsets, dtype=np.int64)
        return cls(np.array(terms, dtype=np.int64)[order], sentence, np.searchsorted(starts, sentence, side="right") - 1,
                   np.array(weights, dtype=np.float64)[order], np.array(places, dtype=np.int64)[order], starts,
                   np.array(lengths, dtype=np.int64), len(term_ids))


def shared_dots_numpy(vectors: Vectors, min_terms: int, budget: int, wanted: Callable[[int, int], bool] | None,
                      bar: Callable[[bool], float], exact: float | None = None) -> tuple[list[tuple[Key, float]], bool]:
    e = _Entries.of(vectors, min_terms)
    if e is None:
        return [], False
    term, article = e.term, e.article

    # groups of rows by term; a term of one article pairs nothing, one over budget is skipped
    first = np.flatnonzero(np.r_[True, term[1:] != term[:-1]])
    size = np.diff(np.r_[first, len(term)])
    new_article = np.r_[True, article[1:] != article[:-1]]
    new_article[first] = True
    articles_in = np.add.reduceat(new_article.astype(np.int64), first)
    shared = articles_in >= 2
    over = shared & (size * (size - 1) // 2 > budget)
    skipped = bool(over.any())
    kept = shared & ~over

    # each row with the later rows of its term
    end = np.repeat(first + size, size)  # one past the last row of each row's term
    later = np.where(np.repeat(kept, size), end - np.arange(len(term)) - 1, 0)
    left = np.repeat(np.arange(len(term)), later)
    step = np.arange(len(left)) - np.repeat(np.cumsum(later) - later, later) + 1
    right = left + step
    keep = article[left] != article[right]
    if wanted is not None:
        keep &= _wanted_mask(article[left], article[right], len(vectors), wanted)
    left, right = left[keep], right[keep]

    n = e.starts[-1]
    key = e.sentence[left] * n + e.sentence[right]
    unique, where = np.unique(key, return_inverse=True)
    where = where.ravel()
    dots = np.bincount(where, weights=e.weight[left] * e.weight[right], minlength=len(unique))
    above = dots >= bar(skipped)
    unique = unique[above]
    if exact is not None and skipped:
        dots = _full_dots(e, unique, left[above[where]], right[above[where]],
                          (np.cumsum(above) - 1)[where[above[where]]], np.repeat(over, size))
        unique, dots = unique[dots >= exact], dots[dots >= exact]
    else:
        dots = dots[above]
    x, y = unique // n, unique % n
    a, b = np.searchsorted(e.starts, x, side="right") - 1, np.searchsorted(e.starts, y, side="right") - 1
    rows = zip(a.tolist(), (x - e.starts[a]).tolist(), b.tolist(), (y - e.starts[b]).tolist())
    return list(zip(rows, dots.tolist())), skipped


def _full_dots(e: _Entries, keys: np.ndarray, left: np.ndarray, right: np.ndarray, pair: np.ndarray,
               frequent: np.ndarray) -> np.ndarray:
    """The full dot product of each sentence pair ``keys`` (x * sentences + y), over every term the
    two share, added in the order of the shorter vector's terms (the first on a tie). ``left`` and
    ``right`` are the rows of the pairs' shared terms within the budget (``pair[k]`` is row k's
    pair); ``frequent`` marks the rows of skipped terms, looked up here."""
    n = e.starts[-1]
    x, y = keys // n, keys % n
    x_first = e.length[x] <= e.length[y]
    short, long = np.where(x_first, x, y), np.where(x_first, y, x)
    slots = e.length[short]
    base = np.cumsum(slots) - slots  # each pair's first slot
    values = np.zeros(int(slots.sum()), dtype=np.float64)
    place = np.where(x_first[pair], e.place[left], e.place[right])
    values[base[pair] + place] = e.weight[left] * e.weight[right]
    _frequent_products(e, np.flatnonzero(frequent), short, long, base, values)
    return np.bincount(np.repeat(np.arange(len(keys)), slots), weights=values, minlength=len(keys))


def _frequent_products(e: _Entries, rows: np.ndarray, short: np.ndarray, long: np.ndarray, base: np.ndarray,
                       values: np.ndarray) -> None:
    """Put in ``values`` the products of the skipped terms (``rows``) each pair's two sentences
    share: each term of the shorter sentence looked up in the longer one."""
    if not len(rows):
        return
    by_sentence = rows[np.argsort(e.sentence[rows], kind="stable")]
    count = np.bincount(e.sentence[rows], minlength=len(e.length))
    start = np.cumsum(count) - count
    per_pair = count[short]
    pair = np.repeat(np.arange(len(short)), per_pair)
    offset = np.arange(len(pair)) - np.repeat(np.cumsum(per_pair) - per_pair, per_pair)
    mine = by_sentence[start[short][pair] + offset]  # the rows of each pair's shorter sentence
    lookup = e.sentence[rows] * e.terms + e.term[rows]
    order = np.argsort(lookup)
    lookup, theirs = lookup[order], rows[order]
    wanted = long[pair] * e.terms + e.term[mine]
    at = np.minimum(np.searchsorted(lookup, wanted), len(lookup) - 1)
    hit = lookup[at] == wanted
    values[base[pair[hit]] + e.place[mine[hit]]] = e.weight[mine[hit]] * e.weight[theirs[at[hit]]]


def _wanted_mask(a: np.ndarray, b: np.ndarray, n: int, wanted: Callable[[int, int], bool]) -> np.ndarray:
    """Whether ``wanted`` holds for each pair of articles (asked once per distinct pair)."""
    codes = a * n + b
    distinct = np.unique(codes)
    answers = np.array([wanted(c // n, c % n) for c in distinct.tolist()], dtype=bool)
    return answers[np.searchsorted(distinct, codes)]
