"""Bytes to text: BOMs (UTF-8, UTF-16, UTF-32), UTF-8 with a few bad bytes replaced, a cp1252
fallback, and binary detection."""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
SNIFF = 8192  # bytes looked at to tell text from binary data
BAD_BYTES = re.compile("[\udc80-\udcff]+")
MAX_BAD = 64  # more bad bytes than this, or than good non-ASCII characters: not UTF-8


class NotText(ValueError):
    """The bytes are not text in any encoding we read."""


@dataclass(frozen=True)
class Decoded:
    """A file's text; bytes that were not valid (the first at byte ``first_bad``) became U+FFFD."""

    text: str
    encoding: str
    bad_bytes: int = 0
    first_bad: int = -1

    def warning(self) -> str:
        """What to tell the user about the bad bytes ("" when there were none)."""
        if not self.bad_bytes:
            return ""
        more = f" ({self.bad_bytes} bad bytes in all)" if self.bad_bytes > 1 else ""
        return f"not valid {self.encoding} at byte {self.first_bad}{more}; shown as \ufffd"


def decode(data: bytes) -> Decoded:
    """The text of a file: BOM removed, no newline translation."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(encoding), encoding)
            except UnicodeDecodeError as e:
                raise NotText(f"invalid {encoding} text at byte {e.start + len(bom)}") from e
    sample = data[:SNIFF]
    if sample.count(b"\x00") > max(1, len(sample) // 200):  # a stray NUL is tolerated, many are binary
        raise NotText("binary data")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    mostly_utf8 = _utf8_with_replacements(data)
    if mostly_utf8 is not None:
        return mostly_utf8
    text = data.decode("cp1252", errors="replace")
    if _mostly_controls(text[:SNIFF]):
        raise NotText("binary data")
    return Decoded(text, "cp1252")


def _utf8_with_replacements(data: bytes) -> Decoded | None:
    """UTF-8 with its few bad bytes replaced, when the rest is clearly UTF-8 (it holds valid
    multi-byte characters, more of them than bad bytes); else None (cp1252 reads it better)."""
    text = data.decode("utf-8", "surrogateescape")  # each bad byte becomes one lone surrogate
    runs = list(BAD_BYTES.finditer(text))
    bad = sum(m.end() - m.start() for m in runs)
    good = len(text) - len(text.encode("ascii", "ignore")) - bad  # valid non-ASCII characters
    if bad > MAX_BAD or good < bad:
        return None
    first = len(text[: runs[0].start()].encode("utf-8", "surrogateescape"))
    return Decoded(BAD_BYTES.sub(lambda m: "\ufffd" * len(m.group()), text), "utf-8", bad, first)


def _mostly_controls(sample: str) -> bool:
    """Binary data decoded as cp1252 is full of control and replacement characters."""
    if not sample:
        return False
    odd = sum(1 for c in sample if (c < " " and c not in "\t\n\r\f") or c == "\ufffd")
    return odd / len(sample) > 0.05
