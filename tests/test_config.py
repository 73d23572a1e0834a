"""Configuration: defaults, the search path, and one-line errors."""
from __future__ import annotations

import re
from dataclasses import fields, is_dataclass
from pathlib import Path

import pytest

from reader.config import (
    NOT_SETTINGS,
    Config,
    ConfigError,
    load_config,
    user_config_path,
)

REPO = Path(__file__).resolve().parent.parent


def test_defaults_without_files():
    c = load_config()
    assert c.align.threshold == pytest.approx(0.25)
    assert c.ui.panes == 3 and c.ui.theme == "textual-dark" and c.sources == ()


def test_override_order(tmp_path):
    user = user_config_path()
    user.parent.mkdir(parents=True)
    user.write_text("[ui]\npanes = 2\ntheme = 'nord'\n")
    Path(".reader.toml").write_text("[ui]\npanes = 4\n")
    explicit = tmp_path / "x.toml"
    explicit.write_text("[align]\nthreshold = 0.5\n")
    c = load_config(explicit)
    assert c.ui.theme == "nord"  # only the user file sets it
    assert c.ui.panes == 4  # the folder's .reader.toml beats user
    assert c.align.threshold == 0.5  # --config last
    assert len(c.sources) == 3


@pytest.mark.parametrize("text,pattern", [
    ("[align]\nthreshhold = 0.3\n", r"unknown setting 'align.threshhold'; did you mean 'threshold'\?"),
    ("[ui]\npanes = 'three'\n", r"'ui.panes' must be a whole number, not a string"),
    ("[align]\nthreshold = 2\n", r"'align.threshold' must be between 0 and 1"),
    ("[ui]\npanes = 0\n", r"'ui.panes' must be between 1 and 12"),
    ("[ui\npanes = 3\n", r"invalid TOML: .*line 1"),
    ("ui = 3\n", r"'ui' must be a table"),
    ("[uii]\n", r"did you mean 'ui'\?"),
    ("[highlights.tag_colors]\nquote = 'notacolour'\n", r"'highlights.tag_colors.quote' = 'notacolour' is not a colour"),
    ("[highlights.tag_colors]\nquote = '[bold]red'\n", r"'highlights.tag_colors.quote' = '\[bold\]red' is not a colour"),
    ("[ui]\ntheme = 'nrod'\n", r"'ui.theme' = 'nrod' is not a theme; did you mean 'nord'\?"),
])
def test_errors_are_one_line_with_file_and_key(tmp_path, text, pattern):
    path = tmp_path / "bad.toml"
    path.write_text(text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert "\n" not in message and str(path) in message
    assert re.search(pattern, message), message


def test_good_colours_and_themes_load(tmp_path):
    path = tmp_path / "ok.toml"
    path.write_text("[ui]\ntheme = 'gruvbox'\n[highlights.tag_colors]\nquote = 'magenta'\n'quote/paul' = '#ff8800'\n"
                    "x = 'rgb(1,2,3)'\n")
    c = load_config(path)
    assert c.ui.theme == "gruvbox" and c.highlights.tag_colors["quote/paul"] == "#ff8800"


def test_a_config_that_is_not_utf8(tmp_path):
    path = tmp_path / "latin1.toml"
    path.write_bytes(b"[ui]\ntheme = 'caf\xe9'\n")
    with pytest.raises(ConfigError, match=r"latin1.toml: not UTF-8 text \(byte 17\)"):
        load_config(path)


def test_missing_explicit_file(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "nope.toml")


def _leaves(obj, prefix=""):
    for f in fields(obj):
        if f.name in NOT_SETTINGS:
            continue
        value = getattr(obj, f.name)
        if is_dataclass(value):
            yield from _leaves(value, prefix + f.name + ".")
        else:
            yield prefix + f.name


def test_example_config_documents_every_setting_with_its_default():
    c = load_config(REPO / "config.toml")
    assert c.align.threshold == Config().align.threshold and c.ui == Config().ui
    text = (REPO / "config.toml").read_text()
    for dotted in _leaves(Config()):
        section, _, key = dotted.rpartition(".")
        assert (f"[{section}]" in text if section else True) and re.search(rf"^#?\s*{key}\b|\[{re.escape(dotted)}\]", text, re.M), dotted
