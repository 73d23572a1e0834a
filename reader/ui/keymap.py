"""A user's ``[keys]`` checked against the binding registry (``keys.py``), and key names as a
person reads them.

``check_keymap`` refuses, in one line each: an unknown binding id, an empty value (it would
silently unbind the action), a key that is no key ("ctrl+alt+nonsense"), a key that two
bindings acting in the same place would share (``next_aligned = "n"`` and search_next, or any
binding given "q", which quit has), the command palette's key, and a printable key in a dialog
that types it into its text field instead.
"""
from __future__ import annotations

import difflib
import unicodedata

from textual.keys import KEY_NAME_REPLACEMENTS, Keys, _character_to_key, format_key
from textual.screen import Screen

from reader.errors import ReaderError
from reader.ui import keys

MODIFIERS = ("ctrl", "shift", "alt", "super", "hyper", "meta")
NAMED_KEYS = {k.value.rpartition("+")[2] for k in Keys if not k.value.startswith("<")}
RESERVED = {"ctrl+p": ("the command palette's key", ""), "ctrl+q": ("Textual's own quit key", "quit")}  # (what, action allowed)
TYPED_SECTIONS = ("Tag and note dialog", "Rename tag dialog", "Search (/)")  # a text field has the keys
READABLE = {"enter": "enter", "pagedown": "pagedown", "pageup": "pageup"}  # Textual shows ⏎, pgdn, pgup


class KeymapError(ReaderError):
    """A ``[keys]`` entry that cannot work."""


def normalized(key: str) -> str:
    """A key as Textual names it when pressed: "?" -> "question_mark", "ctrl+]" -> "ctrl+right_square_bracket"."""
    *mods, base = key.strip().split("+") if key.strip() != "+" else ["+"]
    base = _character_to_key(base) if len(base) == 1 else base
    return "+".join([*mods, base])


def key_names(keys_: str) -> list[str]:
    """The keys of a binding's key string ("j,down"), each normalized."""
    return [normalized(k) for k in keys_.split(",")]


def key_label(keys_: str) -> str:
    """"j,down" -> "j / ↓", "question_mark,f1" -> "? / f1"."""
    return " / ".join(_readable(k) for k in key_names(keys_))


def _readable(key: str) -> str:
    *mods, base = key.split("+")
    return "+".join([*mods, READABLE.get(base) or format_key(base)])


def bound_keys(screen: Screen, binding_id: str) -> str:
    """The keys that run ``binding_id`` on ``screen`` now (the user's keymap applied): "tab"."""
    return " / ".join(_readable(k) for k, active in screen.active_bindings.items() if active.binding.id == binding_id)


def check_keymap(keymap: dict[str, str]) -> None:
    """Raise ``KeymapError`` (one line) for the first entry of ``keymap`` that cannot work."""
    known = keys.binding_ids()
    for binding_id, value in keymap.items():
        if binding_id not in known:
            close = difflib.get_close_matches(binding_id, sorted(known), n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            raise KeymapError(f"[keys] has no binding '{binding_id}'{hint} (press ? in the app for the list)")
        _check_value(binding_id, value)
    for where, bindings in keys.SECTIONS.items():
        _check_section(where, bindings, keymap)


def _check_value(binding_id: str, value: str) -> None:
    if not value.replace(",", "").strip():
        raise KeymapError(f"[keys] {binding_id} = {value!r} is empty: it would unbind the action; "
                          f"give it a key, or leave it out to keep its default")
    for key in value.split(","):
        problem = _key_problem(key.strip())
        if problem:
            raise KeymapError(f"[keys] {binding_id} = {value!r}: {problem} (keys look like \"n\", \"?\", "
                              f"\"ctrl+n\", \"shift+f5\", \"pagedown\"; several: \"j,down\")")


def _key_problem(key: str) -> str:
    """Why ``key`` is no key, or ""."""
    if not key:
        return "an empty key between commas"
    if key == "+":
        return ""
    *mods, base = key.split("+")
    for mod in mods:
        if mod not in MODIFIERS:
            return f"'{mod}' in '{key}' is not a modifier ({', '.join(MODIFIERS)})"
    if len(mods) != len(set(mods)):
        return f"'{key}' repeats a modifier"
    if not _is_key_name(base):
        return f"'{base}' in '{key}' is not a key name"
    return ""


def _is_key_name(name: str) -> bool:
    if len(name) == 1:
        return name.isprintable() and not name.isspace()
    if name in NAMED_KEYS or name in KEY_NAME_REPLACEMENTS.values():
        return True
    try:
        unicodedata.lookup(name.replace("_", " "))
    except KeyError:
        return False
    return True


# bindings that share a key on purpose: only one of them is enabled at a time (ReaderApp.check_action)
SHARING = {frozenset({"cancel_selection", "cancel_alignment"})}


def _check_section(where: str, bindings, keymap: dict[str, str]) -> None:
    """Keys acting in one place: no key twice, none reserved, none a dialog's field would type."""
    owner: dict[str, str] = {}
    for b in sorted(bindings, key=lambda b: b.id not in keymap):  # the remapped first: named first
        for key in key_names(keymap.get(b.id, b.key)):
            if key in owner and owner[key] != b.id and frozenset({owner[key], b.id}) not in SHARING:
                raise KeymapError(f"[keys] {owner[key]} and {b.id} both use '{_readable(key)}' "
                                  f"in “{where}”: give one of them another key")
            owner[key] = b.id
            if b.id in keymap and key in RESERVED and RESERVED[key][1] != b.action:
                raise KeymapError(f"[keys] {b.id} = {keymap[b.id]!r}: '{_readable(key)}' is {RESERVED[key][0]}")
            if b.id in keymap and where in TYPED_SECTIONS and not b.priority and _text_field_takes(key):
                raise KeymapError(f"[keys] {b.id} = {keymap[b.id]!r}: the text field of “{where}” takes "
                                  f"'{_readable(key)}' for itself; give it a key like ctrl+… or f…")


def _text_field_takes(key: str) -> bool:
    """Whether a text field (Input, TextArea) keeps ``key``: a character typed, or a key it binds."""
    from textual.widgets import Input, TextArea

    if "+" not in key.rstrip("+") and (key == "space" or len(key) == 1 or key not in NAMED_KEYS):
        return True
    return key in {k for b in [*Input.BINDINGS, *TextArea.BINDINGS] for k in key_names(b.key)}
