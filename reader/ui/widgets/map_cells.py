"""How the story map's grid draws: column widths, and each line as Rich segments (pure functions;
``MapGrid`` caches the strips).  Labels and names are data: already terminal-safe, and drawn as
segments, never parsed as markup."""
from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style

from reader.storymap import COPIED, NONE, ONLY, PARAPHRASED, PARTLY, Row

LABEL_SHARE, LABEL_MAX = 60, 90  # the fact column: 40% of the screen up to LABEL_SHARE, more (to LABEL_MAX) when room is left
COUNT_CELLS = 4  # "  3 ": how many sources report it
CELL_WANTED, CELL_MIN, CELL_MAX = 16, 4, 24  # a source column's width (words from 12 cells, narrower: symbols)
NAMED_CELLS = 8  # a narrower column is headed by its source's number (the line under the grid names it)
MARK_USER = "✎"  # a fact the user linked by hand
WORDS = {COPIED: "copied", PARAPHRASED: "paraphrased", PARTLY: "partly", ONLY: "only", NONE: "·"}
SYMBOLS = {COPIED: "■", PARAPHRASED: "●", PARTLY: "◐", ONLY: "◆", NONE: "·"}
LEGEND = "■ copied  ● paraphrased  ◐ partly  ◆ only this source  · not reported  ✎ linked by you"


@dataclass(frozen=True)
class GridStyles:
    """The grid's styles (from the theme's colours)."""

    base: Style
    header: Style
    kinds: dict[str, Style]
    cursor: Style  # the cursor cell
    cursor_row: Style  # the rest of the cursor's row
    user: Style


def grid_styles(background: str, foreground: str, accent: str, dark: bool) -> GridStyles:
    """Styles readable on the theme's background; the cursor's row tinted with its accent."""
    from textual.color import Color

    bg = Color.parse(background)
    base = Style(color=Color.parse(foreground).rich_color, bgcolor=bg.rich_color)
    tint = bg.blend(Color.parse(accent), 0.3)
    kinds = {COPIED: Style(color="magenta" if dark else "dark_magenta", bold=True),
             PARAPHRASED: Style(color="green" if dark else "dark_green"),
             PARTLY: Style(color="yellow" if dark else "dark_orange3"),
             ONLY: Style(color="cyan" if dark else "dark_cyan"),
             NONE: Style(dim=True)}
    kinds = {how: base + style for how, style in kinds.items()}  # on the widget's background
    return GridStyles(base, base + Style(bold=True), kinds, base + Style(reverse=True, bold=True),
                      base + Style(bgcolor=tint.rich_color), base + Style(color="yellow", bold=True))


@dataclass(frozen=True)
class Columns:
    """Widths of the fact column and of each source column."""

    label: int
    cell: int

    @property
    def fixed(self) -> int:
        """The columns that never scroll: the fact and its count."""
        return self.label + COUNT_CELLS


def columns_for(width: int, count: int) -> Columns:
    """The label takes 40% of ``width`` (up to LABEL_SHARE cells), or what CELL_WANTED-cell sources
    leave (up to LABEL_MAX); the sources share the rest, each between CELL_MIN and CELL_MAX cells
    (too many to fit: they scroll)."""
    label = max(min(LABEL_SHARE, width * 2 // 5), min(LABEL_MAX, width - COUNT_CELLS - count * CELL_WANTED))
    room = max(CELL_MIN, width - label - COUNT_CELLS)
    cell = max(CELL_MIN, min(CELL_MAX, room // max(1, count)))
    return Columns(label, cell)


def fit_text(text: str, width: int) -> str:
    """``text`` cut (with "…") or padded to exactly ``width`` cells."""
    if width <= 0:
        return ""
    if cell_len(text) > width:
        out = ""
        for ch in text:
            if cell_len(out + ch) > width - 1:
                break
            out += ch
        text = out + "…"
    return text + " " * (width - cell_len(text))


def cell_text(how: str, width: int) -> str:
    """A cell's mark, centred in ``width`` - 1 cells and a blank gap: words when the longest fits
    (every column alike), else symbols."""
    mark = WORDS[how] if width - 1 >= len(WORDS[PARAPHRASED]) else SYMBOLS[how]
    return mark.center(width - 1)[: width - 1] + " "


def header_segments(names: list[str], cols: Columns, first: int, last: int, cursor_col: int,
                    title: str, styles: GridStyles) -> list[Segment]:
    """The header line: the fact column's title, then the names (or numbers, when narrow) of
    sources ``first``..``last``."""
    out = [Segment(fit_text(title, cols.label) + "  # ", styles.header)]
    for k in range(first, last):
        style = styles.cursor if k == cursor_col else styles.header
        name = names[k] if cols.cell >= NAMED_CELLS else str(k + 1).rjust(cols.cell - 1)
        out.append(Segment(fit_text(name, cols.cell - 1), style))
        out.append(Segment(" ", styles.base))
    return out


def row_segments(row: Row, cols: Columns, first: int, last: int, cursor_col: int | None,
                 styles: GridStyles) -> list[Segment]:
    """One fact's line: its label, how many sources report it, and a mark per source
    ``first``..``last``; ``cursor_col`` is the cursor's column on the cursor's row, else None."""
    on_row = cursor_col is not None
    lead = styles.cursor_row if on_row else styles.base
    out = []
    if row.by == "user":
        out.append(Segment(MARK_USER + " ", styles.user))
        out.append(Segment(fit_text(row.label, cols.label - 2), lead))
    else:
        out.append(Segment(fit_text(row.label, cols.label), lead))
    out.append(Segment(f"{row.sources:>3} ", lead))
    for k in range(first, last):
        how = row.cell(k).how
        style = styles.cursor if k == cursor_col else styles.kinds[how]
        out.append(Segment(cell_text(how, cols.cell), style))
    return out
