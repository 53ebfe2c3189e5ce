"""The queue actions of the window: add, read next, remove, move, reorder by drag, create,
rename and delete. Each change is one undoable command run on the library worker; the new
order is computed from the queue as it is when the change runs."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QInputDialog

from readerapp.gui.commands import ServiceCommand
from readerapp.gui.dialogs import PickDialog, show_error
from readerapp.gui.host import Host
from readerapp.services import queues

Order = list[int] | None


class QueueActions:
    def __init__(self, host: Host) -> None:
        self.host = host

    def queue_names(self) -> list[str]:
        return [q.name for q in queues.list_queues(self.host.library())]

    def add_to_queue(self) -> None:
        ids = self.host.need_selection()
        if not ids:
            return
        last = str(self.host.settings.value("queue/last", queues.DEFAULT_QUEUE))
        dialog = PickDialog(
            "Add to queue",
            f"Add {len(ids)} paper(s) to the queue:",
            self.queue_names(),
            self.host.widget(),
            current=last,
        )
        if dialog.exec() and dialog.value():
            name = dialog.value()
            self.host.settings.setValue("queue/last", name)
            self.change(name, f"Add to queue “{name}”", lambda order: [*(order or []), *ids])

    def read_next(self) -> None:
        ids = self.host.need_selection()
        if ids:
            self.change(
                queues.DEFAULT_QUEUE,
                f"Read next ({len(ids)})",
                lambda order: [*ids, *(order or [])],
            )

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
                f"Remove {len(ids)} from “{name}”",
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

        self.change(name, "Move in queue", change)

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

        self.change(name, f"Reorder “{name}”", change)

    def dropped_on_queue(self, name: str, ids: list[int]) -> None:
        if ids:
            self.change(name, f"Add to queue “{name}”", lambda order: [*(order or []), *ids])

    def new_queue(self) -> None:
        name, ok = QInputDialog.getText(self.host.widget(), "New queue", "Name of the new queue:")
        name = " ".join(name.split())
        if ok and name:
            if name.casefold() in (n.casefold() for n in self.queue_names()):
                show_error(
                    self.host.widget(), "Queue exists", f"A queue named “{name}” already exists."
                )
                return
            self.change(name, f"Create queue “{name}”", lambda _order: [])

    def rename(self, name: str) -> None:
        new, ok = QInputDialog.getText(self.host.widget(), "Rename queue", "New name:", text=name)
        new = " ".join(new.split())
        if ok and new and new != name:
            self.host.push(
                ServiceCommand(
                    self.host.ops,
                    f"Rename queue “{name}” to “{new}”",
                    lambda lib: queues.rename_queue(lib, name, new),
                )
            )

    def delete(self, name: str) -> None:
        self.change(name, f"Delete queue “{name}”", lambda _order: None)
