"""Colours for alignment groups that stay readable in dark and light themes."""
from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from textual.color import Color

HUES = ["#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4", "#f032e6", "#bfef45",
        "#469990", "#9a6324", "#ffe119", "#800000", "#808000", "#000075"]


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
    """Styles for a theme with these colours: group tints are blended into the background."""
    bg, fg, acc = Color.parse(background), Color.parse(foreground), Color.parse(accent)
    tint = 0.30 if dark else 0.22
    groups = tuple(Style(bgcolor=bg.blend(Color.parse(h), tint).rich_color, color=fg.rich_color) for h in HUES)
    markers = tuple(Style(color=Color.parse(h).rich_color, bold=True) for h in HUES)
    return PaneStyles(
        text=Style(color=fg.rich_color),
        unique=Style(color=fg.blend(bg, 0.35).rich_color),
        groups=groups,
        markers=markers,
        cursor=Style(color=fg.rich_color, bold=True, underline=True),
        cursor_idle=Style(),
        caret=Style(color=acc.rich_color, bold=True),
        caret_idle=Style(color=fg.blend(bg, 0.5).rich_color),
        flash=Style(bgcolor=acc.rich_color, color=bg.rich_color, bold=True),
        match=Style(bgcolor=Color.parse("#ffd700").rich_color, color=Color.parse("#000000").rich_color),
        highlight=Style(underline=True, bold=True, color=Color.parse("#ff00ff" if dark else "#a000a0").rich_color),
        selection=Style(reverse=True),
        gap=Style(color=fg.blend(bg, 0.6).rich_color, italic=True),
    )
