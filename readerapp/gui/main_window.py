"""The main window: sidebar, search box, paper table and detail pane, wired to services."""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from readerapp.core.errors import ReaderappError
from readerapp.core.lockfile import LibraryLock
from readerapp.core.progress import CancelToken
from readerapp.core.records import STATUSES
from readerapp.formats.markdown_export import markdown_links
from readerapp.formats.registry import EXPORT_FORMATS
from readerapp.gui import commands
from readerapp.gui.detail_pane import DetailPane
from readerapp.gui.dialogs import CrashDialog, PickDialog, ShortcutsDialog, about_text, show_error
from readerapp.gui.export_dialog import ExportDialog
from readerapp.gui.import_flow import ImportFlow
from readerapp.gui.import_preview import ImportSource
from readerapp.gui.paper_model import COLUMNS, PaperTableModel
from readerapp.gui.paper_table import PaperTable
from readerapp.gui.preferences import SearchEngineControl, preferences_shortcut
from readerapp.gui.queue_actions import QueueActions
from readerapp.gui.search_box import SearchBox
from readerapp.gui.sidebar import ListRef, Sidebar, SidebarContent, read_sidebar
from readerapp.gui.start_page import StartPage
from readerapp.gui.tasks import TaskRunner
from readerapp.search.query import And, Filter, MatchAll, Node, QuerySyntaxError, parse_query
from readerapp.services import exporting, overview, queues, search, triage
from readerapp.services.library import Library

