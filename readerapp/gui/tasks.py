"""Background work: one worker thread runs library tasks in order; results come back on the
GUI thread. One worker means one writer, and the Whoosh searcher stays on one thread."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal

from readerapp.core.errors import Cancelled

Callback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]

# How long the worker may keep the GIL while the GUI thread waits for it (Python's default is
# 5 ms). The GUI thread gives the GIL up at every call into Qt and must get it back after
# each: with the worker busy in Python (the list searched again, related papers after a star
# at 20,000 papers), each of those hundreds of returns waited up to 5 ms, 30-155 ms blocked
# in one event-loop gap; at 0.5 ms, 15-32 ms (docs/reliability.md, "Long sessions").
GUI_SWITCH_INTERVAL = 0.0005


class TaskRunner(QObject):
    # (on_done, on_error, result, error): emitted on the worker, delivered on the GUI thread.
    _finished = Signal(object, object, object, object)
    busy_changed = Signal(bool)
    failed = Signal(object)  # an exception no task-specific handler took

    def __init__(self, parent: QObject | None = None, name: str = "library") -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        if sys.getswitchinterval() > GUI_SWITCH_INTERVAL:
            sys.setswitchinterval(GUI_SWITCH_INTERVAL)
        self._pending = 0
        self._finished.connect(self._deliver)

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callback | None = None,
        on_error: ErrorCallback | None = None,
    ) -> Future[Any]:
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        future = self._executor.submit(work)

        def done(f: Future[Any]) -> None:
            error = f.exception()
            self._finished.emit(on_done, on_error, None if error else f.result(), error)

        future.add_done_callback(done)
        return future

    def _deliver(
        self,
        on_done: Callback | None,
        on_error: ErrorCallback | None,
        result: Any,
        error: BaseException | None,
    ) -> None:
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)
        if error is None:
            if on_done is not None:
                on_done(result)
        elif isinstance(error, Cancelled):
            pass  # the user asked for it; nothing to report
        elif on_error is not None:
            on_error(error)
        else:
            self.failed.emit(error)

    def wait_idle(self) -> None:
        """Blocks until queued work is done (used at shutdown, never in the event loop)."""
        self._executor.submit(lambda: None).result()

    def shutdown(self, wait: bool = True) -> None:
        self._executor.shutdown(wait=wait, cancel_futures=True)


class ProgressRelay(QObject):
    """A progress sink for core code; forwards at most ~10 updates a second to the GUI."""

    progressed = Signal(int, int, str)  # done, total (0 if unknown), message

    def __init__(self, parent: QObject | None = None, interval_s: float = 0.1) -> None:
        super().__init__(parent)
        self._interval = interval_s
        self._last = 0.0

    def __call__(self, done: int, total: int | None, message: str) -> None:
        now = time.monotonic()
        if now - self._last >= self._interval or (total is not None and done >= total):
            self._last = now
            self.progressed.emit(done, total or 0, message)
