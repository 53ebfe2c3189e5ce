"""What the window lends its helpers (import flow, queue and edit actions, preferences).

The helpers see this narrow interface, never the window itself, so none of them imports
main_window and the window can change without them.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QSettings
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from readerapp.gui.operations import Operations
from readerapp.gui.work_status import WorkStatus
from readerapp.services.library import Library
from readerapp.services.listing import ListRef


class Host(Protocol):
    settings: QSettings
    ops: Operations
    work: WorkStatus
    undo_stack: QUndoStack

    @property
    def is_ready(self) -> bool: ...

    def library(self) -> Library: ...

    def widget(self) -> QWidget:
        """The parent for dialogs."""
        ...

    def push(self, command: QUndoCommand) -> None: ...

    def report_error(self, error: BaseException) -> None: ...

    def selected_ids(self) -> list[int]:
        """The selected papers, in table order."""
        ...

    def need_selection(self) -> list[int]:
        """The selected papers, or [] after telling the user to select some."""
        ...

    def current_id(self) -> int | None:
        """The paper the table's cursor is on, if any."""
        ...

    def shown_ids(self) -> list[int]:
        """The papers the table shows, in its order."""
        ...

    def current_list(self) -> ListRef: ...

    def show_list(self, ref: ListRef) -> None:
        """Selects a list in the sidebar (and clears the search)."""
        ...
