"""Choose which article fills the focused pane."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.model import Article
from reader.safe_text import one_line
from reader.ui import keys


class ArticleSwitcher(ModalScreen[int | None]):
    """A list of all articles (outlet and title, then file name and date, so that articles of one
    outlet are told apart); picking one returns its index."""

    BINDINGS = keys.SWITCHER
    DEFAULT_CSS = """
    ArticleSwitcher { align: center middle; }
    ArticleSwitcher > OptionList { width: 100; max-width: 95%; height: 70%; border: thick $accent; }
    """

    def __init__(self, articles: list[Article], current: int, shown: set[int],
                 title: str = "Show which article in this pane? (● = in a pane)") -> None:
        super().__init__()
        self.title_ = title
        self.articles = articles
        self.current = current
        self.shown = shown

    def compose(self) -> ComposeResult:
        yield OptionList(*[Option(self._label(k, a), id=str(k)) for k, a in enumerate(self.articles)])

    def _label(self, k: int, article: Article) -> Text:
        mark = "●" if k in self.shown else " "
        where = " · ".join(x for x in (one_line(article.path.name), one_line(article.meta.date or "")) if x)
        return Text.assemble((f"{mark} {k + 1:>3}  ", "dim"), (one_line(article.label), "bold"), "  ",
                             one_line(article.meta.title or ""), "\n", " " * 7, (where, "dim"))  # two lines

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = self.current
        options.border_title = self.title_

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id))

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
