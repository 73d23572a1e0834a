"""What the user is told: one clear, terminal-safe line on stderr, never a traceback."""
from __future__ import annotations

import sys

from reader.safe_text import one_line


class ReaderError(Exception):
    """Bad input or a failed operation, told to the user in one line."""


def say(line: str) -> None:
    """Print one line on stderr, control characters and line breaks made visible; never raises."""
    if sys.stderr is None:  # started with stderr closed
        return
    try:
        print(one_line(line), file=sys.stderr, flush=True)
    except (OSError, ValueError):  # stderr closed or full: nothing more can be told
        pass


def warn(message: str) -> None:
    """Tell the user, in one line on stderr, about something skipped or doubtful."""
    say(f"reader: warning: {message}")
