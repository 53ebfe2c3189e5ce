"""Small dialogs: errors, the keyboard-shortcut list, About, quick pickers."""

from __future__ import annotations

import traceback
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from readerapp import __version__


def show_error(parent: QWidget, title: str, message: str) -> QMessageBox:
    """A readable, non-blocking error message (the window stays usable behind it)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent
    )
    box.setObjectName("errorMessage")
    box.open()
    return box


class CrashDialog(QDialog):
    """An unexpected exception: what happened, and the details ready to copy into a report."""

    def __init__(self, error: BaseException, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("readerapp hit a problem"))
        details = "".join(traceback.format_exception(error))
        layout = QVBoxLayout(self)
        message = QLabel(
            self.tr(
                "Something went wrong inside readerapp. Your library is safe: the change in "
                "progress was not saved.\nPlease report this with the details below."
            )
        )
        message.setWordWrap(True)
        layout.addWidget(message)
        self.details = QPlainTextEdit(f"readerapp {__version__}\n\n{details}")
        self.details.setReadOnly(True)
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(self.tr("Copy details"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.details.toPlainText())
        )
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 400)


# The QAction property that names an action in the shortcuts list when its text changes.
SHORTCUT_NAME = "shortcut_name"


class ShortcutsDialog(QDialog):
    def __init__(self, actions: Sequence[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        # An action's fixed name where its text changes (Undo reads "Undo Add note"), and
        # every key that triggers it (Redo is Ctrl+Shift+Z and Ctrl+Y).
        rows = [
            (
                str(a.property(SHORTCUT_NAME) or a.text()).replace("&", ""),
                ", ".join(
                    k.toString(QKeySequence.SequenceFormat.NativeText) for k in a.shortcuts()
                ),
            )
            for a in actions
            if a.shortcuts()
        ]
        table = QTableWidget(len(rows), 2, self)
        table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Shortcut")])
        table.setAccessibleName(self.tr("Shortcuts"))
        # Tab moves on to Close; the arrows move within the table.
        table.setTabKeyNavigation(False)
        for row, (name, keys) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(name))
            table.setItem(row, 1, QTableWidgetItem(keys))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table = table
        self.resize(460, 560)


def about_text(library_path: str) -> str:
    text = QCoreApplication.translate(
        "About",
        "<h3>readerapp %1</h3><p>A local reading-list manager for research papers.</p>"
        "<p>Library: <code>%2</code></p>",
    )
    return text.replace("%2", library_path).replace("%1", __version__)


class PickDialog(QDialog):
    """Type or choose a name (a queue, a tag), with completion from the existing ones."""

    def __init__(
        self,
        title: str,
        prompt: str,
        names: Sequence[str],
        parent: QWidget | None = None,
        current: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pickDialog")
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        label = QLabel(prompt)
        layout.addWidget(label)
        self.combo = QComboBox()
        label.setBuddy(self.combo)  # the prompt names the combo box for a screen reader
        self.combo.setEditable(True)
        self.combo.addItems(list(names))
        self.combo.setCurrentText(current)
        self.combo.lineEdit().selectAll()
        layout.addWidget(self.combo)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def value(self) -> str:
        return " ".join(self.combo.currentText().split())
