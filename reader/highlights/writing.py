"""Write an export where the user pointed, and nowhere else.

* a symbolic link is followed: the file it points to is written, the link stays;
* a regular file is replaced atomically (a temp file beside it, fsync, rename), keeping its
  mode and owner; a new file gets its mode from the umask;
* a character device or a FIFO (``/dev/stdout``, a terminal, a pipe) is written straight,
  never read and never replaced; a block device or a socket is refused;
* a temp file of ours left by a killed export is removed by the next export to that file.
"""
from __future__ import annotations

import errno
import fcntl
import os
import re
import secrets
import stat
import time
from dataclasses import dataclass
from pathlib import Path

from reader.errors import ReaderError
from reader.safe_text import show_path

STALE_SECONDS = 60  # a temp file without a process id (older readers) is stale after this


@dataclass(frozen=True)
class Target:
    """Where an export goes: ``path`` (links resolved) and what is there now."""

    path: Path
    mode: int | None  # st_mode of what exists, None when nothing does

    @property
    def is_file(self) -> bool:
        return self.mode is not None and stat.S_ISREG(self.mode)

    @property
    def is_stream(self) -> bool:
        """A character device or FIFO: written straight, never read or replaced."""
        return self.mode is not None and (stat.S_ISCHR(self.mode) or stat.S_ISFIFO(self.mode))


def target(output: Path) -> Target:
    """What ``output`` names, following links; a folder, device or loop is a one-line error."""
    try:
        info = os.stat(output)
    except FileNotFoundError:
        info = None
    except OSError as e:
        reason = "a symbolic link loop" if e.errno == errno.ELOOP else (e.strerror or str(e))
        raise ReaderError(f"{show_path(output)}: cannot write ({reason})") from None
    if info is not None and not stat.S_ISREG(info.st_mode):
        if stat.S_ISDIR(info.st_mode):
            raise ReaderError(f"{show_path(output)}: is a folder; give a file name")
        if not (stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode)):
            raise ReaderError(f"{show_path(output)}: not a regular file (a block device or socket); not written")
        return Target(Path(output), info.st_mode)  # written straight: keep the name as given
    return Target(Path(os.path.realpath(output)), None if info is None else info.st_mode)


def read_existing(where: Target) -> str | None:
    """The text of the regular file there now, or None (nothing there, or a device)."""
    if not where.is_file:
        return None
    try:
        return where.path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        reason = e.strerror if isinstance(e, OSError) else f"not UTF-8 at byte {e.start}"
        raise ReaderError(f"{show_path(where.path)}: cannot read the existing file ({reason}); "
                          "it was left untouched") from None


def write_to(where: Target, text: str) -> None:
    """Write ``text`` to the target: straight to a stream, else atomically."""
    if where.is_stream:
        write_stream(where.path, text)
    else:
        atomic_write(where.path, text)


def write_stream(path: Path, text: str) -> None:
    """Write to a device or FIFO as it is (no temp file, no rename, nothing read)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as e:
        reason = "nothing reads from this FIFO" if e.errno == errno.ENXIO else (e.strerror or str(e))
        raise ReaderError(f"{show_path(path)}: cannot write ({reason})") from None
    try:
        fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) & ~os.O_NONBLOCK)
        _write_all(fd, text.encode("utf-8"))
    except OSError as e:
        raise ReaderError(f"{show_path(path)}: cannot write ({e.strerror or e})") from None
    finally:
        os.close(fd)


def atomic_write(path: Path, text: str) -> None:
    """Replace ``path`` all at once: a temp file in the same folder, fsync, rename."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    clean_stale_temps(path)
    try:
        existing = os.stat(path)
    except OSError:
        existing = None
    tmp = folder / f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # the umask applies
    except OSError as e:
        raise ReaderError(f"{show_path(path)}: cannot write here ({e.strerror or e})") from None
    try:
        try:
            _write_all(fd, text.encode("utf-8"))
            if existing is not None:
                _keep_owner_and_mode(fd, existing)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except OSError as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise ReaderError(f"{show_path(path)}: cannot write ({e.strerror or e}); the file was left as it was") from None


def _keep_owner_and_mode(fd: int, existing: os.stat_result) -> None:
    try:
        os.fchown(fd, existing.st_uid, existing.st_gid)
    except OSError:
        pass  # not ours to give away: the mode is still kept
    os.fchmod(fd, stat.S_IMODE(existing.st_mode))


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def clean_stale_temps(path: Path) -> list[Path]:
    """Remove temp files of ours beside ``path`` whose writer is gone; the paths removed."""
    folder = path.parent if str(path.parent) else Path(".")
    ours = re.compile(r"\.%s\.(?:(\d+)\.[0-9a-f]{8}|[a-z0-9_]{8})\.tmp" % re.escape(path.name))
    removed = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        m = ours.fullmatch(name)
        if m and _stale(folder / name, m.group(1)):
            try:
                os.unlink(folder / name)
                removed.append(folder / name)
            except OSError:
                pass
    return removed


def _stale(tmp: Path, pid: str | None) -> bool:
    try:
        info = os.lstat(tmp)
    except OSError:
        return False
    if not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid():
        return False  # not a file we wrote
    if pid is None:  # the pattern of older readers (mkstemp): stale once old enough
        return time.time() - info.st_mtime > STALE_SECONDS
    return not _alive(int(pid))


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
