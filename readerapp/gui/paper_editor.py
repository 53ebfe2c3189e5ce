"""The detail pane's edit mode: every field a hand edit may set (services.edit_fields.EDITABLE),
each in its own editor with room for a message under it.

The editor only collects and checks text. It sends the fields the user changed, as typed,
and the service cleans and writes them; a message from the service is shown under the field
it names. Checking here first uses the service's own cleaners (they are pure), so every bad
field is marked at once instead of one per round trip to the worker.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QMimeData, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from readerapp.core.records import Paper
from readerapp.gui.i18n import arg
from readerapp.gui.theme import set_tone
from readerapp.services import edit_fields

# Every editable field in the order the form shows it and Tab walks it: the paper's data,
# then its links. Labels name what the field holds, as the detail pane shows it.
# (Marked for lupdate here, translated where shown: _tr.)
FIELD_LABELS: dict[str, str] = {
    "title": QT_TRANSLATE_NOOP("PaperEditor", "Title"),
    "authors": QT_TRANSLATE_NOOP("PaperEditor", "Authors"),
    "year": QT_TRANSLATE_NOOP("PaperEditor", "Year"),
    "date": QT_TRANSLATE_NOOP("PaperEditor", "Date"),
    "venue": QT_TRANSLATE_NOOP("PaperEditor", "Venue"),
    "arxiv_id": QT_TRANSLATE_NOOP("PaperEditor", "arXiv id"),
    "doi": QT_TRANSLATE_NOOP("PaperEditor", "DOI"),
    "abstract": QT_TRANSLATE_NOOP("PaperEditor", "Abstract"),
    "abs_url": QT_TRANSLATE_NOOP("PaperEditor", "Abstract page"),
    "pdf_url": QT_TRANSLATE_NOOP("PaperEditor", "PDF"),
    "hf_url": QT_TRANSLATE_NOOP("PaperEditor", "Hugging Face"),
    "code_url": QT_TRANSLATE_NOOP("PaperEditor", "Code"),
    "project_url": QT_TRANSLATE_NOOP("PaperEditor", "Project page"),
}
assert set(FIELD_LABELS) == set(edit_fields.EDITABLE)
# The fields as a sentence names them ("Saved title and PDF link.").
FIELD_NAMES: dict[str, str] = {
    "title": QT_TRANSLATE_NOOP("PaperEditor", "title"),
    "authors": QT_TRANSLATE_NOOP("PaperEditor", "authors"),
    "year": QT_TRANSLATE_NOOP("PaperEditor", "year"),
    "date": QT_TRANSLATE_NOOP("PaperEditor", "date"),
    "venue": QT_TRANSLATE_NOOP("PaperEditor", "venue"),
    "arxiv_id": QT_TRANSLATE_NOOP("PaperEditor", "arXiv id"),
    "doi": QT_TRANSLATE_NOOP("PaperEditor", "DOI"),
    "abstract": QT_TRANSLATE_NOOP("PaperEditor", "abstract"),
    "abs_url": QT_TRANSLATE_NOOP("PaperEditor", "abstract page link"),
    "pdf_url": QT_TRANSLATE_NOOP("PaperEditor", "PDF link"),
    "hf_url": QT_TRANSLATE_NOOP("PaperEditor", "Hugging Face link"),
    "code_url": QT_TRANSLATE_NOOP("PaperEditor", "code link"),
    "project_url": QT_TRANSLATE_NOOP("PaperEditor", "project page link"),
}
LINK_FIELDS = ("abs_url", "pdf_url", "hf_url", "code_url", "project_url")
PLACEHOLDERS: dict[str, str] = {
    "authors": QT_TRANSLATE_NOOP(
        "PaperEditor", "One name per line, or “Ada Lovelace; Alan Turing”"
    ),
    "year": QT_TRANSLATE_NOOP("PaperEditor", "e.g. 2023"),
    "date": QT_TRANSLATE_NOOP("PaperEditor", "YYYY, YYYY-MM or YYYY-MM-DD"),
    "venue": QT_TRANSLATE_NOOP("PaperEditor", "e.g. NeurIPS 2023"),
    "arxiv_id": QT_TRANSLATE_NOOP("PaperEditor", "e.g. 2106.09685, or an arxiv.org link"),
    "doi": QT_TRANSLATE_NOOP("PaperEditor", "e.g. 10.1145/3442188.3445922, or a doi.org link"),
    "abstract": QT_TRANSLATE_NOOP(
        "PaperEditor", "The paper's abstract; a blank line starts a new paragraph"
    ),
    **dict.fromkeys(LINK_FIELDS, "https://…"),
}


def _tr(text: str) -> str:
    """A text marked above, in the window's language."""
    return QCoreApplication.translate("PaperEditor", text)


