"""The paper table view: its selection kept across searches, its sort indicator, its columns'
widths and order remembered, drag papers out, drop them within a queue to reorder."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from readerapp.core.records import STATUSES
from readerapp.gui.i18n import status_word
from readerapp.gui.paper_model import COLUMN, COLUMNS, PaperTableModel, header_text
from readerapp.services import search
from readerapp.services.listing import ListRef

# Table column -> the search sort that orders it. Every column but the queue position (a
# queue shows its own order) sorts in the library.
SORT_FOR_COLUMN = {key: key for key in search.SORTS if key in dict(COLUMNS)}


class PaperTable(QTableView):
    # The order asked for by a click on a header: a search sort key, and descending.
    sort_requested = Signal(str, bool)

    def __init__(self, model: PaperTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paperTable")
        self.setAccessibleName(self.tr("Papers"))
        # Tab leaves the table for the detail pane; the arrows move within it (a table
        # view's default walks cell by cell and never lets Tab out).
        self.setTabKeyNavigation(False)
        self.paper_model = model
        self.sort = ("relevance", False)  # the order the table has: a sort key, descending
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setSortingEnabled(True)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.verticalHeader().hide()
        # Fixed row heights let Qt skip measuring 100,000 rows.
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        # The header draws no selection (highlightSections is off) but still asks, for every
        # section it paints and both neighbours, whether the whole column is selected: after
        # Ctrl+A on 20,000 papers that walked every row through the Python model (rowCount,
        # columnCount, flags), 570-990 ms in the first repaint. Its own selection model, on
        # the same model and never used to select, answers "no" at once; the table's
        # selection is unchanged, and a click on a header still sorts.
        header.setSelectionModel(QItemSelectionModel(model, header))
        header.setStretchLastSection(False)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        header.sortIndicatorChanged.connect(self._sort_clicked)
        self.default_widths()

    def default_widths(self) -> None:
        widths = {
            "starred": 28,
            "position": 36,
            "title": 360,
            "authors": 130,
            "year": 48,
            "status": 68,
            "queues": 110,
            "tags": 90,
            "added": 84,
            "pdf": 40,
        }
        header = self.horizontalHeader()
        for key, width in widths.items():
            # At least as wide as its title (with room for the sort arrow), in any language.
            fitting = width if key == "starred" else header.sectionSizeHint(COLUMN[key])
            self.setColumnWidth(COLUMN[key], max(width, fitting))
        # A status whole ("ungelesen" is longer than "unread").
        longest = max(self.fontMetrics().horizontalAdvance(status_word(s)) for s in STATUSES)
        status = COLUMN["status"]
        self.setColumnWidth(status, max(self.columnWidth(status), longest + 16))
        # A narrow middle pane leaves the title room; the header's menu shows these again.
        for key in ("queues", "added"):
            self.setColumnHidden(COLUMN[key], True)
        header.setSectionResizeMode(COLUMN["starred"], QHeaderView.ResizeMode.Fixed)
        # The title takes whatever width the other columns leave.
        header.setSectionResizeMode(COLUMN["title"], QHeaderView.ResizeMode.Stretch)

    def show_position_column(self, shown: bool) -> None:
        self.setColumnHidden(COLUMN["position"], not shown)

    def save_state(self) -> QByteArray:
        return self.horizontalHeader().saveState()

    def restore_state(self, state: QByteArray) -> bool:
        return bool(self.horizontalHeader().restoreState(state))

    def _header_menu(self, point: object) -> None:
        menu = QMenu(self)
        for number, (key, label) in enumerate(COLUMNS):
            if key in ("title", "position"):
                continue  # the title always shows; the position follows the queue view
            action = menu.addAction(header_text(label) if key != "starred" else self.tr("Star"))
            action.setCheckable(True)
            action.setChecked(not self.isColumnHidden(number))
            action.toggled.connect(lambda on, n=number: self.setColumnHidden(n, not on))
        menu.exec(self.horizontalHeader().mapToGlobal(point))  # type: ignore[arg-type]

    # -- the list shown, and its order

    def show_list(self, ref: ListRef) -> None:
        """A queue shows its positions and its own order, and reorders by drag; other lists
        sort by column."""
        queue_view = ref.kind == "queue"
        self.show_position_column(queue_view)
        self.setSortingEnabled(not queue_view)
        self.show_sort(*self.sort)  # Qt re-applies the header's indicator when enabling
        self.setDragDropMode(
            QAbstractItemView.DragDropMode.DragDrop
            if queue_view
            else QAbstractItemView.DragDropMode.DragOnly
        )

    def show_sort(self, sort: str, descending: bool) -> None:
        """Shows the order the table really has, without asking for it again; none for
        relevance."""
        column = next((COLUMN[key] for key, _ in COLUMNS if SORT_FOR_COLUMN.get(key) == sort), -1)
        self.sort = (sort, descending)
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        header = self.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(column, order)
        header.blockSignals(False)

    def _sort_clicked(self, column: int, order: Qt.SortOrder) -> None:
        if not self.isSortingEnabled():
            # A queue keeps its own order: a click on a header there asks for nothing (and
            # must not change the order every other list comes back in).
            self.show_sort(*self.sort)
            return
        # -1: the indicator was cleared, which means the default order (relevance).
        sort = SORT_FOR_COLUMN.get(COLUMNS[column][0]) if column >= 0 else None
        if sort is None:  # the queue position, or no column: the order the list itself has
            self.show_sort("relevance", False)
        else:
            self.sort = (sort, order == Qt.SortOrder.DescendingOrder)
        self.sort_requested.emit(*self.sort)

    # -- rows, keeping the selection across a new list of ids

    def selected_rows(self) -> list[int]:
        """The selected rows, in order, read from the selection's ranges (whole rows: the
        table selects rows). QItemSelectionModel.selectedRows() asks the model for the
        row count, the column count and every cell's flags, for each selected row: with
        all of 20,000 papers selected, 200,000 calls into Python and 2.5 s of GUI thread."""
        count = self.paper_model.rowCount()
        rows: set[int] = set()
        for selected in self.selectionModel().selection():
            rows.update(range(selected.top(), min(selected.bottom() + 1, count)))
        return sorted(rows)

    def selected_count(self) -> int:
        return len(self.selected_rows())

    def selected_ids(self) -> list[int]:
        model = self.paper_model
        return [model.id_at(r) for r in self.selected_rows()]

    def current_id(self) -> int | None:
        index = self.selectionModel().currentIndex()
        if not index.isValid() or index.row() >= self.paper_model.rowCount():
            return None
        return self.paper_model.id_at(index.row())

    def show_ids(self, ids: Sequence[int], *, queue_mode: bool) -> int | None:
        """Shows these papers, keeping the selected ones selected and the scroll position
        where a selection stays; returns the current paper if it is still shown."""
        selected, current = self.selected_ids(), self.current_id()
        scroll = self.verticalScrollBar().value()
        model = self.paper_model
        if not model.set_ids(ids, queue_mode=queue_mode):
            # The same papers, perhaps reordered: the selection followed them.
            return current if current is not None and model.row_of(current) is not None else None
        selection = self.selectionModel()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for pid in selected:
            row = model.row_of(pid)
            if row is not None:
                selection.select(model.index(row, 0), flags)
        if selected:
            self.verticalScrollBar().setValue(scroll)
        row = model.row_of(current) if current is not None else None
        if row is None:
            return None
        selection.setCurrentIndex(
            model.index(row, COLUMN["title"]), QItemSelectionModel.SelectionFlag.NoUpdate
        )
        return current

    def select_paper(self, paper_id: int) -> bool:
        row = self.paper_model.row_of(paper_id)
        if row is None:
            return False
        self.selectRow(row)
        self.scrollTo(self.paper_model.index(row, COLUMN["title"]))
        return True
