"""How much memory a process and its children hold (resident set size), read from /proc.

Where /proc is missing (not Linux), nothing is known and every figure is 0.
"""
from __future__ import annotations

import os

PAGE = 1024  # /proc/PID/status gives VmRSS in kB


def rss(pid: int) -> int:
    """Bytes of memory ``pid`` holds now; 0 when it is gone or unknown."""
    try:
        with open(f"/proc/{pid}/status", "rb") as f:
            for line in f:
                if line.startswith(b"VmRSS:"):
                    return int(line.split()[1]) * PAGE
    except (OSError, ValueError, IndexError):
        pass
    return 0


def children(pid: int) -> list[int]:
    """The processes ``pid`` started (of every thread of it)."""
    found: list[int] = []
    try:
        threads = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for tid in threads:
        try:
            with open(f"/proc/{pid}/task/{tid}/children", "rb") as f:
                found += [int(x) for x in f.read().split()]
        except (OSError, ValueError):
            continue
    return found


def tree(pid: int) -> list[int]:
    """``pid`` and all its descendants."""
    pids, todo = [], [pid]
    while todo:
        p = todo.pop()
        pids.append(p)
        todo += children(p)
    return pids


def tree_rss(pid: int | None = None) -> int:
    """Bytes held by ``pid`` (this process by default) and all its descendants."""
    return sum(rss(p) for p in tree(os.getpid() if pid is None else pid))
