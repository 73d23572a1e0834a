"""``reader config``: every setting with its value and the file that set it, as TOML.

The output is itself a valid config file: the values are TOML, where they came from is
in comments, so it can be read, diffed, or copied into a config file.
"""
from __future__ import annotations

import json
import re
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any

from reader.config import NOT_SETTINGS, Config, search_candidates
from reader.safe_text import safe

BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def config_report(config: Config, explicit: Path | None) -> str:
    """The settings in effect, each with the file that set it ("default" when none did)."""
    lines = ["# reader's settings in effect: each value, and the file that set it.",
             "# Files read, lowest priority first (a later one wins):"]
    for place, path in search_candidates(explicit):
        state = "not given" if path is None else "read" if _was_read(path, config) else "not found"
        lines.append(f"#   {place:<14} {safe(str(path or '')):<50} ({state})")
    lines += ["# Every setting is explained in config.toml in reader's repository.", ""]
    lines += _section(config, "", config.origins)
    lines += ["", f"# highlights are stored in {safe(str(config.highlights.database_path))}"]
    return "\n".join(lines) + "\n"


def _was_read(path: Path, config: Config) -> bool:
    return any(path.resolve() == Path(source).resolve() for source in config.sources)


def _section(obj: Any, name: str, origins: dict[str, str]) -> list[str]:
    """A TOML table: its plain settings first (TOML needs them before sub-tables), then tables."""
    lines = [f"[{name}]"] if name else []
    tables = []
    for f in fields(obj):
        if f.name in NOT_SETTINGS:
            continue
        dotted = f"{name}.{f.name}" if name else f.name
        value = getattr(obj, f.name)
        if is_dataclass(value) or isinstance(value, dict):
            tables.append((dotted, value))
        else:
            lines.append(f"{f.name} = {_value(value)}  # {_origin(dotted, origins)}")
    for dotted, value in tables:
        lines.append("")
        lines += _section(value, dotted, origins) if is_dataclass(value) else _table(dotted, value, origins)
    return lines


def _table(dotted: str, table: dict[str, str], origins: dict[str, str]) -> list[str]:
    lines = [f"[{dotted}]  # {_origin(dotted, origins)}"]
    lines += [f"{_key(k)} = {_value(v)}" for k, v in table.items()] or ["# (empty)"]
    return lines


def _origin(dotted: str, origins: dict[str, str]) -> str:
    return safe(origins.get(dotted, "default"))


def _key(key: str) -> str:
    return key if BARE_KEY.fullmatch(key) else _value(key)


def _value(value: Any) -> str:
    """A TOML value, safe for the terminal."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    return safe(json.dumps(str(value), ensure_ascii=False))  # a JSON string is a TOML basic string
