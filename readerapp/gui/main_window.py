"""The main window: sidebar, search box, paper table and detail pane.

The window places the views and wires them; what it does to the library is in services and
runs on the one worker through `ops`. Helpers (edits, queues, import, preferences) see the
window only as a Host. After every edit `ops.changed` says what changed, and each view
redraws only that: the table its rows (and its search when lists or orders moved), the
sidebar its lists, the detail pane its paper.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QWidget,
)

from readerapp.core import paths
from readerapp.core.errors import Cancelled, ReaderappError
from readerapp.core.location import LibraryLocation, local_dir
from readerapp.core.lockfile import LibraryLock
from readerapp.core.progress import CancelToken
from readerapp.core.records import PaperSummary
from readerapp.gui import theme
from readerapp.gui.deferred import deferred, load_all
from readerapp.gui.detail_pane import DetailPane
from readerapp.gui.dialogs import CrashDialog, ShortcutsDialog, about_text, show_error
from readerapp.gui.edit_actions import EditActions
from readerapp.gui.i18n import LANGUAGE_KEY, arg, count, saved_language
from readerapp.gui.import_flow import ImportFlow
from readerapp.gui.index_retry import IndexRetry
from readerapp.gui.lookup_flow import LookupFlow
from readerapp.gui.open_library_dialog import LibraryChooser
from readerapp.gui.operations import Operations
from readerapp.gui.paper_clip import copy_papers, drag_data
from readerapp.gui.paper_model import PaperTableModel
from readerapp.gui.paper_table import PaperTable
from readerapp.gui.pdf_actions import PdfActions
from readerapp.gui.preferences import SearchEngineControl, preferences_shortcut
from readerapp.gui.queue_actions import QueueActions
from readerapp.gui.remote_changes import RemoteChangesView
from readerapp.gui.routine_actions import RoutineActions
from readerapp.gui.search_help import SearchSyntaxDialog
from readerapp.gui.search_panel import SearchPanel
from readerapp.gui.sidebar import Sidebar, TagActions
from readerapp.gui.start_page import StartPage
from readerapp.gui.tasks import TaskRunner
from readerapp.gui.window_actions import Handlers, WindowActions
from readerapp.gui.window_fit import default_geometry
from readerapp.gui.work_status import WorkStatus
from readerapp.services import list_reads, listing, search
from readerapp.services.changes import Changes
from readerapp.services.library import Library
from readerapp.services.listing import ListRef, SidebarContent

if TYPE_CHECKING:
    from readerapp.services import overview, triage
else:  # imported at first use, not at launch: the ORM's services (gui.deferred)
    overview = deferred("overview")
    triage = deferred("triage")


class _AfterPaint(QObject):
    """Calls `then` once, on the event loop's turn after the widget's next paint (so that
    the paint's own timers and a test's run first), then goes."""

    def __init__(self, widget: QWidget, then: Callable[[], object]) -> None:
        super().__init__(widget)
        self._then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, lambda: QTimer.singleShot(0, self._finish))
        return False

    def _finish(self) -> None:
        self._then()
        self.deleteLater()


class MainWindow(QMainWindow):
    library_ready = Signal()
    results_shown = Signal(int)  # how many papers the table now holds

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle("readerapp")
        self.setAcceptDrops(True)
        self.settings = settings
        self.runner = TaskRunner(self)
        self.runner.failed.connect(self.report_error)
        self.runner.busy_changed.connect(self._busy_changed)
        self.ops = Operations(self.runner, lambda: self._library, self.report_error, self)
        self.undo_stack = QUndoStack(self)
        self._library: Library | None = None
        self._lock: LibraryLock | None = None
        self._generation = 0  # newer searches make older answers stale
        self._detail_key: tuple[int, str] | None = None  # the paper shown, for which search
        self._remembered: dict[str, str] = {}  # settings written when closing: remember()
        self._sort = str(settings.value("sort/key", "relevance"))
        self._descending = str(settings.value("sort/descending", "false")) == "true"
        self.last_error: str | None = None
        self.search_help: SearchSyntaxDialog | None = None  # made when first asked for
        self.chooser = LibraryChooser(self, settings, self.open_library)

        self.model = PaperTableModel(self._load_summaries)
        self.model.drag_data = drag_data(lambda: self._library)
        self.table = PaperTable(self.model)
        self.detail = DetailPane()
        self.work = WorkStatus(self.statusBar())
        self.queueing = QueueActions(self)
        self.edits = EditActions(self, self.detail)
        self.import_flow = ImportFlow(self, self)
        self.lookups = LookupFlow(self, self.import_flow, self)
        self.engines = SearchEngineControl(self, self)
        self.pdf = PdfActions(self, self.lookups.network, self)
        self.remote = RemoteChangesView(self, self)
        self.index_retry = IndexRetry(self.ops, lambda: self._library, self.report_error, self)
        # Text searches find what was left for the index once it is indexed after all.
        self.index_retry.caught_up.connect(lambda _count: self.run_search())
        self.queueing.on_queued = self.pdf.queued
        self._build_widgets()
        self._build_actions()
        self.ops.changed.connect(self._refresh_table)
        self.ops.changed.connect(self._refresh_sidebar)
        self.ops.changed.connect(self._refresh_detail)
        self.ops.changed.connect(lambda _changes: self.index_retry.check())
        self._restore_window()

    # -- construction

    def _build_widgets(self) -> None:
        self.sidebar = Sidebar()
        self.sidebar.list_selected.connect(self._list_selected)
        self.sidebar.papers_dropped.connect(self.queueing.dropped_on_queue)
        self.sidebar.customContextMenuRequested.connect(self._sidebar_menu)

        self.model.reorder_requested.connect(self.queueing.reorder_dropped)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.customContextMenuRequested.connect(self._table_menu)
        self.table.sort_requested.connect(self._sort_requested)
        self.table.doubleClicked.connect(lambda _i: self.edits.open_current())
        self.pdf.watch_drops(self.table)
        self.start_page = StartPage()
        self.start_page.import_clicked.connect(self.import_flow.import_files)
        self.start_page.paste_clicked.connect(self.import_flow.paste_papers)
        self.start_page.sample_clicked.connect(
            lambda: self.import_flow.import_paths([paths.SAMPLE_PAPERS])
        )
        panel = SearchPanel(
            self.table, self.start_page, (self.engines.pending_label, self.engines.bar)
        )
        panel.search_requested.connect(self.run_search)
        panel.save_requested.connect(self.save_smart_list)
        self.search_panel = panel
        # Under the names the tests, the benchmark and the screenshots reach them by.
        self.search_box, self.search_timer = panel.search_box, panel.timer
        self.count_label, self.query_error = panel.count_label, panel.query_error

        detail = self.detail
        detail.star_toggled.connect(lambda pid, on: self.edits.set_starred([pid], on))
        detail.status_chosen.connect(lambda pid, status: self.edits.set_status([pid], status))
        detail.tags_edited.connect(self.edits.tags_edited)
        detail.queue_requested.connect(self.queueing.add_to_queue)
        detail.note_added.connect(self.edits.note_added)
        detail.note_edited.connect(self.edits.note_edited)
        detail.note_deleted.connect(self.edits.note_deleted)
        detail.paper_activated.connect(self.show_paper)
        detail.pdf_panel.open_requested.connect(self.edits.open_current)
        detail.show_message(self.tr("Opening the library…"))

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        for widget in (self.sidebar, panel, detail):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([210, 820, 440])
        self.setCentralWidget(self.splitter)

        self.size_label = QLabel()
        self.selection_label = QLabel()
        self.statusBar().addWidget(self.size_label)
        self.statusBar().addWidget(self.selection_label)
        # The status bar's work display, under the names tests and the self-test read.
        self.work_label, self.progress = self.work.label, self.work.progress
        self.cancel_button = self.work.cancel_button
        self._set_tab_order()

    def _set_tab_order(self) -> None:
        """The one Tab order of the window (README ▸ Keyboard): search box, the papers (or
        the start page's buttons), the detail pane, the sidebar, the engine advice, Cancel
        of the work in the status bar, Save as smart list, and round to the search box. Qt's
        default follows creation order, which left the sidebar and the detail pane out of
        reach; hidden widgets are skipped.

        setTabOrder moves the second widget after the first, so the chain cannot close on
        itself: past its end come the window's other widgets, none of which takes the focus
        (the scroll areas are kept out of it), and then the search box again."""
        panel, bar = self.search_panel, self.engines.bar
        chain: list[QWidget] = [
            panel.search_box,
            self.table,
            *self.start_page.buttons,
            *self.detail.tab_chain(),
            self.sidebar,
            bar.switch_button,
            bar.close_button,
            self.work.cancel_button,
            panel.save_button,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        # The window opens with the focus where it had it before (Qt gives it to the first
        # widget of the focus chain, which setTabOrder changed): on the sidebar, where S, T,
        # Q… are shortcuts, not text typed into a box.
        self.sidebar.setFocus(Qt.FocusReason.OtherFocusReason)

    def _build_actions(self) -> None:
        e, q, flow = self.edits, self.queueing, self.import_flow
        handlers = Handlers(
            import_files=flow.import_files,
            export=self.export_papers,
            copy_markdown=e.copy_markdown_links,
            copy_bibtex=e.copy_bibtex,
            open_library=self.choose_library,
            paste=flow.paste_papers,
            find=self.focus_search,
            clear_search=self.clear_search,
            toggle_star=e.toggle_star,
            set_status=lambda status: e.set_status(self.selected_ids(), status),
            add_to_queue=q.add_to_queue,
            read_next=q.read_next,
            remove_from_queue=q.remove_from_queue,
            move_in_queue=q.move,
            tag=e.tag_selection,
            untag=e.untag_selection,
            delete=e.delete_selection,
            open_paper=self.edits.open_current,
            new_note=e.new_note,
            edit_details=e.edit_details,
            new_queue=q.new_queue,
            shortcuts=self.show_shortcuts,
            about=self.show_about,
            preferences=self.engines.show_preferences,
            add_by_identifier=self.lookups.add_by_identifier,
            complete_details=self.lookups.complete_details,
            fetch_daily=self.lookups.fetch_daily,
            search_help=self.show_search_help,
            copy=lambda: copy_papers(self),
            set_theme=self.set_theme,
            set_language=self.set_language,
            attach_pdf=self.pdf.attach_dialog,
            download_pdf=self.pdf.download_selected,
        )
        self.menu_actions = WindowActions(
            self, self.table, self.search_box, self.undo_stack, handlers, preferences_shortcut()
        )
        self.search_box.escape_pressed.connect(self.clear_search)
        self.act_undo, self.act_redo = self.menu_actions.undo, self.menu_actions.redo
        self.act_preferences = self.menu_actions.preferences
        self.menu_actions.build_menus()
        # File ▸ Copy library to…, right after Open library…
        self.act_copy_library = QAction(self.tr("Cop&y library to…"), self)
        self.act_copy_library.triggered.connect(self.choose_copy)
        file_menu = self.menuBar().actions()[0].menu()
        entries = file_menu.actions()
        after_open = entries[entries.index(self.menu_actions.open) + 1]
        file_menu.insertAction(after_open, self.act_copy_library)
        self.menu_actions.show_theme(theme.saved_theme(self.settings))
        self.menu_actions.show_language(saved_language(self.settings, {}))
        # The reading routine (Inbox, snooze, re-reading, rules, statistics): its own menu
        # before Help, its keys in the shortcuts list.
        self.routine = RoutineActions(self, self, self.table, self.detail)
        self.detail.add_line(self.routine.history)
        help_menu = self.menuBar().actions()[-1]
        self.menuBar().insertMenu(help_menu, self.routine.menu())
        self.menu_actions.all.extend(self.routine.all)
        self.results_shown.connect(self.routine.results_shown)

    # -- the Host the helpers see

    def library(self) -> Library:
        if self._library is None:
            raise ReaderappError("no library is open")
        return self._library

    @property
    def is_ready(self) -> bool:
        return self._library is not None

    def widget(self) -> QWidget:
        return self

    def push(self, command: QUndoCommand) -> None:
        if self._library is not None:
            self.undo_stack.push(command)

    def selected_ids(self) -> list[int]:
        return self.table.selected_ids()

    def need_selection(self) -> list[int]:
        ids = self.selected_ids()
        if not ids:
            self.work.message(self.tr("Select one or more papers first."), 4000)
        return ids

    def shown_ids(self) -> list[int]:
        return self.model.ids()

    def current_list(self) -> ListRef:
        return self.sidebar.current_ref()

    def show_list(self, ref: ListRef) -> None:
        self.search_box.clear()
        self.sidebar.select(ref)
        self.table.setFocus()

    # -- the library

    def open_library(self, directory: LibraryLocation) -> None:
        """Opens (and repairs) a library on the worker; the window fills in when it is ready."""
        self.close_library()
        self.detail.show_message(self.tr("Opening the library…"))
        # Opening may index the library again (after an upgrade): its progress shows here.
        relay = self.work.begin(self.tr("Opening library…"))

        def work() -> tuple[Library, LibraryLock, SidebarContent]:
            lock = LibraryLock(local_dir(directory))
            lock.acquire()
            library: Library | None = None
            try:
                library = Library.open(directory, progress=relay)
                # From here on only this worker may write: an edit run on the GUI thread
                # would block the window behind a writer for up to the busy timeout.
                library.bind_writes_to_this_thread()
                return library, lock, listing.read_sidebar(library)
            except BaseException:
                if library is not None:
                    library.close()
                lock.release()
                raise

        self.runner.run(
            work, self._library_opened, lambda error: self._library_failed(error, directory)
        )

    def _library_opened(self, result: tuple[Library, LibraryLock, SidebarContent]) -> None:
        self._library, self._lock, content = result
        self.setWindowTitle(f"readerapp — {self._library.shown}")
        # A server library is remembered by its URL without the password (libpq's .pgpass
        # or PGPASSWORD supply it): no password is ever stored in the settings.
        self.settings.setValue("library/path", self._library.shown)
        self.chooser.opened(self._library.location)
        self.work.end()
        self.detail.show_message(self.tr("Select a paper to see its details."))
        # Read before the sidebar fills: filling it selects All papers, which is remembered.
        kind, _, value = self.recalled("list/last", "all").partition(":")
        saved = ListRef(kind, int(value) if kind == "batch" and value.isdigit() else value or None)
        self._show_sidebar(self._library, content)
        if not self.sidebar.select(saved):
            self.sidebar.select(ListRef("all"))
        self.run_search()
        library = self._library
        # After the first search on the one worker: the table fills first, then the orders.
        # What opening and the warm-up loaded (index readers, sort orders) lives as long as
        # the library: frozen out of the collector's sight, a full collection no longer walks
        # it and stalls the event loop for hundreds of milliseconds (400 ms at 10k papers).
        self.runner.run(lambda: search.warm_sort_orders(library), lambda _r: gc.freeze())

        # Once the table has painted the library's rows (not an empty table before them), the
        # services the window edits with, which the launch left out (gui.deferred): the
        # first edit or click does not wait for SQLAlchemy's ORM.
        def rows_shown(_count: int) -> None:
            self.results_shown.disconnect(rows_shown)
            _AfterPaint(self.table.viewport(), lambda: self._load_deferred(library))

        self.results_shown.connect(rows_shown)
        self.remote.start(library)  # changes made elsewhere show up from now on
        self.index_retry.check()  # another readerapp was rebuilding the index as it opened
        self.library_ready.emit()

    def _load_deferred(self, library: Library) -> None:
        if self._library is library:  # not closed (nor the window) before the paint came
            self.runner.run(load_all)

    def _library_failed(self, error: BaseException, location: LibraryLocation) -> None:
        self.work.end()
        self.detail.show_message(self.tr("No library is open."))
        if not self.chooser.failed(error, location):  # a server away: Retry or a local one
            self.report_error(error)

    def close_library(self) -> None:
        """Closes the library on the worker, after the work queued before (a note being
        saved): closing may merge Whoosh's small segments, seconds the window need not wait."""
        self.detail.save_note()
        self.remote.stop()
        self.index_retry.stop()
        self._save_remembered()  # the next library opens on the list this one showed
        library, lock = self._library, self._lock
        self._library = self._lock = None
        self.undo_stack.clear()
        self.model.set_ids([])

        def close() -> None:
            try:
                if library is not None:
                    library.close()
            finally:
                if lock is not None:
                    lock.release()

        if library is not None or lock is not None:
            self.runner.run(close)
            gc.unfreeze()  # what the closed library held may be collected again

    def choose_copy(self) -> None:
        """File ▸ Copy library to…: the open library into an empty folder or database."""
        if self._library is not None:
            self.chooser.choose_copy(self.copy_library_to)

    def copy_library_to(self, destination: LibraryLocation) -> None:
        """Copies the open library on the worker (after the edits queued before it), with
        progress and Cancel in the status bar; a cancel leaves the destination as it was."""
        from readerapp.services import copying

        cancel = CancelToken()
        relay = self.work.begin(self.tr("Copying the library…"), cancel)

        def work(library: Library) -> copying.CopyReport | None:
            try:
                return copying.copy_library(
                    library.location, destination, progress=relay, cancel=cancel
                )
            except Cancelled:
                return None

        def done(report: copying.CopyReport | None) -> None:
            self.work.end()
            if report is None:
                self.work.message(self.tr("Copy cancelled; nothing was written."), 8000)
                return
            text = self.tr("Copied %1 papers to %2; the copy builds its search index when opened.")
            self.work.message(arg(text, count(report.papers), report.destination), 15000)

        def failed(error: BaseException) -> None:
            self.work.end()
            self.report_error(error)

        self.ops.call(work, done, failed)

    def choose_library(self) -> None:
        """File ▸ Open library…: a folder, or a database on a server."""
        self.chooser.choose(self._library.location if self._library is not None else None)

    # -- what an edit changed, view by view

    def _refresh_table(self, changes: Changes) -> None:
        self.model.invalidate(None if changes.papers is None else list(changes.papers))
        # A list's members or order may have moved, or a text search may match differently.
        if changes.order or changes.lists or (changes.papers and self.search_box.text()):
            self.run_search()

    def _refresh_sidebar(self, changes: Changes) -> None:
        if changes.lists:
            self.refresh_sidebar()

    def _refresh_detail(self, changes: Changes) -> None:
        current = self.detail.paper.id if self.detail.paper else None
        if current is not None and changes.touches(current):
            self._show_detail(current, again=True)

    def refresh_sidebar(self) -> None:
        """Reads the counts and lists on the worker (after any edit queued before it) and
        shows them when they arrive."""
        library = self.library()
        self.ops.call(listing.read_sidebar, lambda content: self._show_sidebar(library, content))

    def _show_sidebar(self, library: Library, content: SidebarContent) -> None:
        if library is not self._library:
            return  # read for a library closed since
        self.sidebar.populate(content)
        self.detail.set_tag_names([name for name, _ in content.tags])
        self.size_label.setText(self.tr("%Ln paper(s) in the library", "", content.counts.total))
        self.engines.library_size(content.counts.total)
        self.search_panel.show_library(content.counts.total)

    # -- searching

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def clear_search(self) -> None:
        self.search_box.clear()
        self.run_search()
        self.table.setFocus()

    def _list_selected(self, ref: ListRef) -> None:
        self.remember("list/last", ref.key())
        self.table.show_list(ref)
        self.run_search()

    def _sort_requested(self, sort: str, descending: bool) -> None:
        self._sort, self._descending = sort, descending
        self.settings.setValue("sort/key", sort)
        self.settings.setValue("sort/descending", descending)
        self.run_search()

    def run_search(self) -> None:
        if self._library is None:
            return
        self.search_timer.stop()
        ref = self.sidebar.current_ref()
        node = self.search_panel.query(ref)
        if node is None:
            return
        sort, descending = self._sort, self._descending
        self._generation += 1
        generation = self._generation

        def work(library: Library) -> list[int]:
            if generation != self._generation:
                return []  # typed over while queued: skip it, so searches never pile up
            return listing.list_ids(library, ref, node, sort, descending)

        self.ops.call(
            work, lambda ids: self._show_results(generation, ref, ids), self._search_failed
        )

    def _search_failed(self, error: BaseException) -> None:
        if isinstance(error, ReaderappError):
            self.search_panel.show_error(str(error))
        else:
            self.report_error(error)

    def _show_results(self, generation: int, ref: ListRef, ids: list[int]) -> None:
        if generation != self._generation:
            return  # a newer search is on its way; this answer is stale
        current = self.table.show_ids(ids, queue_mode=ref.kind == "queue")
        if ids and current is None and self.search_panel.wants_first_result():
            self.table.selectRow(0)
            current = ids[0]
        self.search_panel.show_count(len(ids))
        # The new list may hold none of the papers selected before: the count, the detail
        # pane and its message follow what the table now shows.
        selected = self.table.selected_ids()
        self.selection_label.setText(self._selected_text(len(selected)))
        if not ids:
            self.detail.show_message(
                self.tr("No papers here.")
                if not self.search_box.text()
                else self.tr("No papers match this search.")
            )
        elif len(selected) > 1:
            self.detail.show_message(self.tr("%Ln paper(s) selected.", "", len(selected)))
        elif current is not None or selected:
            self._show_detail(current if current is not None else selected[0])
        else:
            self.detail.show_message(self.tr("Select a paper to see its details."))
        self.results_shown.emit(len(ids))
        self.engines.results_shown(bool(self.search_box.text().strip()))

    def save_smart_list(self, name: str, query: str) -> None:
        self.ops.write(lambda lib: overview.save_smart_list(lib, name, query))

    def delete_smart_list(self, name: str) -> None:
        self.ops.write(lambda lib: overview.delete_smart_list(lib, name))

    # -- selection and the detail pane

    def current_id(self) -> int | None:
        return self.table.current_id()

    def _selection_changed(self) -> None:
        count = self.table.selected_count()
        self.selection_label.setText(self._selected_text(count))
        if count > 1:
            self.detail.show_message(self.tr("%Ln paper(s) selected.", "", count))
        elif count == 1:
            self._show_detail(self.selected_ids()[0])

    def _selected_text(self, count: int) -> str:
        return self.tr("%Ln selected", "", count) if count else ""

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and self.table.selected_count() <= 1:
            self._show_detail(self.model.id_at(current.row()))

    def _show_detail(self, paper_id: int | None, *, again: bool = False) -> None:
        """Shows the paper in the detail pane, unless it is there already, for the same
        search, and no edit touched it since (`again`: one did). One click on a row asks
        twice (the selection and the current row changed), and an edit asks once for the
        paper it changed and again when its list comes back from the worker: each time
        the paper read on this thread, its history, files and related papers on the
        worker, and the pane laid out again."""
        if paper_id is None or self._library is None:
            return
        shown = self.detail.paper
        key = (paper_id, self.search_box.text())
        if not again and shown is not None and shown.id == paper_id and key == self._detail_key:
            return
        self._detail_key = key
        papers = triage.get_papers(self._library, [paper_id])
        if not papers:
            self.detail.show_message(self.tr("This paper is no longer in the library."))
            return
        shown_before = self.detail.paper.id if self.detail.paper else None
        self.detail.set_paper(papers[0])
        self.routine.show_history(paper_id)
        self.pdf.details_for(paper_id, self.search_box.text(), self.detail.pdf_panel.show_files)
        if shown_before != paper_id:
            self.ops.call(
                lambda lib: search.related(lib, paper_id, limit=6),
                lambda related: self.detail.set_related(paper_id, related),
                lambda _error: self.detail.set_related(paper_id, []),
            )

    def show_paper(self, paper_id: int) -> None:
        """Selects a paper in the table, switching to All papers if it is not listed."""
        if self.table.select_paper(paper_id):
            return
        self.search_box.clear()
        self.sidebar.select(ListRef("all"))
        self.run_search()

        def shown(_count: int) -> None:
            self.results_shown.disconnect(shown)
            self.table.select_paper(paper_id)

        self.results_shown.connect(shown)

    def _load_summaries(self, ids: Sequence[int]) -> dict[int, PaperSummary]:
        return {} if self._library is None else list_reads.summaries(self._library, ids)

    # -- drops, export and menus

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths and self._library is not None:
            event.acceptProposedAction()
            self.import_flow.import_paths(paths)

    def export_papers(self) -> None:
        if self._library is not None:
            self.ops.call(lambda lib: list_reads.counts(lib).total, self._open_export)

    def _open_export(self, total: int) -> None:
        if self._library is None:
            return
        # Imported when first opened, not at launch: every export format with it.
        from readerapp.gui.export_dialog import ExportDialog

        ref, query = self.sidebar.current_ref(), self.search_box.text().strip()
        dialog = ExportDialog(
            self._library,
            self.runner,
            selected=self.selected_ids(),
            shown=self.model.ids(),
            total=total,
            list_title=f"{ref.label}: {query}" if query else ref.label,
            numbered=ref.kind == "queue",
            start_dir=Path(str(self.recalled("export/dir", str(Path.home())))),
            parent=self,
        )
        # Each File ▸ Export makes a dialog (with its preview): gone once it closes.
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: dialog.saved_to and self.remember("export/dir", str(dialog.saved_to.parent))
        )
        dialog.open()

    def _table_menu(self, point: QPoint) -> None:
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.menu_actions.fill_paper_menu(menu, in_queue=self.queueing.current_queue() is not None)
        self.routine.fill_paper_menu(menu)
        menu.exec(self.table.viewport().mapToGlobal(point))

    def _sidebar_menu(self, point: QPoint) -> None:
        index = self.sidebar.indexAt(point)
        ref = self.sidebar.ref_at(index)
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if self.sidebar.section_at(index) == "queues" or (ref is not None and ref.kind == "queue"):
            menu.addAction(self.menu_actions.new_queue)
        if ref is not None and ref.kind == "queue":
            name = str(ref.value)
            menu.addAction(self.tr("Rename queue…"), lambda: self.queueing.rename(name))
            menu.addAction(self.tr("Delete queue"), lambda: self.queueing.delete(name))
        if ref is not None and ref.kind == "smart":
            menu.addAction(self.tr("Delete smart list"), lambda: self.delete_smart_list(ref.label))
        if ref is not None and ref.kind == "tag":
            TagActions(self, self.sidebar).fill_menu(menu, str(ref.value))
        if (batch := self.sidebar.undoable_batch(ref)) is not None:
            menu.addAction(self.tr("Undo this import…"), lambda: self.import_flow.undo_batch(batch))
        if not menu.isEmpty():
            menu.exec(self.sidebar.viewport().mapToGlobal(point))

    # -- help, errors, busy state

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self.menu_actions.all, self).open()

    def set_theme(self, name: str) -> None:
        """View > Theme: applied to the whole application at once, and remembered."""
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply_theme(app, name)
        self.settings.setValue(theme.THEME_KEY, name)
        self.menu_actions.show_theme(name)

    def set_language(self, name: str) -> None:
        """View > Language: remembered, and used from the next start (every text the window
        has made would otherwise need making again)."""
        self.settings.setValue(LANGUAGE_KEY, name)
        self.menu_actions.show_language(name)
        self.work.message(self.tr("The language changes when readerapp starts next."), 8000)

    def show_search_help(self) -> None:
        if self.search_help is None:
            self.search_help = SearchSyntaxDialog(self)
            self.search_help.example_chosen.connect(self.search_box.setText)
        self.search_help.show()
        self.search_help.raise_()

    def show_about(self) -> None:
        # A server library as its URL without password, a folder as itself.
        path = self._library.shown if self._library else self.tr("(none open)")
        QMessageBox.about(self, self.tr("About readerapp"), about_text(path))

    def report_error(self, error: BaseException) -> None:
        self.last_error = str(error)
        if isinstance(error, ReaderappError):
            show_error(self, "readerapp", str(error))
        else:
            CrashDialog(error, self).open()

    def _busy_changed(self, busy: bool) -> None:
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    # -- window state

    def _restore_window(self) -> None:
        value = self.settings.value
        screen = self.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry()
        geometry = value("window/geometry")
        # restoreGeometry itself moves and shrinks a place saved on a bigger or a missing
        # screen onto this one (the tests hold it to that).
        if geometry is None or not self.restoreGeometry(geometry):
            self.setGeometry(default_geometry(available))
        for restore, key in (
            (self.restoreState, "window/state"),
            (self.splitter.restoreState, "window/splitter"),
            (self.table.restore_state, "table/header"),
        ):
            if value(key) is not None:
                restore(value(key))  # type: ignore[operator]  # QSettings gives a QByteArray
        self.table.show_position_column(False)
        self.table.show_sort(self._sort, self._descending)

    def remember(self, key: str, value: str) -> None:
        """Keeps a setting that changes as the window is used (the list shown, the export
        folder) until the window or its library closes. Each QSettings write makes Qt save
        the file on this thread a moment later: a lock file and the file, each fdatasync'ed,
        then a rename. That is 1-15 ms here, and far more right after the library or an
        export wrote a lot (seen: 58 ms after a 70 MB export), when the file system's
        journal flushes that first: the quiet full soak's longest gap, 584 ms with the
        process mostly off the CPU, came during a move in a queue, which selects the queue
        (and so wrote "list/last")."""
        self._remembered[key] = value

    def recalled(self, key: str, default: str) -> str:
        """A setting, as remember() last kept it or as saved."""
        return self._remembered.get(key) or str(self.settings.value(key, default))

    def _save_remembered(self) -> None:
        for key, value in self._remembered.items():
            self.settings.setValue(key, value)
        self._remembered.clear()

    def save_window(self) -> None:
        self._save_remembered()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("table/header", self.table.save_state())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_window()
        self.work.cancel()  # an import not saved yet rolls back instead of being waited for
        self.pdf.stop()  # a download stops at its next request or wait
        self.lookups.stop()  # look-ups stop at their next request; nobody waits for them
        self.close_library()
        self.runner.wait_idle()  # the library closed and its lock released before quitting
        self.runner.shutdown()
        event.accept()
