"""The highlights panel: filter, jump, edit, delete with undo, rename a tag."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from reader.highlights.model import Highlight
from reader.safe_text import safe


class HighlightsScreen(ModalScreen[None]):
    """All highlights. Type to filter: words match the text, #tag a tag, @name an article."""

    BINDINGS = [
        Binding("escape", "close", "Close", id="close_highlights"),
        Binding("enter", "jump", "Jump", id="jump_highlight", show=False),
        Binding("e", "edit", "Edit tags/note", id="edit_highlight"),
        Binding("delete,x", "delete", "Delete", id="delete_highlight"),
        Binding("u,ctrl+z", "undo", "Undo delete", id="undo_delete"),
        Binding("r", "rename", "Rename tag", id="rename_tag"),
        Binding("down", "focus_list", "List", show=False, id="highlights_list"),
    ]
    DEFAULT_CSS = """
    HighlightsScreen { align: center middle; }
    HighlightsScreen > Vertical { width: 120; max-width: 96%; height: 85%; border: thick $accent; background: $surface; }
    HighlightsScreen OptionList { height: 1fr; }
    """

    class Action(Message):
        """Ask the app to do ``kind`` (jump, edit, delete, undo, rename) for a highlight."""

        def __init__(self, kind: str, highlight: Highlight | None) -> None:
            super().__init__()
            self.kind = kind
            self.highlight = highlight

    def __init__(self, rows: list[tuple[Highlight, str, str]]) -> None:
        """rows: (highlight, article label, status)."""
        super().__init__()
        self.rows = rows
        self.shown: list[tuple[Highlight, str, str]] = []

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Input(placeholder="Filter: words, #tag, @source   (enter jump · e edit · x delete · u undo · r rename tag)")
            yield OptionList()

    def on_mount(self) -> None:
        self.refresh_rows(self.rows)
        self.query_one(OptionList).focus()

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

    def action_jump(self) -> None:
        h = self._current()
        if h:
            self.dismiss(None)
            self.app.post_message(self.Action("jump", h))

    def action_edit(self) -> None:
        self.app.post_message(self.Action("edit", self._current()))

    def action_delete(self) -> None:
        self.app.post_message(self.Action("delete", self._current()))

    def action_undo(self) -> None:
        self.app.post_message(self.Action("undo", None))

    def action_rename(self) -> None:
        self.app.post_message(self.Action("rename", self._current()))

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
    hay = (h.quote + " " + h.note).lower()
    return all(w in hay for w in text)


def _label(h: Highlight, label: str, status: str) -> Text:
    quote = safe(h.quote).replace("\n", " ")
    out = Text.assemble((f"{safe(label)[:20]:<20} ", "bold cyan"), quote[:90] + ("…" if len(quote) > 90 else ""))
    if h.tags:
        out.append("  " + " ".join("#" + t for t in h.tags), "magenta")
    if h.note:
        out.append("  ✎", "yellow")
    if status != "exact":
        out.append(f"  [{status}]", "bold red" if status == "orphaned" else "yellow")
    return out
