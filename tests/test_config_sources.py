"""Which files set the settings: the repository's example is never read, another tool's
config.toml in the folder is not ours, and `reader config` names the file behind each value."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    pass
else:  # pragma: no cover
    pass

from reader.config import Config, load_config, user_config_path

REPO = Path(__file__).resolve().parent.parent


def write_user_config(text: str) -> Path:
    path = user_config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def reader(*args, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reader", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, timeout=60)


def test_running_from_the_repository_the_users_config_wins(monkeypatch):
    write_user_config('[ui]\ntheme = "nord"\n[keys]\njump_counterpart = "enter,c,J"\n')
    monkeypatch.chdir(REPO)
    c = load_config()
    assert c.ui.theme == "nord" and c.keys == {"jump_counterpart": "enter,c,J"}
    assert c.sources == (str(user_config_path()),)


def test_another_tools_config_toml_in_the_folder_is_not_read(tmp_path, monkeypatch):
    (tmp_path / "config.toml").write_text('baseURL = "https://example.org/"\ntheme = "ananke"\n')  # a Hugo site
    monkeypatch.chdir(tmp_path)
    assert load_config() == Config()


def test_a_folders_reader_toml_beats_the_user_config(tmp_path, monkeypatch):
    write_user_config("[align]\nthreshold = 0.4\n[ui]\npanes = 2\n")
    (tmp_path / ".reader.toml").write_text("[align]\nthreshold = 0.6\n")
    monkeypatch.chdir(tmp_path)
    c = load_config()
    assert c.align.threshold == 0.6 and c.ui.panes == 2
    assert c.origins == {"align.threshold": str(tmp_path / ".reader.toml"), "ui.panes": str(user_config_path())}


def test_reader_config_shows_each_value_and_the_file_that_set_it(tmp_path):
    user = write_user_config('[ui]\ntheme = "nord"\npanes = 2\n[highlights.tag_colors]\n"quote/paul" = "red"\n')
    explicit = tmp_path / "story.toml"
    explicit.write_text("[align]\nthreshold = 0.5\n[ui]\npanes = 4\n")
    proc = reader("config", "--config", explicit, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert f'theme = "nord"  # {user}' in lines
    assert f"panes = 4  # {explicit}" in lines  # the later file wins, and says so
    assert f"threshold = 0.5  # {explicit}" in lines
    assert "wrap_width = 0  # default" in lines
    assert f"[highlights.tag_colors]  # {user}" in lines and '"quote/paul" = "red"' in lines
    assert any(str(user) in line and "(read)" in line for line in lines if line.startswith("#"))
    assert any(".reader.toml" in line and "(not found)" in line for line in lines if line.startswith("#"))
    # the report is itself a config file that gives the same settings
    copy = tmp_path / "copy.toml"
    copy.write_text(proc.stdout)
    from reader.config import load_config as load

    again, before = load(copy), load(explicit)
    assert (again.align, again.ui, again.keys, again.highlights) == (before.align, before.ui, before.keys,
                                                                      before.highlights)


def test_help_names_the_config_files_and_which_exist():
    user = write_user_config("[ui]\npanes = 2\n")
    proc = reader("--help")
    assert f"{user} (found)" in proc.stdout and ".reader.toml" in proc.stdout and "reader config" in proc.stdout
