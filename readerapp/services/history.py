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
from readerapp.db.models import PaperRow, StatusEventRow
from readerapp.services.days import local_date
from readerapp.services.library import Library

# An event kept in an undo Step (JSON): paper id, status, ISO time, known.
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
    """Writes one known event per (paper, new status); returns their ids (for undo)."""
    ids: list[int] = []
    for pid, status in changes:
        ids.append(
            session.execute(
                insert(StatusEventRow)
                .values(paper_id=pid, status=status, at=at, known=True)
                .returning(StatusEventRow.id)
            ).scalar_one()
        )
    return ids


def take(session: Session, event_ids: Sequence[int]) -> list[EventData]:
    """Deletes events (an undone status change) and returns them as data to put back."""
    rows = session.scalars(select(StatusEventRow).where(StatusEventRow.id.in_(list(event_ids))))
    kept = [[r.paper_id, r.status, r.at.isoformat(), r.known] for r in rows]
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
    for pid, status, at, known in events:
        if int(str(pid)) not in present:
            continue
        ids.append(
            session.execute(
                insert(StatusEventRow)
                .values(
                    paper_id=int(str(pid)),
                    status=str(status),
                    at=dt.datetime.fromisoformat(str(at)),
                    known=bool(known),
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

    def to_json(self) -> dict[str, object]:
        return {"event": self.kind, "at": self.at.isoformat() + "Z", "known": self.known}


def paper_history(library: Library, paper_id: int) -> list[Event]:
    """When the paper was added and each status it took since, oldest first."""
    with library.read() as session:
        added = session.scalar(select(PaperRow.added_at).where(PaperRow.id == paper_id))
        if added is None:
            raise UserError(f"no paper with id {paper_id}")
        rows = session.execute(
            select(StatusEventRow.status, StatusEventRow.at, StatusEventRow.known)
            .where(StatusEventRow.paper_id == paper_id)
            .order_by(StatusEventRow.at, StatusEventRow.id)
        ).all()
    return [Event("added", added), *(Event(status, at, known) for status, at, known in rows)]


def describe(events: Sequence[Event], today: dt.date) -> str:
    """The history in words: "added 3 May, started 5 May, read 9 May". A status whose date
    is unknown (from before schema 5) says so instead of the migration's date."""
    parts = []
    for event in events:
        verb = VERBS.get(event.kind, event.kind)
        if not event.known:
            parts.append(f"{verb} (date unknown)" if event.kind != "unread" else "unread")
            continue
        day = local_date(event.at)
        when = f"{day.day} {day:%b}" if day.year == today.year else f"{day.day} {day:%b %Y}"
        parts.append(f"{verb} {when}")
    return ", ".join(parts)
