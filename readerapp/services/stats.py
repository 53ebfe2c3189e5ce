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
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from readerapp.db.dbapi import DbConnection, is_sqlite
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


def _median(values: list[float]) -> float | None:
    return round(statistics.median(values), 1) if values else None


# Times as Julian days (SQLite's julianday): days are then plain differences of floats.
_Event = tuple[float, str, bool]
_UNIX_EPOCH_JD = 2440587.5


def _julian(moment: dt.datetime) -> float:
    """A stored (naive UTC) time as a Julian day, as SQLite's julianday() gives it."""
    return (moment - dt.datetime(1970, 1, 1)).total_seconds() / 86400 + _UNIX_EPOCH_JD


def _segments(added: float, events: list[_Event]) -> Iterator[tuple[float, float | None, str]]:
    """A paper's statuses as (after, until, status): it had `status` at every moment in
    (after, until] (until None: ever since). Before its first event it was unread, unless
    that event is the migration's unknown one, whose status is the best guess back to the
    day the paper was added."""
    status = events[0][1] if events and not events[0][2] else "unread"
    after = added
    for at, new, _known in events:
        yield after, at, status
        after, status = at, new
    yield after, None, status


def _julian_sql(conn: DbConnection, column: str) -> str:
    """SQL for a stored time column as a Julian day: SQLite's julianday(), or the same
    number from PostgreSQL's seconds since 1970 (stored times are naive UTC)."""
    if is_sqlite(conn):
        return f"julianday({column})"
    return f"CAST(EXTRACT(EPOCH FROM {column}) / 86400 + {_UNIX_EPOCH_JD} AS DOUBLE PRECISION)"


def compute(library: Library, since: dt.date | None = None) -> Stats:
    """The figures from `since` (default: the start of the week twelve weeks ago) to now.

    One pass over the papers and their events: each paper's backlog spans are laid over
    the weeks' ends by bisection, not a pass over every paper per week.
    """
    on = today(library)
    now = now_utc(library)
    first_week = week_start(since or on - dt.timedelta(weeks=DEFAULT_WEEKS - 1))
    start = _julian(day_start(first_week))
    moment = _julian(now) + 1e-9  # what happened at `now` counts
    mondays: list[dt.date] = []
    monday = first_week
    while monday <= on:
        mondays.append(monday)
        monday += dt.timedelta(days=7)
    begins = [_julian(day_start(m)) for m in mondays]
    ends = [min(_julian(day_start(m + dt.timedelta(days=7))), moment) for m in mondays]
    with library.snapshot() as conn:
        added_day, at_day = _julian_sql(conn, "added_at"), _julian_sql(conn, "at")
        papers: dict[int, float] = dict(conn.execute(f"SELECT id, {added_day} FROM papers"))
        events: dict[int, list[_Event]] = {}
        for pid, status, at, known in conn.execute(
            f"SELECT paper_id, status, {at_day}, known FROM status_events ORDER BY paper_id, at, id"
        ):
            events.setdefault(pid, []).append((at, status, bool(known)))
        tag_rows = conn.execute(
            "SELECT pt.paper_id, t.name FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id"
        ).fetchall()
        queue_rows = conn.execute(
            "SELECT e.paper_id, q.name FROM queue_entries e JOIN queues q ON q.id = e.queue_id"
        ).fetchall()
    added_per_week = [0] * len(mondays)
    read_pairs: set[tuple[int, int]] = set()
    waiting: list[list[float]] = [[] for _ in mondays]  # days each backlog paper had waited
    read_at: dict[int, float] = {}  # first known read since `since`
    backlog = 0
    no_events: list[_Event] = []
    for pid, added in papers.items():
        week = bisect_right(begins, added) - 1
        if week >= 0 and added < ends[week]:
            added_per_week[week] += 1
        timeline = events.get(pid, no_events)
        for at, status, known in timeline:
            if status != "read" or not known or not start <= at < moment:
                continue
            read_at.setdefault(pid, at)
            week = bisect_right(begins, at) - 1
            if at < ends[week]:
                read_pairs.add((pid, week))
        for after, until, status in _segments(added, timeline):
            if status not in BACKLOG:
                continue
            last = len(ends) if until is None else bisect_right(ends, until)
            for week in range(bisect_right(ends, after), last):
                waiting[week].append(ends[week] - added)
            if after < moment and (until is None or moment <= until):
                backlog += 1
    read_per_week = Counter(week for _, week in read_pairs)
    weeks = [
        Week(m, added_per_week[n], read_per_week[n], len(waiting[n]), _median(waiting[n]))
        for n, m in enumerate(mondays)
    ]
    waits = [at - papers[pid] for pid, at in read_at.items()]
    tags = Counter(name for pid, name in tag_rows if pid in read_at)
    queues = Counter(name for pid, name in queue_rows if pid in read_at)
    return Stats(
        since=first_week,
        today=on,
        weeks=weeks,
        papers=len(papers),
        backlog=backlog,
        added=sum(1 for added in papers.values() if added >= start),
        read=len(read_at),
        median_days_to_read=_median(waits),
        read_by_tag=dict(sorted(tags.items(), key=lambda item: (-item[1], item[0].casefold()))),
        read_by_queue=dict(sorted(queues.items(), key=lambda item: (-item[1], item[0].casefold()))),
    )


def local_week(stored: dt.datetime) -> dt.date:
    """The Monday of the local week a stored time falls in."""
    return week_start(local_date(stored))
