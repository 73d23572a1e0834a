"""Helpers for driving the app in tests."""
from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path

from reader.articles.loading import load_articles
from reader.ui.app import ReaderApp

SEEDS = Path(__file__).resolve().parent.parent / "articles"


def seed_app(**kwargs) -> ReaderApp:
    kwargs.setdefault("threshold", 0.25)
    return ReaderApp(load_articles([SEEDS], print), **kwargs)


async def settle(pilot) -> None:
    """Wait for the alignment (started after the first frame), the store calls asked for (they
    run in a worker thread) and the screen to catch up."""
    for _ in range(600):  # 30 s at most
        await pilot.app.workers.wait_for_complete()
        if not getattr(pilot.app, "aligning", False) and not store_pending(pilot.app):
            break
        await pilot.pause(0.05)
    await pilot.pause()


def store_pending(app) -> int:
    calls = getattr(getattr(app, "highlighter", None), "calls", None)
    return calls.pending if calls is not None else 0


@asynccontextmanager
async def running(app: ReaderApp, size: tuple[int, int], **options):
    """The app running headless at ``size``, its alignment done: yields the Pilot."""
    async with app.run_test(size=size, **options) as pilot:
        await settle(pilot)
        yield pilot


# Snapshots show a fixed alignment of the seeds (as sentence ranges), so that tuning the
# aligner does not change pictures of the app; the app tests use the real aligner.
FROZEN_GROUPS = [
    (0.31, [(0, 1, 3), (1, 9, 9)]),
    (0.34, [(0, 12, 12), (2, 16, 16)]),
    (0.27, [(0, 17, 17), (1, 11, 11)]),
    (0.25, [(1, 3, 4), (2, 9, 11)]),
]


class FrozenAligner:
    """Stands in for AlignmentRunner: always the FROZEN_GROUPS."""

    def run(self, articles, threshold, progress=None):
        from reader.model import Alignment, Group, Passage

        groups = []
        for score, ranges in FROZEN_GROUPS:
            passages = []
            for k, first, last in ranges:
                sents = articles[k].sentences
                passages.append(Passage(k, sents[first].start, sents[last].end, first, last))
            groups.append(Group(score, passages, {(ranges[0][0], ranges[1][0]): score}))
        return Alignment(articles, groups, threshold)

    def stop(self) -> None:
        pass


def frozen_seed_app(**kwargs) -> ReaderApp:
    app = seed_app(**kwargs)
    app.aligner = FrozenAligner()
    return app
