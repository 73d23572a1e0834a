"""The story map's grid: facts down, sources across, drawn with the Line API (only the lines on
screen, strips cached), so 200 sources and thousands of rows stay fast.

The fact column and the header stay put; the source columns scroll sideways a whole column at
a time.  The grid owns a cell cursor and never reaches up: it posts ``CellMoved`` when the
cursor moves and ``CellChosen`` on enter."""
from __future__ import annotations

from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.storymap import Row
from reader.ui import keys
from reader.ui.widgets.map_cells import GridStyles, columns_for, header_segments, row_segments

CACHED_STRIPS = 512
HEADER_LINES = 1


class MapGrid(ScrollView, can_focus=True):
    """Rows of facts, a column per source, a cell cursor."""

    BINDINGS = keys.MAP_GRID
    DEFAULT_CSS = """
    MapGrid { height: 1fr; width: 1fr; background: $surface; scrollbar-size-vertical: 1; scrollbar-size-horizontal: 1; }
    """

    class CellMoved(Message):
        """The cursor is on ``row`` (an index into the rows shown), column ``column`` (an article)."""

        def __init__(self, grid: MapGrid, row: int, column: int) -> None:
            super().__init__()
            self.grid, self.row, self.column = grid, row, column

    class CellChosen(CellMoved):
        """Enter on the cursor's cell: open it."""

    def __init__(self, names: list[str], styles: GridStyles, **kwargs) -> None:
        super().__init__(**kwargs)
        self.names = names  # a column header per source (terminal-safe)
        self.styles_ = styles
        self.rows: list[Row] = []
        self.title = ""
        self.row = 0
        self.column = 0
        self.cols = columns_for(80, len(names))
        self._cache: LRUCache[tuple, Strip] = LRUCache(CACHED_STRIPS)

    # ---------------------------------------------------------------- content
    def set_rows(self, rows: list[Row], title: str, row: int = 0) -> None:
        """Show ``rows`` (the header's first cell says ``title``), the cursor on ``row``."""
        self.rows = rows
        self.title = title
        self._forget()
        self._resize_virtual()
        self.move_to(row, self.column)

    def _forget(self) -> None:
        """Drop the cached strips (new rows or widths) and redraw."""
        self._cache.clear()
        self.refresh()

    def on_resize(self) -> None:
        self._resize_virtual()
        self.scroll_cursor_into_view()

    def _resize_virtual(self) -> None:
        width = self.scrollable_content_region.width or self.size.width or 80
        self.cols = columns_for(width, len(self.names))
        wide = self.cols.fixed + len(self.names) * self.cols.cell
        spare = self.cols.cell if wide > width else 0  # so that the last column can scroll fully into view
        self.virtual_size = Size(wide + spare, HEADER_LINES + len(self.rows))
        self._forget()

    @property
    def first_column(self) -> int:
        """The first source column on screen (columns scroll whole)."""
        return int(self.scroll_offset.x) // self.cols.cell

    @property
    def columns_shown(self) -> int:
        return max(1, (self.scrollable_content_region.width - self.cols.fixed) // self.cols.cell)

    @property
    def rows_shown(self) -> int:
        return max(1, self.scrollable_content_region.height - HEADER_LINES)

    # ---------------------------------------------------------------- drawing
    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        first = self.first_column
        last = min(len(self.names), first + self.columns_shown)
        if y < HEADER_LINES:
            key = ("header", first, width, self.column)
            make = lambda: header_segments(self.names, self.cols, first, last, self.column, self.title,  # noqa: E731
                                           self.styles_)
        else:
            index = int(self.scroll_offset.y) + y - HEADER_LINES
            if index >= len(self.rows):
                return Strip.blank(width, self.styles_.base)
            on_row = self.column if index == self.row else None
            key = (index, first, width, on_row)
            make = lambda: row_segments(self.rows[index], self.cols, first, last, on_row, self.styles_)  # noqa: E731
        strip = self._cache.get(key)
        if strip is None:
            strip = Strip(make()).adjust_cell_length(width, self.styles_.base)
            self._cache[key] = strip
        return strip

    # ---------------------------------------------------------------- cursor
    def move_to(self, row: int, column: int) -> None:
        """Put the cursor on (``row``, ``column``), within bounds, and bring it into view."""
        self.row = max(0, min(row, len(self.rows) - 1))
        self.column = max(0, min(column, len(self.names) - 1))
        self.refresh()  # the cursor is in the cache keys: nothing to forget
        self.scroll_cursor_into_view()
        self.post_message(self.CellMoved(self, self.row, self.column))

    def scroll_cursor_into_view(self) -> None:
        y, first = int(self.scroll_offset.y), self.first_column
        if self.row < y:
            y = self.row
        elif self.row >= y + self.rows_shown:
            y = self.row - self.rows_shown + 1
        if self.column < first:
            first = self.column
        elif self.column >= first + self.columns_shown:
            first = self.column - self.columns_shown + 1
        self.scroll_to(x=first * self.cols.cell, y=y, animate=False, immediate=True)

    def action_move(self, rows: int, columns: int) -> None:
        self.move_to(self.row + rows, self.column + columns)

    def action_page(self, direction: int) -> None:
        self.move_to(self.row + direction * self.rows_shown, self.column)

    def action_edge(self, direction: int) -> None:
        self.move_to(0 if direction < 0 else len(self.rows) - 1, self.column)

    def action_side(self, direction: int) -> None:
        self.move_to(self.row, 0 if direction < 0 else len(self.names) - 1)

    def action_choose(self) -> None:
        if self.rows:
            self.post_message(self.CellChosen(self, self.row, self.column))

    def on_click(self, event) -> None:
        """A click puts the cursor on the cell under the mouse."""
        if event.y < HEADER_LINES:
            return
        x = event.x - self.cols.fixed
        column = self.first_column + x // self.cols.cell if x >= 0 else self.column
        self.move_to(int(self.scroll_offset.y) + event.y - HEADER_LINES, column)
