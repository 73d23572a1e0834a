"""Snapshots of the main screen (dark and light), the help screen and the detail panel."""
from __future__ import annotations

from ui_support import frozen_seed_app as seed_app
from ui_support import settle

SIZE = (160, 45)


async def _aligned(pilot) -> None:
    await settle(pilot)


async def _detail(pilot) -> None:
    await settle(pilot)
    await pilot.press("tab", "right_square_bracket", "d")
    await pilot.pause()


async def _help(pilot) -> None:
    await settle(pilot)
    await pilot.press("question_mark")
    await pilot.pause()


def test_main_screen_dark(snap_compare):
    assert snap_compare(seed_app(theme="textual-dark"), terminal_size=SIZE, run_before=_aligned)


def test_main_screen_light(snap_compare):
    assert snap_compare(seed_app(theme="textual-light"), terminal_size=SIZE, run_before=_aligned)


def test_detail_panel(snap_compare):
    assert snap_compare(seed_app(), terminal_size=SIZE, run_before=_detail)


def test_help_screen(snap_compare):
    assert snap_compare(seed_app(), terminal_size=SIZE, run_before=_help)
