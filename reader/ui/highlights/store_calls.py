"""The app's calls to the highlight store, made in one worker thread, in the order asked.

The UI thread never waits for SQLite: a database another program holds could keep it for
seconds.  Each call runs in the worker (which opens its own connection), is retried while
the database is busy, with a word in the title bar ("highlights database busy, retrying…"),
and its answer (or its failure) is handed back to the UI thread.
"""
from __future__ import annotations

import sqlite3
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, Protocol, TypeVar

from reader.errors import ReaderError
from reader.highlights.store import HighlightStore, StoreBusy
from reader.ui.notices import BRIEF, ERROR
from reader.ui.threads import on_ui

RETRY_SECONDS = 0.5  # between tries while the database is busy (each try itself waits up to 2 s)
GIVE_UP_SECONDS = 30.0  # a change still not saved after this is given up, and the user told
BUSY = "highlights database busy, retrying…"

T = TypeVar("T")
Call = Callable[[HighlightStore], T]


class StoreHost(Protocol):
    """What the store calls need of the app."""

    store_status: str  # the title bar's word on the database: busy, read-only

    def post_message(self, message: Any) -> bool: ...

    def notify(self, message: str, *, severity: Any = "information", timeout: float | None = None) -> None: ...


class StoreCalls:
    """Store calls run one at a time in a worker thread; ``pending`` counts those not answered yet."""

    def __init__(self, host: StoreHost, open_store: Callable[[], HighlightStore]) -> None:
        self.host = host
        self.open_store = open_store
        self.pending = 0
        self.read_only = False
        self._store: HighlightStore | None = None  # made and used in the worker thread only
        self._closing = threading.Event()
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="reader-store")

    def submit(self, call: Call, done: Callable[[Any], None] | None = None,
               failed: Callable[[ReaderError], None] | None = None, *, patient: bool = True) -> None:
        """Run ``call(store)`` in the worker; then ``done(result)`` or ``failed(error)`` on the UI
        thread (by default the error is shown).  ``patient``: retry while the database is busy."""
        if self._closing.is_set():
            return
        self.pending += 1
        self._worker.submit(self._run, call, done, failed or self.show_error, patient)

    def show_error(self, error: ReaderError) -> None:
        self.host.notify(str(error), severity="error", timeout=ERROR)

    def _run(self, call: Call, done, failed, patient: bool) -> None:
        """In the worker thread."""
        try:
            result = self._retrying(lambda: call(self._opened()), patient)
        except ReaderError as e:
            on_ui(self.host, self._answer, failed, e)
        except BaseException as e:  # a bug: raised on the UI thread, where it ends the app visibly
            on_ui(self.host, self._answer, _raise, e)
        else:
            on_ui(self.host, self._answer, done, result)

    def _answer(self, then: Callable[[Any], None] | None, value: Any) -> None:
        self.pending -= 1
        if then is not None:
            then(value)

    def _opened(self) -> HighlightStore:
        if self._store is None:
            self._store = self.open_store()
            self.read_only = self._store.read_only
        return self._store

    def _retrying(self, attempt: Callable[[], T], patient: bool) -> T:
        """``attempt()``, tried again while the database is busy (up to GIVE_UP_SECONDS)."""
        give_up = time.monotonic() + GIVE_UP_SECONDS
        told = False
        try:
            while True:
                try:
                    return attempt()
                except (ReaderError, sqlite3.Error) as e:
                    if not _busy(e) or not patient or self._closing.is_set() or time.monotonic() > give_up:
                        raise _reader_error(e, self._store) from None
                if not told:
                    told = True
                    on_ui(self.host, self._busy, True)
                time.sleep(RETRY_SECONDS)
        finally:
            if told:
                on_ui(self.host, self._busy, False)

    def _busy(self, busy: bool) -> None:
        if busy:
            self.host.store_status = BUSY
            self.host.notify("The highlights database is busy (another program holds it): retrying…", timeout=BRIEF)
        elif self.host.store_status == BUSY:
            self.host.store_status = ""

    def close(self) -> None:
        """Finish the calls asked for (each tried once more if the database is busy), then close."""
        self._closing.set()
        self._worker.submit(self._close)
        self._worker.shutdown(wait=True)

    def _close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


def _busy(e: Exception) -> bool:
    text = str(e).lower()
    return isinstance(e, StoreBusy) or (isinstance(e, sqlite3.OperationalError) and ("locked" in text or "busy" in text))


def _reader_error(e: Exception, store: HighlightStore | None) -> ReaderError:
    """A store error as the user is told it: reads raise sqlite3 errors the store does not word."""
    if isinstance(e, ReaderError):
        return e
    name = store.name if store is not None else "the highlights database"
    if _busy(e):
        return StoreBusy(f"{name}: the highlights database is busy (another program holds it); nothing was changed, "
                         "try again")
    return ReaderError(f"{name}: {e}")


def _raise(error: BaseException) -> None:
    raise error
