"""What the app's helpers (``Highlighter``, ``Searcher``) need of the app, and nothing more."""
from __future__ import annotations

from typing import Any, Protocol

from reader.model import Article
from reader.ui.widgets.article_pane import ArticlePane


class Host(Protocol):
    """The open articles, their panes, and the ways to tell, ask and show."""

    articles: list[Article]

    @property
    def panes(self) -> list[ArticlePane]: ...

    def notify(self, message: str, *, title: str = "", severity: Any = "information", timeout: float | None = None,
               markup: bool = True) -> None: ...

    def push_screen(self, screen: Any, callback: Any = None) -> Any: ...

    def reveal(self, article: int, start: int, end: int) -> None:
        """Show [start, end) of ``article`` in a pane, the cursor on it, and flash it."""
