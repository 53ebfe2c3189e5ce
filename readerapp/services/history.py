"""A paper's dated reading history: every status change is an event with its time.

Events are written in the transaction that changes the status (services.triage), and an undo
takes its events away with it, so that the history and the statistics built on it say what
the user really did. Papers a library held when it migrated to schema 5 have one event at the
migration's time marked known=False: their status is real, its date is not.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from readerapp.core.errors import UserError
from readerapp.db import journal
from readerapp.db.models import (
    ImportBatchRow,
    JournalPaperRow,
    JournalRow,
    PaperRow,
    PaperSourceRow,
    StatusEventRow,
)
from readerapp.services.days import local_date
from readerapp.services.library import Library

# An event kept in an undo Step (JSON): paper id, status, ISO time, known, and (schema 6) the
# member who set it; Steps kept before have the first four only.
EventData = list[object]

# How the history names the step each status is.
VERBS = {
    "added": "added",
    "unread": "back to unread",
    "reading": "started",
    "read": "read",
    "skimmed": "skimmed",
    "dropped": "dropped",
}


def record(session: Session, changes: Sequence[tuple[int, str]], at: dt.datetime) -> list[int]:
    """Writes one known event per (paper, new status), by the member making the change;
    returns their ids (for undo)."""
    member = journal.member_of(session)
    ids: list[int] = []
    for pid, status in changes:
        ids.append(
            session.execute(
                insert(StatusEventRow)
                .values(paper_id=pid, status=status, at=at, known=True, member=member)
                .returning(StatusEventRow.id)
            ).scalar_one()
        )
    return ids


def take(session: Session, event_ids: Sequence[int]) -> list[EventData]:
    """Deletes events (an undone status change) and returns them as data to put back."""
    rows = session.scalars(select(StatusEventRow).where(StatusEventRow.id.in_(list(event_ids))))
    kept: list[EventData] = [
        [r.paper_id, r.status, r.at.isoformat(), r.known, r.member] for r in rows
    ]
    session.execute(delete(StatusEventRow).where(StatusEventRow.id.in_(list(event_ids))))
    return kept


def put(session: Session, events: Sequence[EventData]) -> list[int]:
    """Writes events back (a redo); returns their new ids. Papers deleted since are skipped."""
    present = set(
        session.scalars(
            select(PaperRow.id).where(PaperRow.id.in_([int(str(e[0])) for e in events]))
        )
    )
    ids: list[int] = []
    for pid, status, at, known, *by in events:
        if int(str(pid)) not in present:
            continue
        member = str(by[0]) if by and by[0] is not None else None
        ids.append(
            session.execute(
                insert(StatusEventRow)
                .values(
                    paper_id=int(str(pid)),
                    status=str(status),
                    at=dt.datetime.fromisoformat(str(at)),
                    known=bool(known),
                    member=member,
                )
                .returning(StatusEventRow.id)
            ).scalar_one()
        )
    return ids


@dataclass(frozen=True, slots=True)
class Event:
    """One step of a paper's history: "added", or the status it took."""

    kind: str
    at: dt.datetime  # naive UTC, as stored
    known: bool = True
    # Who did it (schema 6, the journal's member name); None where that was not recorded.
    member: str | None = None

    def to_json(self) -> dict[str, object]:
        found: dict[str, object] = {
            "event": self.kind,
            "at": self.at.isoformat() + "Z",
            "known": self.known,
        }
        if self.member is not None:
            found["member"] = self.member
        return found


def paper_history(library: Library, paper_id: int) -> list[Event]:
    """When the paper was added and each status it took since, oldest first, with who did
    each where that was recorded (papers added before schema 6 have no adder)."""
    with library.read() as session:
        added = session.scalar(select(PaperRow.added_at).where(PaperRow.id == paper_id))
        if added is None:
            raise UserError(f"no paper with id {paper_id}")
        # Who imported the batch that inserted the paper (schema 8): kept with the batch,
        # so it outlives the journal's pruning. Its sources go with a deleted paper, so an
        # id freed by a deletion that comes back names only its own batch.
        adder = session.scalar(
            select(ImportBatchRow.member)
            .join(PaperSourceRow, PaperSourceRow.batch_id == ImportBatchRow.id)
            .where(PaperSourceRow.paper_id == paper_id, PaperSourceRow.created.is_(True))
            .order_by(ImportBatchRow.id)
            .limit(1)
        )
        if adder is None:
            # A batch from before schema 8: the first journal entry of this paper since it
            # was added, while the journal keeps it (entries from before its time belong to
            # another paper that had its id).
            adder = session.scalar(
                select(JournalRow.member)
                .join(JournalPaperRow, JournalPaperRow.seq == JournalRow.seq)
                .where(JournalPaperRow.paper_id == paper_id, JournalRow.changed_at >= added)
                .order_by(JournalRow.seq)
                .limit(1)
            )
        rows = session.execute(
            select(
                StatusEventRow.status,
                StatusEventRow.at,
                StatusEventRow.known,
                StatusEventRow.member,
            )
            .where(StatusEventRow.paper_id == paper_id)
            .order_by(StatusEventRow.at, StatusEventRow.id)
        ).all()
    return [
        Event("added", added, member=adder),
        *(Event(status, at, known, member) for status, at, known, member in rows),
    ]


def names_members(events: Sequence[Event]) -> bool:
    """Whether the history should say who did each step: when more than one member did
    some, as in a lab's shared library. One person's library (on one machine or several)
    would only repeat their own name."""
    return len({event.member for event in events if event.member}) > 1


def describe(events: Sequence[Event], today: dt.date) -> str:
    """The history in words: "added 3 May, started 5 May, read 9 May" ("added 3 May by ana,
    read 9 May by ben" where several members did steps). A status whose date is unknown
    (from before schema 5) says so instead of the migration's date."""
    members = names_members(events)
    parts = []
    for event in events:
        verb = VERBS.get(event.kind, event.kind)
        if not event.known:
            parts.append(f"{verb} (date unknown)" if event.kind != "unread" else "unread")
            continue
        day = local_date(event.at)
        when = f"{day.day} {day:%b}" if day.year == today.year else f"{day.day} {day:%b %Y}"
        by = f" by {event.member}" if members and event.member else ""
        parts.append(f"{verb} {when}{by}")
    return ", ".join(parts)
