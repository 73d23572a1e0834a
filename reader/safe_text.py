"""Make article text safe to show in a terminal: no control characters or escape sequences."""
from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, C1 controls, and bidi overrides/isolates.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_NAMES = {"\x1b": "␛", "\r": " ", "\x00": "␀", "\x07": "␇", "\x08": "␈"}


def _replace(m: re.Match) -> str:
    ch = m.group()
    if ch in _NAMES:
        return _NAMES[ch]
    code = ord(ch)
    return chr(0x2400 + code) if code < 0x20 else "\ufffd"


def safe(text: str) -> str:
    """``text`` with every unsafe character replaced by a visible, same-length symbol."""
    return _UNSAFE.sub(_replace, text)
