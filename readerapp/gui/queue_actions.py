"""The queue actions of the window: add, read next, remove, move, reorder by drag, create,
rename and delete. Each change is one undoable command run on the library worker; the new
order is computed from the queue as it is when the change runs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog

from readerapp.gui.commands import ServiceCommand
from readerapp.gui.deferred import deferred
from readerapp.gui.dialogs import PickDialog, show_error
from readerapp.gui.host import Host
from readerapp.gui.i18n import arg

if TYPE_CHECKING:
    from readerapp.services import queues
else:  # imported at first use, not at launch: the ORM's services (gui.deferred)
    queues = deferred("queues")

Order = list[int] | None


class QueueActions(QObject):
    def __init__(self, host: Host) -> None:
        super().__init__()
        self.host = host
        # Told which papers were put on a queue (the window downloads their PDFs when the
        # preference asks for it).
        self.on_queued: Callable[[list[int]], object] = lambda _ids: None

    def queue_names(self) -> list[str]:
        return [q.name for q in queues.list_queues(self.host.library())]

    def add_to_queue(self) -> None:
        ids = self.host.need_selection()
        if not ids:
            return
        last = str(self.host.settings.value("queue/last", queues.DEFAULT_QUEUE))
        dialog = PickDialog(
            self.tr("Add to queue"),
            self.tr("Add %n paper(s) to the queue:", "", len(ids)),
            self.queue_names(),
            self.host.widget(),
            current=last,
        )
        if dialog.exec() and dialog.value():
            name = dialog.value()
            self.host.settings.setValue("queue/last", name)
            text = arg(self.tr("Add to queue “%1”"), name)
            self.change(name, text, lambda order: [*(order or []), *ids])
            self.on_queued(ids)

    def read_next(self) -> None:
        ids = self.host.need_selection()
        if ids:
            self.change(
                queues.DEFAULT_QUEUE,
                self.tr("Read next (%n)", "", len(ids)),
                lambda order: [*ids, *(order or [])],
            )
            self.on_queued(ids)

    def change(self, name: str, text: str, change: Callable[[Order], Sequence[int] | None]) -> None:
        self.host.push(
            ServiceCommand(self.host.ops, text, lambda lib: queues.change_queue(lib, name, change))
        )

    def current_queue(self) -> str | None:
        ref = self.host.current_list()
        return str(ref.value) if ref.kind == "queue" else None

    def remove_from_queue(self) -> None:
        name, ids = self.current_queue(), self.host.need_selection()
        if name and ids:
            gone = set(ids)
            self.change(
                name,
                arg(self.tr("Remove %n paper(s) from “%1”", "", len(ids)), name),
                lambda order: [p for p in order or [] if p not in gone],
            )

    def move(self, step: int) -> None:
        name, ids = self.current_queue(), self.host.selected_ids()
        if not name or len(ids) != 1:
            return
        pid = ids[0]
        view = self.host.shown_ids()
        row = view.index(pid)
        if not 0 <= row + step < len(view):
            return
        neighbour = view[row + step]

        def change(order: Order) -> list[int]:
            order = list(order or [])
            i, j = order.index(pid), order.index(neighbour)
            order[i], order[j] = order[j], order[i]
            return order

        self.change(name, self.tr("Move in queue"), change)

    def reorder_dropped(self, ids: list[int], row: int) -> None:
        name = self.current_queue()
        if not name:
            return
        view = self.host.shown_ids()
        before = view[row] if row < len(view) else None
        if before in ids:
            return
        after_view = view[-1] if view else None

        def change(order: Order) -> list[int]:
            order = list(order or [])
            target = before
            if target is None and after_view is not None and after_view in order:
                # Dropped below the last shown paper: go right after it in the full queue.
                following = order[order.index(after_view) + 1 :]
                target = next((p for p in following if p not in ids), None)
            return queues.moved_order(order, ids, target)

        self.change(name, arg(self.tr("Reorder “%1”"), name), change)

    def dropped_on_queue(self, name: str, ids: list[int]) -> None:
        if ids:
            text = arg(self.tr("Add to queue “%1”"), name)
            self.change(name, text, lambda order: [*(order or []), *ids])
            self.on_queued(ids)

    def new_queue(self) -> None:
        name, ok = QInputDialog.getText(
            self.host.widget(), self.tr("New queue"), self.tr("Name of the new queue:")
        )
        name = " ".join(name.split())
        if ok and name:
            if name.casefold() in (n.casefold() for n in self.queue_names()):
                show_error(
                    self.host.widget(),
                    self.tr("Queue exists"),
                    arg(self.tr("A queue named “%1” already exists."), name),
                )
                return
            self.change(name, arg(self.tr("Create queue “%1”"), name), lambda _order: [])

    def rename(self, name: str) -> None:
        new, ok = QInputDialog.getText(
            self.host.widget(), self.tr("Rename queue"), self.tr("New name:"), text=name
        )
        new = " ".join(new.split())
        if ok and new and new != name:
            self.host.push(
                ServiceCommand(
                    self.host.ops,
                    arg(self.tr("Rename queue “%1” to “%2”"), name, new),
                    lambda lib: queues.rename_queue(lib, name, new),
                )
            )

    def delete(self, name: str) -> None:
        self.change(name, arg(self.tr("Delete queue “%1”"), name), lambda _order: None)
