"""The reading routine: the Inbox, snoozing, spaced re-reading and the Today list.

- Inbox: a paper an import created waits there until it is triaged: given a status, starred,
  tagged, queued, snoozed or archived (E). Only archiving is stored as such (papers.inbox =
  0); the rest is read from the paper's state (search's is:inbox), so an undone star puts the
  paper back in the Inbox. A tag, queue or star that the import's options or a rule gave it
  on arrival is not triage: it stays in the Inbox.
- Snooze: until a day; the paper leaves every list but Snoozed (services.listing) and comes
  back to Today on that day, where it stays until it is un-snoozed or read.
- Re-reading: a read paper comes due again after each step of a preference (1w, 1m, 3m by
  default), counted from the day it was marked or last re-read.
- Today: what came back from a snooze, the re-reads due, the head of each queue, the papers a
  rule picked today: in that order, each paper once.

Every date comes from the library clock (Library.clock), so tests fix the day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select, update

from readerapp.core.errors import UserError
from readerapp.core.records import Paper
from readerapp.core.settings import load_settings
from readerapp.db import queries
from readerapp.db.models import PaperRow
from readerapp.search.query import Filter
from readerapp.services import search, triage
from readerapp.services.changes import Applied, Changes, Step
from readerapp.services.days import day_start, local_date, now_utc, parse_steps, today
from readerapp.services.index_marks import papers_touched
from readerapp.services.library import Library

# Read without the ORM (list_reads): the window's first paint needs them.
# DONE: statuses that mean a paper is done with: it leaves Today's queue heads and comebacks.
from readerapp.services.list_reads import DONE as DONE
from readerapp.services.list_reads import inbox_count as inbox_count
from readerapp.services.list_reads import snoozed_ids as snoozed_ids
from readerapp.services.list_reads import today_entries as today_entries

# Statuses a paper can be re-read from.
REREADABLE = ("read", "skimmed")
DEFAULT_STEPS = "1w, 1m, 3m"


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}" if count == 1 else f"{count:,} {word}s"


# -- Inbox


def inbox_ids(library: Library) -> list[int]:
    """The papers waiting for triage, oldest first: a day's dump is worked through in the
    order it came."""
    ids = search.search_ids(library, Filter("inbox"), sort="added")
    ids.reverse()
    return ids


def archive(library: Library, ids: Sequence[int]) -> Applied:
    """Takes papers out of the Inbox without changing anything else (E)."""
    label = f"Archive {_plural(len(ids), 'paper')}"
    return triage.set_column_values(library, "inbox", [(pid, False) for pid in ids], label)


# -- Snooze


def snooze(library: Library, ids: Sequence[int], until: dt.date) -> Applied:
    """Snoozes papers until the start of a local day (after today)."""
    if until <= today(library):
        raise UserError(f"a snooze must end after today ({today(library).isoformat()})")
    label = f"Snooze {_plural(len(ids), 'paper')} until {until.isoformat()}"
    return set_snoozes(library, [(pid, day_start(until).isoformat()) for pid in ids], label)


def unsnooze(library: Library, ids: Sequence[int]) -> Applied:
    return set_snoozes(
        library, [(pid, None) for pid in ids], f"Un-snooze {_plural(len(ids), 'paper')}"
    )


def set_snoozes(
    library: Library, values: Sequence[tuple[int, str | None]], label: str = ""
) -> Applied:
    """Sets each paper's snooze end (an ISO time, naive UTC, or None); the undo puts back
    what they had."""
    ids = [int(pid) for pid, _ in values]
    before: list[list[object]] = []
    with library.write() as session:
        triage._require(session, ids)
        for part in queries.chunks(ids):
            rows = session.execute(
                select(PaperRow.id, PaperRow.snoozed_until).where(PaperRow.id.in_(part))
            )
            before.extend([pid, None if v is None else v.isoformat()] for pid, v in rows)
        for pid, value in values:
            when = None if value is None else dt.datetime.fromisoformat(value)
            session.execute(update(PaperRow).where(PaperRow.id == pid).values(snoozed_until=when))
        papers_touched(session, ids)
    return Applied(
        label or f"Snooze {_plural(len(ids), 'paper')}",
        Changes.of(ids, lists=True, order=True),
        Step("snooze", {"values": before, "label": label}),
    )


def snoozed_until(library: Library, paper_id: int) -> dt.date | None:
    """The local day a paper's snooze ends, if it is snoozed now."""
    with library.read() as session:
        until = session.scalar(select(PaperRow.snoozed_until).where(PaperRow.id == paper_id))
    if until is None or until <= now_utc(library):
        return None
    return local_date(until)


# -- Re-reading


def reread_steps() -> tuple[int, ...]:
    """The re-reading steps in days, from the user's preference."""
    return parse_steps(load_settings().reread_steps or DEFAULT_STEPS)


