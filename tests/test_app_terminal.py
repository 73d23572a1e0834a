"""The app run for real in a pseudo-terminal: kill -9 with the dialog open keeps what was
typed, a crash exits non-zero, a FIFO never hangs it, and a file name never retitles the window."""
from __future__ import annotations

import os
import shutil
import time

import pytest
from terminal_support import REPO, Terminal

from reader.highlights.store import HighlightStore

SEEDS = sorted((REPO / "articles").glob("*.txt"))


@pytest.fixture
def setup(tmp_path):
    """A config naming a database in tmp_path; returns (home, config)."""
    home = tmp_path / "home"
    home.mkdir()
    config = tmp_path / "config.toml"
    config.write_text(f'[highlights]\ndatabase = "{tmp_path / "h.db"}"\n')
    return home, config


def test_kill_9_with_the_dialog_open_keeps_what_was_typed_for_the_next_start(tmp_path, setup):
    home, config = setup
    term = Terminal(["--config", config, *SEEDS], home)
    try:
        assert term.wait_for(b"shared passages"), term.output[-2000:]
        term.send("m")
        assert term.wait_for(b"Tags (space")
        term.send("fact/cato\r")
        term.send("a note typed before the kill")
        early = HighlightStore(tmp_path / "h.db")
        assert early.list(), "the highlight itself is stored at once"
        early.close()
        time.sleep(1.5)  # the draft is written half a second after the last key
        term.kill()
    finally:
        term.close()
    store = HighlightStore(tmp_path / "h.db")
    (h,) = store.list()
    (draft,) = store.drafts()
    assert (draft.tags, draft.note) == ("fact/cato", "a note typed before the kill")
    assert draft.key.startswith(h.id)
    again = Terminal(["--config", config, *SEEDS], home)
    try:
        assert again.wait_for(b"Tags (space"), "the dialog opens again at start, with the draft"
        assert again.wait_for(b"a note typed before the kill")
        again.send(b"\x13")  # ctrl+s
        time.sleep(1.0)
        again.send("q")
        assert again.wait() == 0
    finally:
        again.close()
    (h,) = store.list()
    assert h.tags == ("fact/cato",) and h.note == "a note typed before the kill" and store.drafts() == []


CRASH = """
import sys
from reader.cli import main
from reader.ui.app import ReaderApp
ReaderApp.action_toggle_sync = lambda self: 1 / 0  # a bug, reached by a key
sys.exit(main())
"""


def test_a_crash_exits_non_zero(tmp_path, setup):
    import sys

    home, config = setup
    term = Terminal(["--config", config, *SEEDS], home, program=[sys.executable, "-c", CRASH])
    try:
        assert term.wait_for(b"shared passages"), term.output[-2000:]
        term.send("s")
        status = term.wait(30)
    finally:
        term.close()
    assert status not in (None, 0)
    assert b"ZeroDivisionError" in term.output


def test_a_fifo_given_or_in_a_folder_never_hangs_the_app(tmp_path, setup):
    home, config = setup
    folder = tmp_path / "arts"
    folder.mkdir()
    for seed in SEEDS[:2]:
        shutil.copy(seed, folder / seed.name)
    os.mkfifo(folder / "pipe.txt")
    os.mkfifo(tmp_path / "given.txt")
    term = Terminal(["--config", config, folder, tmp_path / "given.txt"], home)
    try:
        assert term.wait_for(b"shared passages", 30), term.output[-3000:]
        assert b"pipe.txt: not a regular file" in term.output and b"given.txt: not a regular file" in term.output
        term.send("q")
        assert term.wait(30) == 0
    finally:
        term.close()
