"""Run the aligner away from the screen: nothing for one article, small inputs in the calling
thread, big ones in a child process that a newer request, Esc or quitting can stop.  The
child's address space is capped (``memory_budget``), and the whole process tree is watched
(``MEMORY_LIMIT``): an alignment that would need more fails with a notice instead of pushing
the machine into swap.

A thread cannot be stopped, and a long pure-Python alignment in a thread competes with
the UI for the GIL; a child process does neither.  Call ``run`` from a worker thread.

An aligner that takes a ``progress`` callback (``align(articles, threshold, progress=cb)``,
``cb(done, total)``) is told where to report: the child sends each report back through its
pipe, at most every ``PROGRESS_SECONDS``.  An aligner without the parameter is called
without it (its signature says so).  The child sends back only the groups, and while it
works the whole process tree (app and child) is kept under ``MEMORY_LIMIT``: past it the
child is stopped and the alignment fails with a message.
"""
from __future__ import annotations

import inspect
import multiprocessing
import os
import sys
import threading
import time
from contextlib import contextmanager
from multiprocessing.connection import Connection
from typing import Callable

from reader.model import Alignment, Article
from reader.ui.aligning.memory import tree_rss

PROCESS_ABOVE = 200_000  # characters of article text; below this, aligning takes milliseconds
JOIN_SECONDS = 5  # how long a finished alignment process may take to exit
PROGRESS_SECONDS = 0.1  # the child reports progress at most this often
WATCH_SECONDS = 0.2  # how often the memory of the process tree is looked at while the child works
MEMORY_LIMIT = 900 * 2**20  # bytes, the app and its children: under 1 GB with room for what grows between looks
MEMORY_HEADROOM = 512 << 20  # bytes of address space the aligner may always add (libraries, tables)
MEMORY_PER_CHAR = 200  # ... and per character of article text (its peak is near 90)

Progress = Callable[[int, int], None]  # (done, total), e.g. article pairs compared
Aligner = Callable[..., Alignment]


def takes_progress(aligner: Aligner) -> bool:
    """Whether ``aligner`` accepts a ``progress`` keyword (by its signature, never by trying)."""
    try:
        params = inspect.signature(aligner).parameters.values()
    except (TypeError, ValueError):  # a builtin without a signature
        return False
    return any(p.name == "progress" and p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY) or p.kind == p.VAR_KEYWORD
               for p in params)


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


def _default_aligner() -> Aligner:
    from reader.align import (
        align,  # imported when first needed: not before the first frame
    )

    return align


def _aligned(articles: list[Article], threshold: float, aligner: Aligner | None,
             progress: Progress | None) -> tuple[str, Alignment | str]:
    """("ok", the alignment) or ("error", what went wrong), wherever the aligner runs."""
    align = aligner or _default_aligner()
    try:
        if progress is not None and takes_progress(align):
            return "ok", align(articles, threshold, progress=progress)
        return "ok", align(articles, threshold)
    except MemoryError:
        return "error", "the alignment needs more memory than it may use; try fewer or shorter articles"
    except Exception as e:  # shown to the user as a notice, in the thread and the child alike
        return "error", f"{type(e).__name__}: {e}"


class _Reporter:
    """The child's progress callback: sends (done, total) down the pipe, not too often."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.last = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self.last >= PROGRESS_SECONDS or done >= total:
            self.last = now
            self.conn.send(("progress", int(done), int(total)))


def _align_in_child(conn: Connection, articles: list[Article], threshold: float, aligner: Aligner | None,
                    budget: int) -> None:
    _cap_memory(budget)
    try:
        status, result = _aligned(articles, threshold, aligner, _Reporter(conn))
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
    """The aligner raised, ran out of the memory allowed, or its process died; the message says which."""


class AlignmentRunner:
    """One alignment at a time; starting another stops the one in progress."""

    def __init__(self, process_above: int = PROCESS_ABOVE, aligner: Aligner | None = None,
                 memory_limit: int = MEMORY_LIMIT) -> None:
        self.process_above = process_above
        self.aligner = aligner  # None: reader.align.align
        self.memory_limit = memory_limit
        self._lock = threading.Lock()
        self._process: multiprocessing.Process | None = None

    def run(self, articles: list[Article], threshold: float, progress: Progress | None = None) -> Alignment | None:
        """Align (blocking); ``None`` when a newer run or ``stop`` cancelled this one.
        ``progress(done, total)`` is called from this thread as the aligner reports."""
        if len(articles) < 2:  # nothing to align: no aligner, no child process
            return Alignment(articles=articles, groups=[], threshold=threshold)
        if sum(len(a.text) for a in articles) < self.process_above:
            status, result = _aligned(articles, threshold, self.aligner, progress)
            if isinstance(result, str):
                raise AlignmentFailed(result)
            return result
        context = multiprocessing.get_context("spawn")  # no fork of a threaded process
        receive, send = context.Pipe(duplex=False)
        aligner = self.aligner or _default_aligner()  # by name: the child imports the same function
        process = context.Process(target=_align_in_child, args=(send, articles, threshold, aligner,
                                                                         memory_budget(articles)), daemon=True)
        with self._lock, _real_stderr():
            self._stop_locked()
            self._process = process
            process.start()
        send.close()
        try:
            groups = self._receive(receive, process, progress)
        finally:
            receive.close()
            process.join(timeout=JOIN_SECONDS)
        return None if groups is None else Alignment(articles=articles, groups=groups, threshold=threshold)

    def _receive(self, receive: Connection, process: multiprocessing.Process, progress: Progress | None):
        """The child's groups; None if it was stopped.  Progress reports are passed on meanwhile."""
        looked = time.monotonic()
        while True:
            if time.monotonic() - looked >= WATCH_SECONDS:  # also while reports keep coming
                self._check_memory(process)
                looked = time.monotonic()
            if not receive.poll(WATCH_SECONDS):
                continue
            try:
                message = receive.recv()
            except EOFError:
                return self._ended(process)
            if message[0] == "progress":
                if progress is not None:
                    progress(message[1], message[2])
            elif message[0] == "ok":
                return message[1]
            else:
                raise AlignmentFailed(message[1])

    def _check_memory(self, process: multiprocessing.Process) -> None:
        used = tree_rss()
        if used > self.memory_limit and process.is_alive():
            process.terminate()
            raise AlignmentFailed(f"aligning needs more memory than allowed: the app and the aligner held "
                                  f"{used // 2**20} MB, the limit is {self.memory_limit // 2**20} MB")

    def _ended(self, process: multiprocessing.Process) -> None:
        """The child closed its pipe without an answer: stopped (None), else it died (AlignmentFailed)."""
        with self._lock:
            stopped = self._process is not process
        if stopped:
            return None
        process.join(timeout=JOIN_SECONDS)
        raise AlignmentFailed(f"the aligning process ended without an answer (exit status {process.exitcode})")

    def stop(self) -> None:
        """Stop the alignment in progress, if any."""
        with self._lock:
            self._stop_locked()

    def _stop_locked(self) -> None:
        if self._process is not None and self._process.is_alive():
            self._process.terminate()
        self._process = None
