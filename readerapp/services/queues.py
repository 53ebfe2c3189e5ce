"""Named reading queues with a dense 1-based order."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from readerapp.core.errors import UserError
from readerapp.db.models import PaperRow, QueueEntryRow, QueueRow
from readerapp.services.changes import Applied, Changes, Step
from readerapp.services.index_marks import papers_touched
from readerapp.services.library import Library

# Read without the ORM (list_reads): the window's first paint needs them.
from readerapp.services.list_reads import QueueInfo as QueueInfo
from readerapp.services.list_reads import clean_name as clean_name
from readerapp.services.list_reads import list_queues as list_queues
from readerapp.services.list_reads import queue_ids as queue_ids

DEFAULT_QUEUE = "Read next"


def _queue(session: Session, name: str) -> QueueRow:
    row = session.scalar(select(QueueRow).where(QueueRow.name == clean_name(name)))
    if row is None:
        known = ", ".join(session.scalars(select(QueueRow.name).order_by(QueueRow.name)))
        raise UserError(f"no queue named {name!r}" + (f"; queues: {known}" if known else ""))
    return row


def _entries(session: Session, queue_id: int) -> list[QueueEntryRow]:
    return list(
        session.scalars(
            select(QueueEntryRow)
            .where(QueueEntryRow.queue_id == queue_id)
            .order_by(QueueEntryRow.position)
        )
    )


def _renumber(entries: Sequence[QueueEntryRow]) -> None:
    for position, entry in enumerate(entries, start=1):
        entry.position = position


def _order(session: Session, name: str) -> tuple[str, list[int] | None]:
    """The queue's name as stored and its order, or None when there is no such queue."""
    queue = session.scalar(select(QueueRow).where(QueueRow.name == clean_name(name)))
    if queue is None:
        return clean_name(name), None
    return queue.name, [e.paper_id for e in _entries(session, queue.id)]


def _queue_changed(
    label: str,
    name: str,
    before: list[int] | None,
    after: Sequence[int],
    touched: Sequence[int] | None = None,
) -> Applied:
    """Any queue change, undone by putting its order from before back. The papers it
    touched: those given, else every one in before and after."""
    return Applied(
        label,
        Changes.of([*(before or ()), *after] if touched is None else touched, lists=True),
        Step("queue_order", {"name": name, "ids": before}),
    )


def create_queue(library: Library, name: str) -> Applied:
    name = clean_name(name)
    with library.write() as session:
        if session.scalar(select(QueueRow.id).where(QueueRow.name == name)) is not None:
            raise UserError(f"a queue named {name!r} already exists")
        session.add(QueueRow(name=name))
        papers_touched(session, [])
    return _queue_changed(f"Create queue “{name}”", name, None, [])


def rename_queue(library: Library, old: str, new: str) -> Applied:
    new = clean_name(new)
    with library.write() as session:
        queue = _queue(session, old)
        clash = session.scalar(select(QueueRow.id).where(QueueRow.name == new))
        if clash is not None and clash != queue.id:
            raise UserError(f"a queue named {new!r} already exists")
        old = queue.name
        queue.name = new
        papers_touched(session, [])
    return Applied(
        f"Rename queue “{old}” to “{new}”",
        Changes(lists=True),
        Step("rename_queue", {"old": new, "new": old}),
    )


def delete_queue(library: Library, name: str) -> Applied:
    """Deletes the queue and its order; the papers stay in the library."""
    with library.write() as session:
        queue = _queue(session, name)
        name, before = _order(session, queue.name)
        session.delete(queue)
        papers_touched(session, before or [])
    return _queue_changed(f"Delete queue “{name}”", name, before, [])


def add_to_queue(
    library: Library, name: str, ids: Sequence[int], position: int | None = None
) -> Applied:
    """Adds papers (creating the queue if needed) at the end, or from `position` (1-based).

    Papers already in the queue keep their place unless a position is given.
    """
    name = clean_name(name)
    with library.write() as session:
        name, before = _order(session, name)
        queue = session.scalar(select(QueueRow).where(QueueRow.name == name))
        if queue is None:
            queue = QueueRow(name=name)
            session.add(queue)
            session.flush()
        known = set(session.scalars(select(PaperRow.id).where(PaperRow.id.in_(list(ids)))))
        missing = [i for i in ids if i not in known]
        if missing:
            raise UserError(f"no paper with id {missing[0]}")
        entries = _entries(session, queue.id)
        present = {e.paper_id: e for e in entries}
        if position is None:
            incoming = [
                QueueEntryRow(queue_id=queue.id, paper_id=pid) for pid in ids if pid not in present
            ]
            entries.extend(incoming)
        else:
            moved = [
                present.get(pid) or QueueEntryRow(queue_id=queue.id, paper_id=pid) for pid in ids
            ]
            moved_ids = set(ids)
            rest = [e for e in entries if e.paper_id not in moved_ids]
            at = max(0, min(position - 1, len(rest)))
            incoming = [e for e in moved if e.paper_id not in present]
            entries = rest[:at] + moved + rest[at:]
        _renumber(entries)
        session.add_all(incoming)
        papers_touched(session, ids)
    return _queue_changed(f"Add {len(ids):,} to queue “{name}”", name, before, ids)


