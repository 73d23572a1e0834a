"""Text made safe for a terminal: no control character, escape sequence or invalid UTF-8 reaches it.

One path for every string reader shows (report, warnings, errors, export, the app):

* ``safe``: article text, same length (display offsets stay valid), newlines and tabs kept;
* ``one_line``: a message; line breaks and tabs shown too, so it stays one line;
* ``show_path``: a file name, as typed when it is plain, else quoted with escapes
  (``'caf\\xe9.txt'`` for a byte that is not UTF-8, ``\\n``, ``\\x1b``);
* ``safe_json``: JSON that is valid UTF-8 and holds no raw control character.

Markup is never made safe here: text is handed to Rich and Textual as ``Text``, never parsed.
"""
from __future__ import annotations

import json
import os
import re
from pathlib import PurePath

# C0 controls except tab and newline, DEL, C1 controls, bidi overrides/isolates, lone surrogates
# (file names that are not UTF-8 hold them; no terminal encoding can write them).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMES = {"\x1b": "␛", "\r": " ", "\x00": "␀", "\x07": "␇", "\x08": "␈"}
_LINE_NAMES = {**_NAMES, "\n": "␤", "\r": "␍", "\t": " "}
_LINE_UNSAFE = re.compile("[\t\n" + _UNSAFE.pattern[1:])
# in JSON strings: what json.dumps leaves raw but a terminal or a strict UTF-8 reader chokes on
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_PATH_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\\": "\\\\", "'": "\\'"}


def _symbol(ch: str, names: dict[str, str]) -> str:
    if ch in names:
        return names[ch]
    code = ord(ch)
    return chr(0x2400 + code) if code < 0x20 else "\ufffd"


def safe(text: str) -> str:
    """``text`` with every unsafe character replaced by a visible, same-length symbol."""
    return _UNSAFE.sub(lambda m: _symbol(m.group(), _NAMES), text)


def one_line(text: str) -> str:
    """A message safe to print as one terminal line: line breaks and controls become symbols."""
    return _LINE_UNSAFE.sub(lambda m: _symbol(m.group(), _LINE_NAMES), text)


def shortened(text: str, limit: int) -> str:
    """``text`` in at most ``limit`` characters: cut, and its last an ellipsis, when longer."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def show_path(path: str | bytes | PurePath) -> str:
    """A file name to show: itself when plain, else quoted with Python-style escapes."""
    text = os.fsdecode(path) if isinstance(path, bytes) else str(path)
    if not _LINE_UNSAFE.search(text):
        return text
    return "'" + re.sub(r"[\\']|" + _LINE_UNSAFE.pattern, lambda m: _escape(m.group()), text) + "'"


def _escape(ch: str) -> str:
    code = ord(ch)
    if ch in _PATH_ESCAPES:
        return _PATH_ESCAPES[ch]
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe_json(value, indent: int | None = None) -> str:
    """``value`` as JSON: printable UTF-8; controls, bidi marks and surrogates as \\uXXXX escapes.

    A file name that is not UTF-8 comes out as ``\\udcXX`` for each byte that is not, as
    Python's surrogateescape holds it: ``os.fsencode`` of the decoded string gives the name back.
    """
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
