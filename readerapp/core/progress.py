"""Progress reporting and cancellation for long work, with no dependency on any UI."""

from __future__ import annotations

import threading
from typing import Protocol

from readerapp.core.errors import Cancelled


class ProgressSink(Protocol):
    def __call__(self, done: int, total: int | None, message: str) -> None: ...


def no_progress(done: int, total: int | None, message: str) -> None:
    """The sink used when nobody is watching."""


class CancelToken:
    """A flag the UI sets and the core checks between units of work."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise Cancelled("cancelled")
