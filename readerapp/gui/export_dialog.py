"""File > Export: choose papers and a format, see the first lines, save or copy.

Saving writes the file on the library worker as the papers are read (services.exporting.
export_to_file), with progress here; Cancel stops it and leaves no file."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from readerapp.core.errors import ReaderappError
from readerapp.core.progress import CancelToken
from readerapp.formats.registry import EXPORT_FORMATS
from readerapp.gui.deferred import deferred
from readerapp.gui.i18n import arg, count
from readerapp.gui.tasks import ProgressRelay, TaskRunner
from readerapp.services.library import Library

if TYPE_CHECKING:
    from readerapp.services import exporting
else:  # imported at first use, not at launch: the ORM's services (gui.deferred)
    exporting = deferred("exporting")

T = TypeVar("T")

PREVIEW_PAPERS = 5
PREVIEW_LINES = 60
# Lists up to this size are previewed whole, so the preview's counts and numbering are the
# file's; larger ones (a big search, the whole library) show their first PREVIEW_PAPERS.
PREVIEW_WHOLE_UP_TO = 200


def preview_lines(text: str, format_name: str) -> str:
    """The first lines of an export; for HTML from <body> on, past the head and style sheet."""
    lines = text.splitlines()
    skipped: list[str] = []
    if format_name == "html":
        body = next((i for i, line in enumerate(lines) if line.lstrip().startswith("<body")), 0)
        if body:
            note = QCoreApplication.translate(
                "ExportDialog", "<!-- %1 lines of <head> (title and style sheet) not shown -->"
            )
            skipped = [arg(note, body)]
            lines = lines[body:]
    more = ["…"] if len(lines) > PREVIEW_LINES else []
    return "\n".join(skipped + lines[:PREVIEW_LINES] + more)


class ExportDialog(QDialog):
    """Scopes: the selected papers, the list on screen (in its order), or the whole library."""

    def __init__(
        self,
        library: Library,
        runner: TaskRunner,
        *,
        selected: Sequence[int],
        shown: Sequence[int],
        total: int,
        list_title: str,
        numbered: bool,
        start_dir: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export papers"))
        self.library, self.runner, self.start_dir = library, runner, start_dir
        self.saved_to: Path | None = None
        # (the radio button's text, the papers, how many, the file name it suggests)
        self.scopes: list[tuple[str, exporting.Selection, int, str]] = []
        if selected:
            title = self.tr("Selected papers")
            self.scopes.append(
                (
                    arg(self.tr("&Selected papers (%1)"), count(len(selected))),
                    exporting.Selection(ids=tuple(selected), title=title, numbered=numbered),
                    len(selected),
                    title,
                )
            )
        shown_as = list_title.replace("&", "&&")  # a tag "R&D" is text, not a mnemonic
        self.scopes.append(
            (
                arg(self.tr("This &list: %1 (%2)"), shown_as, count(len(shown))),
                exporting.Selection(ids=tuple(shown), title=list_title, numbered=numbered),
                len(shown),
                list_title,
            )
        )
        self.scopes.append(
            (
                arg(self.tr("The &whole library (%1)"), count(total)),
                exporting.Selection(everything=True),
                total,
                self.tr("The whole library"),
            )
        )

        layout = QVBoxLayout(self)
        form = QFormLayout()
        scope_box = QWidget()
        scope_layout = QVBoxLayout(scope_box)
        scope_layout.setContentsMargins(0, 0, 0, 0)
        self.scope_group = QButtonGroup(self)
        for number, (label, *_rest) in enumerate(self.scopes):
            button = QRadioButton(label)
            self.scope_group.addButton(button, number)
            scope_layout.addWidget(button)
        self.scope_group.button(0).setChecked(True)
        self.scope_group.idToggled.connect(lambda _id, on: on and self.update_preview())
        form.addRow(self.tr("Papers:"), scope_box)
        self.format_combo = QComboBox()
        self.format_combo.setObjectName("exportFormat")
        for fmt in EXPORT_FORMATS:
            self.format_combo.addItem(f"{fmt.label} ({fmt.extension})", fmt.name)
        self.format_combo.currentIndexChanged.connect(self.update_preview)
        form.addRow(self.tr("&Format:"), self.format_combo)
        layout.addLayout(form)
        self.preview_label = QLabel()
        self.preview_label.setObjectName("exportPreviewLabel")
        layout.addWidget(self.preview_label)
        self.preview = QPlainTextEdit()
        self.preview.setObjectName("exportPreview")
        self.preview.setAccessibleName(self.tr("Export preview"))
        self.preview_label.setBuddy(self.preview)
        self.preview.setReadOnly(True)
        self.preview.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        layout.addWidget(self.preview, 1)
        self.message = QLabel()
        layout.addWidget(self.message)
        self.progress = QProgressBar()
        self.progress.setObjectName("exportProgress")
        self.progress.setAccessibleName(self.tr("Export progress"))
        self.progress.hide()
        layout.addWidget(self.progress)
        # Set while a save runs on the worker: Cancel (or closing the dialog) stops it.
        self._cancel: CancelToken | None = None
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.addButton(
            self.tr("&Save…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.copy_button = buttons.addButton(
            self.tr("&Copy"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.save_button.clicked.connect(self.save)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 560)
        self.update_preview()

    def selection(self) -> exporting.Selection:
        return self.scopes[self.scope_group.checkedId()][1]

    def format_name(self) -> str:
        return str(self.format_combo.currentData())

    def update_preview(self) -> None:
        papers = self.scopes[self.scope_group.checkedId()][2]
        whole = papers <= PREVIEW_WHOLE_UP_TO
        try:
            text, shown = exporting.export_text(
                self.library,
                self.selection(),
                self.format_name(),
                limit=None if whole else PREVIEW_PAPERS,
            )
        except ReaderappError as error:
            self.preview.setPlainText(str(error))
            return
        self.preview_label.setText(
            self.tr("Preview (%Ln paper(s)):", "", papers)
            if whole
            else arg(
                self.tr("Preview of the first %1 of %2 papers (the file has them all):"),
                count(shown),
                count(papers),
            )
        )
        self.preview.setPlainText(preview_lines(text, self.format_name()))

    def _begin(self) -> CancelToken:
        """Buttons off while the worker exports; the token says whether the user left."""
        self.save_button.setEnabled(False)
        self.copy_button.setEnabled(False)
        self.message.setText(self.tr("Exporting…"))
        self._cancel = CancelToken()
        return self._cancel

    def _unless_cancelled(
        self, cancel: CancelToken, then: Callable[[T], None]
    ) -> Callable[[T], None]:
        """`then`, skipped once the dialog was cancelled or closed (and may be deleted)."""

        def call(value: T) -> None:
            if not cancel.cancelled:
                self._cancel = None
                then(value)

        return call

    def _export(self, then: Callable[[tuple[str, int]], None]) -> None:
        selection, name, library = self.selection(), self.format_name(), self.library
        cancel = self._begin()
        self.runner.run(
            lambda: exporting.export_text(library, selection, name),
            self._unless_cancelled(cancel, then),
            self._unless_cancelled(cancel, self._failed),
        )

    def _failed(self, error: BaseException) -> None:
        self.progress.hide()
        self.save_button.setEnabled(True)
        self.copy_button.setEnabled(True)
        self.message.setText(arg(self.tr("Export failed: %1"), error))

    def reject(self) -> None:
        """Cancel, Escape or closing: a save under way stops at its next few hundred papers
        and removes what it wrote; a file that was there before stays as it was."""
        if self._cancel is not None:
            self._cancel.cancel()
            self._cancel = None
        super().reject()

    def default_name(self) -> str:
        label = self.scopes[self.scope_group.checkedId()][3]
        stem = re.sub(r"[^\w\- ]+", "", label).strip() or "papers"
        extension = next(f.extension for f in EXPORT_FORMATS if f.name == self.format_name())
        return stem.replace(" ", "-").lower() + extension

    def save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to"), str(self.start_dir / self.default_name())
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> None:
        """Writes the file on the worker, the papers read and written a few hundred at a
        time: a whole library is never one string, which the window would wait for."""
        selection, name, library = self.selection(), self.format_name(), self.library
        cancel = self._begin()
        self.progress.setRange(0, 0)
        self.progress.show()
        # No parent: it may outlive the dialog by a chunk; Qt drops the connection then.
        relay = ProgressRelay()
        relay.progressed.connect(self._show_progress)

        def saved(papers: int) -> None:
            self.progress.hide()
            self.saved_to = path
            self.message.setText(arg(self.tr("Exported %Ln paper(s) to %1", "", papers), path))
            self.accept()

        self.runner.run(
            lambda: exporting.export_to_file(library, selection, name, path, relay, cancel),
            self._unless_cancelled(cancel, saved),
            self._unless_cancelled(cancel, self._failed),
        )

    def _show_progress(self, done: int, total: int, _message: str) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.message.setText(
                arg(self.tr("Exporting %1 of %2 papers…"), count(done), count(total))
            )

    def copy(self) -> None:
        def put(result: tuple[str, int]) -> None:
            QGuiApplication.clipboard().setText(result[0])
            self.message.setText(self.tr("Copied %Ln paper(s)", "", result[1]))
            self.save_button.setEnabled(True)
            self.copy_button.setEnabled(True)

        self._export(put)
