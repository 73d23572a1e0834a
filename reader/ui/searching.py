"""The app's search: the dialog (/), n and N, and the matches drawn in the panes.

``Searcher`` is a helper the app owns; all it needs of the app is ``SearchHost``."""
from __future__ import annotations

from typing import Protocol

from reader.safe_text import safe
from reader.ui.host import Host
from reader.ui.notices import BRIEF
from reader.ui.text_search import Match, SearchIndex, SearchOptions, SearchResults
from reader.ui.widgets.article_pane import ArticlePane


class SearchHost(Host, Protocol):
    """What the search needs of the app."""

    @property
    def focused_pane(self) -> ArticlePane: ...


class Searcher:
    """The last search, and what a person does with it."""

    def __init__(self, host: SearchHost) -> None:
        self.host = host
        self.index = SearchIndex(host.articles)
        self.last = SearchResults()

    def open(self) -> None:
        """The search dialog, with the last query and options."""
        from reader.ui.screens.search import SearchScreen

        screen = SearchScreen(self.index, self.host.focused_pane.article_index, self.last.query, self.last.options)
        self.host.push_screen(screen, self._done)

    def _done(self, result: tuple[str, SearchOptions, Match] | None) -> None:
        if result is not None:
            self._show(self.last.search(self.index, *result, self.host.focused_pane.article_index))

    def step(self, delta: int) -> None:
        """Show the next (previous) match."""
        if not self.last.matches:
            self.host.notify("No search yet: press / to search.", timeout=BRIEF)
            return
        self._show(self.last.step(delta))

    def in_article(self, article: int) -> list[tuple[int, int]]:
        return self.last.in_article(article)

    def _show(self, match: Match) -> None:
        for pane in self.host.panes:
            pane.set_matches(self.last.in_article(pane.article_index))
        self.host.reveal(match.article, match.start, match.end)
        self.host.notify(f"Match {self.last.shown + 1} of {len(self.last.matches)}: "
                         f"{safe(self.host.articles[match.article].label)}", timeout=BRIEF, markup=False)
