"""The small window that says what an import did, with Show imported papers and Undo."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from readerapp.gui.i18n import arg, count
from readerapp.services.batch_names import source_name

if TYPE_CHECKING:
    from readerapp.services.import_session import ImportPlan
    from readerapp.services.importing import FileReport
    from readerapp.services.rules import RuleResult


def summary_text(plan: ImportPlan, reports: Sequence[FileReport], papers: int) -> str:
    """One line per written source, then what the options did. (Its counts use the
    dialog's tr(): pyside6-lupdate marks plural forms only there.)"""
    lines = []
    for report in reports:
        numbers = (
            count(report.added),
            count(report.merged),
            count(report.unchanged),
            count(len(report.skipped)),
        )
        if report.excluded:
            text = ImportSummaryDialog.tr(
                "From %1: %2 new, %3 merged, %4 already there, %5 skipped, %6 left out."
            )
            lines.append(arg(text, source_name(report.source), *numbers, count(report.excluded)))
        else:
            text = ImportSummaryDialog.tr(
                "From %1: %2 new, %3 merged, %4 already there, %5 skipped."
            )
            lines.append(arg(text, source_name(report.source), *numbers))
    untouched = [p for p in plan.previews if not p.changes_library]
    for preview in untouched:
        name = source_name(preview.source.source)
        counts = preview.counts()
        if counts.left_out and not counts.unchanged:
            text = ImportSummaryDialog.tr(
                "From %1: nothing — all %Ln paper(s) left out.", "", counts.left_out
            )
            lines.append(arg(text, name))
        elif counts.left_out:
            text = ImportSummaryDialog.tr(
                "From %1: nothing new — %Ln paper(s) already in the library, %2 left out.",
                "",
                counts.unchanged,
            )
            lines.append(arg(text, name, count(counts.left_out)))
        else:
            text = ImportSummaryDialog.tr(
                "From %1: nothing new — all %Ln paper(s) already in the library.",
                "",
                len(preview.existing_ids),
            )
            lines.append(arg(text, name))
    if plan.queue and papers:
        text = ImportSummaryDialog.tr("Added %Ln paper(s) to the queue “%1”.", "", papers)
        lines.append(arg(text, plan.queue))
    if plan.tag and papers:
        lines.append(arg(ImportSummaryDialog.tr("Tagged %Ln paper(s) “%1”.", "", papers), plan.tag))
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
        self.setWindowTitle(self.tr("Import done"))
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.text = QLabel(summary_text(plan, reports, papers))
        self.text.setObjectName("summaryText")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        written = any(r.batch_id is not None for r in reports)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.show_button: QPushButton = buttons.addButton(
            self.tr("&Show imported papers"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.undo_button: QPushButton = buttons.addButton(
            self.tr("&Undo import"), QDialogButtonBox.ButtonRole.ActionRole
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

    def show_rules(self, results: Sequence[RuleResult]) -> None:
        """What the rules did to the new papers: known once the import is indexed."""
        if results:
            lines = [self.rule_line(result) for result in results]
            self.text.setText(self.text.text() + "\n" + "\n".join(lines))

    def rule_line(self, result: RuleResult) -> str:
        """RuleResult.summary() in the window's language: "Rule LLM matched 3 papers:
        tagged 3 “llm”, queued 2 on “LLM”"."""
        parts = []
        if result.tagged:
            parts.append(arg(self.tr("tagged %1 “%2”"), count(len(result.tagged)), result.tag))
        if result.queued:
            parts.append(arg(self.tr("queued %1 on “%2”"), count(len(result.queued)), result.queue))
        if result.starred:
            parts.append(arg(self.tr("starred %1"), count(len(result.starred))))
        if result.today:
            parts.append(arg(self.tr("%1 for today"), count(len(result.today))))
        done = ", ".join(parts) if parts else self.tr("nothing to change")
        matched = self.tr("Rule %1 matched %Ln paper(s): %2", "", len(result.matched))
        return arg(matched, result.rule, done)

    def _show(self) -> None:
        self.show_requested.emit()
        self.accept()

    def _undo(self) -> None:
        self.undo_button.setEnabled(False)
        self.show_button.setEnabled(False)
        self.text.setText(self.text.text() + "\n\n" + self.tr("Undoing…"))
        self.undo_requested.emit()

    def show_undone(self, text: str) -> None:
        self.setWindowTitle(self.tr("Import undone"))
        self.text.setText(text)
