"""Run the aligner away from the screen: nothing for one article, small inputs in the calling
thread, big ones in a child process that a newer request (or quitting) can stop, and whose
memory is capped (``memory_budget``): an alignment that would need more fails with a notice
instead of pushing the machine into swap.

A thread cannot be stopped, and a long pure-Python alignment in a thread competes with
the UI for the GIL; a child process does neither.  Call ``run`` from a worker thread.
"""
from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from contextlib import contextmanager
from multiprocessing.connection import Connection

from reader.model import Alignment, Article

PROCESS_ABOVE = 200_000  # characters of article text; below this, aligning takes milliseconds
JOIN_SECONDS = 5  # how long a finished alignment process may take to exit
MEMORY_HEADROOM = 512 << 20  # bytes of address space the aligner may always add (libraries, tables)
MEMORY_PER_CHAR = 200  # ... and per character of article text (its peak is near 90)


def memory_budget(articles: list[Article]) -> int:
    """The address space (bytes) the aligner may add in the child for these articles."""
    return MEMORY_HEADROOM + MEMORY_PER_CHAR * sum(len(a.text) for a in articles)


def _cap_memory(budget: int) -> None:
    """Cap this process's address space at what it holds now plus ``budget`` (Linux), with one
    thread for numeric libraries (their per-thread buffers would eat the cap)."""
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")
    try:
        import resource

        with open("/proc/self/status") as f:
            held = next(int(line.split()[1]) * 1024 for line in f if line.startswith("VmSize:"))
        hard = resource.getrlimit(resource.RLIMIT_AS)[1]
        limit = held + budget if hard == resource.RLIM_INFINITY else min(held + budget, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, OSError, ValueError, StopIteration):
        pass  # no cap on this platform: the alignment still runs


def _aligned(articles: list[Article], threshold: float) -> tuple[str, Alignment | str]:
    """("ok", the alignment) or ("error", what went wrong), wherever the aligner runs."""
    try:
        from reader.align import align  # imported here: not needed before the first frame

        return "ok", align(articles, threshold)
    except MemoryError:
        return "error", "the alignment needs more memory than it may use; try fewer or shorter articles"
    except Exception as e:  # shown to the user as a notice, in the thread and the child alike
        return "error", f"{type(e).__name__}: {e}"


def _align_in_child(conn: Connection, articles: list[Article], threshold: float, budget: int) -> None:
    _cap_memory(budget)
    status, result = _aligned(articles, threshold)
    try:
        conn.send((status, result.groups if isinstance(result, Alignment) else result))
    except OSError:
        pass  # the parent is gone: nobody to tell, and nothing may reach its terminal
    finally:
        conn.close()


@contextmanager
def _real_stderr():
    """Textual swaps sys.stderr for a capture without a file descriptor, which multiprocessing
    needs when it starts its helper processes: lend it the real one meanwhile."""
    captured, sys.stderr = sys.stderr, sys.__stderr__
    try:
        yield
    finally:
        sys.stderr = captured


class AlignmentFailed(Exception):
    """The aligner raised; the message says what happened."""


class AlignmentRunner:
    """One alignment at a time; starting another stops the one in progress."""

    def __init__(self, process_above: int = PROCESS_ABOVE) -> None:
        self.process_above = process_above
        self._lock = threading.Lock()
        self._process: multiprocessing.Process | None = None

    def run(self, articles: list[Article], threshold: float) -> Alignment | None:
        """Align (blocking); ``None`` when a newer run or ``stop`` cancelled this one."""
        if len(articles) < 2:  # nothing to align: no aligner, no child process
            return Alignment(articles=articles, groups=[], threshold=threshold)
        if sum(len(a.text) for a in articles) < self.process_above:
            status, result = _aligned(articles, threshold)
            if isinstance(result, str):
                raise AlignmentFailed(result)
            return result
        context = multiprocessing.get_context("spawn")  # no fork of a threaded process
        receive, send = context.Pipe(duplex=False)
        process = context.Process(target=_align_in_child, args=(send, articles, threshold, memory_budget(articles)),
                                  daemon=True)
        with self._lock, _real_stderr():
            self._stop_locked()
            self._process = process
            process.start()
        send.close()
        try:
            status, payload = receive.recv()
        except EOFError:
            return None  # the process was stopped
        finally:
            receive.close()
            process.join(timeout=JOIN_SECONDS)
        if status != "ok":
            raise AlignmentFailed(payload)
        return Alignment(articles=articles, groups=payload, threshold=threshold)

    def stop(self) -> None:
        """Stop the alignment in progress, if any."""
        with self._lock:
            self._stop_locked()

    def _stop_locked(self) -> None:
        if self._process is not None and self._process.is_alive():
            self._process.terminate()
        self._process = None