# Long enough to coalesce a burst of keys, short enough to leave most of the 150 ms
# keystroke-to-table budget to the search itself (docs/benchmarks.md).
SEARCH_DEBOUNCE_MS = 50
# Table column -> the search sort that orders it (its natural direction first).
# Every column but the queue position (a queue shows its own order) sorts in the library.
SORT_FOR_COLUMN = {key: key for key in search.SORTS if key in dict(COLUMNS)}
# Orders whose first click reads as descending: newest first, starred first.
NATURAL_DESCENDING = {"year", "added", "starred"}


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
        self.undo_stack = QUndoStack(self)
        self._library: Library | None = None
        self._lock: LibraryLock | None = None
        self._generation = 0  # newer searches make older answers stale
        self._sort = "relevance"
        self._descending = False
        self._cancel: CancelToken | None = None
        self.last_error: str | None = None

        self.queueing = QueueActions(self)
        self.model = PaperTableModel(self._load_summaries)
        self.model.reorder_requested.connect(self.queueing.reorder_dropped)
        self.import_flow = ImportFlow(self)
        self.engines = SearchEngineControl(self)
        self._build_widgets()
        self._build_actions()
        self._build_menus()
        self._restore_window()

    # -- construction

    def _build_widgets(self) -> None:
        self.sidebar = Sidebar()
        self.sidebar.list_selected.connect(self._list_selected)
        self.sidebar.papers_dropped.connect(self.queueing.dropped_on_queue)
        self.sidebar.customContextMenuRequested.connect(self._sidebar_menu)

        self.search_box = SearchBox()
        self.search_box.setObjectName("searchBox")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(
            'Search: words, "phrases", author:, tag:, is:starred, status:read, year:2023…'
        )
        self.search_box.textChanged.connect(self._search_typed)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self.search_timer.timeout.connect(self.run_search)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.save_search_button = QPushButton("Save as smart list")
        self.save_search_button.clicked.connect(self.save_smart_list)
        self.query_error = QLabel()
        self.query_error.setObjectName("queryError")
        self.query_error.setStyleSheet(
            "color: palette(bright-text); background: #b3261e;padding: 2px 6px; border-radius: 3px;"
        )
        self.query_error.hide()

        self.table = PaperTable(self.model)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.customContextMenuRequested.connect(self._table_menu)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._sort_clicked)
        self.table.doubleClicked.connect(lambda _i: self._open_current("abs"))
        self.start_page = StartPage()
        self.start_page.import_clicked.connect(self.import_files)
        self.start_page.paste_clicked.connect(self.paste_papers)
        self.center = QStackedWidget()
        self.center.addWidget(self.start_page)
        self.center.addWidget(self.table)

        middle = QWidget()
        layout = QVBoxLayout(middle)
        layout.setContentsMargins(0, 0, 0, 0)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search_box, 1)
        search_row.addWidget(self.count_label)
        search_row.addWidget(self.engines.pending_label)
        search_row.addWidget(self.save_search_button)
        layout.addLayout(search_row)
        layout.addWidget(self.query_error)
        layout.addWidget(self.engines.bar)
        layout.addWidget(self.center, 1)

        self.detail = DetailPane()
        self.detail.star_toggled.connect(lambda pid, on: self.set_starred([pid], on))
        self.detail.status_chosen.connect(lambda pid, status: self.set_status([pid], status))
        self.detail.tags_edited.connect(self._tags_edited)
        self.detail.queue_requested.connect(self.queueing.add_to_queue)
        self.detail.note_added.connect(self._note_added)
        self.detail.note_edited.connect(self._note_edited)
        self.detail.note_deleted.connect(self._note_deleted)
        self.detail.paper_activated.connect(self.show_paper)
        self.detail.show_message("Opening the library…")

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(middle)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([210, 820, 440])
        self.setCentralWidget(self.splitter)

        status = self.statusBar()
        self.size_label = QLabel()
        self.selection_label = QLabel()
        self.work_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(200)
        self.progress.hide()
        self.cancel_button = QToolButton()
        self.cancel_button.setText("Cancel")
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel_work)
        status.addWidget(self.size_label)
        status.addWidget(self.selection_label)
        status.addPermanentWidget(self.work_label)
        status.addPermanentWidget(self.progress)
        status.addPermanentWidget(self.cancel_button)

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: str | QKeySequence = "",
        *,
        table_only: bool = False,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        if table_only:
            # Single keys (S, T, 1-5) act on papers only while the table has focus, so they
            # never steal letters typed in the search box or a note.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.table.addAction(action)
        else:
            self.addAction(action)
        self.all_actions.append(action)
        return action

    def _build_actions(self) -> None:
        self.all_actions: list[QAction] = []
        a = self._action
        self.act_import = a("&Import…", self.import_files, "Ctrl+I")
        self.act_export = a("&Export…", self.export_papers, "Ctrl+E")
        self.act_copy_md = a(
            "Copy as Markdown links", self.copy_markdown_links, "Ctrl+Shift+C", table_only=True
        )
        self.act_copy_bib = a("Copy as BibTeX", self.copy_bibtex, "Ctrl+Alt+C", table_only=True)
        self.act_open = a("&Open library…", self.choose_library, "Ctrl+O")
        # BibTeX export arrives with its exporter module; no dead menu item before that.
        self.act_copy_bib.setEnabled(any(f.name == "bibtex" for f in EXPORT_FORMATS))
        self.act_quit = a("&Quit", self.close, QKeySequence.StandardKey.Quit)
        self.act_undo = self.undo_stack.createUndoAction(self, "&Undo")
        self.act_undo.setShortcut(QKeySequence("Ctrl+Z"))
        self.act_redo = self.undo_stack.createRedoAction(self, "&Redo")
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action in (self.act_undo, self.act_redo):
            self.addAction(action)
            self.all_actions.append(action)
        self.act_paste = a("&Paste papers", self.paste_papers, "Ctrl+Shift+V")
        self.act_find = a("&Find", self.focus_search, "Ctrl+F")
        self.act_clear = a("Clear search", self.clear_search, "Esc")
        self.act_clear.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.search_box.addAction(self.act_clear)
        self.removeAction(self.act_clear)
        self.search_box.escape_pressed.connect(self.clear_search)
        self.act_star = a("&Star / unstar", self.toggle_star, "S", table_only=True)
        self.act_status = [
            a(
                f"Mark {status}",
                lambda s=status: self.set_status(self.selected_ids(), s),
                str(number),
                table_only=True,
            )
            for number, status in enumerate(STATUSES, start=1)
        ]
        self.act_queue = a("Add to &queue…", self.queueing.add_to_queue, "Q", table_only=True)
        self.act_read_next = a("&Read next", self.queueing.read_next, "N", table_only=True)
        self.act_unqueue = a(
            "Remove from this queue", self.queueing.remove_from_queue, "Backspace", table_only=True
        )
        self.act_up = a(
            "Move up in queue", lambda: self.queueing.move(-1), "Alt+Up", table_only=True
        )
        self.act_down = a(
            "Move down in queue", lambda: self.queueing.move(1), "Alt+Down", table_only=True
        )
        self.act_tag = a("&Tag…", self.tag_selection, "T", table_only=True)
        self.act_untag = a("Remove tag…", self.untag_selection, "Shift+T", table_only=True)
        self.act_delete = a(
            "&Delete…", self.delete_selection, QKeySequence.StandardKey.Delete, table_only=True
        )
        self.act_open_paper = a(
            "Open paper page", lambda: self._open_current("abs"), "Ctrl+Return", table_only=True
        )
        self.act_new_note = a("New &note", self.new_note, "Ctrl+Shift+N")
        self.act_new_queue = a("New queue…", self.queueing.new_queue)
        self.act_shortcuts = a("&Keyboard shortcuts", self.show_shortcuts, "F1")
        self.act_about = a("&About readerapp", self.show_about)
        self.act_preferences = a(
            "&Preferences…", self.engines.show_preferences, preferences_shortcut()
        )
        self.act_preferences.setMenuRole(QAction.MenuRole.PreferencesRole)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        for action in (self.act_import, self.act_export, self.act_open):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        edit = bar.addMenu("&Edit")
        for action in (self.act_undo, self.act_redo):
            edit.addAction(action)
        edit.addSeparator()
        edit.addAction(self.act_paste)
        edit.addAction(self.act_find)
        edit.addSeparator()
        edit.addAction(self.act_preferences)
        paper = bar.addMenu("&Paper")
        self._fill_paper_menu(paper)
        queue_menu = bar.addMenu("&Queue")
        for action in (
            self.act_new_queue,
            self.act_queue,
            self.act_read_next,
            self.act_unqueue,
            self.act_up,
            self.act_down,
        ):
            queue_menu.addAction(action)
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.act_shortcuts)
        help_menu.addAction(self.act_about)
        self.toolbar = self.addToolBar("Main")
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        for action in (
            self.act_import,
            self.act_star,
            self.act_queue,
            self.act_read_next,
            self.act_tag,
            self.act_new_note,
        ):
            self.toolbar.addAction(action)

    def _fill_paper_menu(self, menu: QMenu) -> None:
        menu.addAction(self.act_star)
        status_menu = menu.addMenu("Set status")
        for action in self.act_status:
            status_menu.addAction(action)
        menu.addAction(self.act_queue)
        menu.addAction(self.act_read_next)
        menu.addAction(self.act_tag)
        menu.addAction(self.act_untag)
        menu.addAction(self.act_new_note)
        menu.addAction(self.act_open_paper)
        menu.addSeparator()
        menu.addAction(self.act_copy_md)
        if self.act_copy_bib.isEnabled():
            menu.addAction(self.act_copy_bib)
        menu.addSeparator()
        menu.addAction(self.act_delete)

    # -- the library

    def library(self) -> Library:
        if self._library is None:
            raise ReaderappError("no library is open")
        return self._library

    @property
    def is_ready(self) -> bool:
        return self._library is not None

    def open_library(self, directory: Path) -> None:
        """Opens (and repairs) a library on the worker; the window fills in when it is ready."""
        self.close_library()
        self.detail.show_message("Opening the library…")
        self.work_label.setText("Opening library…")

        def work() -> tuple[Library, LibraryLock, SidebarContent]:
            lock = LibraryLock(directory)
            lock.acquire()
            try:
                library = Library.open(directory)
            except BaseException:
                lock.release()
                raise
            try:
                return library, lock, read_sidebar(library)
            except BaseException:
                library.close()
                lock.release()
                raise

        self.runner.run(work, self._library_opened, self._library_failed)

    def _library_opened(self, result: tuple[Library, LibraryLock, SidebarContent]) -> None:
        self._library, self._lock, content = result
        self.setWindowTitle(f"readerapp — {self._library.directory}")
        self.settings.setValue("library/path", str(self._library.directory))
        self.work_label.clear()
        self.detail.show_message("Select a paper to see its details.")
        self._show_sidebar(self._library, content)
        last = str(self.settings.value("list/last", "all"))
        if not self._select_saved_list(last):
            self.sidebar.select(ListRef("all"))
        self.run_search()
        library = self._library
        # After the first search on the one worker: the table fills first, then the orders.
        # What opening and the warm-up loaded (index readers, sort orders) lives as long as
        # the library: frozen out of the collector's sight, a full collection no longer walks
        # it and stalls the event loop for hundreds of milliseconds (400 ms at 10k papers).
        self.runner.run(lambda: search.warm_sort_orders(library), lambda _r: gc.freeze())
        self.library_ready.emit()

    def _library_failed(self, error: BaseException) -> None:
        self.work_label.clear()
        self.detail.show_message("No library is open.")
        self.report_error(error)

    def close_library(self) -> None:
        """Closes the library on the worker, after the work queued before (a note being
        saved): closing may merge Whoosh's small segments, seconds the window need not wait."""
        self.detail.save_note()
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

    def choose_library(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Open or create a library folder")
        if folder:
            self.open_library(Path(folder))

    def _select_saved_list(self, key: str) -> bool:
        kind, _, value = key.partition(":")
        typed: str | int | None = value or None
        if kind == "batch" and value.isdigit():
            typed = int(value)
        return self.sidebar.select(ListRef(kind, typed))

    def refresh_sidebar(self) -> None:
        """Reads the counts and lists on the worker (after any edit queued before it) and
        shows them when they arrive."""
        library = self.library()
        self.runner.run(
            lambda: read_sidebar(library), lambda content: self._show_sidebar(library, content)
        )

    def _show_sidebar(self, library: Library, content: SidebarContent) -> None:
        if library is not self._library:
            return  # read for a library closed since
        counts = content.counts
        self.sidebar.populate(content)
        self.detail.set_tag_names([name for name, _ in content.tags])
        self.size_label.setText(f"{counts.total:,} papers in the library")
        self.engines.library_size(counts.total)
        self.center.setCurrentIndex(0 if counts.total == 0 else 1)

    # -- searching

    def _search_typed(self) -> None:
        self.search_timer.start()

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def clear_search(self) -> None:
        self.search_box.clear()
        self.run_search()
        self.table.setFocus()

    def _list_selected(self, ref: ListRef) -> None:
        self.settings.setValue("list/last", ref.key())
        queue_view = ref.kind == "queue"
        self.table.show_position_column(queue_view)
        self.table.setSortingEnabled(not queue_view)
        self.table.setDragDropMode(
            PaperTable.DragDropMode.DragDrop if queue_view else PaperTable.DragDropMode.DragOnly
        )
        self.run_search()

    def current_node(self) -> Node:
        """The user's query within the selected list; raises QuerySyntaxError."""
        user = parse_query(self.search_box.text())
        ref = self.sidebar.current_ref()
        base: Node | None = {
            "starred": Filter("starred"),
            "status": Filter("status", ref.value),
            "tag": Filter("tag", ref.value),
        }.get(ref.kind)
        if ref.kind == "smart":
            base = parse_query(str(ref.value))
        if base is None:
            return user
        return base if isinstance(user, MatchAll) else And((base, user))

    def run_search(self) -> None:
        if self._library is None:
            return
        self.search_timer.stop()
        try:
            node = self.current_node()
        except QuerySyntaxError as error:
            # Keep the previous results and say what is wrong, inline.
            self.query_error.setText(f"{error.why} (at character {error.position + 1})")
            self.query_error.show()
            return
        self.query_error.hide()
        ref = self.sidebar.current_ref()
        sort, descending = self._sort, self._descending
        self._generation += 1
        generation = self._generation
        library = self.library()

        def work() -> list[int]:
            if generation != self._generation:
                return []  # typed over while queued: skip it, so searches never pile up
            if ref.kind in ("queue", "batch"):
                order = (
                    queues.queue_ids(library, str(ref.value))
                    if ref.kind == "queue"
                    else overview.batch_paper_ids(library, int(ref.value or 0))
                )
                if isinstance(node, MatchAll):
                    return order
                matched = set(search.search_ids(library, node))
                return [pid for pid in order if pid in matched]
            # Relevance with nothing to rank by is newest first (search_ids does that); a
            # column's order is reversed only when the user clicked it the other way.
            ids = search.search_ids(library, node, sort=sort)
            if sort != "relevance" and descending != (sort in NATURAL_DESCENDING):
                ids.reverse()
            return ids

        self.runner.run(
            work, lambda ids: self._show_results(generation, ref, ids), self._search_failed
        )

    def _search_failed(self, error: BaseException) -> None:
        if isinstance(error, ReaderappError):
            self.query_error.setText(str(error))
            self.query_error.show()
        else:
            self.report_error(error)

    def _show_results(self, generation: int, ref: ListRef, ids: list[int]) -> None:
        if generation != self._generation:
            return  # a newer search is on its way; this answer is stale
        selected = self.selected_ids()
        current = self.current_id()
        scroll = self.table.verticalScrollBar().value()
        self.model.set_ids(ids, queue_mode=ref.kind == "queue")
        self._reselect(selected, current)
        if selected:
            self.table.verticalScrollBar().setValue(scroll)
        noun = "paper" if len(ids) == 1 else "papers"
        self.count_label.setText(f"{len(ids):,} {noun}")
        if not ids:
            self.detail.show_message(
                "No papers here." if not self.search_box.text() else "No papers match this search."
            )
        self.results_shown.emit(len(ids))

    def _reselect(self, ids: Sequence[int], current: int | None) -> None:
        selection = self.table.selectionModel()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for pid in ids:
            row = self.model.row_of(pid)
            if row is not None:
                selection.select(self.model.index(row, 0), flags)
        row = self.model.row_of(current) if current is not None else None
        if row is not None:
            selection.setCurrentIndex(
                self.model.index(row, 2), QItemSelectionModel.SelectionFlag.NoUpdate
            )
            self._show_detail(current)

    def _sort_clicked(self, column: int, order: Qt.SortOrder) -> None:
        # -1: the indicator was cleared, which means the default order (relevance).
        sort = SORT_FOR_COLUMN.get(COLUMNS[column][0]) if column >= 0 else None
        if sort is None:
            # The queue position (or no column): the order the list itself has.
            self.table.horizontalHeader().blockSignals(True)
            self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
            self.table.horizontalHeader().blockSignals(False)
            self._sort = "relevance"
        else:
            self._sort = sort
            self._descending = order == Qt.SortOrder.DescendingOrder
        self.settings.setValue("sort/key", self._sort)
        self.settings.setValue("sort/descending", self._descending)
        self.run_search()

    def save_smart_list(self) -> None:
        text = self.search_box.text().strip()
        if not text:
            show_error(self, "Nothing to save", "Type a search first, then save it.")
            return
        name, ok = QInputDialog.getText(self, "Save as smart list", "Name:", text=text[:40])
        if ok and name.strip():
            self._try(lambda: overview.save_smart_list(self.library(), name, text))
            self.refresh_sidebar()

    # -- selection and the detail pane

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.id_at(r) for r in rows if r < self.model.rowCount()]

    def current_id(self) -> int | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.id_at(index.row())

    def _selection_changed(self) -> None:
        count = len(self.table.selectionModel().selectedRows())
        self.selection_label.setText(f"{count:,} selected" if count else "")
        if count > 1:
            self.detail.show_message(f"{count:,} papers selected.")
        elif count == 1:
            self._show_detail(self.selected_ids()[0])

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and len(self.table.selectionModel().selectedRows()) <= 1:
            self._show_detail(self.model.id_at(current.row()))

    def _show_detail(self, paper_id: int | None) -> None:
        if paper_id is None or self._library is None:
            return
        papers = triage.get_papers(self._library, [paper_id])
        if not papers:
            self.detail.show_message("This paper is no longer in the library.")
            return
        shown_before = self.detail.paper.id if self.detail.paper else None
        self.detail.set_paper(papers[0])
        if shown_before != paper_id:
            library = self._library
            self.runner.run(
                lambda: search.related(library, paper_id, limit=6),
                lambda related: self.detail.set_related(paper_id, related),
                lambda _error: self.detail.set_related(paper_id, []),
            )

    def show_paper(self, paper_id: int) -> None:
        """Selects a paper in the table, switching to All papers if it is not listed."""
        row = self.model.row_of(paper_id)
        if row is None:
            self.search_box.clear()
            self.sidebar.select(ListRef("all"))
            self.run_search()
            self._pending_show = paper_id
            self.results_shown.connect(self._show_pending)
            return
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 2))

    def _show_pending(self, _count: int) -> None:
        self.results_shown.disconnect(self._show_pending)
        pid = getattr(self, "_pending_show", None)
        if pid is not None and self.model.row_of(pid) is not None:
            self.show_paper(pid)

    def _load_summaries(self, ids: Sequence[int]) -> dict[int, object]:
        if self._library is None:
            return {}
        return overview.summaries(self._library, ids)  # type: ignore[return-value]

    def _open_current(self, kind: str) -> None:
        pid = self.current_id()
        if pid is None or self._library is None:
            return
        from readerapp.gui.safe_text import open_web_url

        paper = triage.get_paper(self._library, pid)
        links = paper.links
        open_web_url(getattr(links, kind) or links.hf or links.pdf or links.project or "")

    # -- edits (all undoable; run on the library worker)

    def run_edit(
        self,
        work: Callable[[], object],
        ids: Sequence[int],
        on_done: Callable[[object], None] | None = None,
    ) -> None:
        def done(result: object) -> None:
            if on_done is not None:
                on_done(result)
            self._after_edit(ids)

        self.runner.run(work, done, self._edit_failed)

    def _edit_failed(self, error: BaseException) -> None:
        self.report_error(error)
        self._after_edit([])

    def _after_edit(self, ids: Sequence[int]) -> None:
        if self._library is None:
            return
        self.model.invalidate(ids or None)
        self.refresh_sidebar()
        current = self.detail.paper.id if self.detail.paper else None
        if current is not None and (not ids or current in ids):
            self._show_detail(current)
        self.run_search()

    def push(self, command: QUndoCommand) -> None:
        if self._library is not None:
            self.undo_stack.push(command)

    def need_selection(self) -> list[int]:
        ids = self.selected_ids()
        if not ids:
            self.statusBar().showMessage("Select one or more papers first.", 4000)
        return ids

    def toggle_star(self) -> None:
        ids = self.need_selection()
        if ids:
            rows = overview.summaries(self.library(), ids[:1])
            first = rows.get(ids[0])
            self.set_starred(ids, not (first and first.starred))

    def set_starred(self, ids: list[int], starred: bool) -> None:
        if ids:
            self.push(commands.SetStarred(self, ids, starred))

    def set_status(self, ids: list[int], status: str) -> None:
        if ids:
            self.push(commands.SetStatus(self, ids, status))
        else:
            self.need_selection()

    def tag_selection(self) -> None:
        ids = self.need_selection()
        if not ids:
            return
        names = [name for name, _ in triage.list_tags(self.library())]
        dialog = PickDialog("Tag papers", f"Tag {len(ids)} paper(s) with:", names, self)
        if dialog.exec() and dialog.value():
            self.push(commands.ChangeTag(self, ids, dialog.value(), add=True))

    def untag_selection(self) -> None:
        ids = self.need_selection()
        if not ids:
            return
        rows = overview.summaries(self.library(), ids)
        names = sorted({t for r in rows.values() for t in r.tags}, key=str.casefold)
        if not names:
            self.statusBar().showMessage("The selected papers have no tags.", 4000)
            return
        dialog = PickDialog("Remove tag", "Remove the tag:", names, self, current=names[0])
        if dialog.exec() and dialog.value():
            self.push(commands.ChangeTag(self, ids, dialog.value(), add=False))

    def _tags_edited(self, paper_id: int, wanted: list[str]) -> None:
        paper = triage.get_paper(self.library(), paper_id)
        have = {t.casefold() for t in paper.tags}
        want = {t.casefold() for t in wanted}
        self.undo_stack.beginMacro("Edit tags")
        for tag in wanted:
            if tag.casefold() not in have:
                self.push(commands.ChangeTag(self, [paper_id], tag, add=True))
        for tag in paper.tags:
            if tag.casefold() not in want:
                self.push(commands.ChangeTag(self, [paper_id], tag, add=False))
        self.undo_stack.endMacro()

    def delete_selection(self) -> None:
        ids = self.need_selection()
        if not ids:
            return
        noun = "this paper" if len(ids) == 1 else f"these {len(ids):,} papers"
        answer = QMessageBox.question(
            self,
            "Delete papers",
            f"Delete {noun} from the library, with their notes, tags and queue places?\n"
            "You can undo this with Ctrl+Z.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.push(commands.DeletePapers(self, ids))

    def new_note(self) -> None:
        if self.detail.paper is not None:
            self.detail.start_new_note()

    def _note_added(self, paper_id: int, body: str) -> None:
        self.push(commands.AddNote(self, paper_id, body, self.detail.note_saved))

    def _note_edited(self, note_id: int, body: str) -> None:
        paper = self.detail.paper
        if paper is None:
            return
        before = next((n.body for n in paper.notes if n.id == note_id), "")
        self.push(commands.EditNote(self, paper.id, note_id, before, body))

    def _note_deleted(self, note_id: int) -> None:
        paper = self.detail.paper
        if paper is not None:
            body = next((n.body for n in paper.notes if n.id == note_id), "")
            self.push(commands.DeleteNote(self, paper.id, note_id, body))

    # -- import (File > Import, paste, drop files on the window)

    def import_files(self) -> None:
        if self._library is None:
            return
        files, _ = QFileDialog.getOpenFileNames(
            self,
            "Import papers",
            str(Path.home()),
            "Paper dumps (*.txt *.bib *.bibtex *.ris *.json *.xml *.atom *.md *.csv *.nbib);;"
            "All files (*)",
        )
        if files:
            self.import_paths([Path(f) for f in files])

    def paste_papers(self) -> None:
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            show_error(self, "Nothing to paste", "The clipboard holds no text to import.")
            return
        self.import_flow.start([ImportSource.from_clipboard(text)])

    def import_paths(self, paths: Sequence[Path]) -> None:
        """Files from File ▸ Import…, a drop or the desktop: previewed before anything is saved."""
        self.import_flow.start([ImportSource.from_path(p) for p in paths])

    def _begin_work(self, text: str, cancel: CancelToken | None) -> None:
        self._cancel = cancel
        self.work_label.setText(text)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.setVisible(cancel is not None)

    def _progress(self, done: int, total: int, message: str) -> None:
        self.work_label.setText(message)
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _end_work(self) -> None:
        self._cancel = None
        self.work_label.clear()
        self.progress.hide()
        self.cancel_button.hide()

    def cancel_work(self) -> None:
        if self._cancel is not None:
            self._cancel.cancel()
            self.work_label.setText("Cancelling…")

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths and self._library is not None:
            event.acceptProposedAction()
            self.import_paths(paths)

    # -- export and copy

    def export_papers(self) -> None:
        if self._library is None:
            return
        ref = self.sidebar.current_ref()
        title = (
            ref.label
            if not self.search_box.text().strip()
            else (f"{ref.label}: {self.search_box.text().strip()}")
        )
        dialog = ExportDialog(
            self._library,
            self.runner,
            selected=self.selected_ids(),
            shown=self.model.ids(),
            list_title=title,
            numbered=ref.kind == "queue",
            start_dir=Path(str(self.settings.value("export/dir", Path.home()))),
            parent=self,
        )
        dialog.accepted.connect(
            lambda: (
                dialog.saved_to
                and self.settings.setValue("export/dir", str(dialog.saved_to.parent))
            )
        )
        dialog.open()

    def copy_markdown_links(self) -> None:
        ids = self.need_selection()
        if ids:
            papers = triage.get_papers(self.library(), ids)
            QGuiApplication.clipboard().setText(markdown_links(papers))
            self.statusBar().showMessage(f"Copied {len(papers)} Markdown links.", 4000)

    def copy_bibtex(self) -> None:
        ids = self.need_selection()
        if ids:
            text, count = exporting.export_text(
                self.library(), exporting.Selection(ids=tuple(ids)), "bibtex"
            )
            QGuiApplication.clipboard().setText(text)
            self.statusBar().showMessage(f"Copied {count} BibTeX entries.", 4000)

    # -- menus on the table and the sidebar

    def _table_menu(self, point: object) -> None:
        menu = QMenu(self)
        self._fill_paper_menu(menu)
        if self.queueing.current_queue():
            menu.addSeparator()
            for action in (self.act_unqueue, self.act_up, self.act_down):
                menu.addAction(action)
        menu.exec(self.table.viewport().mapToGlobal(point))  # type: ignore[arg-type]

    def _sidebar_menu(self, point: object) -> None:
        index = self.sidebar.indexAt(point)  # type: ignore[arg-type]
        ref = self.sidebar.ref_at(index)
        section = self.sidebar.section_at(index)
        menu = QMenu(self)
        if section == "Queues" or (ref is not None and ref.kind == "queue"):
            menu.addAction(self.act_new_queue)
        if ref is not None and ref.kind == "queue":
            name = str(ref.value)
            menu.addAction("Rename queue…", lambda: self.queueing.rename(name))
            menu.addAction("Delete queue", lambda: self.queueing.delete(name))
        if ref is not None and ref.kind == "smart":
            menu.addAction("Delete smart list", lambda: self.delete_smart_list(ref.label))
        if not menu.isEmpty():
            menu.exec(self.sidebar.viewport().mapToGlobal(point))  # type: ignore[arg-type]

    def delete_smart_list(self, name: str) -> None:
        self._try(lambda: overview.delete_smart_list(self.library(), name))
        self.refresh_sidebar()

    # -- help

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self.all_actions, self).open()

    def show_about(self) -> None:
        path = str(self._library.directory) if self._library else "(none open)"
        QMessageBox.about(self, "About readerapp", about_text(path))

    # -- errors and busy state

    def _try(self, work: Callable[[], object]) -> None:
        try:
            work()
        except ReaderappError as error:
            self.report_error(error)

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
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)  # type: ignore[arg-type]
        else:
            self.resize(1400, 860)
        state = self.settings.value("window/state")
        if state is not None:
            self.restoreState(state)  # type: ignore[arg-type]
        splitter = self.settings.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)  # type: ignore[arg-type]
        header = self.settings.value("table/header")
        if header is not None:
            self.table.restore_state(header)  # type: ignore[arg-type]
        self._sort = str(self.settings.value("sort/key", "relevance"))
        self._descending = str(self.settings.value("sort/descending", "false")) == "true"
        self.table.show_position_column(False)
        # The header shows the order the table really has: none for relevance.
        column = next(
            (COLUMNS.index((k, h)) for k, h in COLUMNS if SORT_FOR_COLUMN.get(k) == self._sort), -1
        )
        order = Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(column, order)
        header.blockSignals(False)

    def save_window(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("table/header", self.table.save_state())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_window()
        self.cancel_work()  # an import not saved yet rolls back instead of being waited for
        self.close_library()
        self.runner.wait_idle()  # the library closed and its lock released before quitting
        self.runner.shutdown()
        event.accept()
