"""Edit a highlight's tags (with completion) and its note (several lines)."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Label, Static, TextArea

from reader.safe_text import safe
from reader.ui import keys


class TagSuggester(Suggester):
    """Completes the last tag being typed from the tags that already exist."""

    def __init__(self, tags: list[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=False)
        self.tags = sorted(tags)

    async def get_suggestion(self, value: str) -> str | None:
        head, _, last = value.rpartition(" ")
        last = last.lstrip("#")
        if not last:
            return None
        for tag in self.tags:
            if tag.startswith(last.lower()) and tag != last.lower():
                return (head + " " if head else "") + tag
        return None


class TagNoteDialog(ModalScreen[tuple[str, str] | None]):
    """Returns (tags text, note) or None when cancelled."""

    BINDINGS = keys.TAG_NOTE
    DEFAULT_CSS = """
    TagNoteDialog { align: center middle; }
    TagNoteDialog > Vertical { width: 90; max-width: 96%; height: auto; max-height: 90%; border: thick $accent; background: $surface; padding: 0 1; }
    TagNoteDialog TextArea { height: 8; }
    TagNoteDialog .quote { color: $text-muted; max-height: 4; }
    """

    def __init__(self, quote: str, tags: str, note: str, known_tags: list[str]) -> None:
        super().__init__()
        self.quote = quote
        self.tags = tags
        self.note = note
        self.known_tags = known_tags

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(safe(self.quote), overflow="ellipsis"), classes="quote")
            yield Label("Tags (space or comma separated, a/b nests; → accepts a completion):")
            yield Input(value=self.tags, placeholder="quote/paul sanctions", suggester=TagSuggester(self.known_tags), id="tags")
            yield Label("Note (several lines; ctrl+s saves, esc cancels):")
            yield TextArea(self.note, id="note")

    def on_mount(self) -> None:
        self.query_one("#tags", Input).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "to_note":  # only from the tags field: Enter in the note is a new line
            return isinstance(self.focused, Input)
        return True

    def action_to_note(self) -> None:
        self.set_focus(self.query_one("#note", TextArea))

    def action_save(self) -> None:
        self.dismiss((self.query_one("#tags", Input).value, self.query_one("#note", TextArea).text))

    def action_cancel(self) -> None:
        self.dismiss(None)


class RenameTagDialog(ModalScreen[tuple[str, str] | None]):
    """Ask for a tag and its new name."""

    BINDINGS = keys.RENAME_TAG
    DEFAULT_CSS = """
    RenameTagDialog { align: center middle; }
    RenameTagDialog > Vertical { width: 70; height: auto; border: thick $accent; background: $surface; padding: 0 1; }
    """

    def __init__(self, old: str, known_tags: list[str]) -> None:
        super().__init__()
        self.old = old
        self.known_tags = known_tags

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Rename tag (everywhere, nested tags too):")
            yield Input(value=self.old, suggester=TagSuggester(self.known_tags), id="old")
            yield Label("New name:")
            yield Input(id="new")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "old":
            self.query_one("#new", Input).focus()
        else:
            self.dismiss((self.query_one("#old", Input).value, event.value))

    def action_cancel(self) -> None:
        self.dismiss(None)
