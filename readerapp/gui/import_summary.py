"""The small window that says what an import did, with Show imported papers and Undo."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from readerapp.services.batches import source_name
from readerapp.services.import_session import ImportPlan
from readerapp.services.importing import FileReport


def summary_text(plan: ImportPlan, reports: Sequence[FileReport], papers: int) -> str:
    """One line per written source, then what the options did."""
    lines = []
    for report in reports:
        left_out = f", {report.excluded:,} left out" if report.excluded else ""
        lines.append(
            f"From {source_name(report.source)}: {report.added:,} new, "
            f"{report.merged:,} merged, {report.unchanged:,} already there, "
            f"{len(report.skipped):,} skipped{left_out}."
        )
    untouched = [p for p in plan.previews if not p.changes_library]
    for preview in untouched:
        name = source_name(preview.source.source)
        counts = preview.counts()
        if counts.left_out and not counts.unchanged:
            lines.append(f"From {name}: nothing — all {counts.left_out:,} papers left out.")
        elif counts.left_out:
            lines.append(
                f"From {name}: nothing new — {counts.unchanged:,} papers are already in "
                f"the library, {counts.left_out:,} left out."
            )
        else:
            lines.append(
                f"From {name}: nothing new — all "
                f"{len(preview.existing_ids):,} papers are already in the library."
            )
    if plan.queue and papers:
        lines.append(f"Added {papers:,} papers to the queue “{plan.queue}”.")
    if plan.tag and papers:
        lines.append(f"Tagged {papers:,} papers “{plan.tag}”.")
    return "\n".join(lines)


class ImportSummaryDialog(QDialog):
    """Non-modal: the window stays usable while it is open."""

    show_requested = Signal()
    undo_requested = Signal()

    def __init__(
        self,
        plan: ImportPlan,
        reports: Sequence[FileReport],
        papers: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importSummary")
        self.setWindowTitle("Import done")
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.text = QLabel(summary_text(plan, reports, papers))
        self.text.setObjectName("summaryText")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        written = any(r.batch_id is not None for r in reports)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.show_button: QPushButton = buttons.addButton(
            "&Show imported papers", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.undo_button: QPushButton = buttons.addButton(
            "&Undo import", QDialogButtonBox.ButtonRole.ActionRole
        )
        for button in (self.show_button, self.undo_button):
            button.setEnabled(written)
            button.setAutoDefault(False)
        self.show_button.setDefault(written)
        self.show_button.clicked.connect(self._show)
        self.undo_button.clicked.connect(self._undo)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def show_rules(self, lines: Sequence[str]) -> None:
        """What the rules did to the new papers: known once the import is indexed."""
        if lines:
            self.text.setText(self.text.text() + "\n" + "\n".join(lines))

    def _show(self) -> None:
        self.show_requested.emit()
        self.accept()

    def _undo(self) -> None:
        self.undo_button.setEnabled(False)
        self.show_button.setEnabled(False)
        self.text.setText(self.text.text() + "\n\nUndoing…")
        self.undo_requested.emit()

    def show_undone(self, text: str) -> None:
        self.setWindowTitle("Import undone")
        self.text.setText(text)
