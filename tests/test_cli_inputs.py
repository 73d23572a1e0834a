"""The command line's small front doors: --version, an article on stdin, URL arguments."""
from __future__ import annotations

import importlib.metadata
import json
import subprocess
import sys
from pathlib import Path

import pytest

import reader as reader_package


def reader(*args, stdin: bytes | None = None, cwd=None) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "-m", "reader", *map(str, args)], input=stdin, capture_output=True,
                          cwd=cwd, timeout=120)
    proc.stdout, proc.stderr = proc.stdout.decode(), proc.stderr.decode()
    return proc


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version(flag):
    proc = reader(flag)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == f"reader {reader_package.__version__}\n"
    assert importlib.metadata.version("reader") == reader_package.__version__  # one source of truth
