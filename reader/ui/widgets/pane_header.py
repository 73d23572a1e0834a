"""The line above a pane: source, title, date and author of its article."""
from __future__ import annotations

from rich.console import Group as RichGroup
from rich.text import Text
from textual.widgets import Static

from reader.model import Article
from reader.safe_text import safe


class PaneHeader(Static):
    """Source and title in bold, then date and author; article text is never markup."""

    DEFAULT_CSS = """
    PaneHeader { height: 3; padding: 0 1; background: $boost; color: $text; }
    """

    _shown: tuple = ()

    def show(self, article: Article, index: int, total: int) -> None:
        if self._shown == (id(article), index, total):
            return  # unchanged: skip the re-layout an update costs
        self._shown = (id(article), index, total)
        meta = article.meta
        line1 = Text.assemble((f"{index + 1}/{total} ", "dim"), (safe(meta.source or article.label), "bold"))
        details = " · ".join(x for x in (meta.date or "", safe(meta.author)) if x)
        lines = [line1, Text(safe(meta.title), style="italic"), Text(details, style="dim")]  # no byline: empty
        for line in lines:  # one row each, cut with an ellipsis
            line.no_wrap, line.overflow = True, "ellipsis"
        self.update(RichGroup(*lines))
