"""The change journal (schema 6): every write transaction that changes papers records which,
under a sequence number, with the member who made it and when.

Services say which papers they change (`touch`, also done by services.index_marks); the
library writes the entry once, at the end of its write transaction (`record`), so the entry
commits or rolls back with the change it describes. Readers use it three ways: a machine's
search index catches up from the last number it applied (services.catch_up), an open window
learns which papers another process changed (services.remote), and a paper's history says
who made each change.

Numbers are handed out under the writers' lock, so that they grow in commit order: SQLite
holds one writer at a time already (BEGIN IMMEDIATE); on PostgreSQL a transaction-level
advisory lock, taken just before the entry is written and released by the commit, does the
same for the few milliseconds between the entry and the commit. A reader that saw number n
therefore never later meets a number below n that committed after it looked.

The reads take the plain connection of `Library.snapshot()` (`?` placeholders, rows as
tuples), which both backends provide.

The journal is pruned, so that it does not grow with every change forever: every
PRUNE_EVERY-th entry, the writer that makes it also deletes, in the same transaction and
under the same lock, the entries older than KEEP_DAYS days, but never the last KEEP_ENTRIES
(a library nobody changed for months still lets a machine one change behind catch up). Why
there and not on open, or in `check --repair`: a writer holds the lock and the transaction
already, so pruning costs one range DELETE on the primary key now and then and needs no
extra connection, no schedule and no maintenance step anyone must remember; opening a library
to search it never writes. The journal always stays one run of numbers: what is deleted is
every entry up to a number, recorded in meta (PRUNED_KEY). An index whose cursor is below
that number (a machine away for longer than KEEP_DAYS) cannot catch up and is rebuilt from
the library (services.library), and a window whose feed is that old redraws everything.
Pruning loses no history: who imported a paper is kept with its import batch
(import_batches.member, schema 8) and who set each status with the status
(status_events.member).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

# Session.info keys: the papers this transaction changed, and who is making it.
TOUCHED = "journal_touched"
MEMBER = "journal_member"
# The PostgreSQL NOTIFY channel a writer announces its new number on (services.remote).
CHANNEL = "readerapp_journal"
# The advisory lock key that orders the writers' numbers ("rdrp" in ASCII).
LOCK_KEY = 0x72647270
# Pruning: how long entries are kept, how many are always kept, and how often it runs.
KEEP_DAYS = 90
KEEP_ENTRIES = 1000
PRUNE_EVERY = 500
# The meta key of the last number pruned (0 or missing: nothing was).
PRUNED_KEY = "journal_pruned_through"


def touch(session: Session, ids: Iterable[int], *, indexed: bool = False) -> None:
    """Records, for the journal entry this transaction ends with, that it changed these papers
    (no ids: it changed only the lists, such as a queue's name; other windows redraw them).
    indexed: the change touched what the search index holds (services.index_marks)."""
    touched: dict[int, bool] = session.info.setdefault(TOUCHED, {})
    for pid in ids:
        touched[pid] = indexed or touched.get(pid, False)


def on_server(session: Session) -> bool:
    """Whether this session writes to a PostgreSQL server (else a SQLite file)."""
    return session.get_bind().dialect.name == "postgresql"


def member_of(session: Session) -> str | None:
    """The member making this write transaction (set by the library), for rows that keep it."""
    member = session.info.get(MEMBER)
    return member if isinstance(member, str) else None


def record(session: Session, member: str, at: dt.datetime) -> int | None:
    """Writes the entry for what this transaction touched, as its last statements, and
    returns its number; None when it touched nothing (bookkeeping such as index marks).
    On PostgreSQL it also NOTIFYs the number: delivered at commit, never for a rolled-back
    transaction."""
    touched: dict[int, bool] | None = session.info.get(TOUCHED)
    if touched is None:
        return None
    # Imported here: the library imports this module, and a search never writes.
    from sqlalchemy import func, insert, select, text

    from readerapp.db.models import JournalRow
    from readerapp.db.upsert import insert_many

    server = on_server(session)
    if server:
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})
    seq = int(session.scalar(select(func.coalesce(func.max(JournalRow.seq), 0))) or 0) + 1
    session.execute(insert(JournalRow).values(seq=seq, member=member, changed_at=at))
    if touched:  # none for a change of the lists alone (a queue renamed, a smart list saved)
        # Driver-level (COPY on the server): an import touches every paper it brings, and
        # the ORM's executemany built and sent a statement per row (3 s of a 20k import).
        insert_many(
            session.connection(),
            "journal_papers",
            (("seq", "integer"), ("paper_id", "integer"), ("indexed", "boolean")),
            [(seq, pid, touched[pid]) for pid in sorted(touched)],
        )
    if seq % PRUNE_EVERY == 0:
        prune(session, at)
    if server:
        notify = text("SELECT pg_notify(:channel, :seq)")
        session.execute(notify, {"channel": CHANNEL, "seq": str(seq)})
    del session.info[TOUCHED]
    return seq


def prune(
    session: Session,
    now: dt.datetime,
    *,
    keep_days: int | None = None,
    keep_entries: int | None = None,
) -> int:
    """Deletes every entry up to the newest one that is older than `keep_days` (naive UTC
    `now`) and not among the last `keep_entries` (by default KEEP_DAYS and KEEP_ENTRIES), in
    the caller's write transaction, and records that number; returns it (0 when nothing was
    old enough). Entries are deleted as one run from the oldest, so that the journal stays
    one run of numbers even where machines' clocks disagree."""
    from sqlalchemy import func, select, text

    from readerapp.db.models import JournalRow

    keep_days = KEEP_DAYS if keep_days is None else keep_days
    keep_entries = KEEP_ENTRIES if keep_entries is None else keep_entries
    top = int(session.scalar(select(func.coalesce(func.max(JournalRow.seq), 0))) or 0)
    floor = top - max(keep_entries, 1)  # the last entry stays: numbering continues from it
    cutoff = now - dt.timedelta(days=keep_days)
    upto = session.scalar(
        select(func.max(JournalRow.seq)).where(
            JournalRow.seq <= floor, JournalRow.changed_at < cutoff
        )
    )
    if upto is None:
        return 0
    conn = session.connection()
    # journal_papers first, by its key's prefix (not through the cascade, row by row).
    conn.execute(text("DELETE FROM journal_papers WHERE seq <= :upto"), {"upto": upto})
    conn.execute(text("DELETE FROM journal WHERE seq <= :upto"), {"upto": upto})
    conn.execute(
        text(
            "INSERT INTO meta (key, value) VALUES (:key, :value) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
        ),
        {"key": PRUNED_KEY, "value": str(upto)},
    )
    return int(upto)


