"""Reads and writes on the library worker, and one signal that says what a write changed.

Every edit from the window goes through `write`: its service returns an Applied, and once it
is back on the GUI thread `changed` carries its Changes. Views connect to `changed` and redraw
only what it names (the table its rows, the sidebar its lists, the detail pane its paper).
Model: Anki's CollectionOp / QueryOp and OpChanges.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from readerapp.core.errors import ReaderappError
from readerapp.gui.tasks import TaskRunner
from readerapp.services.changes import Applied, Changes
from readerapp.services.library import Library

T = TypeVar("T")


class Operations(QObject):
    changed = Signal(object)  # Changes, after a write came back (or failed: then everything)

    def __init__(
        self,
        runner: TaskRunner,
        library: Callable[[], Library | None],
        report_error: Callable[[BaseException], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self._library = library
        self._report_error = report_error

    def _open(self) -> Library:
        library = self._library()
        if library is None:
            raise ReaderappError("no library is open")
        return library

    def call(
        self,
        work: Callable[[Library], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Runs work on the worker, after the work queued before it, and hands back its
        value; it announces nothing. Reads, and long work that reports its own changes
        when it is done (an import, its indexing, its undo)."""
        library = self._open()
        self.runner.run(lambda: work(library), on_done, on_error)

    def write(
        self,
        work: Callable[[Library], Applied],
        on_done: Callable[[Applied], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Runs an edit on the worker; its Changes are announced when it is back."""
        library = self._open()

        def done(applied: Applied) -> None:
            if on_done is not None:
                on_done(applied)
            self.announce(applied.changes)

        def failed(error: BaseException) -> None:
            (on_error or self._report_error)(error)
            # What part of it was saved is unknown: every view reads itself again.
            self.announce(Changes.everything())

        self.runner.run(lambda: work(library), done, failed)

    def run_edit(
        self, work: Callable[[Library], Applied], on_done: Callable[[Applied], None] | None = None
    ) -> None:
        """The commands' way in (gui.commands.Edits)."""
        self.write(work, on_done)

    def announce(self, changes: Changes) -> None:
        if not changes.empty and self._library() is not None:
            self.changed.emit(changes)

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Work that is not a library read or edit (closing it, a warm-up)."""
        self.runner.run(work, on_done, on_error)
