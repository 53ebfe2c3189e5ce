"""How the backlog is going: papers added and read per week, the backlog's size and age over
time, the median days from added to read, and what was read by tag and by queue.

Everything is computed from the papers' dates added and their status history
(services.history), by the library clock's weeks (local, Monday first). Statuses with an
unknown date (set before schema 5) count for the backlog (a paper read before the migration
is not in it) but never as read in a given week.
"""

from __future__ import annotations

import datetime as dt
import statistics
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import select

from readerapp.db.models import (
    PaperRow,
    PaperTagRow,
    QueueEntryRow,
    QueueRow,
    StatusEventRow,
    TagRow,
)
from readerapp.services.days import day_start, local_date, now_utc, today, week_start
from readerapp.services.library import Library

# In the backlog: not yet read, skimmed or dropped.
BACKLOG = ("unread", "reading")
DEFAULT_WEEKS = 12


@dataclass(frozen=True, slots=True)
class Week:
    start: dt.date  # its Monday
    added: int
    read: int
    backlog: int  # at the end of the week (or now, for this week)
    backlog_age: float | None  # median days the backlog's papers had waited by then

    def to_json(self) -> dict[str, object]:
        return {
            "week": self.start.isoformat(),
            "added": self.added,
            "read": self.read,
            "backlog": self.backlog,
            "backlog_median_age_days": self.backlog_age,
        }


@dataclass(frozen=True, slots=True)
class Stats:
    since: dt.date
    today: dt.date
    weeks: list[Week]
    papers: int
    backlog: int
    added: int  # since `since`
    read: int  # papers read since `since`
    median_days_to_read: float | None
    read_by_tag: dict[str, int] = field(default_factory=dict)
    read_by_queue: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, object]:
        return {
            "since": self.since.isoformat(),
            "today": self.today.isoformat(),
            "papers": self.papers,
            "backlog": self.backlog,
            "added": self.added,
            "read": self.read,
            "median_days_to_read": self.median_days_to_read,
            "weeks": [w.to_json() for w in self.weeks],
            "read_by_tag": self.read_by_tag,
            "read_by_queue": self.read_by_queue,
        }


@dataclass(slots=True)
class _Timeline:
    added: dt.datetime
    times: list[dt.datetime] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    known: list[bool] = field(default_factory=list)

    def status_before(self, moment: dt.datetime) -> str | None:
        """Its status just before `moment`; None when it was not in the library yet."""
        if self.added >= moment:
            return None
        n = bisect_left(self.times, moment)
        if n:
            return self.statuses[n - 1]
        # No event yet: unread since added, unless its first event is the migration's
        # unknown one, whose status is the best guess for all the time before it.
        if self.statuses and not self.known[0]:
            return self.statuses[0]
        return "unread"


def _median(values: list[float]) -> float | None:
    return round(statistics.median(values), 1) if values else None


def compute(library: Library, since: dt.date | None = None) -> Stats:
    """The figures from `since` (default: the start of the week twelve weeks ago) to now."""
    on = today(library)
    now = now_utc(library)
    first_week = week_start(since or on - dt.timedelta(weeks=DEFAULT_WEEKS - 1))
    start = day_start(first_week)
    with library.read() as session:
        timelines = {
            pid: _Timeline(added)
            for pid, added in session.execute(select(PaperRow.id, PaperRow.added_at))
        }
        read_at: dict[int, dt.datetime] = {}  # first known read since `since`
        for pid, status, at, known in session.execute(
            select(
                StatusEventRow.paper_id,
                StatusEventRow.status,
                StatusEventRow.at,
                StatusEventRow.known,
            ).order_by(StatusEventRow.at, StatusEventRow.id)
        ):
            line = timelines.get(pid)
            if line is None:
                continue
            line.times.append(at)
            line.statuses.append(status)
            line.known.append(bool(known))
            if status == "read" and known and at >= start and pid not in read_at:
                read_at[pid] = at
        tags = Counter(
            name
            for pid, name in session.execute(
                select(PaperTagRow.paper_id, TagRow.name).join(
                    TagRow, TagRow.id == PaperTagRow.tag_id
                )
            )
            if pid in read_at
        )
        queues = Counter(
            name
            for pid, name in session.execute(
                select(QueueEntryRow.paper_id, QueueRow.name).join(
                    QueueRow, QueueRow.id == QueueEntryRow.queue_id
                )
            )
            if pid in read_at
        )
    weeks: list[Week] = []
    monday = first_week
    moment = now + dt.timedelta(microseconds=1)  # what happened at `now` counts
    while monday <= on:
        begin, end = day_start(monday), min(day_start(monday + dt.timedelta(days=7)), moment)
        added = sum(1 for line in timelines.values() if begin <= line.added < end)
        read = sum(
            1
            for line in timelines.values()
            if any(
                s == "read" and k and begin <= t < end
                for t, s, k in zip(line.times, line.statuses, line.known, strict=True)
            )
        )
        ages = [
            (end - line.added).total_seconds() / 86400
            for line in timelines.values()
            if line.status_before(end) in BACKLOG
        ]
        weeks.append(Week(monday, added, read, len(ages), _median(ages)))
        monday += dt.timedelta(days=7)
    backlog = sum(1 for line in timelines.values() if line.status_before(moment) in BACKLOG)
    waits = [(at - timelines[pid].added).total_seconds() / 86400 for pid, at in read_at.items()]
    return Stats(
        since=first_week,
        today=on,
        weeks=weeks,
        papers=len(timelines),
        backlog=backlog,
        added=sum(1 for line in timelines.values() if line.added >= start),
        read=len(read_at),
        median_days_to_read=_median(waits),
        read_by_tag=dict(sorted(tags.items(), key=lambda item: (-item[1], item[0].casefold()))),
        read_by_queue=dict(sorted(queues.items(), key=lambda item: (-item[1], item[0].casefold()))),
    )


def local_week(stored: dt.datetime) -> dt.date:
    """The Monday of the local week a stored time falls in."""
    return week_start(local_date(stored))
