"""The help screen: every key, read from the live bindings so remapped keys show right."""
from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


class HelpScreen(ModalScreen[None]):
    """Lists every binding with its keys and id (the id is what [keys] in config.toml remaps)."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close help", id="close_help")]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 90; max-width: 95%; height: 90%; border: thick $accent; background: $surface; padding: 0 1; }
    """

    def __init__(self, rows: list[tuple[str, str, str]]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        table = Table(title="reader — keys", expand=True, title_style="bold")
        table.add_column("Keys", style="bold cyan", no_wrap=True)
        table.add_column("Action")
        table.add_column(Text("Binding id (for [keys] in config.toml)"), style="dim")
        for keys, description, binding_id in self.rows:
            table.add_row(keys, description, binding_id)
        hint = Text("Mouse: click moves the cursor, the wheel scrolls (other panes follow when sync is on), "
                    "a drag selects whole words (then m highlights, y copies).\n"
                    "Every action is also in the command palette (ctrl+p). Esc closes this.", style="dim")
        with VerticalScroll():
            yield Static(table)
            yield Static(hint)


def key_label(keys: str) -> str:
    """"j,down" -> "j / ↓"."""
    names = {"down": "↓", "up": "↑", "left": "←", "right": "→", "question_mark": "?", "slash": "/",
             "plus": "+", "minus": "-", "left_curly_bracket": "{", "right_curly_bracket": "}",
             "left_square_bracket": "[", "right_square_bracket": "]", "comma": ",", "full_stop": ".",
             "dollar_sign": "$", "equals_sign": "=", "escape": "esc"}
    return " / ".join(names.get(k.strip(), k.strip()) for k in keys.split(","))


def help_rows(bindings: list[Binding], keymap: dict[str, str]) -> list[tuple[str, str, str]]:
    """(keys, description, id) for each binding, with the user's keymap applied."""
    rows = []
    for b in bindings:
        keys = keymap.get(b.id or "", b.key)
        rows.append((key_label(keys), b.description, b.id or ""))
    return rows
