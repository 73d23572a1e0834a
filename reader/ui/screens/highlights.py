"""The highlights panel: filter, jump, edit, delete with undo, rename a tag."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from reader.highlights.model import Highlight
from reader.safe_text import safe
from reader.ui import keys

LABEL_CELLS = 20  # an article's label in a row
QUOTE_CHARS = 90  # the start of the quote shown in a row


class HighlightsScreen(ModalScreen[None]):
    """All highlights. Type to filter (the filter has the focus when the panel opens): words match
    the text, #tag a tag, @name an article; ↓ or enter goes to the list, where its keys act.

    What to do with a highlight is asked of the app in a message (``Jump``, ``Edit``, ``Delete``,
    ``Undo``, ``RenameTag``, ``Reattach``); the app answers with ``refresh_rows``."""

    BINDINGS = keys.HIGHLIGHTS_PANEL
    DEFAULT_CSS = """
    HighlightsScreen { align: center middle; }
    HighlightsScreen > Vertical { width: 120; max-width: 96%; height: 85%; border: thick $accent; background: $surface; }
    HighlightsScreen OptionList { height: 1fr; }
    """

    class Chosen(Message):
        """Something to do with the highlight chosen in the panel."""

        def __init__(self, highlight: Highlight) -> None:
            super().__init__()
            self.highlight = highlight

    class Jump(Chosen):
        """Show the highlight in its article (the panel has closed)."""

    class Edit(Chosen):
        """Edit the highlight's tags and note."""

    class Delete(Chosen):
        """Delete the highlight (it can be undone)."""

    class RenameTag(Chosen):
        """Rename a tag everywhere, starting from the highlight's first tag."""

    class Reattach(Chosen):
        """Put an orphaned highlight on its quote in an article the user picks."""

    class Undo(Message):
        """Bring back the highlight deleted last."""

    def __init__(self, rows: list[tuple[Highlight, str, str]]) -> None:
        """rows: (highlight, article label, status)."""
        super().__init__()
        self.rows = rows
        self.shown: list[tuple[Highlight, str, str]] = []

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Input(placeholder="Type to filter: words, #tag, @source · ↓ list: enter jump · e edit · x delete · "
                                    "u undo · r rename tag")
            yield OptionList()

    def on_mount(self) -> None:
        self.refresh_rows(self.rows)
        self.query_one(Input).focus()

    LIST_ACTIONS = ("jump", "edit", "delete", "undo", "rename")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The list's keys act only on the list: typed into the filter, they are text."""
        return action not in self.LIST_ACTIONS or isinstance(self.focused, OptionList)

    def refresh_rows(self, rows: list[tuple[Highlight, str, str]]) -> None:
        self.rows = rows
        self._apply(self.query_one(Input).value)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._apply(event.value)

    def on_input_submitted(self) -> None:
        self.query_one(OptionList).focus()

    def _apply(self, query: str) -> None:
        words = query.lower().split()
        tags = [w[1:] for w in words if w.startswith("#") and len(w) > 1]
        names = [w[1:] for w in words if w.startswith("@") and len(w) > 1]
        text = [w for w in words if w[0] not in "#@"]
        self.shown = [r for r in self.rows if _matches(r, tags, names, text)]
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        options.clear_options()
        options.add_options([Option(_label(*r), id=r[0].id) for r in self.shown])
        if self.shown:
            options.highlighted = min(highlighted or 0, len(self.shown) - 1)
        options.border_title = f"{len(self.shown)} of {len(self.rows)} highlights"

    def _current(self) -> Highlight | None:
        k = self.query_one(OptionList).highlighted
        return self.shown[k][0] if k is not None and 0 <= k < len(self.shown) else None

    def on_option_list_option_selected(self) -> None:
        self.action_jump()

    def _ask(self, message: type[Chosen]) -> bool:
        """Post ``message`` about the highlighted row; False when there is none."""
        h = self._current()
        if h is not None:
            self.post_message(message(h))
        return h is not None

    def action_jump(self) -> None:
        if self._ask(self.Jump):
            self.dismiss(None)

    def action_edit(self) -> None:
        self._ask(self.Edit)

    def action_delete(self) -> None:
        self._ask(self.Delete)

    def action_rename(self) -> None:
        self._ask(self.RenameTag)

    def action_reattach(self) -> None:
        self._ask(self.Reattach)

    def action_undo(self) -> None:
        self.post_message(self.Undo())

    def action_focus_list(self) -> None:
        self.query_one(OptionList).focus()

    def action_close(self) -> None:
        self.dismiss(None)


def _matches(row, tags: list[str], names: list[str], text: list[str]) -> bool:
    h, label, _ = row
    if any(not any(t == x or t.startswith(x + "/") or t.startswith(x) for t in h.tags) for x in tags):
        return False
    if any(n not in label.lower() and n not in h.article_path.lower() for n in names):
        return False
    hay = " ".join([h.quote, h.note, *h.tags]).lower()  # a word finds a tag too
    return all(w in hay for w in text)


def _label(h: Highlight, label: str, status: str) -> Text:
    quote = safe(h.quote).replace("\n", " ")
    out = Text.assemble((f"{safe(label)[:LABEL_CELLS]:<{LABEL_CELLS}} ", "bold cyan"),
                         quote[:QUOTE_CHARS] + ("…" if len(quote) > QUOTE_CHARS else ""))
    if h.tags:
        out.append("  " + " ".join("#" + t for t in h.tags), "magenta")
    if h.note:
        out.append("  ✎", "yellow")
    if status != "exact":
        out.append(f"  [{status}]", "bold red" if status == "orphaned" else "yellow")
    return out
