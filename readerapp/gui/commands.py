"""Undoable changes. Each command does its work on the library worker and asks the window to
refresh the papers it touched; undo puts back exactly what was there before."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtGui import QUndoCommand

from readerapp.services import notes, overview, queues, snapshots, triage
from readerapp.services.library import Library


class Edits(Protocol):
    """What a command needs from the window."""

    def library(self) -> Library: ...

    def run_edit(
        self,
        work: Callable[[], object],
        ids: Sequence[int],
        on_done: Callable[[object], None] | None = None,
    ) -> None: ...


class LibraryCommand(QUndoCommand):
    def __init__(self, edits: Edits, text: str, ids: Sequence[int]) -> None:
        super().__init__(text)
        self.edits = edits
        self.ids = list(ids)

    def forward(self, library: Library) -> object:
        raise NotImplementedError

    def backward(self, library: Library) -> object:
        raise NotImplementedError

    def after_forward(self, result: object) -> None:
        """Runs on the GUI thread once forward() is done."""

    def redo(self) -> None:
        self.edits.run_edit(
            lambda: self.forward(self.edits.library()), self.ids, self.after_forward
        )

    def undo(self) -> None:
        self.edits.run_edit(lambda: self.backward(self.edits.library()), self.ids)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


class SetStarred(LibraryCommand):
    def __init__(self, edits: Edits, ids: Sequence[int], starred: bool) -> None:
        verb = "Star" if starred else "Unstar"
        super().__init__(edits, f"{verb} {_plural(len(ids), 'paper')}", ids)
        self.starred = starred
        self.before: list[int] | None = None  # the ids that were starred

    def forward(self, library: Library) -> object:
        if self.before is None:
            rows = overview.summaries(library, self.ids)
            self.before = [pid for pid, row in rows.items() if row.starred]
        triage.set_starred(library, self.ids, self.starred)
        return None

    def backward(self, library: Library) -> object:
        assert self.before is not None
        was = set(self.before)
        triage.set_starred(library, [p for p in self.ids if p not in was], False)
        triage.set_starred(library, self.before, True)
        return None


class SetStatus(LibraryCommand):
    def __init__(self, edits: Edits, ids: Sequence[int], status: str) -> None:
        super().__init__(edits, f"Mark {_plural(len(ids), 'paper')} {status}", ids)
        self.status = status
        self.before: dict[int, str] | None = None

    def forward(self, library: Library) -> object:
        if self.before is None:
            rows = overview.summaries(library, self.ids)
            self.before = {pid: row.status for pid, row in rows.items()}
        triage.set_status(library, self.ids, self.status)
        return None

    def backward(self, library: Library) -> object:
        assert self.before is not None
        by_status: dict[str, list[int]] = {}
        for pid, status in self.before.items():
            by_status.setdefault(status, []).append(pid)
        for status, ids in by_status.items():
            triage.set_status(library, ids, status)
        return None


class ChangeTag(LibraryCommand):
    def __init__(self, edits: Edits, ids: Sequence[int], tag: str, add: bool) -> None:
        verb = "Tag" if add else "Untag"
        super().__init__(edits, f"{verb} {_plural(len(ids), 'paper')} “{tag}”", ids)
        self.tag = tag
        self.add = add
        self.changing: list[int] | None = None  # only these really change

    def forward(self, library: Library) -> object:
        if self.changing is None:
            rows = overview.summaries(library, self.ids)
            has = {
                pid
                for pid, r in rows.items()
                if self.tag.casefold() in (t.casefold() for t in r.tags)
            }
            self.changing = [p for p in self.ids if (p not in has) == self.add]
        self._apply(library, self.add)
        return None

    def backward(self, library: Library) -> object:
        self._apply(library, not self.add)
        return None

    def _apply(self, library: Library, add: bool) -> None:
        if not self.changing:
            return
        if add:
            triage.add_tag(library, self.tag, self.changing)
        else:
            triage.remove_tag(library, self.tag, self.changing)


class QueueOrder(LibraryCommand):
    """Any change to one queue (add, remove, move, reorder, create, delete) as before/after."""

    def __init__(
        self,
        edits: Edits,
        text: str,
        name: str,
        ids: Sequence[int],
        change: Callable[[list[int] | None], list[int] | None],
    ) -> None:
        super().__init__(edits, text, ids)
        self.name = name
        self.change = change
        self.before: list[int] | None = None
        self.after: list[int] | None = None
        self.existed = True

    def forward(self, library: Library) -> object:
        if self.after is None:
            names = {q.name.casefold(): q.name for q in queues.list_queues(library)}
            self.existed = self.name.casefold() in names
            if self.existed:
                self.name = names[self.name.casefold()]
            self.before = queues.queue_ids(library, self.name) if self.existed else None
            self.after = self.change(self.before)
        queues.set_queue_order(library, self.name, self.after)
        return None

    def backward(self, library: Library) -> object:
        queues.set_queue_order(library, self.name, self.before)
        return None


class RenameQueue(LibraryCommand):
    def __init__(self, edits: Edits, old: str, new: str) -> None:
        super().__init__(edits, f"Rename queue “{old}” to “{new}”", [])
        self.old, self.new = old, new

    def forward(self, library: Library) -> object:
        queues.rename_queue(library, self.old, self.new)
        return None

    def backward(self, library: Library) -> object:
        queues.rename_queue(library, self.new, self.old)
        return None


class DeletePapers(LibraryCommand):
    def __init__(self, edits: Edits, ids: Sequence[int]) -> None:
        super().__init__(edits, f"Delete {_plural(len(ids), 'paper')}", ids)
        self.snapshot: snapshots.PaperSnapshot | None = None

    def forward(self, library: Library) -> object:
        self.snapshot = snapshots.capture(library, self.ids)
        triage.delete_papers(library, self.ids)
        return None

    def backward(self, library: Library) -> object:
        assert self.snapshot is not None
        snapshots.restore(library, self.snapshot)
        return None


class AddNote(LibraryCommand):
    def __init__(
        self, edits: Edits, paper_id: int, body: str, on_saved: Callable[[int, int], None]
    ) -> None:
        super().__init__(edits, "Add note", [paper_id])
        self.paper_id, self.body = paper_id, body
        self.note_id: int | None = None
        self.on_saved = on_saved

    def forward(self, library: Library) -> object:
        self.note_id = notes.add_note(library, self.paper_id, self.body)
        return self.note_id

    def after_forward(self, result: object) -> None:
        if isinstance(result, int):
            self.on_saved(self.paper_id, result)

    def backward(self, library: Library) -> object:
        assert self.note_id is not None
        notes.delete_note(library, self.note_id)
        return None


class EditNote(LibraryCommand):
    MERGE_ID = 4242  # consecutive autosaves of one note undo as one step

    def __init__(self, edits: Edits, paper_id: int, note_id: int, before: str, after: str) -> None:
        super().__init__(edits, "Edit note", [paper_id])
        self.note_id, self.before, self.after = note_id, before, after

    def id(self) -> int:
        return self.MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if isinstance(other, EditNote) and other.note_id == self.note_id:
            self.after = other.after
            return True
        return False

    def forward(self, library: Library) -> object:
        notes.update_note(library, self.note_id, self.after)
        return None

    def backward(self, library: Library) -> object:
        notes.update_note(library, self.note_id, self.before)
        return None


class DeleteNote(LibraryCommand):
    def __init__(self, edits: Edits, paper_id: int, note_id: int, body: str) -> None:
        super().__init__(edits, "Delete note", [paper_id])
        self.paper_id, self.note_id, self.body = paper_id, note_id, body

    def forward(self, library: Library) -> object:
        notes.delete_note(library, self.note_id)
        return None

    def backward(self, library: Library) -> object:
        self.note_id = notes.add_note(library, self.paper_id, self.body)
        return None
