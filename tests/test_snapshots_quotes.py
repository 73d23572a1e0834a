"""A snapshot of the quotes screen (Q) on the seeds at 160x45."""
from __future__ import annotations

import asyncio

from ui_support import frozen_seed_app, settle

from reader.ui.screens.quotes import QuotesScreen

SIZE = (160, 45)


async def _quotes(pilot) -> None:
    await settle(pilot)
    pilot.app.notify = lambda *args, **kwargs: None  # toasts come and go with time
    await pilot.press("Q")
    for _ in range(400):  # the quotes are found in a worker thread
        screen = pilot.app.screen
        if isinstance(screen, QuotesScreen) and screen.found is not None:
            break
        await asyncio.sleep(0.05)
    await pilot.pause()


def test_quotes_screen(snap_compare):
    assert snap_compare(frozen_seed_app(), terminal_size=SIZE, run_before=_quotes)
