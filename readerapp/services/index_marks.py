"""Marks for the indexer, written inside the transaction that changes the papers."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from readerapp.db import journal
from readerapp.db.models import IndexPendingRow
from readerapp.db.upsert import insert_ignore


def mark_for_index(session: Session, ids: Sequence[int]) -> None:
    """Record, inside the caller's transaction, that these papers' index entries are stale:
    the index may lag the database, never miss a change. The change journal lists them too;
    on a server it is the only record (each machine's index catches up from it, see
    services.catch_up), so no shared mark is written there."""
    if ids:
        journal.touch(session, ids, indexed=True)
        if not journal.on_server(session):
            session.execute(
                insert_ignore(session, IndexPendingRow), [{"paper_id": pid} for pid in ids]
            )


def papers_touched(session: Session, ids: Sequence[int]) -> None:
    """A change the index does not hold (a star, a status, a queue place, a snooze): only the
    change journal lists it, so that other windows and machines redraw those papers."""
    journal.touch(session, ids)
