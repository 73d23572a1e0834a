"""Running reader for real, in a pseudo-terminal: keys in, screen bytes out, kill -9."""
from __future__ import annotations

import fcntl
import os
import pty
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


class Terminal:
    """``reader ARGS`` in a pseudo-terminal of ``size`` (columns, rows)."""

    def __init__(self, args: list, home: Path, size: tuple[int, int] = (160, 45),
                 program: list | None = None) -> None:
        """``program``: what runs ARGS (default ``python -m reader``)."""
        main, child = pty.openpty()
        fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
        env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"),
               "XDG_DATA_HOME": str(home / "data"), "TERM": "xterm-256color", "PYTHONPATH": str(REPO)}
        program = program or [sys.executable, "-m", "reader"]
        self.proc = subprocess.Popen([*program, *map(os.fsencode, args)], stdin=child,
                                     stdout=child, stderr=child, env=env, cwd=home, start_new_session=True)
        os.close(child)
        self.main = main
        self.output = bytearray()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.main, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output += chunk

    def wait_for(self, text: bytes, seconds: float = 30) -> bool:
        """Whether ``text`` was written to the terminal within ``seconds``."""
        deadline = time.monotonic() + seconds
        while text not in self.output and time.monotonic() < deadline and self.proc.poll() is None:
            time.sleep(0.05)
        return text in self.output

    def send(self, keys: str | bytes, pause: float = 0.05) -> None:
        for ch in keys.encode() if isinstance(keys, str) else [bytes([b]) for b in keys]:
            os.write(self.main, ch if isinstance(ch, bytes) else bytes([ch]))
            time.sleep(pause)

    def kill(self) -> None:
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(10)

    def wait(self, seconds: float = 30) -> int | None:
        """The exit status, or None (and the program killed) if it did not end in time."""
        try:
            return self.proc.wait(seconds)
        except subprocess.TimeoutExpired:
            self.kill()
            return None
        finally:
            self._reader.join(2)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.kill()
        try:
            os.close(self.main)
        except OSError:
            pass
