"""Article text can never reach the terminal as control characters or escape sequences."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.safe_text import safe

UNSAFE = [chr(c) for c in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]] + \
    ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]


def test_escape_sequences_become_visible_symbols():
    assert safe("\x1b[31mred\x1b]0;pwn\x07") == "␛[31mred␛]0;pwn␇"
    assert safe("a\x00b\x9bc") == "a␀b\ufffdc"


def test_markup_is_left_alone_and_newlines_and_tabs_kept():
    text = "[bold]x[/bold] [@click=app.quit]quit[/]\n\tnext"
    assert safe(text) == text


@given(st.text())
def test_no_unsafe_character_survives_and_length_is_kept(text):
    out = safe(text)
    assert len(out) == len(text)  # display offsets stay valid
    assert not any(ch in out for ch in UNSAFE)
