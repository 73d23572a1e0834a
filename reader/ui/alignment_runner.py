"""Run the aligner away from the screen: small inputs in the calling thread, big ones in a
child process that a newer request (or quitting) can stop.

A thread cannot be stopped, and a long pure-Python alignment in a thread competes with
the UI for the GIL; a child process does neither.  Call ``run`` from a worker thread.
"""
from __future__ import annotations

import multiprocessing
import sys
import threading
from contextlib import contextmanager
from multiprocessing.connection import Connection

from reader.model import Alignment, Article

PROCESS_ABOVE = 200_000  # characters of article text; below this, aligning takes milliseconds
JOIN_SECONDS = 5  # how long a finished alignment process may take to exit


def _aligned(articles: list[Article], threshold: float) -> tuple[str, Alignment | str]:
    """("ok", the alignment) or ("error", what went wrong), wherever the aligner runs."""
    from reader.align import align  # imported here: not needed before the first frame

    try:
        return "ok", align(articles, threshold)
    except Exception as e:  # shown to the user as a notice, in the thread and the child alike
        return "error", f"{type(e).__name__}: {e}"


def _align_in_child(conn: Connection, articles: list[Article], threshold: float) -> None:
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
        if sum(len(a.text) for a in articles) < self.process_above:
            status, result = _aligned(articles, threshold)
            if isinstance(result, str):
                raise AlignmentFailed(result)
            return result
        context = multiprocessing.get_context("spawn")  # no fork of a threaded process
        receive, send = context.Pipe(duplex=False)
        process = context.Process(target=_align_in_child, args=(send, articles, threshold), daemon=True)
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
