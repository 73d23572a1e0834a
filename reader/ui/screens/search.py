"""Search the articles (all, or this pane's); results list every match with its source, and
picking one jumps there.  What matches is ``text_search``'s: case and accents folded, and
optionally the aligner's name variants."""
from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from reader.safe_text import safe
from reader.ui import keys
from reader.ui.keymap import bound_keys
from reader.ui.text_search import MAX_RESULTS, Match, SearchIndex, SearchOptions
from reader.ui.wording import counted

CONTEXT = 40  # characters shown each side of a match
LABEL_CELLS = 22  # an article's label in a result


class SearchScreen(ModalScreen[tuple[str, SearchOptions, Match] | None]):
    """Type to search; results update as you type; Enter on a result jumps to it.  Returns the
    query, the options and the match chosen."""

    BINDINGS = keys.SEARCH
    DEFAULT_CSS = """
    SearchScreen { align: center top; }
    SearchScreen > Vertical { width: 110; max-width: 96%; height: 80%; margin-top: 2; border: thick $accent; background: $surface; }
    SearchScreen OptionList { height: 1fr; }
    SearchScreen #options { color: $text-muted; padding: 0 1; }
    """

    def __init__(self, index: SearchIndex, focused: int, query: str = "",
                 options: SearchOptions = SearchOptions()) -> None:
        super().__init__()
        self.index = index
        self.articles = index.articles
        self.first_article = focused
        self.query_text = query
        self.options = options
        self.matches: list[Match] = []

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Input(value=self.query_text, placeholder="Search (case and accents do not matter)…")
            yield Static(id="options")
            yield OptionList()

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self._refresh(self.query_text)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._refresh(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if self.matches:
            self.dismiss((event.value, self.options, self.matches[0]))

    def action_toggle_scope(self) -> None:
        self.options = replace(self.options, this_pane=not self.options.this_pane)
        self._refresh(self.query_one(Input).value)

    def action_toggle_variants(self) -> None:
        self.options = replace(self.options, variants=not self.options.variants)
        self._refresh(self.query_one(Input).value)

    def _show_options(self) -> None:
        """Where the search looks and whether it takes name variants, with the keys that change it."""
        here = safe(self.articles[self.first_article].label)
        scope = f"only {here}" if self.options.this_pane else f"all articles ({here} first)"
        variants = "also name variants (Kosachev ~ Kosachyov)" if self.options.variants else "exact names"
        self.query_one("#options", Static).update(Text(
            f"In {scope} · {bound_keys(self, 'search_scope')}: this pane / all   ·   "
            f"{variants} · {bound_keys(self, 'search_variants')}: on / off"))

    def _refresh(self, query: str) -> None:
        self._show_options()
        self.matches = self.index.find(query, self.first_article, self.options)
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options([Option(self._label(m), id=str(n)) for n, m in enumerate(self.matches)])
        options.border_title = counted(len(self.matches), "match", "matches") + (f" (first {MAX_RESULTS})" if len(self.matches) >= MAX_RESULTS else "")

    def _label(self, m: Match) -> Text:
        text = self.articles[m.article].text
        before = safe(text[max(0, m.start - CONTEXT) : m.start]).replace("\n", " ")
        after = safe(text[m.end : m.end + CONTEXT]).replace("\n", " ")
        return Text.assemble((f"{safe(self.articles[m.article].label)[:LABEL_CELLS]:<{LABEL_CELLS}} ", "bold cyan"), "…" + before,
                             (safe(text[m.start : m.end]), "black on yellow"), after + "…")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss((self.query_one(Input).value, self.options, self.matches[int(event.option.id)]))

    def action_focus_results(self) -> None:
        self.query_one(OptionList).focus()

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