# Readable on light and dark backgrounds alike; the message also starts with a sign, so it
# does not rest on colour alone.
MULTILINE = ("authors", "abstract")


class TitleEdit(QPlainTextEdit):
    """A title that wraps, so a long one reads whole, and stays one paragraph: Enter saves
    as in the one-line fields, and pasted line breaks become spaces."""

    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.submitted.emit()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        self.insertPlainText(" ".join(source.text().split()))


def paper_texts(paper: Paper) -> dict[str, str]:
    """The text each editor starts with: what the detail pane shows, one author a line."""
    links = paper.links
    return {
        "title": paper.title,
        "authors": "\n".join(paper.authors),
        "year": str(paper.year) if paper.year is not None else "",
        "date": paper.date or "",
        "venue": paper.venue or "",
        "arxiv_id": paper.arxiv_id or "",
        "doi": paper.doi or "",
        "abstract": paper.abstract,
        "abs_url": links.abs or "",
        "pdf_url": links.pdf or "",
        "hf_url": links.hf or "",
        "code_url": links.code or "",
        "project_url": links.project or "",
    }


def field_names(fields: list[str] | tuple[str, ...]) -> str:
    """Fields as a sentence names them, in the form's order: "title, authors and PDF link"."""
    names = [_tr(FIELD_NAMES[f]) for f in FIELD_LABELS if f in fields]
    if len(names) == 1:
        return names[0]
    return arg(
        QCoreApplication.translate("PaperEditor", "%1 and %2"), ", ".join(names[:-1]), names[-1]
    )


def _is_changed(field: str, text: str, before: str) -> bool:
    """Whether an edit changes a field: the same value written differently ("A; B" for two
    lines, a trailing space, the DOI as a link) is no change, so it is not marked as the
    user's either."""
    if text == before:
        return False
    try:
        return edit_fields.clean_values({field: text}) != edit_fields.clean_values({field: before})
    except edit_fields.FieldError:
        return True  # a bad value is a change; checking it says what is wrong


