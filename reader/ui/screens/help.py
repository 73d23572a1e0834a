"""The help screen: every key, read from the live bindings so remapped keys show right."""
from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.ui import keys


class HelpScreen(ModalScreen[None]):
    """Lists every binding, where it acts, with its keys and id (the id is what [keys] in
    config.toml remaps)."""

    BINDINGS = keys.HELP
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 90; max-width: 95%; height: 90%; border: thick $accent; background: $surface; padding: 0 1; }
    """

    def __init__(self, sections: list[tuple[str, list[tuple[str, str, str]]]]) -> None:
        """sections: (where the keys act, [(keys, description, binding id)])."""
        super().__init__()
        self.sections = sections

    @property
    def rows(self) -> list[tuple[str, str, str]]:
        return [row for _, rows in self.sections for row in rows]

    def compose(self) -> ComposeResult:
        table = Table(title="reader — keys", expand=True, title_style="bold")
        table.add_column("Keys", style="bold cyan", no_wrap=True)
        table.add_column("Action")
        table.add_column(Text("Binding id (for [keys] in config.toml)"), style="dim")
        for n, (where, rows) in enumerate(self.sections):
            if n:
                table.add_section()
                table.add_row("", Text(where, style="bold italic"), "")
            for keys_, description, binding_id in rows:
                table.add_row(keys_, description, binding_id)
        hint = Text("Mouse: click moves the cursor, the wheel scrolls (other panes follow when sync is on), "
                    "a drag selects whole words (then m highlights, y copies).\n"
                    "Every action is also in the command palette (ctrl+p). Esc closes this.", style="dim")
        with VerticalScroll():
            yield Static(table)
            yield Static(hint)


def key_label(keys_: str) -> str:
    """"j,down" -> "j / ↓"."""
    names = {"down": "↓", "up": "↑", "left": "←", "right": "→", "question_mark": "?", "slash": "/",
             "plus": "+", "minus": "-", "left_curly_bracket": "{", "right_curly_bracket": "}",
             "left_square_bracket": "[", "right_square_bracket": "]", "comma": ",", "full_stop": ".",
             "dollar_sign": "$", "equals_sign": "=", "escape": "esc"}
    return " / ".join(names.get(k.strip(), k.strip()) for k in keys_.split(","))


def help_sections(keymap: dict[str, str]) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """For each place keys act, (keys, description, id) of its bindings, the user's keymap applied."""
    return [(where, [(key_label(keymap.get(b.id or "", b.key)), b.description, b.id or "") for b in bindings])
            for where, bindings in keys.SECTIONS.items()]