# -- reads, over Library.snapshot()'s connection


def pruned_through(conn: Any) -> int:
    """The last number pruned from the journal, 0 when none was: a reader that applied less
    than this cannot learn from the journal what it missed."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (PRUNED_KEY,)).fetchone()
    return int(row[0]) if row is not None and row[0] is not None else 0


def latest(conn: Any) -> int:
    """The highest number committed, 0 for none: the cheap question a watcher polls."""
    row = conn.execute("SELECT max(seq) FROM journal").fetchone()
    return int(row[0] or 0) if row is not None else 0


def changed_since(
    conn: Any, after: int, upto: int, *, indexed: bool = False
) -> list[tuple[int, int]]:
    """(number, paper id) of every paper changed by entries after..upto, in number order;
    indexed=True: only the changes to what the search index holds."""
    which = " AND indexed = TRUE" if indexed else ""
    rows = conn.execute(
        f"SELECT seq, paper_id FROM journal_papers WHERE seq > ? AND seq <= ?{which} "
        "ORDER BY seq, paper_id",
        (after, upto),
    )
    return [(int(seq), int(pid)) for seq, pid in rows]


def entries_since(conn: Any, after: int, upto: int) -> list[tuple[int, str]]:
    """(number, member) of the entries after..upto, in number order."""
    rows = conn.execute(
        "SELECT seq, member FROM journal WHERE seq > ? AND seq <= ? ORDER BY seq", (after, upto)
    )
    return [(int(seq), str(member)) for seq, member in rows]
