"""Alignment off the screen: a child process gives the aligner's answer and can be stopped."""
from __future__ import annotations

import threading
import time

import pytest

from reader.align import align
from reader.articles.loading import load_articles
from reader.ui.aligning.runner import AlignmentFailed, AlignmentRunner


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


# Fakes for the aligner being rewritten: module-level, so that a child process finds them by name.
def counting_align(articles, threshold, progress=None):
    """Reports 1..4 of 4 steps, then gives the real alignment."""
    for done in range(1, 5):
        progress(done, 4)
        time.sleep(0.15)  # longer than the child's throttle: every report goes back
    return align(articles, threshold)


def align_without_progress(articles, threshold):
    return align(articles, threshold)


def align_keyword_only(articles, threshold=0.25, *, progress):
    progress(1, 1)
    return align(articles, threshold)


def dying_align(articles, threshold, progress=None):
    import os

    os._exit(3)


def greedy_align(articles, threshold, progress=None):
    hoard = bytearray(64 * 2**20)  # 64 MB the child holds, touched
    time.sleep(5)
    return hoard


@pytest.mark.parametrize("process_above", [0, 10**9], ids=["child", "thread"])
def test_progress_reaches_the_caller(seeds_dir, process_above):
    articles = load_articles([seeds_dir], print)
    seen = []
    result = AlignmentRunner(process_above=process_above, aligner=counting_align).run(
        articles, 0.25, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert _passages(result) == _passages(align(articles, 0.25))


def test_progress_through_a_monkeypatched_aligner(seeds_dir, monkeypatch):
    articles = load_articles([seeds_dir], print)
    monkeypatch.setattr("reader.align.align", counting_align)
    seen = []
    AlignmentRunner(process_above=0).run(articles, 0.25, progress=lambda *report: seen.append(report))
    assert seen[-1] == (4, 4) and len(seen) == 4


@pytest.mark.parametrize("process_above", [0, 10**9], ids=["child", "thread"])
def test_an_aligner_without_progress_is_called_without_it(seeds_dir, process_above):
    articles = load_articles([seeds_dir], print)
    seen = []
    result = AlignmentRunner(process_above=process_above, aligner=align_without_progress).run(
        articles, 0.25, progress=lambda *report: seen.append(report))
    assert seen == [] and _passages(result) == _passages(align(articles, 0.25))


def test_which_aligners_take_progress():
    from reader.ui.aligning.runner import takes_progress

    assert takes_progress(counting_align) and takes_progress(align_keyword_only)
    assert takes_progress(lambda articles, threshold, **options: None)
    assert not takes_progress(align_without_progress) and takes_progress(align)  # today's aligner tells
    assert not takes_progress(lambda articles, threshold, progress, /: None)  # cannot be given by name
    assert not takes_progress(len)


def test_a_child_that_dies_is_a_failure_not_a_cancel(seeds_dir):
    articles = load_articles([seeds_dir], print)
    with pytest.raises(AlignmentFailed, match="exit status 3"):
        AlignmentRunner(process_above=0, aligner=dying_align).run(articles, 0.25)


def test_a_child_past_the_memory_limit_is_stopped(seeds_dir):
    from reader.ui.aligning.memory import tree_rss

    articles = load_articles([seeds_dir], print)
    runner = AlignmentRunner(process_above=0, aligner=greedy_align, memory_limit=tree_rss() + 40 * 2**20)
    started = time.monotonic()
    with pytest.raises(AlignmentFailed, match="more memory than allowed"):
        runner.run(articles, 0.25)
    assert time.monotonic() - started < 4, "stopped when it passed the limit, not when it finished"
    assert runner._process is not None and not runner._process.is_alive()


def test_one_article_needs_no_aligner_and_no_child(seeds_dir, monkeypatch):
    articles = load_articles([seeds_dir], print)[:1]
    monkeypatch.setattr("multiprocessing.get_context", lambda *a: (_ for _ in ()).throw(AssertionError("spawned")))
    monkeypatch.setattr("reader.align.align", lambda *a, **k: (_ for _ in ()).throw(AssertionError("aligned")))
    result = AlignmentRunner(process_above=0).run(articles, 0.25)
    assert result is not None and result.groups == [] and result.articles == articles


def test_the_childs_memory_is_capped_and_running_out_is_reported(seeds_dir, monkeypatch):
    articles = load_articles([seeds_dir], print)
    monkeypatch.setattr("reader.ui.aligning.runner.memory_budget", lambda arts: 1 << 20)  # 1 MB: too little
    with pytest.raises(AlignmentFailed, match="more memory than it may use"):
        AlignmentRunner(process_above=0).run(articles, 0.25)
