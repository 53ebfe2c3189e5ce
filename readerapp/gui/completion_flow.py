"""Complete details from the window: read the papers on the library worker, look them up on
the network thread, apply what is certain on the worker, then the summary with candidates.

The look-up never runs on the library worker: arXiv alone waits 3 s between requests, and
every read and edit of the window would queue behind it. Applying is one batch, pushed on the
undo stack; so is applying the candidates the user picks. After an import, when the setting
asks, the same runs quietly over the import's papers that miss details.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from readerapp.core.errors import ReaderappError
from readerapp.core.progress import CancelToken
from readerapp.core.records import Paper
from readerapp.core.settings import load_settings
from readerapp.gui.commands import DoneCommand
from readerapp.gui.completion_summary import CompletionSummaryDialog
from readerapp.gui.deferred import deferred
from readerapp.gui.host import Host
from readerapp.gui.i18n import arg
from readerapp.gui.tasks import ProgressRelay, TaskRunner
from readerapp.services.changes import Applied
from readerapp.services.library import Library

if TYPE_CHECKING:
    from readerapp.services import completion, online, triage
    from readerapp.services.completion import Candidate, Completion, CompletionReport
    from readerapp.services.import_session import ImportOutcome
else:  # imported at first use, not at launch: the ORM's services (gui.deferred)
    completion = deferred("completion")
    online = deferred("online")  # and httpx with it
    triage = deferred("triage")

Edit = Callable[[Library], Applied]


def _sentence(line: str) -> str:
    return line[:1].upper() + line[1:] + "."


class CompletionFlow(QObject):
    """One completion at a time; the signals let tests follow along."""

    summary_opened = Signal(object)  # CompletionSummaryDialog
    finished = Signal(object)  # CompletionReport, or None: nothing looked up, failed, closed
    candidates_applied = Signal(object)  # CompletionReport

    def __init__(self, host: Host, network: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.network = network
        self.cancel: CancelToken | None = None  # the running completion's
        self.summary: CompletionSummaryDialog | None = None
        self._new: list[int] = []  # the last import's papers, completed once it is indexed
        self._waiting: list[int] = []  # new papers to complete when the running one ends

    # -- where it starts

    def complete_details(self) -> None:
        """The selected papers (each looked up whatever it misses), or else the papers of
        the list shown that miss details."""
        host = self.host
        if not host.is_ready:
            return
        if selected := host.selected_ids():
            self._start(selected, everything=True, quiet=False)
        elif shown := host.shown_ids():
            self._start(shown, everything=False, quiet=False)
        else:
            host.work.message(self.tr("There are no papers here to complete."), 4000)

    def import_finished(self, outcome: ImportOutcome) -> None:
        if not outcome.cancelled:
            self._new = list(outcome.paper_ids)

    def import_indexed(self) -> None:
        """After an import is searchable (so the status bar is free): completes its papers
        that miss details, quietly, when the setting asks for it."""
        ids, self._new = self._new, []
        if not ids or not load_settings().complete_new_imports:
            return
        if self.cancel is not None:
            self._waiting.extend(ids)
            return
        self._start(ids, everything=False, quiet=True)

    def stop(self) -> None:
        if self.cancel is not None:
            self.cancel.cancel()

    # -- read, look up, apply

    def _start(self, ids: Sequence[int], *, everything: bool, quiet: bool) -> None:
        host = self.host
        if self.cancel is not None:
            host.work.message(
                self.tr("Details are already being looked up; wait or cancel it."), 6000
            )
            return
        cancel = CancelToken()
        self.cancel = cancel
        relay = host.work.begin(self.tr("Completing details…"), cancel)
        read = triage.get_papers if everything else completion.incomplete_papers
        host.ops.call(
            lambda lib: read(lib, ids),
            lambda papers: self._look_up(papers, cancel, relay, quiet),
            lambda error: self._failed(error, quiet),
        )

    def _look_up(
        self, papers: list[Paper], cancel: CancelToken, relay: ProgressRelay, quiet: bool
    ) -> None:
        host = self.host
        if not papers or cancel.cancelled or not host.is_ready:
            self._finish(None)
            if not papers and not quiet:
                host.work.message(self.tr("No paper here misses details."), 6000)
            return
        titles = {p.id: p.title for p in papers}
        host.work.show_text(self.tr("Looking up %Ln paper(s)…", "", len(papers)))
        connection = online.connection_for(host.library(), cancel)
        self.network.run(
            lambda: completion.look_up_papers(papers, connection, progress=relay),
            lambda found: self._apply(found, titles, quiet),
            lambda error: self._failed(error, quiet),
        )

    def _apply(self, found: Completion, titles: Mapping[int, str], quiet: bool) -> None:
        host = self.host
        if not host.is_ready:
            self._finish(None)
            return
        host.work.show_text(self.tr("Saving what was found…"))

        def edit(library: Library) -> Applied:
            return completion.apply(library, found).applied()

        host.ops.write(
            edit,
            lambda applied: self._applied(applied, edit, titles, quiet),
            lambda error: self._failed(error, quiet),
        )

    def _applied(
        self, applied: Applied, edit: Edit, titles: Mapping[int, str], quiet: bool
    ) -> None:
        host = self.host
        report: CompletionReport = applied.value
        if applied.undo is not None:
            host.push(DoneCommand(host.ops, applied, edit, self.tr("Complete details")))
        self._finish(report)
        host.work.message(_sentence(report.summary()), 12000)
        if not quiet or report.completion.candidates or report.missing:
            self._show_summary(report, titles)

    def _failed(self, error: BaseException, quiet: bool) -> None:
        self._finish(None)
        if quiet and isinstance(error, ReaderappError):
            # Automatic: one line, never a dialog over whatever the user is doing.
            self.host.work.message(
                arg(self.tr("Could not complete the new papers: %1"), error), 15000
            )
        else:
            self.host.report_error(error)

    def _finish(self, report: CompletionReport | None) -> None:
        self.host.work.end()
        self.cancel = None
        self.finished.emit(report)
        ids, self._waiting = self._waiting, []
        if ids and self.host.is_ready:
            self._start(ids, everything=False, quiet=True)

    # -- the summary and its candidates

    def _show_summary(self, report: CompletionReport, titles: Mapping[int, str]) -> None:
        if self.summary is not None:
            self.summary.close()
        dialog = CompletionSummaryDialog(report, titles, self.host.widget())
        dialog.apply_requested.connect(lambda chosen: self._accept(dialog, chosen))
        self.summary = dialog
        dialog.show()
        self.summary_opened.emit(dialog)

    def _accept(self, dialog: CompletionSummaryDialog, chosen: list[Candidate]) -> None:
        host = self.host
        if not host.is_ready:
            return

        def edit(library: Library) -> Applied:
            return completion.accept(library, chosen).applied()

        def done(applied: Applied) -> None:
            if applied.undo is not None:
                text = self.tr("Apply %n candidate(s)", "", len(chosen))
                host.push(DoneCommand(host.ops, applied, edit, text))
            dialog.show_applied(chosen, applied.value)
            self.candidates_applied.emit(applied.value)

        host.ops.write(edit, done)
