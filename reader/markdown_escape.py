"""Escape text so that it stays plain text inside a markdown document."""
from __future__ import annotations

import json
import re

INLINE = re.compile(r"([\\`*_\[\]<>|#~!])")
LINE_START = re.compile(r"^(\s*)([-+=>]|\d+[.)])")
# printable in JSON but not allowed (or line breaks) inside a YAML double-quoted scalar
YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]")


def md_text(text: str) -> str:
    """One or more lines of plain text, escaped; lines keep their breaks."""
    lines = []
    for line in text.replace("\t", " ").replace("\r", "").split("\n"):
        line = INLINE.sub(r"\\\1", line.strip())
        line = LINE_START.sub(lambda m: m.group(1) + _escape_lead(m.group(2)), line)
        lines.append(line)
    return "\n".join(lines)


def _escape_lead(lead: str) -> str:
    if lead[0].isdigit():
        return lead[:-1] + "\\" + lead[-1]
    return "\\" + lead


def md_quote(text: str) -> str:
    """A blockquote: every line prefixed with "> ", blank lines as ">"."""
    return "\n".join(f"> {line}" if line else ">" for line in md_text(text).split("\n"))


def md_lines(text: str) -> str:
    """Escaped text whose line breaks survive rendering (hard breaks)."""
    return "  \n".join(md_text(text).split("\n"))


def yaml_str(value: str) -> str:
    """A YAML double-quoted scalar: a JSON string, with what YAML forbids there escaped."""
    quoted = json.dumps(value, ensure_ascii=False)
    return YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)
