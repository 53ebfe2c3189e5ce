"""File > Export: choose papers and a format, see the first lines, save or copy."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

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
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from readerapp.core.errors import ReaderappError
from readerapp.formats.registry import EXPORT_FORMATS
from readerapp.gui.tasks import TaskRunner
from readerapp.services import exporting
from readerapp.services.library import Library

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
            skipped = [f"<!-- {body} lines of <head> (title and style sheet) not shown -->"]
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
        self.setWindowTitle("Export papers")
        self.library, self.runner, self.start_dir = library, runner, start_dir
        self.saved_to: Path | None = None
        self.scopes: list[tuple[str, exporting.Selection, int]] = []
        if selected:
            self.scopes.append(
                (
                    f"&Selected papers ({len(selected):,})",
                    exporting.Selection(
                        ids=tuple(selected), title="Selected papers", numbered=numbered
                    ),
                    len(selected),
                )
            )
        shown_as = list_title.replace("&", "&&")  # a tag "R&D" is text, not a mnemonic
        self.scopes.append(
            (
                f"This &list: {shown_as} ({len(shown):,})",
                exporting.Selection(ids=tuple(shown), title=list_title, numbered=numbered),
                len(shown),
            )
        )
        self.scopes.append(
            (f"The &whole library ({total:,})", exporting.Selection(everything=True), total)
        )

        layout = QVBoxLayout(self)
        form = QFormLayout()
        scope_box = QWidget()
        scope_layout = QVBoxLayout(scope_box)
        scope_layout.setContentsMargins(0, 0, 0, 0)
        self.scope_group = QButtonGroup(self)
        for number, (label, _selection, _count) in enumerate(self.scopes):
            button = QRadioButton(label)
            self.scope_group.addButton(button, number)
            scope_layout.addWidget(button)
        self.scope_group.button(0).setChecked(True)
        self.scope_group.idToggled.connect(lambda _id, on: on and self.update_preview())
        form.addRow("Papers:", scope_box)
        self.format_combo = QComboBox()
        self.format_combo.setObjectName("exportFormat")
        for fmt in EXPORT_FORMATS:
            self.format_combo.addItem(f"{fmt.label} ({fmt.extension})", fmt.name)
        self.format_combo.currentIndexChanged.connect(self.update_preview)
        form.addRow("&Format:", self.format_combo)
        layout.addLayout(form)
        self.preview_label = QLabel()
        self.preview_label.setObjectName("exportPreviewLabel")
        layout.addWidget(self.preview_label)
        self.preview = QPlainTextEdit()
        self.preview.setObjectName("exportPreview")
        self.preview.setAccessibleName("Export preview")
        self.preview_label.setBuddy(self.preview)
        self.preview.setReadOnly(True)
        self.preview.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        layout.addWidget(self.preview, 1)
        self.message = QLabel()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.addButton("&Save…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.copy_button = buttons.addButton("&Copy", QDialogButtonBox.ButtonRole.ActionRole)
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
        count = self.scopes[self.scope_group.checkedId()][2]
        whole = count <= PREVIEW_WHOLE_UP_TO
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
        noun = "paper" if count == 1 else "papers"
        self.preview_label.setText(
            f"Preview ({count:,} {noun}):"
            if whole
            else f"Preview of the first {shown:,} of {count:,} papers (the file has them all):"
        )
        self.preview.setPlainText(preview_lines(text, self.format_name()))

    def _export(self, then: object) -> None:
        selection, name = self.selection(), self.format_name()
        library = self.library
        self.save_button.setEnabled(False)
        self.copy_button.setEnabled(False)
        self.message.setText("Exporting…")
        self.runner.run(lambda: exporting.export_text(library, selection, name), then, self._failed)  # type: ignore[arg-type]

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.copy_button.setEnabled(True)
        self.message.setText(f"Export failed: {error}")

    def default_name(self) -> str:
        label = self.scopes[self.scope_group.checkedId()][0].rsplit(" (", 1)[0]
        label = re.sub("&(.)", r"\1", label)  # the mnemonic marks
        stem = re.sub(r"[^\w\- ]+", "", label.replace("This list: ", "")).strip() or "papers"
        extension = next(f.extension for f in EXPORT_FORMATS if f.name == self.format_name())
        return stem.replace(" ", "-").lower() + extension

    def save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Export to", str(self.start_dir / self.default_name())
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> None:
        def write(result: tuple[str, int]) -> None:
            text, count = result
            try:
                path.write_text(text, encoding="utf-8", newline="")
            except OSError as error:
                self._failed(ReaderappError(f"{path}: cannot write ({error.strerror})"))
                return
            self.saved_to = path
            self.message.setText(f"Exported {count:,} papers to {path}")
            self.accept()

        self._export(write)

    def copy(self) -> None:
        def put(result: tuple[str, int]) -> None:
            QGuiApplication.clipboard().setText(result[0])
            self.message.setText(f"Copied {result[1]:,} papers")
            self.save_button.setEnabled(True)
            self.copy_button.setEnabled(True)

        self._export(put)
