"""The paper table view: drag papers out, drop them within a queue to reorder."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from readerapp.gui.paper_model import COLUMN, COLUMNS, PaperTableModel


class PaperTable(QTableView):
    def __init__(self, model: PaperTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paperTable")
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
        header.setStretchLastSection(False)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
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
        }
        for key, width in widths.items():
            self.setColumnWidth(COLUMN[key], width)
        # A narrow middle pane leaves the title room; the header's menu shows these again.
        for key in ("queues", "added"):
            self.setColumnHidden(COLUMN[key], True)
        header = self.horizontalHeader()
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
            action = menu.addAction(label if key != "starred" else "Star")
            action.setCheckable(True)
            action.setChecked(not self.isColumnHidden(number))
            action.toggled.connect(lambda on, n=number: self.setColumnHidden(n, not on))
        menu.exec(self.horizontalHeader().mapToGlobal(point))  # type: ignore[arg-type]
