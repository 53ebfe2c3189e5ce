"""The sidebar's lists and counts, and the papers of the lists that have their own order, read
through the plain database connection (Library.snapshot(): sqlite3, or psycopg through
db.dbapi) as searches are.

No ORM: the window's first paint needs the sidebar and the first list, and importing
SQLAlchemy's ORM and the services built on it costs more than half a second before the
library opens. services.overview, queues, routine and triage answer with these functions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from readerapp.core.errors import UserError
from readerapp.core.records import PaperSummary
from readerapp.db import reads
from readerapp.db.dbapi import DbConnection, is_sqlite
from readerapp.search.query import Filter
from readerapp.services import search
from readerapp.services.days import day_start, local_date, now_utc, today
from readerapp.services.library import Library

# Statuses a paper is done with: it leaves the Today list.
DONE = ("read", "skimmed", "dropped")


@dataclass(frozen=True, slots=True)
class LibraryCounts:
    total: int
    starred: int
    by_status: dict[str, int]


@dataclass(frozen=True, slots=True)
class BatchInfo:
    id: int
    source: str
    format: str
    created_at: dt.datetime
    added: int
    merged: int
    papers: int
    unchanged: int = 0
    skipped: int = 0
    undone_at: dt.datetime | None = None  # set once the user undid the batch


@dataclass(frozen=True, slots=True)
class SmartList:
    name: str
    query: str


@dataclass(frozen=True, slots=True)
class QueueInfo:
    name: str
    count: int


def _time(value: str | dt.datetime | None) -> dt.datetime | None:
    return None if value is None else reads.read_time(value)


def clean_name(name: str) -> str:
    """A queue's name as stored: spaces collapsed, not empty, at most 100 characters."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise UserError("a queue needs a name")
    if len(cleaned) > 100:
        raise UserError("a queue name can be at most 100 characters long")
    return cleaned


def counts(library: Library) -> LibraryCounts:
    with library.snapshot() as conn:
        total = reads.paper_count(conn)
        starred = reads.scalar(conn, "SELECT count(*) FROM papers WHERE starred = TRUE")
        rows = conn.execute("SELECT status, count(*) FROM papers GROUP BY status")
        by_status = {status: int(count) for status, count in rows}
    return LibraryCounts(total, int(starred or 0), by_status)


def summaries(library: Library, ids: Sequence[int]) -> dict[int, PaperSummary]:
    """The table's rows for these papers (unknown ids are left out)."""
    with library.snapshot() as conn:
        return reads.load_summaries(conn, ids)


def list_batches(library: Library) -> list[BatchInfo]:
    """Import batches newest first, with how many papers each still brought."""
    with library.snapshot() as conn:
        rows = conn.execute(
            "SELECT b.id, b.source, b.format, b.created_at, b.added, b.merged,"
            " count(s.paper_id), b.unchanged, b.skipped, b.undone_at"
            " FROM import_batches b LEFT OUTER JOIN paper_sources s ON s.batch_id = b.id"
            " GROUP BY b.id ORDER BY b.id DESC"
        ).fetchall()
    return [
        BatchInfo(
            bid,
            source,
            fmt,
            reads.read_time(created),
            added,
            merged,
            int(papers),
            unchanged,
            skipped,
            _time(undone),
        )
        for bid, source, fmt, created, added, merged, papers, unchanged, skipped, undone in rows
    ]


def batch_paper_ids(library: Library, batch_id: int) -> list[int]:
    """The papers an import batch brought, in the order of its file."""
    with library.snapshot() as conn:
        return reads.id_list(
            conn,
            "SELECT paper_id FROM paper_sources WHERE batch_id = ? ORDER BY line, paper_id",
            (batch_id,),
        )


def list_smart_lists(library: Library) -> list[SmartList]:
    with library.snapshot() as conn:
        rows = conn.execute("SELECT name, query FROM saved_searches ORDER BY lower(name)")
        return [SmartList(name, query) for name, query in rows]


def list_queues(library: Library) -> list[QueueInfo]:
    with library.snapshot() as conn:
        rows = conn.execute(
            "SELECT q.name, count(e.paper_id) FROM queues q"
            " LEFT OUTER JOIN queue_entries e ON e.queue_id = q.id"
            " GROUP BY q.id ORDER BY lower(q.name)"
        )
        return [QueueInfo(name, int(count)) for name, count in rows]


