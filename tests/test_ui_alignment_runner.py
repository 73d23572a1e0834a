"""Alignment off the screen: a child process gives the aligner's answer and can be stopped."""
from __future__ import annotations

import threading
import time

import pytest

from reader.align import align
from reader.articles.loading import load_articles
from reader.ui.alignment_runner import AlignmentFailed, AlignmentRunner


def _passages(alignment):
    return [[(p.article, p.start, p.end) for p in g.passages] for g in alignment.groups]


def test_child_process_gives_the_same_groups_as_aligning_here(seeds_dir):
    articles = load_articles([seeds_dir], print)
    result = AlignmentRunner(process_above=0).run(articles, 0.25)
    assert result is not None and result.articles is articles and result.threshold == 0.25
    assert _passages(result) == _passages(align(articles, 0.25)) != []


def test_small_inputs_align_in_the_calling_thread(seeds_dir, monkeypatch):
    articles = load_articles([seeds_dir], print)
    runner = AlignmentRunner()
    monkeypatch.setattr("multiprocessing.get_context", lambda *a: (_ for _ in ()).throw(AssertionError("spawned")))
    assert _passages(runner.run(articles, 0.25)) == _passages(align(articles, 0.25))


def test_stop_cancels_a_running_alignment(seeds_dir):
    articles = load_articles([seeds_dir], print)
    runner = AlignmentRunner(process_above=0)
    out = []
    worker = threading.Thread(target=lambda: out.append(runner.run(articles, 0.25)))
    worker.start()
    deadline = time.monotonic() + 5
    while runner._process is None and time.monotonic() < deadline:
        time.sleep(0.001)
    runner.stop()  # the child is still starting its interpreter
    worker.join(10)
    assert out == [None]


def test_an_aligner_error_in_the_calling_thread_is_reported_like_one_in_the_child(seeds_dir, monkeypatch):
    articles = load_articles([seeds_dir], print)

    def broken(*args, **kwargs):
        raise ValueError("no luck")

    monkeypatch.setattr("reader.align.align", broken)
    with pytest.raises(AlignmentFailed, match="ValueError: no luck"):
        AlignmentRunner().run(articles, 0.25)


def test_one_article_needs_no_aligner_and_no_child(seeds_dir, monkeypatch):
    articles = load_articles([seeds_dir], print)[:1]
    monkeypatch.setattr("multiprocessing.get_context", lambda *a: (_ for _ in ()).throw(AssertionError("spawned")))
    monkeypatch.setattr("reader.align.align", lambda *a, **k: (_ for _ in ()).throw(AssertionError("aligned")))
    result = AlignmentRunner(process_above=0).run(articles, 0.25)
    assert result is not None and result.groups == [] and result.articles == articles


def test_the_childs_memory_is_capped_and_running_out_is_reported(seeds_dir, monkeypatch):
    articles = load_articles([seeds_dir], print)
    monkeypatch.setattr("reader.ui.alignment_runner.memory_budget", lambda arts: 1 << 20)  # 1 MB: too little
    with pytest.raises(AlignmentFailed, match="more memory than it may use"):
        AlignmentRunner(process_above=0).run(articles, 0.25)
