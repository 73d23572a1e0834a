"""./setup installs only when needed, says so in one line, and never stamps a failed install.

A fake ``python3`` on PATH stands in for Python, venv and pip, so these tests run the real
script in a copy of the repository without the network; it logs every call it gets.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FAKE_PYTHON = r"""#!/usr/bin/env bash
echo "python $*" >> "$FAKE_LOG"
case "$1 $2" in
  "-m venv") mkdir -p "$3/bin" && cp "$0" "$3/bin/python" ;;
  "-m pip")
    if [[ " $* " == *" -e "* ]]; then
      if [ -n "${FAKE_FAIL:-}" ]; then echo "ERROR: No matching distribution found for textual" >&2; exit 1; fi
      printf '#!/bin/sh\n' > .venv/bin/reader && chmod +x .venv/bin/reader
    fi ;;
esac
exit 0
"""


@pytest.fixture
def repo(tmp_path):
    """A copy of the repository's setup script and pyproject.toml, with a fake python3 on PATH."""
    root = tmp_path / "repo"
    root.mkdir()
    for name in ("setup", "pyproject.toml"):
        shutil.copy2(REPO / name, root / name)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "python3"
    fake.write_text(FAKE_PYTHON)
    fake.chmod(0o755)
    return root


def setup(repo: Path, fail: bool = False) -> subprocess.CompletedProcess:
    env = dict(os.environ, PATH=f"{repo.parent / 'bin'}{os.pathsep}{os.environ['PATH']}",
               FAKE_LOG=str(repo.parent / "calls.log"), TMPDIR=str(repo.parent))
    env.pop("FAKE_FAIL", None)
    if fail:
        env["FAKE_FAIL"] = "1"
    return subprocess.run(["bash", str(repo / "setup")], capture_output=True, text=True, env=env, timeout=60)


def installs(repo: Path) -> int:
    log = repo.parent / "calls.log"
    return log.read_text().count("pip install -e") if log.exists() else 0


def test_installs_once_with_one_line_then_starts_at_once(repo):
    first = setup(repo)
    assert first.returncode == 0, first.stderr
    assert installs(repo) == 1
    assert len(first.stderr.splitlines()) == 1 and first.stderr.startswith("setup: installing"), first.stderr
    assert first.stdout == ""
    second = setup(repo)
    assert second.returncode == 0 and second.stdout == second.stderr == ""
    assert installs(repo) == 1  # nothing run again
    assert not list(repo.parent.glob("reader-setup.*")), "the log of a good install is removed"


def test_a_changed_pyproject_installs_again(repo):
    setup(repo)
    with open(repo / "pyproject.toml", "a") as f:
        f.write("\n# a new dependency, say\n")
    again = setup(repo)
    assert again.returncode == 0 and installs(repo) == 2
    assert "pyproject.toml changed" in again.stderr
    setup(repo)
    assert installs(repo) == 2


def test_a_failed_install_is_told_and_not_stamped(repo):
    failed = setup(repo, fail=True)
    assert failed.returncode != 0
    assert "setup: failed while installing reader" in failed.stderr
    assert "No matching distribution found for textual" in failed.stderr  # the log's end is shown
    assert (repo / ".venv/bin/python").exists() and not (repo / ".venv/.installed-pyproject.toml").exists()
    assert setup(repo).returncode == 0 and installs(repo) == 2  # the next run tries again
    assert setup(repo).returncode == 0 and installs(repo) == 2


def test_a_failed_update_does_not_keep_the_old_stamp(repo):
    setup(repo)
    with open(repo / "pyproject.toml", "a") as f:
        f.write("\n# changed\n")
    assert setup(repo, fail=True).returncode != 0
    with open(repo / "pyproject.toml", "rb") as f:  # even after the file is changed back
        text = f.read()
    (repo / "pyproject.toml").write_bytes(text.replace(b"\n# changed\n", b""))
    assert setup(repo).returncode == 0 and installs(repo) == 3


def test_a_venv_whose_python_is_gone_is_rebuilt(repo):
    setup(repo)
    (repo / ".venv/bin/python").unlink()
    assert setup(repo).returncode == 0 and installs(repo) == 2
    assert (repo / ".venv/bin/python").exists()


def test_editable_install_is_a_plain_path_entry():
    """setuptools warns "Editable installation" when it needs an import hook for a flat
    layout; with package-dir set, the install is a .pth line naming the repository."""
    pths = list(Path(sys.prefix).glob("lib/python*/site-packages/__editable__.reader-*.pth"))
    assert len(pths) == 1, "reader is not installed in editable mode in this venv (run ./setup)"
    assert pths[0].read_text().strip() == str(REPO)
