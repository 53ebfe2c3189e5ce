"""Counts and lists for the sidebar and the status bar."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select

from readerapp.core.errors import UserError
from readerapp.core.records import PaperSummary
from readerapp.db import queries
from readerapp.db.models import ImportBatchRow, PaperRow, PaperSourceRow, SavedSearchRow
from readerapp.search.query import parse_query
from readerapp.services.changes import Applied, Changes, Step
from readerapp.services.index_marks import papers_touched
from readerapp.services.library import Library


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


def counts(library: Library) -> LibraryCounts:
    with library.read() as session:
        total = queries.paper_count(session)
        starred = session.scalar(select(func.count()).where(PaperRow.starred.is_(True))) or 0
        rows = session.execute(select(PaperRow.status, func.count()).group_by(PaperRow.status))
        by_status = {status: count for status, count in rows}
    return LibraryCounts(total, int(starred), by_status)


def summaries(library: Library, ids: Sequence[int]) -> dict[int, PaperSummary]:
    with library.read() as session:
        return queries.load_summaries(session, ids)


def list_batches(library: Library) -> list[BatchInfo]:
    """Import batches newest first, with how many papers each still brought."""
    with library.read() as session:
        rows = session.execute(
            select(ImportBatchRow, func.count(PaperSourceRow.paper_id))
            .outerjoin(PaperSourceRow, PaperSourceRow.batch_id == ImportBatchRow.id)
            .group_by(ImportBatchRow.id)
            .order_by(ImportBatchRow.id.desc())
        ).all()
        return [
            BatchInfo(
                b.id,
                b.source,
                b.format,
                b.created_at,
                b.added,
                b.merged,
                n,
                b.unchanged,
                b.skipped,
                b.undone_at,
            )
            for b, n in rows
        ]


def batch_paper_ids(library: Library, batch_id: int) -> list[int]:
    """The papers an import batch brought, in the order of its file."""
    with library.read() as session:
        return list(
            session.scalars(
                select(PaperSourceRow.paper_id)
                .where(PaperSourceRow.batch_id == batch_id)
                .order_by(PaperSourceRow.line, PaperSourceRow.paper_id)
            )
        )


def list_smart_lists(library: Library) -> list[SmartList]:
    with library.read() as session:
        rows = session.scalars(select(SavedSearchRow).order_by(func.lower(SavedSearchRow.name)))
        return [SmartList(r.name, r.query) for r in rows]


def save_smart_list(library: Library, name: str, query: str) -> Applied:
    """Saves (or replaces) a named search; the query must parse."""
    return set_smart_list(library, name, query)


def delete_smart_list(library: Library, name: str) -> Applied:
    return set_smart_list(library, name, None)


def set_smart_list(library: Library, name: str, query: str | None) -> Applied:
    """Saves a smart list's query, or deletes the list (None); the undo puts back the query
    it had, or its absence."""
    name = " ".join(name.split())
    if not name:
        raise UserError("a smart list needs a name")
    if query is not None:
        parse_query(query)
    with library.write() as session:
        row = session.scalar(select(SavedSearchRow).where(SavedSearchRow.name == name))
        before = row.query if row is not None else None
        if row is not None:
            name = row.name  # as saved, whatever the case it was asked by
        if query is None:
            if row is None:
                raise UserError(f"no smart list named {name!r}")
            session.delete(row)
        elif row is None:
            session.add(SavedSearchRow(name=name, query=query))
        else:
            row.query = query
        papers_touched(session, [])
    label = f"Delete smart list “{name}”" if query is None else f"Save smart list “{name}”"
    return Applied(label, Changes(lists=True), Step("smart_list", {"name": name, "query": before}))
