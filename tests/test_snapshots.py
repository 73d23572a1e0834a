"""Snapshots of the main screen (dark and light), the help screen, the detail panel, the
highlights panel and the tag dialog."""
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


def _no_toasts(app) -> None:
    """Toasts come and go with time: keep them out of the picture."""
    app.notify = lambda *args, **kwargs: None


async def _tag_dialog(pilot) -> None:
    await settle(pilot)
    _no_toasts(pilot.app)
    await pilot.press("tab", "right_square_bracket", "m", *"quote/paul sanctions", "enter", *"Said twice.")
    await pilot.pause()


async def _highlights_panel(pilot) -> None:
    await settle(pilot)
    _no_toasts(pilot.app)
    await pilot.press("m", *"alpha", "ctrl+s", "tab", "right_square_bracket", "m", *"quote/paul", "enter",
                      *"A note", "ctrl+s", "H")
    await pilot.pause()


def test_tag_dialog(snap_compare, tmp_path):
    app = seed_app(database=tmp_path / "h.db")
    assert snap_compare(app, terminal_size=SIZE, run_before=_tag_dialog)


def test_highlights_panel(snap_compare, tmp_path):
    app = seed_app(database=tmp_path / "h.db")
    assert snap_compare(app, terminal_size=SIZE, run_before=_highlights_panel)
