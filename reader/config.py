"""Settings: typed defaults, overridden by TOML files found on a search path.

Order (later wins): built-in defaults, the user's config
(``platformdirs.user_config_dir("reader")/config.toml``), ``.reader.toml`` in the
current folder (a folder's own settings; named for reader, so another tool's
``config.toml`` there is no concern of ours), then ``--config FILE``.  ``Config.origins``
tells which file set each value.  Every mistake is a one-line ``ConfigError`` naming the
file and the key, with a close match for a misspelt key.
"""
from __future__ import annotations

import difflib
import sys
from dataclasses import dataclass, field, fields, is_dataclass, replace
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from reader.align.types import DEFAULT_THRESHOLD
from reader.errors import ReaderError


class ConfigError(ReaderError):
    """A bad config file or value."""


FOLDER_CONFIG = ".reader.toml"  # settings of the folder reader runs in


def user_config_path() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("reader")) / "config.toml"


def default_database() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("reader")) / "highlights.sqlite3"


@dataclass(frozen=True)
class AlignConfig:
    threshold: float = DEFAULT_THRESHOLD


@dataclass(frozen=True)
class UIConfig:
    theme: str = "textual-dark"
    panes: int = 3
    wrap_width: int = 0
    sync_scroll: bool = True


@dataclass(frozen=True)
class HighlightsConfig:
    database: str = ""  # empty: the platform data dir
    export_file: str = "highlights.md"  # where x in the app exports (relative to the current folder)
    tag_colors: dict[str, str] = field(default_factory=dict)

    @property
    def database_path(self) -> Path:
        return Path(self.database).expanduser() if self.database else default_database()


@dataclass(frozen=True)
class Config:
    articles: str = "articles"
    align: AlignConfig = field(default_factory=AlignConfig)
    ui: UIConfig = field(default_factory=UIConfig)
    keys: dict[str, str] = field(default_factory=dict)
    highlights: HighlightsConfig = field(default_factory=HighlightsConfig)
    sources: tuple[str, ...] = ()  # the files that were read, for --help and errors
    origins: dict[str, str] = field(default_factory=dict)  # dotted setting -> the file that set it


NOT_SETTINGS = ("sources", "origins")  # Config fields that say where settings came from


RANGES: dict[str, tuple[float, float]] = {
    "align.threshold": (0.0, 1.0),
    "ui.panes": (1, 12),
    "ui.wrap_width": (0, 1000),
}


def search_candidates(explicit: Path | None = None) -> list[tuple[str, Path | None]]:
    """Where settings are looked for, lowest priority first: (what the place is, its path)."""
    return [("user config", user_config_path()), ("this folder", Path.cwd() / FOLDER_CONFIG),
            ("--config FILE", explicit)]


def search_path(explicit: Path | None = None) -> list[Path]:
    """The config files that exist, lowest priority first."""
    found = [p for _, p in search_candidates()[:-1] if p is not None and p.is_file()]
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(f"{explicit}: config file not found")
        found.append(explicit)
    unique: list[Path] = []
    for p in found:
        if all(p.resolve() != q.resolve() for q in unique):
            unique.append(p)
    return unique


def load_config(explicit: Path | None = None) -> Config:
    """Defaults overridden by every config file on the search path."""
    config = Config()
    sources: list[str] = []
    origins: dict[str, str] = {}
    for path in search_path(explicit):
        data = read_toml(path)
        config = merge(config, data, str(path))
        sources.append(str(path))
        origins.update(dict.fromkeys(settings_in(config, data), str(path)))
    return replace(config, sources=tuple(sources), origins=origins)


def settings_in(base: Any, data: dict, prefix: str = "") -> list[str]:
    """The dotted names of the settings that ``data`` (already checked by ``merge``) sets."""
    names = []
    for key, value in data.items():
        current = getattr(base, key)
        if is_dataclass(current):
            names += settings_in(current, value, f"{prefix}{key}.")
        else:
            names.append(prefix + key)
    return names


def read_toml(path: Path) -> dict:
    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: invalid TOML: {e}") from None
    except UnicodeDecodeError as e:
        raise ConfigError(f"{path}: not UTF-8 text (byte {e.start}); save it as UTF-8") from None
    except OSError as e:
        raise ConfigError(f"{path}: cannot read ({e.strerror or e})") from None


def merge(base: Any, data: dict, source: str, prefix: str = "") -> Any:
    """``base`` (a config dataclass) with the values of ``data`` checked and applied."""
    known = {f.name: f for f in fields(base) if f.name not in NOT_SETTINGS}
    changes = {}
    for key, value in data.items():
        dotted = prefix + key
        if key not in known:
            raise ConfigError(f"{source}: unknown setting '{dotted}'{_hint(key, known)}")
        current = getattr(base, key)
        if is_dataclass(current):
            if not isinstance(value, dict):
                raise ConfigError(f"{source}: '{dotted}' must be a table ([{dotted}])")
            changes[key] = merge(current, value, source, dotted + ".")
        else:
            changes[key] = _check(dotted, current, value, source)
    return replace(base, **changes)


def _check(dotted: str, current: Any, value: Any, source: str) -> Any:
    expected = type(current)
    if expected is dict:
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise ConfigError(f"{source}: '{dotted}' must be a table of strings")
        if dotted == "highlights.tag_colors":
            _check_colours(value, dotted, source)
        return {str(k): v for k, v in value.items()}
    if expected is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
        raise ConfigError(
            f"{source}: '{dotted}' must be {_type_name(expected)}, not {_type_name(type(value))} ({value!r})"
        )
    if dotted == "ui.theme":
        _check_theme(value, source)
    if dotted in RANGES:
        lo, hi = RANGES[dotted]
        if not lo <= value <= hi:
            raise ConfigError(f"{source}: '{dotted}' must be between {lo:g} and {hi:g}, not {value!r}")
    return value


def _check_colours(colours: dict[str, str], dotted: str, source: str) -> None:
    """Each value a colour Rich (and so the app) can draw: a name, #rrggbb, rgb(r,g,b)."""
    from rich.color import Color, ColorParseError

    for tag, colour in colours.items():
        try:
            Color.parse(colour)
        except ColorParseError:
            raise ConfigError(f"{source}: '{dotted}.{tag}' = {colour!r} is not a colour "
                              "(a name such as 'magenta', '#ff8800' or 'rgb(255,136,0)')") from None


def _check_theme(theme: str, source: str) -> None:
    """A theme Textual ships with (the app checks again, with any registered later)."""
    from textual.theme import BUILTIN_THEMES

    if theme not in BUILTIN_THEMES:
        raise ConfigError(f"{source}: 'ui.theme' = {theme!r} is not a theme{_hint(theme, BUILTIN_THEMES)}")


def _hint(key: str, known: dict) -> str:
    close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else f" (known: {', '.join(sorted(known))})"


def _type_name(t: type) -> str:
    return {str: "a string", int: "a whole number", float: "a number", bool: "true or false",
            dict: "a table", list: "a list"}.get(t, t.__name__)
