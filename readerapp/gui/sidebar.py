"""The sidebar: library views, queues, tags, smart lists and import batches, with counts."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from readerapp.core.records import STATUSES
from readerapp.gui.paper_model import PAPER_IDS_MIME, decode_ids
from readerapp.services.batches import source_name
from readerapp.services.listing import ListRef, SidebarContent

REF_ROLE = Qt.ItemDataRole.UserRole + 1
SECTIONS = ("Library", "Queues", "Tags", "Smart lists", "Imports")


def _item(text: str, ref: ListRef | None = None, count: int | None = None) -> list[QStandardItem]:
    name = QStandardItem(text)
    name.setEditable(False)
    number = QStandardItem("" if count is None else f"{count:,}")
    number.setEditable(False)
    number.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if ref is None:  # a section heading
        font = name.font()
        font.setBold(True)
        name.setFont(font)
        for item in (name, number):
            item.setSelectable(False)
    else:
        name.setData(ref, REF_ROLE)
        number.setData(ref, REF_ROLE)
        name.setToolTip(ref.label)
    return [name, number]


class Sidebar(QTreeView):
    list_selected = Signal(object)  # ListRef
    papers_dropped = Signal(str, list)  # queue name, paper ids

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.tree = QStandardItemModel(self)
        self.setModel(self.tree)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setIndentation(12)
        self.setUniformRowHeights(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self._current = ListRef("all")
        self.selectionModel().currentChanged.connect(self._on_current)

    def populate(self, content: SidebarContent) -> None:
        """Rebuilds the tree and keeps the selected list selected (if it still exists)."""
        counts = content.counts
        keep = self._current
        self.selectionModel().blockSignals(True)
        self.tree.clear()
        sections = {}
        for title in SECTIONS:
            row = _item(title)
            self.tree.appendRow(row)
            sections[title] = row[0]
        library = sections["Library"]
        library.appendRow(_item("All papers", ListRef("all", None, "All papers"), counts.total))
        for status in STATUSES[:3]:
            label = status.capitalize()
            library.appendRow(
                _item(label, ListRef("status", status, label), counts.by_status.get(status, 0))
            )
        library.appendRow(_item("Starred", ListRef("starred", None, "Starred"), counts.starred))
        for queue in content.queues:
            sections["Queues"].appendRow(
                _item(queue.name, ListRef("queue", queue.name, queue.name), queue.count)
            )
        for name, count in content.tags:
            sections["Tags"].appendRow(_item(name, ListRef("tag", name, f"Tag: {name}"), count))
        for smart_list in content.smart:
            sections["Smart lists"].appendRow(
                _item(smart_list.name, ListRef("smart", smart_list.query, smart_list.name))
            )
        for batch in content.batches:
            name = source_name(batch.source)
            label = f"{name} · {batch.created_at:%b %d %H:%M}"
            sections["Imports"].appendRow(
                _item(label, ListRef("batch", batch.id, f"Import: {name}"), batch.papers)
            )
        self.expandAll()
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.selectionModel().blockSignals(False)
        if not self.select(keep):
            self.select(ListRef("all", None, "All papers"))

    def current_ref(self) -> ListRef:
        return self._current

    def _find(self, ref: ListRef) -> QModelIndex | None:
        for section in range(self.tree.rowCount()):
            parent = self.tree.item(section)
            for row in range(parent.rowCount()):
                item = parent.child(row)
                found = item.data(REF_ROLE)
                if isinstance(found, ListRef) and found.key() == ref.key():
                    return item.index()
        return None

    def select(self, ref: ListRef) -> bool:
        index = self._find(ref)
        if index is None:
            return False
        self.setCurrentIndex(index)
        if self._find(self._current) != index or ref.key() != self._current.key():
            self._on_current(index)
        return True

    def ref_at(self, index: QModelIndex) -> ListRef | None:
        ref = index.data(REF_ROLE) if index.isValid() else None
        return ref if isinstance(ref, ListRef) else None

    def section_at(self, index: QModelIndex) -> str | None:
        if index.isValid() and not index.parent().isValid():
            return str(index.data())
        return None

    def _on_current(self, index: QModelIndex, _previous: QModelIndex | None = None) -> None:
        ref = self.ref_at(index)
        if ref is not None:
            self._current = ref
            self.list_selected.emit(ref)

    # -- dropping papers on a queue adds them to it

    def _queue_under(self, event: QDropEvent | QDragMoveEvent) -> str | None:
        ref = self.ref_at(self.indexAt(event.position().toPoint()))
        if ref is not None and ref.kind == "queue" and event.mimeData().hasFormat(PAPER_IDS_MIME):
            return str(ref.value)
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(PAPER_IDS_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._queue_under(event) is not None:
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        queue = self._queue_under(event)
        if queue is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.papers_dropped.emit(queue, decode_ids(event.mimeData()))
