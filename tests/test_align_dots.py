"""Candidate dot products: the numpy way gives the pure Python way's pairs and sums, to the
last bit; small inputs (the seeds) never import numpy."""
from __future__ import annotations

import subprocess
import sys

import pytest

from reader.align import dots
from reader.align.tokens import Tokens
from reader.align.vectors import Corpus
from reader.articles.loading import load_articles

pytest.importorskip("numpy")


def _vectors(seeds_dir):
    return Corpus.of([Tokens.of(a) for a in load_articles([seeds_dir], print)]).vectors


@pytest.mark.parametrize("budget", [4000, 30])  # 30: many frequent terms skipped
@pytest.mark.parametrize("min_terms", [1, 3])
@pytest.mark.parametrize("exact", [None, 0.1])  # 0.1: full dot products (when a term was skipped) of 0.1 or more
def test_numpy_and_python_give_the_same_pairs_and_sums(seeds_dir, monkeypatch, budget, min_terms, exact):
    from reader.align.dots_numpy import shared_dots_numpy

    vectors = _vectors(seeds_dir)
    bar = lambda skipped: 0.05 if skipped else 0.1  # noqa: E731
    wanted = lambda a, b: (a, b) != (0, 2)  # noqa: E731
    monkeypatch.setattr(dots, "VECTORIZE_ABOVE", 10**12)
    python, skipped = dots.shared_dots(vectors, min_terms, budget, wanted, bar, exact)
    numpy, numpy_skipped = shared_dots_numpy(vectors, min_terms, budget, wanted, bar, exact)
    assert numpy == python and numpy_skipped == skipped and len(python) > 50
    partial, _ = dots.shared_dots(vectors, min_terms, budget, wanted, bar)
    assert (numpy != partial) == bool(exact and skipped)  # the full sums are not the partial ones
    assert skipped == (budget == 30) and not any(a == 0 and b == 2 for (a, _, b, _), _ in python)


def test_large_inputs_take_the_numpy_way(seeds_dir, monkeypatch):
    monkeypatch.setattr(dots, "VECTORIZE_ABOVE", 1)
    monkeypatch.setattr("reader.align.dots.Postings", None)  # the pure Python way would fail
    found, _ = dots.shared_dots(_vectors(seeds_dir), 3, 4000, None, lambda skipped: 0.12)
    assert found


def test_aligning_the_seeds_does_not_import_numpy(seeds_dir):
    code = ("import sys; from reader.align import align; from reader.articles.loading import load_articles; "
            f"align(load_articles([__import__('pathlib').Path({str(seeds_dir)!r})], print)); "
            "print('numpy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
