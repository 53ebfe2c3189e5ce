"""The sidebar: library views, queues, tags, smart lists and import batches, with counts;
and what its menu does to a tag (rename, merge, delete)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QModelIndex, QObject, Qt, Signal
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
from readerapp.gui.commands import ServiceCommand
from readerapp.gui.deferred import deferred
from readerapp.gui.dialogs import show_error
from readerapp.gui.host import Host
from readerapp.gui.i18n import arg, count, status_name
from readerapp.gui.paper_model import PAPER_IDS_MIME, decode_ids
from readerapp.services.batch_names import source_name
from readerapp.services.changes import Applied
from readerapp.services.list_reads import BatchInfo
from readerapp.services.listing import ListRef, SidebarContent

if TYPE_CHECKING:
    from readerapp.services import triage
else:  # imported at first use, not at launch: the ORM's services (gui.deferred)
    triage = deferred("triage")

REF_ROLE = Qt.ItemDataRole.UserRole + 1
SECTION_ROLE = Qt.ItemDataRole.UserRole + 2
SECTIONS = ("library", "queues", "tags", "smart", "imports")


def section_title(key: str) -> str:
    titles = {
        "library": QCoreApplication.translate("Sidebar", "Library"),
        "queues": QCoreApplication.translate("Sidebar", "Queues"),
        "tags": QCoreApplication.translate("Sidebar", "Tags"),
        "smart": QCoreApplication.translate("Sidebar", "Smart lists"),
        "imports": QCoreApplication.translate("Sidebar", "Imports"),
    }
    return titles[key]


def _item(text: str, ref: ListRef | None = None, papers: int | None = None) -> list[QStandardItem]:
    name = QStandardItem(text)
    name.setEditable(False)
    number = QStandardItem("" if papers is None else count(papers))
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
        self.setAccessibleName(self.tr("Library lists"))
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
        for key in SECTIONS:
            row = _item(section_title(key))
            row[0].setData(key, SECTION_ROLE)
            self.tree.appendRow(row)
            sections[key] = row[0]
        library = sections["library"]
        all_papers = self.tr("All papers")
        library.appendRow(_item(all_papers, ListRef("all", None, all_papers), counts.total))
        # The reading routine's lists (services.routine).
        routine = content.routine
        for kind, label, papers in (
            ("inbox", self.tr("Inbox"), routine.inbox),
            ("today", self.tr("Today"), routine.today),
            ("snoozed", self.tr("Snoozed"), routine.snoozed),
        ):
            library.appendRow(_item(label, ListRef(kind, None, label), papers))
        for status in STATUSES:
            label = status_name(status)
            library.appendRow(
                _item(label, ListRef("status", status, label), counts.by_status.get(status, 0))
            )
        starred = self.tr("Starred")
        library.appendRow(_item(starred, ListRef("starred", None, starred), counts.starred))
        for queue in content.queues:
            sections["queues"].appendRow(
                _item(queue.name, ListRef("queue", queue.name, queue.name), queue.count)
            )
        self.tags = dict(content.tags)
        self.batches = {batch.id: batch for batch in content.batches}
        for name, tagged in content.tags:
            label = arg(self.tr("Tag: %1"), name)
            sections["tags"].appendRow(_item(name, ListRef("tag", name, label), tagged))
        for smart_list in content.smart:
            sections["smart"].appendRow(
                _item(smart_list.name, ListRef("smart", smart_list.query, smart_list.name))
            )
        for batch in content.batches:
            name = source_name(batch.source)
            made = batch.created_at
            day = QLocale().toString(QDate(made.year, made.month, made.day), "MMM dd")
            label = f"{name} · {day} {made:%H:%M}"
            import_label = arg(self.tr("Import: %1"), name)
            row = _item(label, ListRef("batch", batch.id, import_label), batch.papers)
            if batch.undone_at is not None:
                row[0].setToolTip(arg(self.tr("Import: %1 (undone)"), name))
                for item in row:
                    item.setForeground(self.palette().placeholderText())
            sections["imports"].appendRow(row)
        self.expandAll()
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.selectionModel().blockSignals(False)
        if not self.select(keep):
            self.select(ListRef("all", None, all_papers))

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
        """The section heading's key (library, queues, tags, smart, imports)."""
        if index.isValid() and not index.parent().isValid():
            return str(index.siblingAtColumn(0).data(SECTION_ROLE))
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


class TagActions(QObject):
    """The sidebar menu's tag entries: rename (or merge into another tag) and delete, each
    one undoable command run on the library worker."""

    def __init__(self, host: Host, sidebar: Sidebar) -> None:
        super().__init__()
        self.host = host
        self.sidebar = sidebar

    def fill_menu(self, menu: QMenu, name: str) -> None:
        menu.addAction(self.tr("Rename tag…"), lambda: self.rename(name))
        menu.addAction(self.tr("Delete tag"), lambda: self.delete(name))

    def rename(self, name: str) -> None:
        parent = self.host.widget()
        text, ok = QInputDialog.getText(
            parent,
            self.tr("Rename tag"),
            arg(self.tr("New name for the tag “%1”:"), name),
            text=name,
        )
        if not ok or not text.strip():
            return
        try:
            new = triage.clean_tag(text)
        except UserError as error:
            show_error(parent, self.tr("Rename tag"), str(error))
            return
        if new == name:
            return
        other = next((t for t in self.sidebar.tags if t != name and triage.same_tag(t, new)), None)
        if other is not None:
            tagged = self.sidebar.tags.get(name, 0)
            answer = QMessageBox.question(
                parent,
                self.tr("Merge tags"),
                arg(
                    self.tr(
                        "Merge into “%1”?\n\nA tag named “%1” exists already. The %Ln paper(s) "
                        "tagged “%2” get “%1” and “%2” disappears.",
                        "",
                        tagged,
                    ),
                    other,
                    name,
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        text = (
            arg(self.tr("Merge tag “%1” into “%2”"), name, other)
            if other is not None
            else arg(self.tr("Rename tag “%1” to “%2”"), name, new)
        )

        def renamed(applied: Applied) -> None:
            final = str(applied.value)
            label = arg(QCoreApplication.translate("Sidebar", "Tag: %1"), final)
            self.sidebar.follow(ListRef("tag", name), ListRef("tag", final, label))

        self.host.push(
            ServiceCommand(
                self.host.ops,
                text,
                lambda lib: triage.rename_tag(lib, name, new),
                on_first=renamed,
            )
        )

    def delete(self, name: str) -> None:
        tagged = self.sidebar.tags.get(name, 0)
        answer = QMessageBox.question(
            self.host.widget(),
            self.tr("Delete tag"),
            arg(
                self.tr(
                    "Delete the tag “%1” from %Ln paper(s)?\n\n"
                    "The papers stay in the library. Edit ▸ Undo puts the tag back.",
                    "",
                    tagged,
                ),
                name,
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.host.push(
                ServiceCommand(
                    self.host.ops,
                    arg(self.tr("Delete tag “%1”"), name),
                    lambda lib: triage.delete_tag(lib, name),
                )
            )
