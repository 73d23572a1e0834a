"""An article read from standard input (``reader -``): its bytes, read once, and its kind.

The article's path is ``-``, as given on the command line (``align --json`` reports it so),
its label "stdin" unless the text names its outlet, and highlights know it by its content,
since it has no file.
"""
from __future__ import annotations

import sys
from pathlib import Path

from reader.errors import ReaderError

STDIN = Path("-")
LABEL = "stdin"
_read: list[bytes] = []  # standard input can be read only once: what came, kept


def is_stdin(path: Path | str) -> bool:
    """True for the ``-`` that stands for standard input."""
    return str(path) == "-"


def read_stdin(limit: int) -> bytes:
    """The bytes piped in (the same bytes on every call); at most ``limit``."""
    if not _read:
        if sys.stdin is None:
            raise ReaderError("-: there is no standard input to read an article from")
        if sys.stdin.isatty():
            print("reader: reading an article from the terminal; end it with Ctrl-D", file=sys.stderr)
        try:
            _read.append(sys.stdin.buffer.read(limit + 1))
        except OSError as e:
            raise ReaderError(f"-: cannot read standard input ({e.strerror or e})") from None
    data = _read[0]
    if len(data) > limit:
        raise ReaderError(f"-: too large (more than {limit // 2**20} MB came on standard input)")
    if not data:
        raise ReaderError("-: nothing came on standard input (pipe an article in: reader - < article.txt)")
    return data


def sniff_kind(raw: str) -> str:
    """"html", "markdown" or "text": what the text piped in looks like (it has no file suffix)."""
    head = raw[:1024].lstrip().lower()
    if head.startswith(("<!doctype html", "<html")) or "<body" in head or "<article" in head:
        return "html"
    if head.startswith(("---\n", "---\r\n", "+++\n", "+++\r\n", "# ")):
        return "markdown"
    return "text"
