"""Snapshots of the main screen (dark and light), the help screen, the detail panel, the
highlights panel, the tag dialog and the story map."""
from __future__ import annotations

import pytest
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


async def _story_map(pilot) -> None:
    await settle(pilot)
    _no_toasts(pilot.app)
    await pilot.press("M", "j", "l")  # the second fact, The Gateway Pundit's cell
    await pilot.pause()


def test_story_map(snap_compare):
    assert snap_compare(seed_app(), terminal_size=SIZE, run_before=_story_map)


def _no_toasts(app) -> None:
    """Toasts come and go with time: keep them out of the picture."""
    app.notify = lambda *args, **kwargs: None


async def _tag_dialog(pilot) -> None:
    await settle(pilot)
    _no_toasts(pilot.app)
    await pilot.press("tab", "right_square_bracket", "m", *"quote/paul sanctions", "enter", *"Said twice.")
    await settle(pilot)


async def _highlights_panel(pilot) -> None:
    await settle(pilot)
    _no_toasts(pilot.app)
    await pilot.press("m", *"alpha", "ctrl+s")
    await settle(pilot)  # saved in the store's worker before the next highlight
    await pilot.press("tab", "right_square_bracket", "m", *"quote/paul", "enter", *"A note", "ctrl+s")
    await settle(pilot)
    await pilot.press("H")
    await settle(pilot)


def test_tag_dialog(snap_compare, tmp_path):
    app = seed_app(database=tmp_path / "h.db")
    assert snap_compare(app, terminal_size=SIZE, run_before=_tag_dialog)


def test_highlights_panel(snap_compare, tmp_path):
    app = seed_app(database=tmp_path / "h.db")
    assert snap_compare(app, terminal_size=SIZE, run_before=_highlights_panel)


CLOSE_WORDINGS = [
    ("senate-wire.txt", "Source: Senate Wire\n\nThe senator met the speaker of the Duma in Moscow on Monday and "
                        "said he would oppose new sanctions.\n\nNothing else happened.\n"),
    ("capitol-daily.txt", "Source: Capitol Daily\n\nOn Monday the senator met the chairman of the Duma in Moscow, "
                          "and said he will oppose the new sanctions.\n\nThe rest is unrelated.\n"),
]


class OneGroupAligner:
    """The first sentences of the two articles form one group."""

    def run(self, articles, threshold, progress=None):
        from reader.model import Alignment, Group, Passage

        passages = [Passage(k, a.sentences[0].start, a.sentences[0].end, 0, 0) for k, a in enumerate(articles)]
        return Alignment(articles, [Group(0.6, passages, {(0, 1): 0.6})], threshold)

    def stop(self) -> None:
        pass


def test_detail_panel_word_diff(snap_compare, tmp_path):
    from reader.articles.loading import load_article
    from reader.ui.app import ReaderApp

    for name, text in CLOSE_WORDINGS:
        (tmp_path / name).write_text(text, encoding="utf-8")
    app = ReaderApp([load_article(tmp_path / name) for name, _ in CLOSE_WORDINGS], threshold=0.25)
    app.aligner = OneGroupAligner()

    async def open_detail(pilot):
        await settle(pilot)
        await pilot.press("d")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(120, 24), run_before=open_detail)


async def _highlight_beside_the_cursor(pilot) -> None:
    await settle(pilot)
    _no_toasts(pilot.app)
    await pilot.press("m", *"fact", "ctrl+s", "j")  # a highlight, and the cursor on the next sentence
    await settle(pilot)


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
def test_highlight_and_cursor_look_different(snap_compare, tmp_path, theme):
    app = seed_app(theme=theme, database=tmp_path / "h.db")
    assert snap_compare(app, terminal_size=(120, 24), run_before=_highlight_beside_the_cursor)
