"""The help screen: every key, read from the live bindings so remapped keys show right."""
from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.ui import keys
from reader.ui.keymap import SHARING, key_label


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
                    "j/k scroll this list, g/G go to its top and bottom. "
                    "Every action is also in the command palette (ctrl+p). Esc closes this.", style="dim")
        with VerticalScroll():
            yield Static(table)
            yield Static(hint)

    def action_move(self, lines: int) -> None:
        self.query_one(VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_page(self, direction: int) -> None:
        view = self.query_one(VerticalScroll)
        view.scroll_relative(y=direction * max(1, view.scrollable_content_region.height - 1), animate=False)

    def action_edge(self, direction: int) -> None:
        view = self.query_one(VerticalScroll)
        view.scroll_to(y=0 if direction < 0 else view.max_scroll_y, animate=False)


def help_sections(keymap: dict[str, str]) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """For each place keys act, (keys, description, id) of its bindings, the user's keymap applied;
    bindings that share a key on purpose (``SHARING``) are one row."""
    return [(where, _shared_once([(key_label(keymap.get(b.id or "", b.key)), b.description, b.id or "")
                                  for b in bindings]))
            for where, bindings in keys.SECTIONS.items()]


def _shared_once(rows: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    out: list[tuple[str, str, str]] = []
    for label, what, ident in rows:
        k = next((n for n, (other, _, ids) in enumerate(out)
                  if other == label and frozenset({ids.split(", ")[0], ident}) in SHARING), None)
        if k is None:
            out.append((label, what, ident))
        else:
            out[k] = (label, f"{out[k][1]}; else: {what[0].lower()}{what[1:]}", f"{out[k][2]}, {ident}")
    return out
