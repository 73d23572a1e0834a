"""Colours people can tell apart: the group palette with colour-vision deficiencies (Machado 2009
simulation, CIEDE2000), contrast of marks and borders in dark and light themes, and a highlight
that never looks like the cursor."""
from __future__ import annotations

import pytest
from ui_support import running, seed_app

from reader.ui.colour_vision import closest_pair, contrast, delta_e, lab

THEMES = ["textual-dark", "textual-light"]


def rgb(rich_colour) -> tuple[int, int, int]:
    t = rich_colour.get_truecolor()
    return t.red, t.green, t.blue


def test_ciede2000_matches_sharmas_reference_pairs():
    assert delta_e((50, 2.6772, -79.7751), (50, 0, -82.7485)) == pytest.approx(2.0425, abs=1e-4)
    assert delta_e((50, 2.5, 0), (73, 25, -18)) == pytest.approx(27.1492, abs=1e-4)
    assert lab((255, 255, 255))[0] == pytest.approx(100, abs=0.01)


@pytest.mark.parametrize("theme", THEMES)
async def test_group_colours_stay_apart_with_deuteranopia_and_protanopia(theme):
    app = seed_app(theme=theme)
    async with running(app, (160, 45)):
        st = app.panes[0].styles_
        bars = [rgb(s.color) for s in st.markers]
        tints = [rgb(s.bgcolor) for s in st.groups]
        assert closest_pair(bars)[0] >= 15
        assert closest_pair(bars, "deuteranopia")[0] >= 10 and closest_pair(bars, "protanopia")[0] >= 8
        assert closest_pair(tints, "deuteranopia")[0] >= 5 and closest_pair(tints, "protanopia")[0] >= 5
        text = rgb(st.text.color)  # text stays readable on every tint
        assert min(contrast(text, t) for t in tints) >= 4.5


@pytest.mark.parametrize("theme", THEMES)
async def test_marks_and_pane_borders_stand_out_from_the_background(theme):
    app = seed_app(theme=theme)
    async with running(app, (160, 45)):
        st = app.panes[0].styles_
        background = app.get_css_variables()["background"]
        bg = tuple(int(background[i:i + 2], 16) for i in (1, 3, 5))
        assert contrast(rgb(st.caret.color), bg) >= 4.5, "the cursor's caret"
        assert contrast(rgb(st.flash.color), rgb(st.flash.bgcolor)) >= 4.5, "text in a flash"
        assert min(contrast(rgb(s.color), bg) for s in st.markers) >= 3, "group bars"
        column = app.query(".column").first()
        border = column.styles.border_left[1]
        drawn = app.screen.styles.background.blend(border, border.a)
        assert contrast((drawn.r, drawn.g, drawn.b), bg) >= 3, "pane borders"


@pytest.mark.parametrize("theme", THEMES)
async def test_a_highlight_never_looks_like_the_cursor(theme):
    app = seed_app(theme=theme)
    async with running(app, (160, 45)):
        st = app.panes[0].styles_
        look = lambda s: {a for a in ("bold", "underline", "italic", "reverse") if getattr(s, a)}  # noqa: E731
        assert look(st.cursor) == {"bold", "underline"}
        assert look(st.highlight) and not look(st.highlight) & look(st.cursor), "different marks, not just colour"
        assert app.highlight_style() == st.highlight
