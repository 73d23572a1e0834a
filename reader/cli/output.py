"""Everything the ``reader`` command prints goes through here: made terminal-safe, and a
failed write (a full disk, a closed pipe) becomes one line, not a traceback."""
from __future__ import annotations

import io
import os
import shutil
import sys

from reader.errors import ReaderError
from reader.safe_text import safe, safe_json


class OutputGone(Exception):
    """The reader of our standard output went away (``reader align | head``)."""


class OutputError(ReaderError):
    """Standard output cannot be written (a full disk, a closed file)."""


def emit(text: str) -> None:
    """Print text (a report, an export) with every control character made visible."""
    _write_bytes(safe(text).encode("utf-8", "replace"))


def emit_json(value) -> None:
    """Print ``value`` as JSON that is always valid UTF-8."""
    _write_bytes((safe_json(value, indent=1) + "\n").encode("utf-8"))


def emit_rich(renderables) -> None:
    """Render Rich objects (``Text``, tables, panels: never markup strings) and print them."""
    from rich.console import Console

    tty = sys.stdout is not None and sys.stdout.isatty()
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=tty, markup=False, emoji=False, highlight=False,
                      width=shutil.get_terminal_size().columns if tty else None)
    for r in renderables:
        console.print(r)
    _write_bytes(buffer.getvalue().encode("utf-8", "replace"))  # our styles only: the text is safe already


def _write_bytes(data: bytes) -> None:
    if sys.stdout is None:  # started with stdout closed
        raise OutputError("cannot write to the standard output (it is closed)")
    try:
        sys.stdout.flush()
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:  # replaced by a text stream (a test, an embedding program)
            sys.stdout.write(data.decode("utf-8"))
            sys.stdout.flush()
        else:
            buffer.write(data)
            buffer.flush()
    except BrokenPipeError:
        raise OutputGone from None
    except OSError as e:
        raise OutputError(f"cannot write to the standard output ({e.strerror or e})") from None


def silence_stdout() -> None:
    """After a failed write, keep Python from failing again when it flushes stdout at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
