"""Edit a highlight's tags (with completion) and its note (several lines)."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Label, Static, TextArea

from reader.safe_text import safe, shortened
from reader.ui import keys
from reader.ui.keymap import bound_keys


QUOTE_SHOWN = 1000  # characters of the quote the dialog holds


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
    """Returns (tags text, note) or None when cancelled.  Its last line names its keys."""

    BINDINGS = keys.TAG_NOTE
    DEFAULT_CSS = """
    TagNoteDialog { align: center middle; }
    TagNoteDialog > Vertical { width: 90; max-width: 96%; height: auto; max-height: 90%; border: thick $accent; background: $surface; padding: 0 1; }
    TagNoteDialog TextArea { height: 8; }
    TagNoteDialog .quote { color: $text-muted; max-height: 4; }
    TagNoteDialog #keys { color: $text-muted; }
    """

    def __init__(self, quote: str, tags: str, note: str, known_tags: list[str], new: bool = False) -> None:
        """``new``: the highlight was just made, and cancelling takes it back."""
        super().__init__()
        self.quote = quote
        self.tags = tags
        self.note = note
        self.known_tags = known_tags
        self.new = new

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(safe(_shown(self.quote)), overflow="ellipsis"), classes="quote")
            yield Label("Tags (space or comma separated, a/b nests; → accepts a completion):")
            yield Input(value=self.tags, placeholder="quote/paul sanctions", suggester=TagSuggester(self.known_tags),
                        select_on_focus=False, id="tags")  # back to the tags with tab: typing adds, not replaces
            yield Label("Note (several lines):")
            yield TextArea(self.note, id="note")
            yield Static(id="keys")

    def on_mount(self) -> None:
        self.query_one("#tags", Input).focus()
        self.call_after_refresh(self._name_keys)

    def _name_keys(self) -> None:
        """Say which keys do what (the user's keymap applied)."""
        cancel = "drop the new highlight" if self.new else "cancel"
        said = [(bound_keys(self, "next_field"), "other field"), (bound_keys(self, "tags_done"), "to the note"),
                (bound_keys(self, "save_edit"), "save"), (bound_keys(self, "cancel_edit"), cancel)]
        self.query_one("#keys", Static).update(Text(" · ".join(f"{k}: {what}" for k, what in said if k)))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "to_note":  # only from the tags field: Enter in the note is a new line
            return isinstance(self.focused, Input)
        return True

    def action_to_note(self) -> None:
        self.set_focus(self.query_one("#note", TextArea))

    def action_other_field(self) -> None:
        tags = self.query_one("#tags", Input)
        self.set_focus(self.query_one("#note", TextArea) if self.focused is tags else tags)

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


def _shown(quote: str) -> str:
    """The start of a long quote: the dialog shows a few lines of it, and laying out a whole
    megabyte would keep the screen (and the keys typed) waiting."""
    return shortened(quote, QUOTE_SHOWN + 1)
