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

    from readerapp.db.models import JournalPaperRow, JournalRow

    server = on_server(session)
    if server:
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})
    seq = int(session.scalar(select(func.coalesce(func.max(JournalRow.seq), 0))) or 0) + 1
    session.execute(insert(JournalRow).values(seq=seq, member=member, changed_at=at))
    if touched:  # none for a change of the lists alone (a queue renamed, a smart list saved)
        rows = [{"seq": seq, "paper_id": pid, "indexed": touched[pid]} for pid in sorted(touched)]
        session.execute(insert(JournalPaperRow), rows)
    if server:
        notify = text("SELECT pg_notify(:channel, :seq)")
        session.execute(notify, {"channel": CHANNEL, "seq": str(seq)})
    del session.info[TOUCHED]
    return seq


# -- reads, over Library.snapshot()'s connection


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
