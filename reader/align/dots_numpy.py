"""``dots.shared_dots`` with numpy arrays, for large inputs: the same pairs, the same sums.

Every index entry (a term in a sentence's vector) becomes a row; rows are grouped by term (in
the order terms are first met) and, within a term, kept in reading order; each row is paired
with the later rows of its term from other articles; products are added per sentence pair by
``bincount``, which adds them one by one in array order (term order), as the dict does.
"""
from __future__ import annotations

from typing import Callable

import numpy as np

Vectors = list[list[dict[str, float]]]
Key = tuple[int, int, int, int]


def shared_dots_numpy(vectors: Vectors, min_terms: int, budget: int, wanted: Callable[[int, int], bool] | None,
                      bar: Callable[[bool], float]) -> tuple[list[tuple[Key, float]], bool]:
    term_ids: dict[str, int] = {}
    terms, sentences, weights = [], [], []
    offsets = [0]  # global number of each article's first sentence
    for vecs in vectors:
        base = offsets[-1]
        for i, vec in enumerate(vecs):
            if len(vec) >= min_terms:
                ids = [term_ids.setdefault(t, len(term_ids)) for t in vec]
                terms += ids
                sentences += [base + i] * len(ids)
                weights += vec.values()
        offsets.append(base + len(vecs))
    if not terms:
        return [], False
    order = np.argsort(np.array(terms, dtype=np.int64), kind="stable")
    term = np.array(terms, dtype=np.int64)[order]
    sentence = np.array(sentences, dtype=np.int64)[order]
    weight = np.array(weights, dtype=np.float64)[order]
    starts = np.array(offsets, dtype=np.int64)
    article = np.searchsorted(starts, sentence, side="right") - 1

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

    key = sentence[left] * starts[-1] + sentence[right]
    unique, where = np.unique(key, return_inverse=True)
    dots = np.bincount(where.ravel(), weights=weight[left] * weight[right], minlength=len(unique))
    above = dots >= bar(skipped)
    unique, dots = unique[above], dots[above]
    x, y = unique // starts[-1], unique % starts[-1]
    a, b = np.searchsorted(starts, x, side="right") - 1, np.searchsorted(starts, y, side="right") - 1
    rows = zip(a.tolist(), (x - starts[a]).tolist(), b.tolist(), (y - starts[b]).tolist())
    return list(zip(rows, dots.tolist())), skipped


def _wanted_mask(a: np.ndarray, b: np.ndarray, n: int, wanted: Callable[[int, int], bool]) -> np.ndarray:
    """Whether ``wanted`` holds for each pair of articles (asked once per distinct pair)."""
    codes = a * n + b
    distinct = np.unique(codes)
    answers = np.array([wanted(c // n, c % n) for c in distinct.tolist()], dtype=bool)
    return answers[np.searchsorted(distinct, codes)]
