"""Putting aligned passages level across panes: what the cursor's sentence says, at the same row
in every pane that shows a counterpart."""
from __future__ import annotations

from reader.model import Alignment, Group, Passage
from reader.ui.widgets.article_pane import ArticlePane


def follow(alignment: Alignment, source: ArticlePane, panes: list[ArticlePane], start: int | None = None) -> None:
    """Scroll the other panes so that the passages aligned with the cursor's (or ``start``'s)
    neighbourhood are level with it, their idle cursors on them."""
    for pane in panes:
        found = None if pane is source else alignment.counterpart_above(
            source.article_index, source.cursor if start is None else start, pane.article_index)
        if found is not None:
            sentence, passage = found
            row = source.sentence_line(sentence) - int(source.scroll_offset.y)
            pane.place_line_at_row(pane.line_of(passage.start), row)
            pane.show_counterpart(passage.first_sentence)
        elif pane is not source:
            pane.hide_cursor_mark()


def level(source: ArticlePane, group: Group, panes: list[ArticlePane], flash_seconds: float = 0.0) -> list[Passage]:
    """Put the passages of ``group`` that other panes show level with the cursor's sentence (all
    panes move when a passage near an article's end cannot), cursor on each, flashed if
    ``flash_seconds``; of an article with several passages in the group, the first; the other
    panes show no stale cursor.  Returns those passages."""
    shown = {p.article_index: p for p in panes}
    first: dict[int, Passage] = {}  # an article's first passage in the group (it may hold several)
    for p in group.passages:
        first.setdefault(p.article, p)
    targets = [(shown[a], p) for a, p in first.items() if a in shown and shown[a] is not source]
    own_line = source.sentence_line(source.cursor)
    row = _common_row([(source, own_line)] + [(pane, pane.line_of(p.start)) for pane, p in targets],
                      source.cursor_row())
    source.place_line_at_row(own_line, row)
    for pane, passage in targets:
        pane.place_line_at_row(pane.line_of(passage.start), row)
        pane.show_counterpart(passage.first_sentence)
        if flash_seconds:
            pane.flash(passage.start, passage.end, flash_seconds)
    for pane in set(panes) - {source} - {pane for pane, _ in targets}:
        pane.hide_cursor_mark()
    return [p for _, p in targets]


def _common_row(placements: list[tuple[ArticlePane, int]], preferred: int) -> int:
    """The screen row nearest ``preferred`` at which every pane can show its line (a passage near
    the top or end of a short article cannot move far); ``preferred`` when there is none."""
    lo = max(pane.rows_for_line(line)[0] for pane, line in placements)
    hi = min(pane.rows_for_line(line)[1] for pane, line in placements)
    return min(max(preferred, lo), hi) if lo <= hi else preferred
