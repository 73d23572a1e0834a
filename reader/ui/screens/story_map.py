"""The story map screen (M): which source reports which fact, and how; sorted and filtered by
keys; enter opens a cell's passage in its pane.

The screen asks the app to open a passage in a message (``Open``) and closes; it never reaches
into the app."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from reader.model import Group, Passage
from reader.safe_text import one_line
from reader.storymap import NONE, ONLY_ONE, Row, StoryMap, View, describe, label, view_rows
from reader.ui import keys
from reader.ui.widgets.map_cells import LEGEND, GridStyles, grid_styles
from reader.ui.widgets.map_grid import MapGrid

PASSAGE_CHARS = 150  # of the cursor cell's passage, shown under the grid


class StoryMapScreen(ModalScreen[View]):
    """Facts x sources over the current alignment; closing gives back the view last shown."""

    BINDINGS = keys.STORY_MAP
    DEFAULT_CSS = """
    StoryMapScreen > Vertical { width: 100%; height: 100%; background: $surface; }
    StoryMapScreen #map-title { height: 1; background: $accent 30%; padding: 0 1; }
    StoryMapScreen #map-cell { height: 2; padding: 0 1; color: $text-muted; }
    """

    class Open(Message):
        """Show ``passage`` of article ``article`` in its pane, levelled with the other passages of
        ``group`` (None: a sentence only that source reports)."""

        def __init__(self, article: int, passage: Passage, group: Group | None) -> None:
            super().__init__()
            self.article = article
            self.passage = passage
            self.group = group

    def __init__(self, story: StoryMap, view: View = View(), column: int = 0, styles: GridStyles | None = None) -> None:
        super().__init__()
        self.story = story
        self.view = view
        self.rows: list[Row] = []
        self.start_column = column
        self.styles_ = styles

    def compose(self) -> ComposeResult:
        names = [one_line(a.label) for a in self.story.articles]
        with Vertical():
            yield Static(id="map-title")
            yield MapGrid(names, self.styles_ or self._theme_styles())
            yield Static(id="map-cell")
        yield Footer()

    def _theme_styles(self) -> GridStyles:
        colors = self.app.get_css_variables()
        return grid_styles(colors["surface"], colors["foreground"], colors["accent"], self.app.current_theme.dark)

    def on_mount(self) -> None:
        grid = self.query_one(MapGrid)
        grid.column = self.start_column
        self._show()
        grid.focus()

    @property
    def grid(self) -> MapGrid:
        return self.query_one(MapGrid)

    # ---------------------------------------------------------------- what is shown
    def _show(self, keep: Row | None = None) -> None:
        """Show the rows of ``self.view``, the cursor on ``keep`` if it is still shown."""
        self.rows = view_rows(self.story, self.view)
        row = next((n for n, r in enumerate(self.rows) if r is keep), 0)
        count = f"{len(self.rows)} sentences" if self.view.filter == ONLY_ONE else f"{len(self.rows)} facts"
        self.grid.set_rows(self.rows, count, row)
        self._title()

    def _title(self) -> None:
        source = self.view.source
        name = self.story.articles[source].label if source is not None else None
        text = Text(one_line(f"Story map · {describe(self.view, name)} · threshold {self.story.alignment.threshold:g}"),
                    style="bold")
        text.append("   " + LEGEND, style="dim")
        self.query_one("#map-title", Static).update(text)

    def on_map_grid_cell_moved(self, event: MapGrid.CellMoved) -> None:
        self.query_one("#map-cell", Static).update(self._cell_line(event.row, event.column))

    def _cell_line(self, row: int, column: int) -> Text:
        """What the cursor's cell says: the source, how it reports the fact, and its passage."""
        if not self.rows:
            return Text("Nothing to show here: a shows all facts.", style="italic")
        r = self.rows[row]
        cell = r.cell(column)
        source = one_line(self.story.articles[column].label)
        out = Text(source, style="bold")
        if cell.how == NONE:  # what the fact is, in the words of the first source that reports it
            first = min(r.cells)
            passage = r.cells[first].passage
            reporters = ", ".join(self.story.articles[k].label for k in sorted(r.cells))
            return out.append(one_line(f" does not report this. Reported by {r.sources}: {reporters}; enter shows "
                                       f"it in {self.story.articles[first].label}:")).append("\n").append(
                label(self.story.articles[first].text[passage.start : passage.end], PASSAGE_CHARS), style="italic")
        how = {"only": "only this source reports it"}.get(cell.how, cell.how)
        extra = f" ({cell.why}, best link {cell.score:.2f})" if cell.why else (
            f" (best link {cell.score:.2f})" if cell.score is not None else "")
        text = self.story.articles[column].text[cell.passage.start : cell.passage.end]
        by = " · linked by you" if r.by == "user" else ""
        return out.append(one_line(f": {how}{extra}{by}")).append("\n").append(label(text, PASSAGE_CHARS), style="italic")

    # ---------------------------------------------------------------- keys
    def _current(self) -> Row | None:
        return self.rows[self.grid.row] if self.rows else None

    def action_sort(self, how: str) -> None:
        self._set_view(self.view.with_(sort=how, source=self.grid.column))

    def action_filter(self, which: str) -> None:
        if which == self.view.filter and which != "all":
            which = "all"  # the same key again: back to every fact
        self._set_view(self.view.with_(filter=which, source=self.grid.column))

    def _set_view(self, view: View) -> None:
        keep = self._current()
        self.view = view
        self._show(keep)

    def action_choose_source(self) -> None:
        from reader.ui.screens.switcher import ArticleSwitcher

        self.app.push_screen(ArticleSwitcher(self.story.articles, self.grid.column, set(),
                                             title="Which source? (its column; s, p, b, u then refer to it)"),
                             self._source_chosen)

    def _source_chosen(self, column: int | None) -> None:
        if column is None:
            return
        self.grid.move_to(self.grid.row, column)
        if self.view.source is not None:
            self._set_view(self.view.with_(source=column))

    def on_map_grid_cell_chosen(self, event: MapGrid.CellChosen) -> None:
        """Enter: the cell's passage; on a source that does not report the fact, the first that does."""
        row = self.rows[event.row]
        cell = row.cell(event.column)
        article = event.column
        if cell.passage is None:
            article = min(row.cells)
            cell = row.cells[article]
        group = self.story.alignment.groups[row.group] if row.group is not None else None
        self.post_message(self.Open(article, cell.passage, group))
        self.dismiss(self.view)

    def action_close(self) -> None:
        self.dismiss(self.view)
