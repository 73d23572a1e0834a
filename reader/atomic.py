"""Atomic file writes, and replacing only reader's own block inside a user's file."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from reader.errors import ReaderError


def atomic_write(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` all at once: a temp file in the same folder, fsync, rename."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as e:
        raise ReaderError(f"{path}: cannot write here ({e.strerror or e})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        os.replace(tmp, path)
    except OSError as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise ReaderError(f"{path}: cannot write ({e.strerror or e})") from None


def replace_block(existing: str, block: str, begin: str, end: str) -> str:
    """``existing`` with the text from ``begin`` to ``end`` replaced by ``block``.

    Without markers the block is appended after the user's text; their text is never lost.
    """
    hi = existing.find(end)
    lo = existing.rfind(begin, 0, hi) if hi >= 0 else -1  # the begin nearest the end: a stray one stays
    if lo < 0 or hi < 0:
        if not existing.strip():
            return block
        return existing.rstrip("\n") + "\n\n" + block
    return existing[:lo] + block.rstrip("\n") + existing[hi + len(end) :]
