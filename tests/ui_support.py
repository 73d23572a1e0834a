"""Helpers for driving the app in tests."""
from __future__ import annotations

from pathlib import Path

from reader.loading import load_articles
from reader.ui.app import ReaderApp

SEEDS = Path(__file__).resolve().parent.parent / "articles"


def seed_app(**kwargs) -> ReaderApp:
    kwargs.setdefault("threshold", 0.25)
    return ReaderApp(load_articles([SEEDS], print), **kwargs)


async def settle(pilot) -> None:
    """Wait for the alignment worker and the screen to catch up."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
