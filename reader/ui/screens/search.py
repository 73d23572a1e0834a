"""Search all articles; results list every match with its source, and picking one jumps there."""
from __future__ import annotations

from dataclasses import dataclass, field

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from reader.model import Article
from reader.safe_text import safe
from reader.ui import keys

MAX_RESULTS = 500
CONTEXT = 40  # characters shown each side of a match
LABEL_CELLS = 22  # an article's label in a result


@dataclass(frozen=True)
class Match:
    article: int
    start: int
    end: int


def find_all(articles: list[Article], query: str, first: int = 0) -> list[Match]:
    """Case-insensitive matches of ``query``, the article ``first`` listed first."""
    needle = query.casefold()
    if not needle:
        return []
    order = [first] + [k for k in range(len(articles)) if k != first]
    out: list[Match] = []
    for k in order:
        hay = articles[k].text.casefold()
        if len(hay) != len(articles[k].text):  # casefold changed lengths: fall back to lower()
            hay = articles[k].text.lower()
        pos = hay.find(needle)
        while pos >= 0 and len(out) < MAX_RESULTS:
            out.append(Match(k, pos, pos + len(query)))
            pos = hay.find(needle, pos + 1)
    return out


@dataclass
class SearchResults:
    """The last search: its query, every match, and which one is shown."""

    query: str = ""
    matches: list[Match] = field(default_factory=list)
    shown: int = -1

    def search(self, articles: list[Article], query: str, chosen: Match, first: int) -> Match:
        """Search again (article ``first`` first), showing ``chosen``; returns the match shown."""
        self.query, self.matches = query, find_all(articles, query, first)
        self.shown = self.matches.index(chosen) if chosen in self.matches else 0
        return self.matches[self.shown]

    def step(self, delta: int) -> Match:
        """Show the next (previous) match, round the end."""
        self.shown = (self.shown + delta) % len(self.matches)
        return self.matches[self.shown]

    def in_article(self, article: int) -> list[tuple[int, int]]:
        return [(m.start, m.end) for m in self.matches if m.article == article]


class SearchScreen(ModalScreen[tuple[str, Match] | None]):
    """Type to search; results update as you type; Enter on a result jumps to it."""

    BINDINGS = keys.SEARCH
    DEFAULT_CSS = """
    SearchScreen { align: center top; }
    SearchScreen > Vertical { width: 110; max-width: 96%; height: 80%; margin-top: 2; border: thick $accent; background: $surface; }
    SearchScreen OptionList { height: 1fr; }
    """

    def __init__(self, articles: list[Article], focused: int, query: str = "") -> None:
        super().__init__()
        self.articles = articles
        self.first_article = focused
        self.query_text = query
        self.matches: list[Match] = []

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Input(value=self.query_text, placeholder="Search all articles (this pane's first)…")
            yield OptionList()

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self._refresh(self.query_text)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._refresh(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if self.matches:
            self.dismiss((event.value, self.matches[0]))

    def _refresh(self, query: str) -> None:
        self.matches = find_all(self.articles, query, self.first_article)
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options([Option(self._label(m), id=str(n)) for n, m in enumerate(self.matches)])
        options.border_title = f"{len(self.matches)} match(es)" + (f" (first {MAX_RESULTS})" if len(self.matches) >= MAX_RESULTS else "")

    def _label(self, m: Match) -> Text:
        text = self.articles[m.article].text
        before = safe(text[max(0, m.start - CONTEXT) : m.start]).replace("\n", " ")
        after = safe(text[m.end : m.end + CONTEXT]).replace("\n", " ")
        return Text.assemble((f"{safe(self.articles[m.article].label)[:LABEL_CELLS]:<{LABEL_CELLS}} ", "bold cyan"), "…" + before,
                             (safe(text[m.start : m.end]), "black on yellow"), after + "…")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss((self.query_one(Input).value, self.matches[int(event.option.id)]))

    def action_focus_results(self) -> None:
        self.query_one(OptionList).focus()

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
