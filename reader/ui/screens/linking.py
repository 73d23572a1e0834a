"""The dialogs of manual corrections: confirm a link (L), choose which counterpart to unlink (U).
Passages are article text: shown as data, never as markup."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.safe_text import one_line, shortened
from reader.ui import keys

SHOWN = 300  # characters of a passage shown in a dialog

Labelled = tuple[str, str]  # (article label, passage text)


def _passage(label: str, text: str) -> Text:
    flat = one_line(" ".join(text.split()))
    return Text.assemble((one_line(label), "bold cyan"), ": ", shortened(flat, SHOWN + 1))


class ConfirmLink(ModalScreen[bool]):
    """Link these two passages?  enter / y: yes; esc / n: no."""

    BINDINGS = keys.CONFIRM_LINK
    DEFAULT_CSS = """
    ConfirmLink { align: center middle; }
    ConfirmLink > Vertical { width: 100; max-width: 95%; height: auto; border: thick $accent; background: $surface;
                             padding: 0 1; }
    ConfirmLink Static { margin-bottom: 1; }
    """

    def __init__(self, passages: list[Labelled]) -> None:
        super().__init__()
        self.passages = passages

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text("Link these passages as the same fact? (kept in the highlights database)", style="bold"))
            for label, text in self.passages:
                yield Static(_passage(label, text))
            yield Static(Text("enter: link them · esc: cancel", style="dim"))

    def action_confirm(self) -> None:
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)


class UnlinkChooser(ModalScreen[int | None]):
    """Which counterpart of the cursor passage to unlink; returns its number in the list."""

    BINDINGS = keys.UNLINK_CHOOSER
    DEFAULT_CSS = """
    UnlinkChooser { align: center middle; }
    UnlinkChooser > OptionList { width: 100; max-width: 95%; height: auto; max-height: 70%; border: thick $accent; }
    """

    def __init__(self, passages: list[Labelled]) -> None:
        super().__init__()
        self.passages = passages

    def compose(self) -> ComposeResult:
        yield OptionList(*[Option(_passage(label, text), id=str(k)) for k, (label, text) in enumerate(self.passages)])

    def on_mount(self) -> None:
        self.query_one(OptionList).border_title = "Unlink which counterpart? (enter: unlink · esc: cancel)"

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id))

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
