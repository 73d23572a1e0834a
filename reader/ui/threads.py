"""Handing work from a worker thread to the app's thread."""
from __future__ import annotations

from functools import partial
from typing import Any, Callable

from textual import events
from textual.message_pump import MessagePump


def on_ui(app: MessagePump, func: Callable[..., Any], *args: Any) -> bool:
    """Run ``func(*args)`` on the app's thread soon.  Safe from any thread and never waits
    (``call_from_thread`` waits, and would wait forever on an app that is closing);
    False when the app has closed."""
    return app.post_message(events.Callback(callback=partial(func, *args)))
