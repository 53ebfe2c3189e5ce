"""Import from the window: preview > import in the background > summary with Show and Undo.

File ▸ Import…, files dropped on the window or handed over by the desktop, and Edit ▸ Paste
papers all come here. Nothing is written before the user accepts the preview.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand

from readerapp.core.errors import Cancelled
from readerapp.core.progress import CancelToken, ProgressSink
from readerapp.gui.import_preview import ImportPlan, ImportPreviewDialog, ImportSource
from readerapp.gui.import_summary import ImportSummaryDialog
from readerapp.gui.sidebar import ListRef
from readerapp.gui.tasks import ProgressRelay
from readerapp.services import batches, importing, overview, queues, triage
from readerapp.services.importing import FileReport
from readerapp.services.library import Library

if TYPE_CHECKING:
    from readerapp.gui.main_window import MainWindow


@dataclass(slots=True)
class ImportOutcome:
    """What an accepted import did (or that it was cancelled and rolled back)."""

    plan: ImportPlan
    reports: list[FileReport] = field(default_factory=list)  # one per source that was written
    paper_ids: list[int] = field(default_factory=list)  # every paper of the import, file order
    cancelled: bool = False
    # What the queue and tag options added (not what was there before): Undo takes it away,
    # else undo_import would keep every paper as "queued by you" or "tagged by you".
    queued_ids: list[int] = field(default_factory=list)
    tagged_ids: list[int] = field(default_factory=list)
    undone: bool = False  # by Ctrl+Z or the summary's button: never twice

    @property
    def batch_ids(self) -> list[int]:
        return [r.batch_id for r in self.reports if r.batch_id is not None]


def run_import(
    library: Library, plan: ImportPlan, progress: ProgressSink, cancel: CancelToken
) -> ImportOutcome:
    """The accepted import, on the library worker.

    Each source is one transaction. A cancel rolls back the source in progress and undoes the
    sources already saved, so the library is as it was before; once everything is saved the
    queue option is applied and the import is done (a late cancel no longer applies).
    """
    outcome = ImportOutcome(plan)
    todo = [p for p in plan.previews if p.changes_library]
    try:
        for number, preview in enumerate(todo, start=1):
            prefix = f"{preview.source.label} ({number} of {len(todo)}): " if len(todo) > 1 else ""

            def sink(done: int, total: int | None, message: str, prefix: str = prefix) -> None:
                progress(done, total, prefix + message)

            assert preview.source.text is not None
            outcome.reports.append(
                importing.import_text(
                    library,
                    preview.source.text,
                    preview.source.source,
                    format_name=preview.format_name,
                    index=False,
                    progress=sink,
                    cancel=cancel,
                )
            )
    except Cancelled:
        for batch_id in reversed(outcome.batch_ids):
            batches.undo_import(library, batch_id)
        return ImportOutcome(plan, cancelled=True)
    ids: dict[int, None] = {}
    for report in outcome.reports:
        assert report.batch_id is not None
        ids.update(dict.fromkeys(overview.batch_paper_ids(library, report.batch_id)))
    for preview in plan.previews:
        if not preview.changes_library:  # nothing written for it; its papers still count
            ids.update(dict.fromkeys(preview.existing_ids))
    outcome.paper_ids = list(ids)
    if plan.queue and outcome.paper_ids:
        before = (
            set(queues.queue_ids(library, plan.queue))
            if any(q.name.casefold() == plan.queue.casefold() for q in queues.list_queues(library))
            else set()
        )
        queues.add_to_queue(library, plan.queue, outcome.paper_ids)
        outcome.queued_ids = [p for p in outcome.paper_ids if p not in before]
    return outcome


def index_import(
    library: Library, outcome: ImportOutcome, progress: ProgressSink, cancel: CancelToken
) -> int:
    """Makes the import searchable by text (and applies the tag, whose service indexes)."""
    tag = outcome.plan.tag
    if tag and outcome.paper_ids:
        progress(0, None, f"Tagging {len(outcome.paper_ids):,} papers and indexing…")
        had = overview.summaries(library, outcome.paper_ids)
        outcome.tagged_ids = [
            p
            for p in outcome.paper_ids
            if p in had and tag.casefold() not in (t.casefold() for t in had[p].tags)
        ]
        triage.add_tag(library, tag, outcome.paper_ids)
        return len(outcome.paper_ids)
    return library.sync_index(cancel, progress)


def undo_outcome(library: Library, outcome: ImportOutcome) -> list[batches.UndoReport]:
    """Takes away what the options added, then undoes the batches (newest first)."""
    plan = outcome.plan
    if plan.tag and outcome.tagged_ids:
        triage.remove_tag(library, plan.tag, outcome.tagged_ids)
    if (
        plan.queue
        and outcome.queued_ids
        and any(q.name.casefold() == plan.queue.casefold() for q in queues.list_queues(library))
    ):
        queues.remove_from_queue(library, plan.queue, outcome.queued_ids)
    return [batches.undo_import(library, b) for b in reversed(outcome.batch_ids)]


class UndoImport(QUndoCommand):
    """An import on the window's undo stack, so that Edit ▸ Undo (Ctrl+Z) takes it back like
    any edit. It is already done when pushed; once undone it leaves the stack (an import is
    redone by importing again), so Redo never claims to bring it back."""

    def __init__(self, flow: ImportFlow, outcome: ImportOutcome) -> None:
        sources = [p.source.source for p in outcome.plan.previews if p.changes_library]
        label = batches.source_name(sources[0]) if len(sources) == 1 else f"{len(sources)} files"
        super().__init__(f"Import from {label}")
        self.flow = flow
        self.outcome = outcome

    def redo(self) -> None:
        """Nothing: push() calls this, and the import has already happened."""

    def undo(self) -> None:
        self.setObsolete(True)
        if self.outcome.undone:
            self.flow.window.statusBar().showMessage(
                "That import was already undone from its summary.", 6000
            )
            return
        self.flow.undo(self.outcome)


class ImportFlow(QObject):
    """Drives one import at a time for the window; the signals let tests follow along."""

    preview_opened = Signal(object)  # ImportPreviewDialog
    imported = Signal(object)  # ImportOutcome: saved (or cancelled), the table shows it
    indexed = Signal()  # the imported papers are searchable by text
    undone = Signal(object)  # list[UndoReport]

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.preview: ImportPreviewDialog | None = None
        self.summary: ImportSummaryDialog | None = None

    def start(self, sources: Sequence[ImportSource]) -> None:
        """Opens the preview for these sources (window-modal; the window keeps painting)."""
        window = self.window
        if not sources or not window.is_ready:
            return
        library = window.library()
        dialog = ImportPreviewDialog(
            library,
            window.runner,
            sources,
            queue_names=[q.name for q in queues.list_queues(library)],
            tag_names=[name for name, _ in triage.list_tags(library)],
            last_queue=str(window.settings.value("queue/last", "")),
            parent=window,
        )
        dialog.failed.connect(window.report_error)
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
        self.window.runner.run(lambda: None, lambda _result: dialog.deleteLater())

    def _run(self, plan: ImportPlan) -> None:
        window = self.window
        library = window.library()
        if plan.queue:
            window.settings.setValue("queue/last", plan.queue)
        cancel = CancelToken()
        relay = ProgressRelay(self)
        relay.progressed.connect(window._progress)
        window._begin_work("Importing…", cancel)
        window.runner.run(
            lambda: run_import(library, plan, relay, cancel), self._imported, self._failed
        )

    def _imported(self, outcome: ImportOutcome) -> None:
        window = self.window
        window._end_work()
        if not window.is_ready:  # the window closed (or switched libraries) meanwhile
            return
        if outcome.cancelled:
            window.statusBar().showMessage("Import cancelled; the library is unchanged.", 8000)
            self.imported.emit(outcome)
            return
        window._after_edit([])
        command = UndoImport(self, outcome) if outcome.batch_ids else None
        if command is not None:
            window.push(command)
        self._show_summary(outcome, command)
        self.imported.emit(outcome)
        library = window.library()
        relay = ProgressRelay(self)
        relay.progressed.connect(window._progress)
        cancel = CancelToken()  # a cancelled sync keeps its pending marks: resumed later
        window._begin_work("Indexing…", cancel)
        window.runner.run(
            lambda: index_import(library, outcome, relay, cancel), self._indexed, self._failed
        )

    def _indexed(self, _count: int) -> None:
        self.window._end_work()
        self.window._after_edit([])  # a no-op once the library is closed
        self.indexed.emit()

    def _failed(self, error: BaseException) -> None:
        self.window._end_work()
        self.window.report_error(error)
        self.window._after_edit([])

    def _show_summary(self, outcome: ImportOutcome, command: UndoImport | None) -> None:
        if self.summary is not None:
            self.summary.close()
        summary = ImportSummaryDialog(
            outcome.plan, outcome.reports, len(outcome.paper_ids), parent=self.window
        )
        summary.show_requested.connect(lambda: self.show_batch(outcome.batch_ids))
        summary.undo_requested.connect(lambda: self._undo_from_summary(outcome, command))
        self.summary = summary
        summary.show()

    def show_batch(self, batch_ids: Sequence[int]) -> None:
        """Selects the import's batch in the sidebar's Imports section (its first file's)."""
        window = self.window
        if not batch_ids:
            return
        window.search_box.clear()
        window.sidebar.select(ListRef("batch", batch_ids[0]))
        window.table.setFocus()

    def _undo_from_summary(self, outcome: ImportOutcome, command: UndoImport | None) -> None:
        stack = self.window.undo_stack
        latest = stack.command(stack.index() - 1) if stack.index() > 0 else None
        if command is not None and latest is command:
            stack.undo()  # the import is the latest change: undo it the way Ctrl+Z does
        else:  # changes made since stay; undoing a batch keeps what the user touched anyway
            self.undo(outcome)

    def undo(self, outcome: ImportOutcome) -> None:
        window = self.window
        if outcome.undone or not outcome.batch_ids or not window.is_ready:
            return
        outcome.undone = True
        library = window.library()
        window._begin_work("Undoing the import…", None)
        window.runner.run(lambda: undo_outcome(library, outcome), self._undone, self._failed)

    def _undone(self, reports: list[batches.UndoReport]) -> None:
        window = self.window
        window._end_work()
        window._after_edit([])
        text = "\n".join(r.summary() for r in reports)
        if self.summary is not None:
            self.summary.show_undone(text)
        window.statusBar().showMessage(text.splitlines()[0], 8000)
        self.undone.emit(reports)
