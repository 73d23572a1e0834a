"""Articles to an alignment: the groups of passages that report the same thing.

The face is lazy (PEP 562): ``DEFAULT_THRESHOLD`` costs nothing, while ``align`` loads the
stemmer and rapidfuzz only when first asked for.
"""
from __future__ import annotations

from typing import Any

from reader.align.types import DEFAULT_THRESHOLD

__all__ = ["DEFAULT_THRESHOLD", "Params", "align"]


def __getattr__(name: str) -> Any:
    if name in ("align", "Params"):
        from reader.align import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'reader.align' has no attribute {name!r}")