@dataclass(frozen=True, slots=True)
class Reread:
    step: int  # 0 for the first re-read
    due: dt.date


def _set_rereads(
    library: Library, values: Sequence[tuple[int, int | None, str | None]], label: str
) -> Applied:
    ids = [int(pid) for pid, _, _ in values]
    before: list[list[object]] = []
    with library.write() as session:
        triage._require(session, ids)
        for part in queries.chunks(ids):
            rows = session.execute(
                select(PaperRow.id, PaperRow.reread_step, PaperRow.reread_due).where(
                    PaperRow.id.in_(part)
                )
            )
            before.extend([pid, s, None if d is None else d.isoformat()] for pid, s, d in rows)
        for pid, step, due in values:
            session.execute(
                update(PaperRow)
                .where(PaperRow.id == pid)
                .values(
                    reread_step=step,
                    reread_due=None if due is None else dt.datetime.fromisoformat(due),
                )
            )
        papers_touched(session, ids)
    return Applied(
        label, Changes.of(ids, lists=True, order=True), Step("reread", {"values": before})
    )


def set_rereads(
    library: Library, values: Sequence[tuple[int, int | None, str | None]], label: str = ""
) -> Applied:
    """Puts re-reading steps back paper by paper: the undo of the functions below."""
    return _set_rereads(library, values, label or "Change re-reading")


def mark_reread(
    library: Library, ids: Sequence[int], steps: Sequence[int] | None = None
) -> Applied:
    """Starts re-reading read papers: the first re-read comes due `steps[0]` days from
    today. A paper not read (or skimmed) yet is refused: there is nothing to re-read."""
    steps = tuple(steps or reread_steps())
    with library.read() as session:
        rows = session.execute(
            select(PaperRow.id, PaperRow.status).where(PaperRow.id.in_(list(ids)))
        ).all()
    statuses = dict((pid, status) for pid, status in rows)
    for pid in ids:
        if pid not in statuses:
            raise UserError(f"no paper with id {pid}")
        if statuses[pid] not in REREADABLE:
            raise UserError(f"paper {pid} is {statuses[pid]}, not read: mark it read first")
    due = day_start(today(library) + dt.timedelta(days=steps[0])).isoformat()
    return _set_rereads(
        library, [(pid, 0, due) for pid in ids], f"Re-read {_plural(len(ids), 'paper')}"
    )


def reread_done(
    library: Library, ids: Sequence[int], steps: Sequence[int] | None = None
) -> Applied:
    """Records a re-read: the next step comes due that many days from today; after the last
    step the paper is no longer re-read."""
    steps = tuple(steps or reread_steps())
    with library.read() as session:
        rows = session.execute(
            select(PaperRow.id, PaperRow.reread_step).where(PaperRow.id.in_(list(ids)))
        ).all()
    current = dict((pid, step) for pid, step in rows)
    values: list[tuple[int, int | None, str | None]] = []
    on = today(library)
    for pid in ids:
        now_step = current.get(pid)
        if now_step is None:
            raise UserError(f"paper {pid} is not being re-read")
        step = now_step + 1
        if step >= len(steps):
            values.append((pid, None, None))
        else:
            values.append((pid, step, day_start(on + dt.timedelta(days=steps[step])).isoformat()))
    return _set_rereads(library, values, f"Re-read {_plural(len(ids), 'paper')} done")


def stop_reread(library: Library, ids: Sequence[int]) -> Applied:
    return _set_rereads(
        library, [(pid, None, None) for pid in ids], f"Stop re-reading {_plural(len(ids), 'paper')}"
    )


def reread_of(library: Library, paper_id: int) -> Reread | None:
    with library.read() as session:
        row = session.execute(
            select(PaperRow.reread_step, PaperRow.reread_due).where(PaperRow.id == paper_id)
        ).first()
    if row is None or row[0] is None or row[1] is None:
        return None
    return Reread(int(row[0]), local_date(row[1]))


# -- Today

REASONS = ("snoozed", "reread", "queue", "rule")


@dataclass(frozen=True, slots=True)
class TodayItem:
    paper: Paper
    reason: str  # one of REASONS
    detail: str  # the queue's or rule's name, the re-read's number, the snooze's day

    @property
    def note(self) -> str:
        """The user's own first note: a re-read shows it before anything else."""
        return self.paper.notes[0].body if self.paper.notes else ""

    def to_json(self) -> dict[str, object]:
        return {
            "reason": self.reason,
            "detail": self.detail,
            "note": self.note,
            "paper": self.paper.to_json(),
        }


def today_items(library: Library) -> list[TodayItem]:
    """today_entries() with the papers, notes included."""
    unique = today_entries(library)
    papers = {p.id: p for p in triage.get_papers(library, [pid for pid, _, _ in unique])}
    return [
        TodayItem(papers[pid], reason, detail) for pid, reason, detail in unique if pid in papers
    ]
