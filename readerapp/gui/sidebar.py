"""The sidebar: library views, queues, tags, smart lists and import batches, with counts;
and what its menu does to a tag (rename, merge, delete)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QInputDialog,
    QMenu,
    QMessageBox,
    QTreeView,
    QWidget,
)

from readerapp.core.errors import UserError
from readerapp.core.records import STATUSES
from readerapp.gui.commands import ServiceCommand, plural
from readerapp.gui.dialogs import show_error
from readerapp.gui.host import Host
from readerapp.gui.paper_model import PAPER_IDS_MIME, decode_ids
from readerapp.services import triage
from readerapp.services.batches import source_name
from readerapp.services.changes import Applied
from readerapp.services.listing import ListRef, SidebarContent
from readerapp.services.overview import BatchInfo

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
        self.setAccessibleName("Library lists")
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
        self.tags: dict[str, int] = {}  # the tags shown, with how many papers each has
        self.batches: dict[int, BatchInfo] = {}  # the imports shown, by batch id
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
        # The reading routine's lists (services.routine).
        routine = content.routine
        for kind, label, count in (
            ("inbox", self.tr("Inbox"), routine.inbox),
            ("today", self.tr("Today"), routine.today),
            ("snoozed", self.tr("Snoozed"), routine.snoozed),
        ):
            library.appendRow(_item(label, ListRef(kind, None, label), count))
        for status in STATUSES:
            label = status.capitalize()
            library.appendRow(
                _item(label, ListRef("status", status, label), counts.by_status.get(status, 0))
            )
        library.appendRow(_item("Starred", ListRef("starred", None, "Starred"), counts.starred))
        for queue in content.queues:
            sections["Queues"].appendRow(
                _item(queue.name, ListRef("queue", queue.name, queue.name), queue.count)
            )
        self.tags = dict(content.tags)
        self.batches = {batch.id: batch for batch in content.batches}
        for name, count in content.tags:
            sections["Tags"].appendRow(_item(name, ListRef("tag", name, f"Tag: {name}"), count))
        for smart_list in content.smart:
            sections["Smart lists"].appendRow(
                _item(smart_list.name, ListRef("smart", smart_list.query, smart_list.name))
            )
        for batch in content.batches:
            name = source_name(batch.source)
            label = f"{name} · {batch.created_at:%b %d %H:%M}"
            row = _item(label, ListRef("batch", batch.id, f"Import: {name}"), batch.papers)
            if batch.undone_at is not None:
                row[0].setToolTip(f"Import: {name} (undone)")
                for item in row:
                    item.setForeground(self.palette().placeholderText())
            sections["Imports"].appendRow(row)
        self.expandAll()
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.selectionModel().blockSignals(False)
        if not self.select(keep):
            self.select(ListRef("all", None, "All papers"))

    def current_ref(self) -> ListRef:
        return self._current

    def undoable_batch(self, ref: ListRef | None) -> BatchInfo | None:
        """The import this row shows, if it can still be undone."""
        if ref is None or ref.kind != "batch":
            return None
        batch = self.batches.get(int(ref.value or 0))
        return batch if batch is not None and batch.undone_at is None else None

    def follow(self, old: ListRef, new: ListRef) -> None:
        """The list shown was renamed: show it under its new name (the next populate
        keeps it selected)."""
        if self._current.key() == old.key() and new.key() != old.key():
            self._current = new
            self.list_selected.emit(new)

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


class TagActions:
    """The sidebar menu's tag entries: rename (or merge into another tag) and delete, each
    one undoable command run on the library worker."""

    def __init__(self, host: Host, sidebar: Sidebar) -> None:
        self.host = host
        self.sidebar = sidebar

    def fill_menu(self, menu: QMenu, name: str) -> None:
        menu.addAction("Rename tag…", lambda: self.rename(name))
        menu.addAction("Delete tag", lambda: self.delete(name))

    def rename(self, name: str) -> None:
        parent = self.host.widget()
        text, ok = QInputDialog.getText(
            parent, "Rename tag", f"New name for the tag “{name}”:", text=name
        )
        if not ok or not text.strip():
            return
        try:
            new = triage.clean_tag(text)
        except UserError as error:
            show_error(parent, "Rename tag", str(error))
            return
        if new == name:
            return
        other = next((t for t in self.sidebar.tags if t != name and triage.same_tag(t, new)), None)
        if other is not None:
            count = self.sidebar.tags.get(name, 0)
            answer = QMessageBox.question(
                parent,
                "Merge tags",
                f"Merge into “{other}”?\n\nA tag named “{other}” exists already. The "
                f"{plural(count, 'paper')} tagged “{name}” get “{other}” and “{name}” "
                "disappears.",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        text = (
            f"Merge tag “{name}” into “{other}”"
            if other is not None
            else f"Rename tag “{name}” to “{new}”"
        )

        def renamed(applied: Applied) -> None:
            final = str(applied.value)
            self.sidebar.follow(ListRef("tag", name), ListRef("tag", final, f"Tag: {final}"))

        self.host.push(
            ServiceCommand(
                self.host.ops,
                text,
                lambda lib: triage.rename_tag(lib, name, new),
                on_first=renamed,
            )
        )

    def delete(self, name: str) -> None:
        count = self.sidebar.tags.get(name, 0)
        answer = QMessageBox.question(
            self.host.widget(),
            "Delete tag",
            f"Delete the tag “{name}” from {plural(count, 'paper')}?\n\n"
            "The papers stay in the library. Edit ▸ Undo puts the tag back.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.host.push(
                ServiceCommand(
                    self.host.ops,
                    f"Delete tag “{name}”",
                    lambda lib: triage.delete_tag(lib, name),
                )
            )
