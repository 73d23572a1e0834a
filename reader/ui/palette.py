"""Colours for alignment groups that stay readable in dark and light themes, and apart for
people with colour-vision deficiencies (benchmarks/palette_vision.py prints how far apart)."""
from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from textual.color import Color

from reader.ui.colour_vision import contrast, readable

# Paul Tol's "bright" scheme (without its grey, which would read as "no group"): distinct in
# normal vision and with deuteranopia, protanopia and tritanopia
HUES = ["#4477aa", "#ee6677", "#228833", "#ccbb44", "#66ccee", "#aa3377"]
TINT = 0.40  # how much of a group's colour is blended into the background under its text
SHADE_ON_LIGHT = 0.35  # group bars darkened this much on a light background (3:1 contrast)
MARK_CONTRAST = 4.5  # the cursor caret against the background
HIGHLIGHT = {True: "#ff79c6", False: "#a0108a"}  # a highlight's text colour in dark (True) and light themes


@dataclass(frozen=True)
class PaneStyles:
    """Every style a pane draws with, derived from the current theme."""

    text: Style
    unique: Style
    groups: tuple[Style, ...]
    markers: tuple[Style, ...]
    cursor: Style
    cursor_idle: Style
    caret: Style  # the gutter mark on the cursor sentence's lines
    caret_idle: Style
    flash: Style
    match: Style
    highlight: Style
    selection: Style
    gap: Style

    def group(self, n: int) -> Style:
        return self.groups[n % len(self.groups)]

    def marker(self, n: int) -> Style:
        return self.markers[n % len(self.markers)]


def pane_styles(background: str, foreground: str, accent: str, dark: bool) -> PaneStyles:
    """Styles for a theme with these colours: group tints are blended into the background; the
    cursor is bold and underlined, a highlight italic and coloured (never the same look)."""
    bg, fg, acc = Color.parse(background), Color.parse(foreground), Color.parse(accent)
    groups = tuple(Style(bgcolor=bg.blend(Color.parse(h), TINT).rich_color, color=fg.rich_color) for h in HUES)
    markers = tuple(Style(color=c.rich_color, bold=True) for c in group_bar_colours(dark))
    caret = _colour(readable(_rgb(acc), _rgb(bg), MARK_CONTRAST))
    on_accent = max((fg, bg), key=lambda c: contrast(_rgb(c), _rgb(acc)))
    return PaneStyles(
        text=Style(color=fg.rich_color),
        unique=Style(color=fg.blend(bg, 0.35).rich_color),
        groups=groups,
        markers=markers,
        cursor=Style(color=fg.rich_color, bold=True, underline=True),
        cursor_idle=Style(),
        caret=Style(color=caret.rich_color, bold=True),
        caret_idle=Style(color=fg.blend(bg, 0.5).rich_color),
        flash=Style(bgcolor=acc.rich_color, color=on_accent.rich_color, bold=True),
        match=Style(bgcolor=Color.parse("#ffd700").rich_color, color=Color.parse("#000000").rich_color),
        highlight=Style(italic=True, color=Color.parse(HIGHLIGHT[dark]).rich_color),
        selection=Style(reverse=True),
        gap=Style(color=fg.blend(bg, 0.6).rich_color, italic=True),
    )


def group_bar_colours(dark: bool) -> list[Color]:
    """The colour of each group's bar in the gutter: the hues, darkened on a light background."""
    hues = [Color.parse(h) for h in HUES]
    return hues if dark else [c.blend(Color(0, 0, 0), SHADE_ON_LIGHT) for c in hues]


def _rgb(c: Color) -> tuple[int, int, int]:
    return c.r, c.g, c.b


def _colour(rgb: tuple[int, int, int]) -> Color:
    return Color(*rgb)
