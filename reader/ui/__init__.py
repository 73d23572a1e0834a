"""The Textual app, a thin layer over the engine; ``run_app`` loads Textual when first asked for."""
from __future__ import annotations

from typing import Any

__all__ = ["run_app"]


def __getattr__(name: str) -> Any:
    if name == "run_app":
        from reader.ui.launch import run_app

        return run_app
    raise AttributeError(f"module 'reader.ui' has no attribute {name!r}")
