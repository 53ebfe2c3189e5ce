"""Marks for the indexer, written inside the transaction that changes the papers."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import insert
from sqlalchemy.orm import Session

from readerapp.db.models import IndexPendingRow


def mark_for_index(session: Session, ids: Sequence[int]) -> None:
    """Record, inside the caller's transaction, that these papers' index entries are stale:
    the index may lag SQLite, never miss a change."""
    if ids:
        session.execute(
            insert(IndexPendingRow).prefix_with("OR IGNORE"), [{"paper_id": pid} for pid in ids]
        )