def _queue_id(conn: DbConnection, name: str) -> int:
    """The id of the queue named `name` (compared as the column compares: without regard to
    case in SQLite, its collation being NOCASE)."""
    found = reads.scalar(conn, "SELECT id FROM queues WHERE name = ?", (clean_name(name),))
    if found is None:
        known = ", ".join(name for (name,) in conn.execute("SELECT name FROM queues ORDER BY name"))
        raise UserError(f"no queue named {name!r}" + (f"; queues: {known}" if known else ""))
    return int(found)


def queue_ids(library: Library, name: str) -> list[int]:
    """The queue's papers in reading order."""
    with library.snapshot() as conn:
        queue = _queue_id(conn, name)
        return reads.id_list(
            conn,
            "SELECT paper_id FROM queue_entries WHERE queue_id = ? ORDER BY position",
            (queue,),
        )


def list_tags(library: Library) -> list[tuple[str, int]]:
    with library.snapshot() as conn:
        rows = conn.execute(
            "SELECT t.name, count(pt.paper_id) FROM tags t"
            " JOIN paper_tags pt ON pt.tag_id = t.id GROUP BY t.id ORDER BY lower(t.name)"
        )
        return [(name, int(count)) for name, count in rows]


def inbox_count(library: Library) -> int:
    """How many papers wait in the Inbox (the sidebar's count): counted in SQLite, with no
    ids to sort."""
    return search.count_filter(library, Filter("inbox"))


def snoozed_ids(library: Library) -> list[int]:
    """The papers snoozed now, those coming back soonest first."""
    with library.snapshot() as conn:
        return reads.id_list(
            conn,
            "SELECT id FROM papers WHERE snoozed_until > ? ORDER BY snoozed_until, id",
            (reads.stored_time(now_utc(library)),),
        )


def today_entries(library: Library) -> list[tuple[int, str, str]]:
    """Today's list as (paper id, reason, detail): snoozed papers that came back, re-reads
    due, the first paper not yet read of each queue, then the papers a rule marked for
    today and not yet read; each paper once."""
    now = reads.stored_time(now_utc(library))
    on = today(library)
    found: list[tuple[int, str, str]] = []
    with library.snapshot() as conn:
        for pid, until in conn.execute(
            "SELECT id, snoozed_until FROM papers WHERE snoozed_until <= ?"
            " AND status NOT IN (?, ?, ?) ORDER BY snoozed_until, id",
            (now, *DONE),
        ).fetchall():
            found.append((pid, "snoozed", local_date(reads.read_time(until)).isoformat()))
        for pid, step in conn.execute(
            "SELECT id, reread_step FROM papers WHERE reread_due <= ? ORDER BY reread_due, id",
            (now,),
        ).fetchall():
            found.append((pid, "reread", str((step or 0) + 1)))
        # One correlated look-up per queue: the first entry whose paper is still to read
        # (a join over every entry and paper costs a scan of the papers at 100k).
        # SQLite reads CROSS JOIN as "in this order"; PostgreSQL knows only a plain JOIN ON.
        join = "CROSS JOIN" if is_sqlite(conn) else "JOIN"
        heads = conn.execute(
            "SELECT q.name, (SELECT e.paper_id FROM queue_entries e"
            f" {join} papers p ON p.id = e.paper_id"
            " WHERE e.queue_id = q.id AND p.status NOT IN (?, ?, ?)"
            " AND (p.snoozed_until IS NULL OR p.snoozed_until <= ?)"
            " ORDER BY e.position LIMIT 1) FROM queues q ORDER BY q.name",
            (*DONE, now),
        ).fetchall()
        for name, pid in heads:
            if pid is not None:
                found.append((pid, "queue", name))
        start, end = day_start(on), day_start(on + dt.timedelta(days=1))
        # A rule's pick leaves the list once the paper is read, skimmed or dropped, as a
        # queue's head does: the list says what is left to do today.
        for pid, rule in conn.execute(
            "SELECT h.paper_id, h.rule FROM rule_hits h JOIN papers p ON p.id = h.paper_id"
            " WHERE h.today = TRUE AND h.at >= ? AND h.at < ? AND p.status NOT IN (?, ?, ?)"
            " ORDER BY h.at, h.id",
            (reads.stored_time(start), reads.stored_time(end), *DONE),
        ).fetchall():
            found.append((pid, "rule", rule))
    seen: set[int] = set()
    unique = []
    for pid, reason, detail in found:
        if pid not in seen:
            seen.add(pid)
            unique.append((pid, reason, detail))
    return unique
