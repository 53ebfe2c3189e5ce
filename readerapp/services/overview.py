"""Counts and lists for the sidebar and the status bar."""

from __future__ import annotations

from sqlalchemy import select

from readerapp.core.errors import UserError
from readerapp.db.models import SavedSearchRow
from readerapp.search.query import parse_query
from readerapp.services.changes import Applied, Changes, Step
from readerapp.services.index_marks import papers_touched
from readerapp.services.library import Library

# Read without the ORM (list_reads): the window's first paint needs them.
from readerapp.services.list_reads import BatchInfo as BatchInfo
from readerapp.services.list_reads import LibraryCounts as LibraryCounts
from readerapp.services.list_reads import SmartList as SmartList
from readerapp.services.list_reads import batch_paper_ids as batch_paper_ids
from readerapp.services.list_reads import counts as counts
from readerapp.services.list_reads import list_batches as list_batches
from readerapp.services.list_reads import list_smart_lists as list_smart_lists
from readerapp.services.list_reads import summaries as summaries


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
