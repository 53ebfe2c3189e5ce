"""The search box: Esc clears it wherever the focus came from; Down or Enter goes to the
results."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit


class SearchBox(QLineEdit):
    escape_pressed = Signal()
    # Down, Enter or Return: the user is done typing and wants the results.
    results_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Handled here rather than only as a shortcut so it works even before the window is
        # active (and Esc inside a line edit is otherwise swallowed).
        if event.key() == Qt.Key.Key_Escape:
            self.escape_pressed.emit()
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.results_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)
