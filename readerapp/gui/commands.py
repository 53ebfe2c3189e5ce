"""One undo command for every edit: the services say what to undo, the stack only keeps it.

A ServiceCommand runs its edit on the library worker (through the window's operations, which
announce what changed). The service returns the Step that undoes it; undoing applies that
Step, which returns the Step that redoes it, and so on. Nothing here knows what an edit is.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QUndoCommand

from readerapp.gui.deferred import deferred
from readerapp.services.changes import NOTHING, Applied, Step
from readerapp.services.library import Library

if TYPE_CHECKING:
    from readerapp.services import undo
else:  # imported at first use, not at launch: the ORM's services (gui.deferred)
    undo = deferred("undo")

Edit = Callable[[Library], Applied]
# Commands with the same merge key, pushed one after another, undo as one step (the
# autosaves of one note).
MERGE_ID = 4242


class Edits(Protocol):
    """What a command needs from the window: a way to run an edit on the worker."""

    def run_edit(self, work: Edit, on_done: Callable[[Applied], None] | None = None) -> None: ...


class ServiceCommand(QUndoCommand):
    def __init__(
        self,
        edits: Edits,
        text: str,
        edit: Edit,
        *,
        merge_key: Hashable | None = None,
        on_first: Callable[[Applied], None] | None = None,
    ) -> None:
        super().__init__(text)
        self.edits = edits
        self.merge_key = merge_key
        self._next: Edit | Step = edit  # what redo runs
        self._inverse: Step | None = None  # what undo runs; set on the worker by redo
        self._on_first = on_first

    # Both run on the library worker, one after the other in the order they were queued,
    # so an undo always finds the Step its redo left.

    def _forward(self, library: Library) -> Applied:
        step = self._next
        applied = step(library) if callable(step) else undo.apply(library, step)
        self._inverse = applied.undo
        return applied

    def _backward(self, library: Library) -> Applied:
        if self._inverse is None:  # the edit failed or changed nothing
            return Applied("", NOTHING)
        applied = undo.apply(library, self._inverse)
        if applied.undo is not None:
            self._next = applied.undo
        return applied

    def redo(self) -> None:
        on_first, self._on_first = self._on_first, None
        self.edits.run_edit(self._forward, on_first)

    def undo(self) -> None:
        self.edits.run_edit(self._backward)

    def id(self) -> int:
        return MERGE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, ServiceCommand) or other.merge_key != self.merge_key:
            return False
        # Undo keeps this command's inverse (the state before the first edit); redo runs
        # the latest edit.
        self._next = other._next
        return True


class DoneCommand(ServiceCommand):
    """An edit that already ran (a completion applied after its look-up), pushed with what
    it applied: pushing it does not run it again, undo applies its inverse, and redo runs
    `again` (which applies the same records anew)."""

    def __init__(self, edits: Edits, applied: Applied, again: Edit, text: str = "") -> None:
        super().__init__(edits, text or applied.label, again)
        self._inverse = applied.undo
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:  # push() calls redo(); the edit has already happened
            self._pushed = True
            return
        super().redo()
