"""Trying the search index again after another readerapp held its writer.

A catch-up that finds the index's writer held by another process for more than a moment (its
import's indexing holds it for minutes) saves nothing less: the change is saved, its papers
stay pending, and `Library.index_behind` says so (services.library). The command line leaves
them for the next command; a window may stay open for hours without another edit, so it tries
again every few seconds until they are indexed, then runs the search again, so that the text
of what was changed meanwhile is found without another edit.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from readerapp.gui.operations import Operations
from readerapp.services.library import Library

# Between tries, and how long a try waits for the writer. A try runs on the window's one
# worker, so the searches queued behind it wait too: it asks for the writer and gives up at
# once (an edit's own catch-up waits 2 s, for another edit's commit), and the next try comes
# a few seconds later, for as long as the other process's import indexes (minutes).
RETRY_MS = 5000
RETRY_WAIT_S = 0.1


class IndexRetry(QObject):
    caught_up = Signal(int)  # papers a later try indexed

    def __init__(
        self,
        ops: Operations,
        library: Callable[[], Library | None],
        report_error: Callable[[BaseException], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self._library = library
        self._report_error = report_error
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(RETRY_MS)
        self.timer.timeout.connect(self._retry)
        self._trying = False

    def check(self) -> None:
        """After work on the worker came back: try again later if it left the index behind."""
        library = self._library()
        if library is not None and library.index_behind and not self._trying:
            self.timer.start()

    def stop(self) -> None:
        """The library is closing: its next opening catches up anyway."""
        self.timer.stop()

    def _retry(self) -> None:
        if self._library() is None:
            return
        self._trying = True
        self.ops.call(
            lambda library: library.sync_index(busy_wait=RETRY_WAIT_S), self._done, self._failed
        )

    def _done(self, count: int) -> None:
        self._trying = False
        library = self._library()
        if library is None:
            return
        if library.index_behind:
            self.timer.start()
        elif count:
            self.caught_up.emit(count)

    def _failed(self, error: BaseException) -> None:
        self._trying = False
        self._report_error(error)
