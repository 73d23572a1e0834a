"""The alignment in the app: its progress in the title bar, Esc to cancel it, failures told.

The fake aligners stand in for the aligner being rewritten, which will report progress as
``align(articles, threshold, progress=cb)``; they live at module level so that the child
process the runner starts finds them by name."""
from __future__ import annotations

import time

from ui_support import running, seed_app, settle

from reader.align import align
from reader.ui.aligning.runner import AlignmentRunner

SIZE = (160, 45)


def slow_align(articles, threshold, progress=None):
    """Reports 2 of 5 steps, then works for a minute (until stopped)."""
    progress(2, 5)
    time.sleep(60)
    return align(articles, threshold)


def steady_align(articles, threshold, progress=None):
    for done in range(0, 5):
        progress(done, 4)
        time.sleep(0.4)
    return align(articles, threshold)


def broken_align(articles, threshold, progress=None):
    raise ValueError("[bold]no luck\x1b]0;pwned\x07\nsecond line")


async def until(pilot, condition, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        await pilot.pause(0.02)
    assert condition()


async def test_progress_shows_in_the_title_bar_then_the_colours_come():
    app = seed_app()
    app.aligner = AlignmentRunner(process_above=0, aligner=steady_align)
    titles = []
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: titles.append(app.sub_title) or not app.aligning)
        shown = [t.split(" · ")[1] for t in titles]
        steps = [f"aligning… {p}% (esc cancels)" for p in (25, 50, 75)]
        seen = [s for s in steps if s in shown]
        assert len(seen) >= 2, titles  # a loaded machine may draw past one step
        assert [shown.index(s) for s in seen] == sorted(shown.index(s) for s in seen), "in order"
        assert app.alignment is not None and "shared passages" in app.sub_title and "%" not in app.sub_title


async def test_esc_cancels_the_alignment_and_stops_its_process():
    app = seed_app()
    app.aligner = AlignmentRunner(process_above=0, aligner=slow_align)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: "aligning… 40%" in app.sub_title)
        process = app.aligner._process
        assert process is not None and process.is_alive()
        await pilot.press("escape")
        await pilot.pause()
        assert not app.aligning and app.alignment is None
        assert "alignment cancelled" in app.sub_title
        process.join(5)
        assert not process.is_alive(), "the aligning process is stopped, not left running"
        await pilot.press("plus")  # aligns again, at the new threshold
        await until(pilot, lambda: "aligning… 40%" in app.sub_title)
        assert app.aligning and app.threshold == 0.3


async def test_esc_with_a_selection_cancels_the_selection_not_the_alignment():
    app = seed_app()
    app.aligner = AlignmentRunner(process_above=0, aligner=slow_align)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: "aligning… 40%" in app.sub_title)
        await pilot.press("v", "escape")
        await pilot.pause()
        assert app.aligning and not app.focused_pane.selection
        await pilot.press("escape")
        await pilot.pause()
        assert not app.aligning


async def test_cancelling_a_new_threshold_keeps_the_colours_shown_and_their_threshold():
    app = seed_app()
    async with running(app, SIZE) as pilot:
        shown = app.alignment
        app.aligner = AlignmentRunner(process_above=0, aligner=slow_align)
        await pilot.press("plus")
        await until(pilot, lambda: "aligning… 40%" in app.sub_title)
        await pilot.press("escape")
        await pilot.pause()
        assert app.alignment is shown and app.threshold == 0.25 and not app.aligning
        assert f"{len(shown.groups)} shared passages · threshold 0.25" in app.sub_title


async def test_a_failed_alignment_is_one_safe_line_and_the_text_stays():
    app = seed_app()
    app.aligner = AlignmentRunner(process_above=0, aligner=broken_align)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await until(pilot, lambda: "alignment failed" in app.sub_title)
        (note,) = [n for n in app._notifications if "no luck" in n.message]
        assert "\x1b" not in note.message and "\n" not in note.message and "\x07" not in note.message
        assert not note.markup and "[bold]" in note.message
        assert app.panes[0].render_line(0).text.strip()
