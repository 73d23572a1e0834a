"""What the story map shows: its rows, filtered and sorted.

Sorts: ``SOURCES`` (the facts most sources report first) or ``POSITION`` (in the order the
chosen source tells them; the facts it does not report after, most reported first).
Filters: ``ALL`` facts, the ``BLIND_SPOTS`` of the chosen source (facts other sources report
and it leaves out), or ``ONLY_ONE`` (sentences only one source reports: the chosen source's,
or with no source chosen every source's, by source).
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from reader.storymap.table import Row, StoryMap

SOURCES, POSITION = "sources", "position"
ALL, BLIND_SPOTS, ONLY_ONE = "all", "blind-spots", "only-one"
SORTS = (SOURCES, POSITION)
FILTERS = (ALL, BLIND_SPOTS, ONLY_ONE)


@dataclass(frozen=True)
class View:
    """A sort, a filter and the source both may refer to."""

    sort: str = SOURCES
    filter: str = ALL
    source: int | None = None  # the chosen article (POSITION, BLIND_SPOTS, ONLY_ONE)

    def with_(self, **changes) -> View:
        return replace(self, **changes)


def view_rows(story: StoryMap, view: View) -> list[Row]:
    """The rows ``view`` shows, in its order."""
    if view.filter == ONLY_ONE:
        rows = [r for r in story.only_one if view.source is None or view.source in r.cells]
        return rows if view.sort == SOURCES else sorted(rows, key=lambda r: _position_key(r, view.source))
    rows = story.facts
    if view.filter == BLIND_SPOTS and view.source is not None:
        rows = [r for r in rows if view.source not in r.cells]
    if view.sort == POSITION and view.source is not None:
        return sorted(rows, key=lambda r: _position_key(r, view.source))
    return sorted(rows, key=lambda r: (-r.sources, r.group if r.group is not None else -1))


def _position_key(row: Row, source: int | None) -> tuple:
    cell = row.cells.get(source) if source is not None else None
    if cell is not None and cell.passage is not None:
        return (0, cell.passage.start, 0, 0)
    return (1, 0, -row.sources, row.position)


def describe(view: View, source_label: str | None) -> str:
    """The view in words: "facts most sources report first", "blind spots of X, in order of Y"..."""
    name = source_label or "the chosen source"
    what = {ALL: "all facts", BLIND_SPOTS: f"blind spots of {name} (facts others report, it does not)",
            ONLY_ONE: f"sentences only {name} reports" if view.source is not None
            else "sentences only one source reports"}[view.filter]
    order = f"in {name}'s order" if view.sort == POSITION else "most sources first"
    if view.filter == ONLY_ONE and view.sort == SOURCES:
        order = "by source, in text order"
    return f"{what}, {order}"
