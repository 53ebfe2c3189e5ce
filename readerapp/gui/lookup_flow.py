"""The window's online look-ups: Paper ▸ Add by identifier…, File ▸ Fetch Daily Papers… and
Complete details (gui/completion_flow.py).

Network work runs on its own thread (`network`), never on the library worker: a look-up may
wait seconds between requests (arXiv's 3 s), and every read and edit of the window would
queue behind it. What was fetched is then imported on the worker and handed to the import
flow, which shows, indexes and undoes it like any import.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from readerapp.core.errors import Cancelled, ReaderappError
from readerapp.core.identifiers import Identifier
from readerapp.core.progress import CancelToken
from readerapp.formats.base import ParseResult
from readerapp.gui.add_by_id_dialog import AddByIdDialog
from readerapp.gui.completion_flow import CompletionFlow
from readerapp.gui.daily_dialog import DailyDialog
from readerapp.gui.deferred import deferred
from readerapp.gui.host import Host
from readerapp.gui.i18n import arg
from readerapp.gui.import_flow import ImportFlow
from readerapp.gui.tasks import ProgressRelay, TaskRunner
from readerapp.services.changes import Changes
from readerapp.services.library import Library

if TYPE_CHECKING:
    from readerapp.services import adding, import_session, online
    from readerapp.services.adding import AddPreview, Fetched
    from readerapp.services.import_session import ImportOutcome
else:  # imported at first use, not at launch: the ORM's services (gui.deferred)
    adding = deferred("adding")
    import_session = deferred("import_session")
    online = deferred("online")  # and httpx with it


class LookupFlow(QObject):
    """The signals let tests follow along."""

    add_dialog_opened = Signal(object)  # AddByIdDialog
    daily_dialog_opened = Signal(object)  # DailyDialog

    def __init__(self, host: Host, imports: ImportFlow, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.imports = imports
        # One network thread: look-ups queue behind each other, as the APIs' pacing wants.
        self.network = TaskRunner(self, name="network")
        self.network.failed.connect(host.report_error)
        self.completion = CompletionFlow(host, self.network, self)
        imports.imported.connect(self.completion.import_finished)
        imports.indexed.connect(self.completion.import_indexed)
        self.add_dialog: AddByIdDialog | None = None
        self._daily_cancel: CancelToken | None = None

    def complete_details(self) -> None:
        self.completion.complete_details()

    def stop(self) -> None:
        """The window closes: every look-up stops at its next request or wait, and nobody
        waits for the network thread."""
        self.completion.stop()
        tokens = [self._daily_cancel, self.add_dialog.cancel_token if self.add_dialog else None]
        for token in tokens:
            if token is not None:
                token.cancel()
        self.network.shutdown(wait=False)

    # -- Paper ▸ Add by identifier…

    def add_by_identifier(self) -> None:
        host = self.host
        if not host.is_ready:
            return
        dialog = AddByIdDialog(host.widget())
        dialog.lookup_requested.connect(lambda idents: self._look_up_ids(dialog, idents))
        dialog.import_requested.connect(self._import_added)
        dialog.finished.connect(lambda _result: self._add_closed(dialog))
        self.add_dialog = dialog
        dialog.open()
        self.add_dialog_opened.emit(dialog)

    def _look_up_ids(self, dialog: AddByIdDialog, idents: list[Identifier]) -> None:
        host, cancel = self.host, dialog.cancel_token
        if cancel is None or not host.is_ready:
            return
        relay = ProgressRelay(dialog)
        relay.progressed.connect(dialog.show_progress)
        connection = online.connection_for(host.library(), cancel)

        def fetched(result: Fetched) -> None:
            if cancel.cancelled or not host.is_ready:
                return  # the user cancelled (or closed) meanwhile: drop it
            host.ops.call(
                lambda lib: adding.preview_fetched(lib, result),
                lambda preview: None if cancel.cancelled else dialog.show_preview(preview),
                lambda error: self._lookup_failed(dialog, cancel, error),
            )

        self.network.run(
            lambda: adding.fetch(idents, connection, relay),
            fetched,
            lambda error: self._lookup_failed(dialog, cancel, error),
        )

    def _lookup_failed(
        self, dialog: AddByIdDialog, cancel: CancelToken, error: BaseException
    ) -> None:
        if cancel.cancelled:
            return
        if isinstance(error, ReaderappError):
            dialog.show_failure(arg(self.tr("Nothing was looked up: %1"), error))
        else:
            dialog.show_failure(self.tr("The look-up failed; nothing changed."))
            self.host.report_error(error)

    def _add_closed(self, dialog: AddByIdDialog) -> None:
        if self.add_dialog is dialog:
            self.add_dialog = None
        # A look-up may still be running, then previewed on the worker, and both report to
        # the dialog: it goes after them, through the same two queues.
        self.network.run(
            lambda: None,
            lambda _r: self.host.ops.run(lambda: None, lambda _r2: dialog.deleteLater()),
        )

    def _import_added(self, preview: AddPreview) -> None:
        host = self.host
        if not host.is_ready:
            return
        fetched = preview.fetched
        relay = host.work.begin(self.tr("Adding %Ln paper(s)…", "", len(fetched.records)))

        def work(library: Library) -> ImportOutcome:
            report = adding.import_fetched(library, fetched, index=False, progress=relay)
            return import_session.outcome_of(library, [report.batch] if report.batch else [])

        host.ops.call(work, self.imports.finish_import, self._import_failed)

    # -- File ▸ Fetch Daily Papers…

    def fetch_daily(self) -> None:
        host = self.host
        if not host.is_ready:
            return
        dialog = DailyDialog(online.CLOCK.now().date(), host.widget())
        dialog.accepted.connect(lambda: self._fetch_day(dialog.day()))
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        dialog.open()
        self.daily_dialog_opened.emit(dialog)

    def _fetch_day(self, day: dt.date) -> None:
        host = self.host
        if not host.is_ready:
            return
        cancel = CancelToken()
        self._daily_cancel = cancel
        relay = host.work.begin(
            arg(self.tr("Fetching Daily Papers of %1…"), day.isoformat()), cancel
        )
        connection = online.connection_for(host.library(), cancel)

        def work() -> ParseResult | None:
            try:
                return adding.daily_list(connection, day, relay)
            except Cancelled:
                return None  # said in the status bar, not dropped silently

        self.network.run(work, lambda parsed: self._import_day(day, parsed), self._fetch_failed)

    def _import_day(self, day: dt.date, parsed: ParseResult | None) -> None:
        host = self.host
        self._daily_cancel = None
        if parsed is None or not host.is_ready:
            host.work.end()
            host.work.message(self.tr("Fetching Daily Papers cancelled; nothing changed."), 8000)
            return
        relay = host.work.begin(self.tr("Importing %Ln paper(s)…", "", len(parsed.records)))

        def work(library: Library) -> ImportOutcome:
            report = adding.import_daily(library, day, parsed, index=False, progress=relay)
            return import_session.outcome_of(library, [report])

        host.ops.call(work, self.imports.finish_import, self._import_failed)

    def _fetch_failed(self, error: BaseException) -> None:
        self._daily_cancel = None
        self.host.work.end()
        self.host.report_error(error)

    def _import_failed(self, error: BaseException) -> None:
        self.host.work.end()
        self.host.report_error(error)
        self.host.ops.announce(Changes.everything())
