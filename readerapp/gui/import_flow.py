"""Import from the window: preview > import in the background > summary with Show and Undo.

File ▸ Import…, files dropped on the window or handed over by the desktop, and Edit ▸ Paste
papers all come here. Nothing is written before the user accepts the preview. What an import
does (cancel, rollback, the queue and tag options, indexing, undo) is the import session's
(services/import_session.py); this module only shows it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject, Signal
from PySide6.QtGui import QGuiApplication, QUndoCommand
from PySide6.QtWidgets import QFileDialog, QMessageBox

from readerapp.core.progress import CancelToken
from readerapp.gui.deferred import deferred
from readerapp.gui.dialogs import show_error
from readerapp.gui.host import Host
from readerapp.gui.i18n import arg
from readerapp.services.changes import Applied, Changes
from readerapp.services.library import Library
from readerapp.services.list_reads import BatchInfo
from readerapp.services.listing import ListRef

if TYPE_CHECKING:
    from readerapp.gui.import_preview import ImportPreviewDialog
    from readerapp.gui.import_summary import ImportSummaryDialog
    from readerapp.services import batches, import_session, queues, triage
    from readerapp.services.import_session import ImportOutcome, ImportPlan, ImportSource
else:  # imported at first use, not at launch: the ORM's services (gui.deferred)
    batches = deferred("batches")
    import_session = deferred("import_session")
    queues = deferred("queues")
    triage = deferred("triage")

FILE_PATTERNS = "*.txt *.bib *.bibtex *.ris *.json *.xml *.atom *.md *.csv *.nbib"


class UndoImport(QUndoCommand):
    """An import on the window's undo stack, so that Edit ▸ Undo (Ctrl+Z) takes it back like
    any edit. It is already done when pushed; once undone it leaves the stack (an import is
    redone by importing again), so Redo never claims to bring it back."""

    def __init__(self, flow: ImportFlow, outcome: ImportOutcome) -> None:
        super().__init__(outcome.label())
        self.flow = flow
        self.outcome = outcome

    def redo(self) -> None:
        """Nothing: push() calls this, and the import has already happened."""

    def undo(self) -> None:
        self.setObsolete(True)
        if self.outcome.undone:
            self.flow.host.work.message(
                QCoreApplication.translate("ImportFlow", "That import was already undone.")
            )
            return
        self.flow.undo(self.outcome)


class ImportFlow(QObject):
    """Drives one import at a time for the window; the signals let tests follow along."""

    preview_opened = Signal(object)  # ImportPreviewDialog
    imported = Signal(object)  # ImportOutcome: saved (or cancelled), the table shows it
    indexed = Signal()  # the imported papers are searchable by text
    undone = Signal(object)  # list[UndoReport]
    show_requested = Signal(object)  # ListRef of the import's batch

    def __init__(self, host: Host, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.preview: ImportPreviewDialog | None = None
        self.summary: ImportSummaryDialog | None = None

    # -- where imports come from

    def import_files(self) -> None:
        if not self.host.is_ready:
            return
        file_filter = arg(self.tr("Paper dumps (%1);;All files (*)"), FILE_PATTERNS)
        files, _ = QFileDialog.getOpenFileNames(
            self.host.widget(), self.tr("Import papers"), str(Path.home()), file_filter
        )
        if files:
            self.import_paths([Path(f) for f in files])

    def paste_papers(self) -> None:
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            show_error(
                self.host.widget(),
                self.tr("Nothing to paste"),
                self.tr("The clipboard holds no text to import."),
            )
            return
        self.start([import_session.ImportSource.from_clipboard(text)])

    def import_paths(self, paths: Sequence[Path]) -> None:
        """Files from File ▸ Import…, a drop or the desktop: previewed before anything is saved."""
        self.start([import_session.ImportSource.from_path(p) for p in paths])

    # -- preview, then run

    def start(self, sources: Sequence[ImportSource]) -> None:
        """Opens the preview for these sources (window-modal; the window keeps painting)."""
        if not sources or not self.host.is_ready:
            return
        self.host.ops.call(
            lambda lib: ([q.name for q in queues.list_queues(lib)], triage.list_tags(lib)),
            lambda names: self._open_preview(sources, *names),
        )

    def _open_preview(
        self, sources: Sequence[ImportSource], queue_names: list[str], tags: list[tuple[str, int]]
    ) -> None:
        host = self.host
        if not host.is_ready:
            return
        # Imported when first opened, not at launch: the importers and the formats.
        from readerapp.gui.import_preview import ImportPreviewDialog

        dialog = ImportPreviewDialog(
            host.library(),
            host.ops.runner,
            sources,
            queue_names=queue_names,
            tag_names=[name for name, _ in tags],
            last_queue=str(host.settings.value("queue/last", "")),
            parent=host.widget(),
        )
        dialog.failed.connect(host.report_error)
        dialog.accepted.connect(lambda: self._run(dialog.plan()))
        dialog.finished.connect(lambda _result: self._preview_closed(dialog))
        self.preview = dialog
        dialog.open()
        self.preview_opened.emit(dialog)

    def _preview_closed(self, dialog: ImportPreviewDialog) -> None:
        if self.preview is dialog:
            self.preview = None
        # A dry run may still be queued or running, and it reports to the dialog: the dialog
        # goes after it, through the same one-worker queue (a cancelled run delivers nothing).
        self.host.ops.run(lambda: None, lambda _result: dialog.deleteLater())

    def _run(self, plan: ImportPlan) -> None:
        host = self.host
        if plan.queue:
            host.settings.setValue("queue/last", plan.queue)
        cancel = CancelToken()
        relay = host.work.begin(self.tr("Importing…"), cancel)
        host.ops.call(
            lambda lib: import_session.run_import(lib, plan, relay, cancel),
            self.finish_import,
            self._failed,
        )

    def finish_import(self, outcome: ImportOutcome) -> None:
        """An import is saved (or was cancelled): the table shows it, it goes on the undo
        stack, the summary opens and indexing starts. Also for imports written elsewhere
        (added by identifier, a Daily Papers list: services.import_session.outcome_of)."""
        host = self.host
        host.work.end()
        if not host.is_ready:  # the window closed (or switched libraries) meanwhile
            return
        if outcome.cancelled:
            host.work.message(self.tr("Import cancelled; the library is unchanged."), 8000)
            self.imported.emit(outcome)
            return
        host.ops.announce(outcome.changes)
        command = UndoImport(self, outcome) if outcome.batch_ids else None
        if command is not None:
            host.push(command)
        self._show_summary(outcome, command)
        self.imported.emit(outcome)
        cancel = CancelToken()  # a cancelled sync keeps its pending marks: resumed later
        relay = host.work.begin(self.tr("Indexing…"), cancel)
        host.ops.call(
            lambda lib: import_session.index_import(lib, outcome, relay, cancel),
            lambda count: self._indexed(count, outcome),
            self._failed,
        )

    def _indexed(self, _count: int, outcome: ImportOutcome | None = None) -> None:
        self.host.work.end()
        # The rules ran on the new papers after indexing (they may search text): the
        # summary says what each did, and undoing the import takes it back.
        if outcome is not None and outcome.rule_results and self.summary is not None:
            self.summary.show_rules(outcome.rule_results)
        # The tag option changed the tag lists; the index now finds the papers by text.
        self.host.ops.announce(Changes.everything())
        self.indexed.emit()

    def _failed(self, error: BaseException) -> None:
        self.host.work.end()
        self.host.report_error(error)
        self.host.ops.announce(Changes.everything())

    # -- the summary: Show and Undo

    def _show_summary(self, outcome: ImportOutcome, command: UndoImport | None) -> None:
        if self.summary is not None:
            self.summary.close()
        from readerapp.gui.import_summary import ImportSummaryDialog  # as ImportPreviewDialog

        summary = ImportSummaryDialog(
            outcome.plan, outcome.reports, len(outcome.paper_ids), parent=self.host.widget()
        )
        summary.show_requested.connect(lambda: self.show_batch(outcome.batch_ids))
        summary.undo_requested.connect(lambda: self._undo_from_summary(outcome, command))
        self.summary = summary
        summary.show()

    def show_batch(self, batch_ids: Sequence[int]) -> None:
        """Selects the import's batch in the sidebar's Imports section (its first file's)."""
        if batch_ids:
            self.host.show_list(ListRef("batch", batch_ids[0]))

    def _undo_from_summary(self, outcome: ImportOutcome, command: UndoImport | None) -> None:
        stack = self.host.undo_stack
        latest = stack.command(stack.index() - 1) if stack.index() > 0 else None
        if command is not None and latest is command:
            stack.undo()  # the import is the latest change: undo it the way Ctrl+Z does
        else:  # changes made since stay; undoing a batch keeps what the user touched anyway
            self.undo(outcome)

    def undo(self, outcome: ImportOutcome) -> None:
        host = self.host
        if outcome.undone or not outcome.batch_ids or not host.is_ready:
            return
        outcome.undone = True
        host.work.begin(self.tr("Undoing the import…"))

        def work(library: Library) -> list[batches.UndoReport]:
            return import_session.undo_outcome(library, outcome)

        host.ops.call(work, self._undone, self._failed)

    def _undone(self, reports: list[batches.UndoReport]) -> None:
        host = self.host
        host.work.end()
        host.ops.announce(Changes.everything())
        text = "\n".join(r.summary() for r in reports)
        if self.summary is not None:
            self.summary.show_undone(text)
        host.work.message(text.splitlines()[0], 8000)
        self.undone.emit(reports)

    def undo_batch(self, batch: BatchInfo) -> None:
        """Undoes an older import, picked in the sidebar, after asking. It is not on the undo
        stack (an import is redone by importing again); the status bar says what it did."""
        host, batch_id = self.host, batch.id
        made = batch.created_at
        day = QLocale().toString(QDate(made.year, made.month, made.day), "MMM dd")
        name = f"{batches.source_name(batch.source)}, {day} {made:%H:%M}"
        answer = QMessageBox.question(
            host.widget(),
            self.tr("Undo import"),
            arg(
                self.tr(
                    "Undo import %1 (%2)?\n\nThe papers it added that you have not touched "
                    "since are removed, and the fields it filled on papers already in the "
                    "library are cleared. Papers you starred, tagged, queued, annotated or "
                    "edited stay. This cannot be redone, except by importing again."
                ),
                batch_id,
                name,
            ),
        )
        if answer != QMessageBox.StandardButton.Yes or not host.is_ready:
            return

        def work(library: Library) -> Applied:
            report = batches.undo_import(library, batch_id)
            return Applied(report.summary(), Changes.everything(), None, report)

        def done(applied: Applied) -> None:
            # The same import on the undo stack (made in this session) is undone now too.
            stack = host.undo_stack
            for index in range(stack.count()):
                command = stack.command(index)
                if isinstance(command, UndoImport) and command.outcome.batch_ids == [batch_id]:
                    command.outcome.undone = True
            host.work.message(" ".join(applied.value.summary().splitlines()), 10000)
            self.undone.emit([applied.value])

        host.ops.write(work, done)