def remove_from_queue(library: Library, name: str, ids: Sequence[int]) -> Applied:
    with library.write() as session:
        queue = _queue(session, name)
        entries = _entries(session, queue.id)
        before = [e.paper_id for e in entries]
        absent = [i for i in ids if i not in set(before)]
        if absent:
            raise UserError(f"paper {absent[0]} is not in queue {queue.name!r}")
        gone = set(ids)
        session.execute(
            delete(QueueEntryRow).where(
                QueueEntryRow.queue_id == queue.id, QueueEntryRow.paper_id.in_(gone)
            )
        )
        session.flush()
        _renumber([e for e in entries if e.paper_id not in gone])
        name = queue.name
        papers_touched(session, ids)
    return _queue_changed(f"Remove {len(ids):,} from “{name}”", name, before, ids)


def move_in_queue(library: Library, name: str, paper_id: int, position: int) -> Applied:
    """Moves a queued paper to a 1-based position (clamped to the queue's length)."""
    if position < 1:
        raise UserError("positions start at 1")
    with library.write() as session:
        queue = _queue(session, name)
        entries = _entries(session, queue.id)
        before = [e.paper_id for e in entries]
        entry = next((e for e in entries if e.paper_id == paper_id), None)
        if entry is None:
            raise UserError(f"paper {paper_id} is not in queue {queue.name!r}")
        entries.remove(entry)
        entries.insert(min(position, len(entries) + 1) - 1, entry)
        _renumber(entries)
        name = queue.name
        papers_touched(session, [paper_id])
    return _queue_changed(f"Move in “{name}”", name, before, [paper_id])


def set_queue_order(
    library: Library, name: str, ids: Sequence[int] | None, label: str = ""
) -> Applied:
    """Makes a queue hold exactly these papers in this order; None deletes the queue.

    The undo of any queue change is this call with the order from before it. The name
    matches an existing queue whatever its case.
    """
    return change_queue(library, name, lambda _order: None if ids is None else list(ids), label)


def change_queue(
    library: Library,
    name: str,
    change: Callable[[list[int] | None], Sequence[int] | None],
    label: str = "",
) -> Applied:
    """Any change to one queue, as a function from its order now (None: no such queue) to
    the order it gets (None deletes it), read and written in one transaction."""
    with library.write() as session:
        name, before = _order(session, name)
        ids = change(None if before is None else list(before))
        queue = session.scalar(select(QueueRow).where(QueueRow.name == name))
        after: list[int] = []
        if ids is None:
            if queue is not None:
                session.delete(queue)
        else:
            if queue is None:
                queue = QueueRow(name=name)
                session.add(queue)
                session.flush()
            known = set(session.scalars(select(PaperRow.id).where(PaperRow.id.in_(list(ids)))))
            after = [i for i in dict.fromkeys(ids) if i in known]
            session.execute(delete(QueueEntryRow).where(QueueEntryRow.queue_id == queue.id))
            session.add_all(
                QueueEntryRow(queue_id=queue.id, paper_id=pid, position=number)
                for number, pid in enumerate(after, start=1)
            )
        papers_touched(session, [*(before or ()), *after])
    # The window reads and repaints the touched papers' rows: only those that joined, left
    # or changed position (a move in a queue of thousands touches two, not every member).
    old = {pid: at for at, pid in enumerate(before or ())}
    new = {pid: at for at, pid in enumerate(after)}
    moved = sorted(pid for pid in old.keys() | new.keys() if old.get(pid) != new.get(pid))
    return _queue_changed(label or f"Change queue “{name}”", name, before, after, moved)


def moved_order(order: Sequence[int], moving: Sequence[int], before: int | None) -> list[int]:
    """The queue order after moving papers so they sit just before `before` (None: the end)."""
    moving_set = set(moving)
    rest = [pid for pid in order if pid not in moving_set]
    at = rest.index(before) if before in rest else len(rest)
    return rest[:at] + [pid for pid in moving if pid in set(order)] + rest[at:]
