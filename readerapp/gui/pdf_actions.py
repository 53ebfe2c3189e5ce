"""PDFs in the window: Paper ▸ Attach PDF…, a PDF dropped on a paper, Paper ▸ Download PDF,
opening the kept PDF, the detail pane's PDF part, and downloads for papers put on a queue.

Nothing here runs on the GUI thread but showing: copying a file and reading its text (a
child process, up to seconds for a large or hostile PDF) run on the library worker, the
downloads on the network thread, one paper at a time, each kept in the library by the worker
as soon as it arrived. Cancel stops a download run at its next request or wait.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox, QTableView, QWidget

from readerapp.core.errors import Cancelled, ReaderappError
from readerapp.core.progress import CancelToken
from readerapp.core.records import Paper
from readerapp.core.settings import load_settings
from readerapp.gui.commands import DoneCommand
from readerapp.gui.deferred import deferred
from readerapp.gui.host import Host
from readerapp.gui.i18n import arg
from readerapp.gui.tasks import ProgressRelay, TaskRunner
from readerapp.services.changes import Applied, Changes
from readerapp.services.library import Library
from readerapp.services.snippets import Snippet, snippets

if TYPE_CHECKING:
    from readerapp.services import paper_files, pdf_download
    from readerapp.services.paper_files import Attached, PaperFile
    from readerapp.services.pdf_download import Body, DownloadReport, Fetched
else:  # imported at first use, not at launch: the ORM's services (gui.deferred)
    paper_files = deferred("paper_files")
    pdf_download = deferred("pdf_download")


def _pdf_paths(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[Path]:
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [
        Path(url.toLocalFile())
        for url in mime.urls()
        if url.isLocalFile() and url.toLocalFile().lower().endswith(".pdf")
    ]


class PdfActions(QObject):
    """The signals let tests (and the screenshots) follow along."""

    attached = Signal(object)  # Attached, or the error (a ReaderappError)
    downloaded = Signal(object)  # DownloadReport
    details_shown = Signal(int)  # the paper whose PDF part the detail pane now shows

    def __init__(self, host: Host, network: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.network = network
        self.cancel: CancelToken | None = None  # the running download's
        self.table: QTableView | None = None

    # -- attaching

    def attach_dialog(self) -> None:
        pid = self.host.current_id()
        if pid is None:
            self.host.need_selection()
            return
        name, _filter = QFileDialog.getOpenFileName(
            self.host.widget(),
            self.tr("Attach a PDF to the paper"),
            "",
            self.tr("PDF files (*.pdf);;All files (*)"),
        )
        if name:
            self.attach(pid, Path(name))

    def attach(self, paper_id: int, path: Path) -> None:
        """Copies and reads the file on the library worker; the window only shows it."""
        host = self.host
        if not host.is_ready:
            return
        cancel = CancelToken()
        host.work.begin(arg(self.tr("Attaching %1…"), path.name), cancel)

        def done(applied: Applied) -> None:
            host.work.end()
            result: Attached = applied.value
            host.work.message(result.line(), 10000)
            if applied.undo is not None:  # Ctrl+Z takes the copy back; redo copies again
                host.push(DoneCommand(host.ops, applied, again, self.tr("Attach PDF")))
            host.ops.announce(Changes.of([paper_id]))
            self.attached.emit(result)

        def failed(error: BaseException) -> None:
            host.work.end()
            self.attached.emit(error)
            if isinstance(error, Cancelled):
                return
            if isinstance(error, ReaderappError):
                host.work.message(str(error), 12000)  # one line: the file and why
            else:
                host.report_error(error)

        def work(lib: Library) -> Applied:
            return paper_files.attach_applied(lib, paper_id, str(path), cancel=cancel)

        def again(lib: Library) -> Applied:
            return paper_files.attach_applied(lib, paper_id, str(path))

        host.ops.call(work, done, failed)

    def watch_drops(self, table: QTableView) -> None:
        """A PDF dropped on a row of the table is attached to that paper (other drops go on
        to the table and the window: papers reordered in a queue, files imported)."""
        self.table = table
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        table = self.table
        if table is None or watched is not table.viewport():
            return False
        if isinstance(event, QDragEnterEvent | QDragMoveEvent) and _pdf_paths(event):
            row = table.indexAt(event.position().toPoint()).row()
            if row >= 0:
                event.acceptProposedAction()
                return True
        if isinstance(event, QDropEvent) and (paths := _pdf_paths(event)):
            index = table.indexAt(event.position().toPoint())
            if index.isValid():
                event.acceptProposedAction()
                paper_id = int(index.data(Qt.ItemDataRole.UserRole))
                for path in paths:
                    self.attach(paper_id, path)
                return True
        return False

    # -- the detail pane's PDF part

    def details_for(self, paper_id: int, query: str, show: object) -> None:
        """Reads the paper's files and the search's snippets on the worker, then calls
        show(paper_id, files, snippets)."""

        def work(lib: Library) -> tuple[list[PaperFile], list[Snippet]]:
            files = paper_files.files_of(lib, paper_id)
            found: list[Snippet] = []
            if query.strip():
                try:
                    with lib.snapshot() as conn:
                        found = snippets(conn, query, [paper_id]).get(paper_id, [])
                except ReaderappError:  # a query being typed may not parse yet
                    found = []
            return files, found

        def done(result: tuple[list[PaperFile], list[Snippet]]) -> None:
            show(paper_id, *result)  # type: ignore[operator]
            self.details_shown.emit(paper_id)

        self.host.ops.call(work, done, lambda _error: None)

    # -- downloading

    def download_selected(self) -> None:
        ids = self.host.need_selection()
        if ids:
            self.download(ids, quiet=False)

    def queued(self, ids: Sequence[int]) -> None:
        """Papers were put on a queue: their PDFs come too when the preference says so."""
        if ids and load_settings().download_queued_pdfs:
            self.download(list(ids), quiet=True)

    def stop(self) -> None:
        if self.cancel is not None:
            self.cancel.cancel()

    def download(self, ids: Sequence[int], *, quiet: bool) -> None:
        host = self.host
        if not host.is_ready:
            return
        if self.cancel is not None:
            host.work.message(self.tr("PDFs are already being downloaded; wait or cancel it."))
            return
        cancel = CancelToken()
        self.cancel = cancel
        relay = host.work.begin(self.tr("Downloading PDFs…"), cancel)
        host.ops.call(
            lambda lib: pdf_download.to_fetch(lib, ids),
            lambda planned: self._next(
                planned[0], pdf_download.DownloadReport(list(planned[1])), cancel, relay, quiet
            ),
            lambda error: self._finish(pdf_download.DownloadReport(stopped=True), quiet, error),
        )

    def _next(
        self,
        papers: list[Paper],
        report: DownloadReport,
        cancel: CancelToken,
        relay: ProgressRelay,
        quiet: bool,
    ) -> None:
        done = len(report.results)
        total = done + len(papers)
        if not papers or cancel.cancelled or not self.host.is_ready:
            report.stopped = bool(papers)
            self._finish(report, quiet)
            return
        paper, rest = papers[0], papers[1:]
        relay(done, total, pdf_download.progress_text(done, total))
        clients = pdf_download.Clients(cancel)

        def fetch() -> Body | Fetched:
            try:
                return pdf_download.fetch(paper, clients)
            finally:
                clients.close()

        def arrived(got: Body | Fetched) -> None:
            if isinstance(got, pdf_download.Fetched):
                report.results.append(got)
                self._next(rest, report, cancel, relay, quiet)
                return
            self.host.ops.call(
                lambda lib: pdf_download.keep(lib, got),
                lambda kept: self._kept(kept, rest, report, cancel, relay, quiet),
                lambda error: self._finish(report, quiet, error),
            )

        def stopped(error: BaseException) -> None:
            if isinstance(error, Cancelled):
                report.stopped = True
                self._finish(report, quiet)
            else:
                self._finish(report, quiet, error)

        self.network.run(fetch, arrived, stopped)

    def _kept(
        self,
        kept: Fetched,
        rest: list[Paper],
        report: DownloadReport,
        cancel: CancelToken,
        relay: ProgressRelay,
        quiet: bool,
    ) -> None:
        report.results.append(kept)
        if kept.outcome == "downloaded":
            self.host.ops.announce(Changes.of([kept.paper_id]))
        self._next(rest, report, cancel, relay, quiet)

    def _finish(
        self, report: DownloadReport, quiet: bool, error: BaseException | None = None
    ) -> None:
        host = self.host
        host.work.end()
        self.cancel = None
        if error is not None and not isinstance(error, Cancelled):
            if isinstance(error, ReaderappError):
                host.work.message(str(error), 12000)
            else:
                host.report_error(error)
        else:
            failed = [r.line for r in report.results if r.outcome == "failed"]
            text = report.summary() + (f". {failed[0]}" if failed else "")
            if not quiet or report.count("downloaded") or failed:
                host.work.message(text, 15000)
        self.downloaded.emit(report)


def ask_delete(parent: QWidget, question: str, files: int) -> bool | None:
    """Asks `question` (delete these papers?) and, when they have PDFs, what to do with
    them: None to cancel, False to keep the PDFs (in the library's files folder), True to
    delete them too."""
    title = QCoreApplication.translate("EditActions", "Delete papers")
    if not files:
        answer = QMessageBox.question(parent, title, question)
        return False if answer == QMessageBox.StandardButton.Yes else None
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(
        question
        + "\n\n"
        + (
            QCoreApplication.translate(
                "PdfActions", "It has a PDF kept in the library. What should happen to it?"
            )
            if files == 1
            else arg(
                QCoreApplication.translate(
                    "PdfActions",
                    "They have %1 PDFs kept in the library. What should happen to them?",
                ),
                f"{files:,}",
            )
        )
    )
    keep = box.addButton(
        QCoreApplication.translate("PdfActions", "Delete, keep the PDFs"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    drop = box.addButton(
        QCoreApplication.translate("PdfActions", "Delete with the PDFs"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(keep)
    keep.setToolTip(
        QCoreApplication.translate(
            "PdfActions", "The files stay in the library's files folder; undo links them again"
        )
    )
    drop.setToolTip(
        QCoreApplication.translate(
            "PdfActions", "The files are deleted from disk; undo cannot bring them back"
        )
    )
    box.exec()
    clicked = box.clickedButton()
    if clicked is keep:
        return False
    if clicked is drop:
        return True
    return None
