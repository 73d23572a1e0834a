"""The app's alignment work: run the aligner in a worker, show its progress, cancel it, take
its answer.  The text is on screen before any of it starts; colours come when it is done.

``Aligning`` is a helper the app owns; what it needs of the app is ``AlignHost``.
"""
from __future__ import annotations

from functools import partial
from typing import Any, Callable, Protocol

from reader.model import Alignment, Article
from reader.ui.aligning.runner import AlignmentFailed, AlignmentRunner
from reader.ui.notices import BRIEF, ERROR
from reader.ui.threads import on_ui


class AlignHost(Protocol):
    """What the alignment work needs of the app."""

    articles: list[Article]
    aligner: AlignmentRunner
    threshold: float
    aligning: bool  # an alignment is running
    align_status: str  # what the title bar says of it: "aligning… 40%", "alignment cancelled"
    alignment: Alignment | None  # the latest finished alignment, shown

    def run_worker(self, work: Any, **options: Any) -> Any: ...

    def notify(self, message: str, *, severity: Any = "information", timeout: float | None = None) -> None: ...


class Aligning:
    """One alignment at a time, at the host's threshold; a newer one or ``cancel`` ends it."""

    def __init__(self, host: AlignHost, after: Callable[[Alignment], Alignment] = lambda a: a) -> None:
        self.host = host
        self.after = after  # what is done to each finished alignment before it is shown (corrections)
        self.run_id = 0  # answers of older runs are dropped
        self.percent = -1

    def start(self) -> None:
        """Align again at the current threshold; the old colours stay until the new ones are ready."""
        self.run_id += 1
        self.percent = -1
        self.host.aligning = True
        self.host.align_status = "aligning…"
        self.host.run_worker(partial(self._work, self.run_id, self.host.threshold), thread=True, exclusive=True,
                             group="align", exit_on_error=True)

    def _work(self, run_id: int, threshold: float) -> None:
        """In a worker thread."""
        try:
            result = self.host.aligner.run(self.host.articles, threshold,
                                           progress=partial(self._progress, run_id))
        except AlignmentFailed as e:
            on_ui(self.host, self._failed, run_id, str(e))
            return
        if result is not None:  # None: a newer run, or cancel, stopped this one
            on_ui(self.host, self._done, run_id, result)

    def _progress(self, run_id: int, done: int, total: int) -> None:
        """In the worker thread: tell the app when the percentage changes."""
        percent = min(100, max(0, 100 * done // total)) if total > 0 else 0
        if percent != self.percent:
            self.percent = percent
            on_ui(self.host, self._show_progress, run_id, percent)

    def _show_progress(self, run_id: int, percent: int) -> None:
        if run_id == self.run_id and self.host.aligning:
            self.host.align_status = f"aligning… {percent}% (esc cancels)"

    def _done(self, run_id: int, result: Alignment) -> None:
        if run_id == self.run_id:
            self.host.aligning = False
            self.host.align_status = ""
            self.host.alignment = self.after(result)

    def _failed(self, run_id: int, message: str) -> None:
        if run_id == self.run_id:
            self._ended("alignment failed")
            self.host.notify(f"Alignment failed: {message}", severity="error", timeout=ERROR)

    def cancel(self) -> None:
        """Stop the alignment in progress; the colours shown (if any) stay, with their threshold."""
        if not self.host.aligning:
            return
        self.run_id += 1
        self.host.aligner.stop()
        self._ended("alignment cancelled")
        self.host.notify("Alignment cancelled: + or - aligns again.", timeout=BRIEF)

    def _ended(self, status: str) -> None:
        """No alignment is running any more: the title bar says ``status`` unless one is shown."""
        shown = self.host.alignment
        if shown is not None:
            self.host.threshold = shown.threshold
        self.host.aligning = False
        self.host.align_status = "" if shown is not None else status

    def stop(self) -> None:
        """No child process is left behind (on quitting)."""
        self.run_id += 1
        self.host.aligner.stop()