class PaperEditor(QWidget):
    save_requested = Signal()
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paperEditor")
        self.paper_id: int | None = None
        self._before: dict[str, str] = {}
        layout = QVBoxLayout(self)

        head = QLabel(self.tr("Edit details"))
        font = head.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        head.setFont(font)
        layout.addWidget(head)
        hint = QLabel(
            self.tr(
                "What you change here stays yours: imports and look-ups never overwrite it. "
                "Enter or Ctrl+Enter saves, Esc cancels, Ctrl+Z after saving undoes."
            )
        )
        hint.setWordWrap(True)
        set_tone(hint, "hint")
        layout.addWidget(hint)
        self.general_error = self._error_label("editError")
        layout.addWidget(self.general_error)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.editors: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        for field, text in FIELD_LABELS.items():
            editor = self._make_editor(field)
            error = self._error_label(f"error_{field}")
            cell = QWidget()
            cell_layout = QVBoxLayout(cell)
            cell_layout.setContentsMargins(0, 0, 0, 0)
            cell_layout.setSpacing(2)
            cell_layout.addWidget(editor)
            cell_layout.addWidget(error)
            # Only the abstract takes the height the pane has left; every other field is as
            # tall as it needs, its label level with it.
            vertical = (
                QSizePolicy.Policy.Expanding
                if field == "abstract"
                else (QSizePolicy.Policy.Maximum)
            )
            cell.setSizePolicy(QSizePolicy.Policy.Preferred, vertical)
            label = QLabel(arg(self.tr("%1:"), _tr(text)))
            label.setBuddy(editor)
            if field == "abs_url":
                form.addRow(self._section(self.tr("Links")))
            form.addRow(label, cell)
            self.editors[field] = editor
            self.errors[field] = error
            self.labels[field] = label
        layout.addLayout(form, 1)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveDetails")
        self.save_button.setToolTip(self.tr("Save the changes (Enter or Ctrl+Enter)"))
        self.save_button.clicked.connect(self.save_requested)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelDetails")
        self.cancel_button.setToolTip(self.tr("Leave without saving (Esc)"))
        self.cancel_button.clicked.connect(self.cancel_requested)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)

        # Tab walks the fields in the order they are listed, then Save and Cancel.
        self.tab_chain: list[QWidget] = [
            *self.editors.values(),
            self.save_button,
            self.cancel_button,
        ]
        for first, second in pairwise(self.tab_chain):
            QWidget.setTabOrder(first, second)
        # Ctrl+Enter saves from any field, the multi-line ones too, where Enter is a new line.
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            self._shortcut(keys, self.save_requested.emit)
        self._shortcut("Esc", self.cancel_requested.emit)

    def _shortcut(self, keys: str, slot: Callable[[], object]) -> None:
        shortcut = QShortcut(QKeySequence(keys), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)

    def _make_editor(self, field: str) -> QLineEdit | QPlainTextEdit:
        editor: QLineEdit | QPlainTextEdit
        if field == "title":
            title = TitleEdit()
            title.setTabChangesFocus(True)
            title.setFixedHeight(title.fontMetrics().lineSpacing() * 3 + 12)
            title.submitted.connect(self.save_requested)
            editor = title
        elif field in MULTILINE:
            editor = QPlainTextEdit()
            editor.setTabChangesFocus(True)  # Tab moves on, as in every other field
            lines = 4 if field == "authors" else 8
            height = editor.fontMetrics().lineSpacing() * lines + 12
            if field == "authors":
                editor.setFixedHeight(height)
            else:
                editor.setMinimumHeight(height)
            editor.setPlaceholderText(_tr(PLACEHOLDERS[field]))
        else:
            editor = QLineEdit()
            editor.setPlaceholderText(_tr(PLACEHOLDERS.get(field, "")))
            editor.returnPressed.connect(self.save_requested)
        editor.setObjectName(f"edit_{field}")
        editor.setAccessibleName(_tr(FIELD_LABELS[field]))
        return editor

    @staticmethod
    def _error_label(name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)  # messages quote what was typed
        set_tone(label, "error")
        label.hide()
        return label

    @staticmethod
    def _section(text: str) -> QLabel:
        label = QLabel(text)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        label.setContentsMargins(0, 6, 0, 0)
        return label

    # -- filling and reading

    def load(self, paper: Paper) -> None:
        """Starts an edit of this paper: every editor holds its field, no messages."""
        self.paper_id = paper.id
        self._before = paper_texts(paper)
        for field, text in self._before.items():
            editor = self.editors[field]
            if isinstance(editor, QLineEdit):
                editor.setText(text)
                editor.setCursorPosition(0)
            else:
                editor.setPlainText(text)
            edited = field in paper.edited
            self.labels[field].setToolTip(
                self.tr("Edited by hand: imports and look-ups leave it alone") if edited else ""
            )
        self.show_errors({})
        self.set_busy(False)

    def text(self, field: str) -> str:
        editor = self.editors[field]
        return editor.text() if isinstance(editor, QLineEdit) else editor.toPlainText()

    def changes(self) -> dict[str, str]:
        """The fields the user changed, as typed."""
        return {
            field: self.text(field)
            for field in FIELD_LABELS
            if _is_changed(field, self.text(field), self._before.get(field, ""))
        }

    def check(self) -> dict[str, str] | None:
        """The changed fields if every one is valid; else None, with each bad field's
        message under it and the cursor in the first."""
        changes = self.changes()
        errors: dict[str, str] = {}
        for field, text in changes.items():
            try:
                edit_fields.clean_values({field: text})
            except edit_fields.FieldError as error:
                errors[field] = str(error)
        self.show_errors(errors)
        return None if errors else changes

    def show_errors(self, errors: dict[str, str], general: str = "") -> None:
        """Messages under the fields they name (others cleared), and one for the edit."""
        for field, label in self.errors.items():
            message = errors.get(field, "")
            label.setText(f"⚠ {message}" if message else "")
            label.setVisible(bool(message))
            self.editors[field].setAccessibleDescription(message)
        self.general_error.setText(arg(self.tr("⚠ Not saved: %1"), general) if general else "")
        self.general_error.setVisible(bool(general))
        first = next((f for f in FIELD_LABELS if f in errors), None)
        if first is not None:
            self.editors[first].setFocus(Qt.FocusReason.OtherFocusReason)

    def set_busy(self, busy: bool) -> None:
        """While a save is on its way the buttons wait (a second Save would edit twice)."""
        self.save_button.setEnabled(not busy)
        self.save_button.setText(self.tr("Saving…") if busy else self.tr("Save"))

    @property
    def busy(self) -> bool:
        return not self.save_button.isEnabled()

    def focus_first(self) -> None:
        title = self.editors["title"]
        title.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if isinstance(title, QPlainTextEdit):
            # The cursor at the end, nothing selected: a stray key adds to the title
            # instead of replacing it.
            title.moveCursor(QTextCursor.MoveOperation.End)
