"""The quotes screen (Q): who is quoted saying what, and where.

Speakers come most quoted first, the unattributed last; under each, their quotes, each with
the other outlets that carry it (verbatim, or partly: the other wording with its word
differences marked) and those that report it without quoting.  ``enter`` on a quote shows it
in its pane.  One ``OptionList`` holds every row (it draws only the lines on screen); the
quotes are found in a worker thread.  Article text is data: rows are Rich ``Text``, never markup.
"""
from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.model import Alignment, Article
from reader.quotes import Quotes, find_quotes
from reader.quotes.listing import Carrier, by_speaker, carriers
from reader.safe_text import one_line, shortened
from reader.ui import keys
from reader.ui.threads import on_ui
from reader.ui.widgets.detail_panel import marked
from reader.ui.worddiff import word_diff
from reader.ui.wording import counted

QUOTE_CHARS = 400  # longer quotes are shortened in the list
LABEL_WIDTH = 22  # the outlet column
HOW = {"verbatim": "verbatim", "partial": "partly"}

Spot = tuple[int, int, int]  # (article, start, end): what enter shows


class QuotesScreen(ModalScreen[Spot | None]):
    """Speakers and their quotes; dismissed with the quote to show, or None."""

    BINDINGS = keys.QUOTES
    DEFAULT_CSS = """
    QuotesScreen { align: center middle; }
    QuotesScreen > OptionList { width: 95%; height: 92%; border: thick $accent; }
    """

    def __init__(self, articles: list[Article], alignment: Alignment | None) -> None:
        super().__init__()
        self.articles = articles
        self.alignment = alignment
        self.spots: dict[str, Spot] = {}
        self.found: Quotes | None = None

    def compose(self) -> ComposeResult:
        yield OptionList(Option(Text("Finding the quotes…", style="dim italic"), disabled=True))

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.border_title = "Quotes: who said what, and which outlets carry it (enter shows it · esc closes)"
        self.run_worker(self._find, thread=True, exclusive=True, group="quotes")

    def _find(self) -> None:
        """In a worker thread: the quotes, and the rows that list them."""
        found = find_quotes(self.articles)
        on_ui(self, self._show, found, quote_rows(self.articles, found, self.alignment))

    def _show(self, found: Quotes, rows: list[tuple[Text | Table, Spot | None]]) -> None:
        self.found = found
        options = self.query_one(OptionList)
        options.clear_options()
        if not rows:
            options.add_option(Option(Text("No quotations found in these articles.", style="dim italic"), disabled=True))
            return
        self.spots = {str(n): spot for n, (_, spot) in enumerate(rows) if spot is not None}
        options.add_options([Option(text, id=str(n), disabled=spot is None) for n, (text, spot) in enumerate(rows)])
        options.highlighted = next((k for k, (_, spot) in enumerate(rows) if spot is not None), None)
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_reveal(event.option.id)

    def action_reveal(self, option_id: str | None = None) -> None:
        options = self.query_one(OptionList)
        if option_id is None and options.highlighted is not None:
            option_id = options.get_option_at_index(options.highlighted).id
        if option_id in self.spots:
            self.dismiss(self.spots[option_id])

    def action_close(self) -> None:
        self.dismiss(None)


def quote_rows(articles: list[Article], found: Quotes, alignment: Alignment | None) -> list[tuple[Text | Table, Spot | None]]:
    """The screen's rows: a speaker's heading (nothing to show), then each quote with where it is."""
    others = carriers(found, alignment)
    rows: list[tuple[Text | Table, Spot | None]] = []
    for who, numbers in by_speaker(found):
        rows.append((_heading(found, who, len(numbers)), None))
        for n in numbers:
            q = found.quotes[n]
            rows.append((_quote(articles, found, n, others[n]), (q.article, q.start, q.end)))
    return rows


def _heading(found: Quotes, who: int | None, count: int) -> Text:
    if who is None:
        return Text(f"Unattributed · {counted(count, 'quote')}", style="bold yellow")
    person = found.people[who]
    line = Text(one_line(person.name), style="bold cyan")
    forms = [f for f in person.forms if f != person.name]
    if forms:
        line.append(f"  ({one_line(', '.join(forms))})", style="dim")
    return line.append(f" · {counted(count, 'quote')}")


def _quote(articles: list[Article], found: Quotes, n: int, others: list[Carrier]) -> Table:
    """A quote beside its outlet, then a line for each other outlet that carries it (lines hang)."""
    q = found.quotes[n]
    text = _flat(q.text)
    grid = Table.grid(padding=(0, 1), pad_edge=True)
    grid.add_column(width=LABEL_WIDTH, style="green", overflow="ellipsis", no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(one_line(articles[q.article].label),
                 Text("“").append(text).append("”" + (" (partial quote)" if q.partial else "")))
    for c in others:
        label = Text(f"↳ {one_line(articles[c.article].label)}", style="dim")
        if c.quote is None:
            grid.add_row(label, Text("reports it without quoting", style="dim"))
            continue
        line = Text(f"quotes it {HOW[c.how]}", style="dim")
        theirs = _flat(found.quotes[c.quote].text)
        if theirs != text:
            line.append(": “", style="dim").append(marked(word_diff(text, theirs), theirs, "new")).append("”", style="dim")
        grid.add_row(label, line)
    return grid


def _flat(text: str) -> str:
    text = one_line(" ".join(text.split()))
    return shortened(text, QUOTE_CHARS)
