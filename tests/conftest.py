"""Fixtures shared by the tests; every test runs isolated from the user's config and data."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "articles"


@pytest.fixture(autouse=True)
def isolated(tmp_path_factory, monkeypatch):
    """No user config, data or folder config (.reader.toml) leaks into a test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    work = tmp_path_factory.mktemp("cwd")
    monkeypatch.chdir(work)
    return home


@pytest.fixture
def long_flash(monkeypatch):
    """A flash lasts 0.7 s, and a busy machine (pytest -n 4) can take longer than that to reach
    the check: in a test that looks at a flash, it stays."""
    monkeypatch.setattr("reader.ui.app.FLASH_SECONDS", 600)


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def seed_paths() -> list[Path]:
    """The three seed articles, in folder (name) order."""
    return sorted(SEEDS.glob("*.txt"))
