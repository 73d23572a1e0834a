"""Bytes to text: BOMs, UTF-8, UTF-16 and a cp1252 fallback, and binary detection."""
from __future__ import annotations

import codecs

BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
SNIFF = 8192  # bytes looked at to tell text from binary data


class NotText(ValueError):
    """The bytes are not text in any encoding we read."""


def decode(data: bytes) -> str:
    """The text of a file: BOM removed, no newline translation."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as e:
                raise NotText(f"invalid {encoding} text") from e
    sample = data[:SNIFF]
    if sample.count(b"\x00") > max(1, len(sample) // 200):  # a stray NUL is tolerated, many are binary
        raise NotText("binary data")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    if _mostly_controls(text[:SNIFF]):
        raise NotText("binary data")
    return text


def _mostly_controls(sample: str) -> bool:
    """Binary data decoded as cp1252 is full of control and replacement characters."""
    if not sample:
        return False
    odd = sum(1 for c in sample if (c < " " and c not in "\t\n\r\f") or c == "\ufffd")
    return odd / len(sample) > 0.05
