"""[keys] in config files: every entry that cannot work is a one-line error at config load,
and what help shows after a remap lists no key twice."""
from __future__ import annotations

import re

import pytest

from reader.config import ConfigError, load_config
from reader.ui import keys
from reader.ui.keymap import check_keymap, key_label
from reader.ui.screens.help import help_sections


@pytest.mark.parametrize("entry,pattern", [
    ('next_aligned = "n"', r"next_aligned and search_next both use 'n'"),
    ('sentence_down = "q"', r"sentence_down and quit both use 'q'"),
    ('search_next = "?"', r"search_next and help both use '\?'"),
    ('next_aligned = ""', r"next_aligned = '' is empty: it would unbind"),
    ('next_aligned = " , "', r"is empty"),
    ('next_aligned = "ctrl+alt+nonsense"', r"'nonsense' in 'ctrl\+alt\+nonsense' is not a key name"),
    ('next_aligned = "hyperx+a"', r"'hyperx' in 'hyperx\+a' is not a modifier"),
    ('next_aligned = "j,,k"', r"an empty key between commas"),
    ('save_edit = "ctrl+p"', r"command palette"),
    ('close_search = "x"', r"the text field of “Search \(/\)” takes 'x' for itself"),
    ('save_edit = "ctrl+w"', r"takes 'ctrl\+w' for itself"),  # the note deletes a word with it
    ('next_alinged = "x"', r"no binding 'next_alinged'; did you mean 'next_aligned'\?"),
    ('delete_highlight = "e"', r"edit_highlight both use 'e'|delete_highlight and edit_highlight both use 'e'"),
])
def test_a_keys_entry_that_cannot_work_is_a_one_line_error_at_config_load(tmp_path, entry, pattern):
    path = tmp_path / "keys.toml"
    path.write_text(f"[keys]\n{entry}\n")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert "\n" not in message and message.startswith(str(path)), message
    assert re.search(pattern, message), message


@pytest.mark.parametrize("keymap", [
    {"next_aligned": "ctrl+n"},
    {"help": "?"},  # the character, as people write it, is the default's question_mark
    {"quit": "ctrl+q"},  # Textual's quit key may be quit's own
    {"sentence_down": "q", "quit": "ctrl+q"},  # q is free once quit moves
    {"search_next": "n,f3", "next_aligned": "ctrl+]"},
    {"next_article": "+", "threshold_up": "ctrl+up", "previous_aligned": "["},
    {"delete_highlight": "x"},  # a panel key may be an app key: the panel's act there
])
def test_keymaps_that_work_are_accepted(tmp_path, keymap):
    path = tmp_path / "keys.toml"
    path.write_text("[keys]\n" + "".join(f'{k} = "{v}"\n' for k, v in keymap.items()))
    assert load_config(path).keys == keymap


def test_help_never_lists_a_key_twice_in_one_place():
    every = [b.id for b in keys.all_bindings()]
    remaps = [{}, {"next_aligned": "ctrl+n"}, {i: f"ctrl+f{n + 1}" for n, i in enumerate(every[:24])}]
    for keymap in remaps:
        check_keymap(keymap)
        for where, rows in help_sections(keymap):
            shown = [k for label, _, _ in rows for k in label.split(" / ")]
            assert len(shown) == len(set(shown)), (where, keymap)


def test_key_labels_read_as_keys():
    assert key_label("question_mark,f1") == "? / f1"
    assert key_label("j,down") == "j / ↓"
    assert key_label("dollar_sign") == "$" and key_label("}") == "}"
    assert key_label("enter,c") == "enter / c"
