"""What the user is told: one clear line on stderr, never a traceback."""
from __future__ import annotations

import sys


class ReaderError(Exception):
    """Bad input or a failed operation, told to the user in one line."""


def warn(message: str) -> None:
    """Tell the user, in one line on stderr, about something skipped or doubtful."""
    print(f"reader: warning: {message}", file=sys.stderr)
