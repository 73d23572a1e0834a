"""The command palette (ctrl+p): Textual's own commands, less the ones ours replace, then every
binding of the main screen once, with its keys as a person reads them."""
from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Iterable

from textual.app import SystemCommand
from textual.screen import Screen

from reader.ui import keys
from reader.ui.keymap import key_label

if TYPE_CHECKING:
    from reader.ui.app import ReaderApp


def palette_commands(app: ReaderApp, screen: Screen, textual_commands: Iterable[SystemCommand]) -> Iterable[SystemCommand]:
    """Textual's commands but its key list (our Help lists every key), then our bindings but quit
    (Textual's Quit is the same)."""
    replaced = {app.action_show_help_panel, app.action_hide_help_panel}
    yield from (c for c in textual_commands if c.callback not in replaced)
    pane_ids = {b.id for b in keys.PANE}
    for b in [*keys.PANE, *keys.APP]:
        if b.action == "quit":
            continue
        run = partial(app.run_on_pane, b.action) if b.id in pane_ids else partial(app.run_action, b.action)
        yield SystemCommand(b.description, f"keys: {key_label(app.user_keymap.get(b.id, b.key))}", run)
