"""Export writes where the user pointed: through links, straight to devices and FIFOs (never
replacing or reading them), atomically to files, with the umask's mode, cleaning our stale temps."""
from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import threading
import time

import pytest

from reader.errors import ReaderError
from reader.highlights.export import write_export
from reader.highlights.merge import merge
from reader.highlights.writing import atomic_write, clean_stale_temps

BLOCK = "---\n# reader:begin\ntitle: \"Highlights\"\n---\n\n<!-- reader:body -->\n\nbody\n<!-- reader:end -->\n"
ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def test_a_symlink_is_written_through(tmp_path):
    real = tmp_path / "real.md"
    real.write_text("mine\n")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    write_export(BLOCK, "md", link)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text() == merge("mine\n", BLOCK) and real.read_text().startswith("---\n# reader:begin")


def test_a_dangling_symlink_creates_its_target(tmp_path):
    link = tmp_path / "link.md"
    link.symlink_to(tmp_path / "new.md")
    write_export(BLOCK, "json", link)
    assert link.is_symlink() and (tmp_path / "new.md").read_text() == BLOCK


def test_a_link_to_stdout_writes_to_stdout_and_stays_a_link(tmp_path):
    link = tmp_path / "out.md"
    link.symlink_to("/proc/self/fd/1")  # what /dev/stdout is
    code = ("import sys; from pathlib import Path; from reader.highlights.export import write_export; "
            f"write_export({BLOCK!r}, sys.argv[1], Path(sys.argv[2]))")
    for fmt in ("md", "json"):
        proc = subprocess.run([sys.executable, "-c", code, fmt, str(link)], capture_output=True, text=True, timeout=30)
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout == BLOCK and link.is_symlink()


def test_a_fifo_is_written_straight_and_stays_a_fifo(tmp_path):
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text()))
    reader.start()
    deadline = time.time() + 10
    while True:  # the reader thread must have the FIFO open first
        try:
            write_export(BLOCK, "md", fifo)
            break
        except ReaderError:
            assert time.time() < deadline
            time.sleep(0.05)
    reader.join(10)
    assert got == [BLOCK] and stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_fifo_nobody_reads_is_an_error_not_a_hang(tmp_path):
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    with pytest.raises(ReaderError, match="nothing reads from this FIFO"):
        write_export(BLOCK, "md", fifo)


@pytest.mark.skipif(not ROOT, reason="making a device node needs root")
@pytest.mark.parametrize("fmt", ["md", "json"])
@pytest.mark.parametrize("minor", [3, 5], ids=["null", "zero"])
def test_a_character_device_is_never_read_nor_replaced(tmp_path, fmt, minor):
    dev = tmp_path / "dev"
    os.mknod(dev, 0o666 | stat.S_IFCHR, os.makedev(1, minor))  # /dev/null or /dev/zero, in a temp folder
    code = ("import sys; from pathlib import Path; from reader.highlights.export import write_export; "
            f"write_export({BLOCK!r}, sys.argv[1], Path(sys.argv[2]))")
    proc = subprocess.run([sys.executable, "-c", code, fmt, str(dev)], capture_output=True, text=True, timeout=30)
    assert proc.returncode == 0, proc.stderr  # /dev/zero was read forever (MemoryError) before
    assert stat.S_ISCHR(os.stat(dev).st_mode)  # the JSON export replaced the node with a file before


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(ReaderError, match="is a folder"):
        write_export(BLOCK, "md", tmp_path)


def test_a_symlink_loop_is_named(tmp_path):
    loop = tmp_path / "loop.md"
    loop.symlink_to(loop)
    with pytest.raises(ReaderError, match="symbolic link loop"):
        write_export(BLOCK, "md", loop)


def test_a_full_disk_is_one_line_and_leaves_the_file_and_no_temp(tmp_path, monkeypatch):
    out = tmp_path / "out.md"
    out.write_text("before\n")

    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(ReaderError) as info:
        write_export(BLOCK, "md", out)
    assert "No space left on device" in str(info.value) and "\n" not in str(info.value)
    assert out.read_text() == "before\n" and sorted(tmp_path.iterdir()) == [out]


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_stale_temp_files_of_ours_are_cleaned_on_the_next_export(tmp_path):
    out = tmp_path / "out.md"
    killed = tmp_path / f".out.md.{dead_pid()}.0123abcd.tmp"  # left by an export killed with -9
    old_style = tmp_path / ".out.md.k2x_9abc.tmp"  # the mkstemp pattern of older readers
    live = tmp_path / f".out.md.{os.getpid()}.89abcdef.tmp"  # an export still running
    other = tmp_path / ".out.md.my-notes.tmp"  # not our pattern
    for p in (killed, old_style, live, other):
        p.write_text("partial")
    old = time.time() - 3600
    os.utime(old_style, (old, old))
    write_export(BLOCK, "md", out)
    assert not killed.exists() and not old_style.exists()
    assert live.exists() and other.exists() and out.read_text() == BLOCK
    assert clean_stale_temps(out) == []


def test_a_killed_export_leaves_nothing_the_next_one_keeps(tmp_path):
    out = tmp_path / "out.md"
    code = ("import os, sys, signal; from pathlib import Path; import reader.highlights.writing as w; "
            "os.fsync = lambda fd: os.kill(os.getpid(), signal.SIGKILL); "
            "w.atomic_write(Path(sys.argv[1]), 'x' * 100000)")
    proc = subprocess.run([sys.executable, "-c", code, str(out)], timeout=30)
    assert proc.returncode == -9
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # the killed export's temp
    write_export(BLOCK, "md", out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.md"]


def test_a_new_file_gets_the_umask_mode_and_an_existing_file_keeps_its_own(tmp_path):
    out = tmp_path / "out.md"
    old = os.umask(0o022)
    try:
        atomic_write(out, "one")
        assert stat.S_IMODE(os.stat(out).st_mode) == 0o644
        os.chmod(out, 0o600)
        atomic_write(out, "two")
        assert stat.S_IMODE(os.stat(out).st_mode) == 0o600 and out.read_text() == "two"
        os.umask(0o077)
        atomic_write(tmp_path / "private.md", "x")
        assert stat.S_IMODE(os.stat(tmp_path / "private.md").st_mode) == 0o600
    finally:
        os.umask(old)
