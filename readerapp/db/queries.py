"""Read queries over the library. Each takes a session; none opens one."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain
from typing import Any, TypeVar, cast

from sqlalchemy import CompoundSelect, Executable, Select, func, select
from sqlalchemy.engine.interfaces import DBAPICursor
from sqlalchemy.orm import Session

from readerapp.core.records import IndexDoc, Links, Note, Paper, PaperSummary
from readerapp.db.models import (
    AuthorRow,
    ImportBatchRow,
    NoteRow,
    PaperRow,
    PaperSourceRow,
    PaperTagRow,
    QueueEntryRow,
    QueueRow,
    TagRow,
)

# json_group_array is built into SQLite from 3.38 (before, only where JSON1 was compiled in).
_JSON_ARRAYS = sqlite3.sqlite_version_info >= (3, 38, 0)
T = TypeVar("T")

# SQLite accepts up to 32766 bound parameters; stay far below it.
CHUNK = 900


# Bumped (services.library.papers_changed) in every transaction that adds or deletes papers or
# changes what they sort by, by any process: a cached sort order read at the same version is
# still the library's order.
PAPERS_VERSION_KEY = "papers_version"


def papers_version(session: Session) -> int:
    value = (
        session.connection()
        .exec_driver_sql("SELECT value FROM meta WHERE key = ?", (PAPERS_VERSION_KEY,))
        .scalar()
    )
    return int(value) if value is not None else 0


def _rows(cursor: DBAPICursor) -> sqlite3.Cursor:
    """The driver's cursor, to iterate over its rows as plain tuples.

    SQLAlchemy types it as PEP 249's minimum, which leaves out iteration; the library's driver
    is sqlite3, whose cursor iterates.
    """
    return cast(sqlite3.Cursor, cursor)


def chunks(ids: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _rows_first_column(
    session: Session, statement: Executable | str, params: Sequence[Any]
) -> Iterator[int]:
    conn = session.connection()
    result = (
        conn.exec_driver_sql(statement, tuple(params))
        if isinstance(statement, str)
        else conn.execute(statement)
    )
    return chain.from_iterable(_rows(result.cursor))


def id_list(session: Session, statement: Executable | str, params: Sequence[Any] = ()) -> list[int]:
    """The first (only) column of a query's rows, in order, straight from the DBAPI cursor.

    SQLAlchemy's per-row result handling (fetchone and a Row per row) costs several times the
    query itself for the 100k ids of a sort order; ids need no type processing. A string runs
    as driver-level SQL with positional `params`.
    """
    return list(_rows_first_column(session, statement, params))


def id_set(session: Session, statement: Select[int] | CompoundSelect[int]) -> set[int]:
    """The ids a query selects (first column), as a set.

    SQLite hands them over as one JSON array: 100k rows cost the sqlite3 module ~40 ms one by
    one (a tuple per row) and ~15 ms as one string that json.loads reads in C.
    """
    if not _JSON_ARRAYS:
        return set(_rows_first_column(session, statement, ()))
    sub = statement.subquery()
    doc = session.connection().execute(select(func.json_group_array(sub.c[0]))).scalar()
    return set(json.loads(doc)) if doc else set()


def all_ids(session: Session) -> set[int]:
    """Every paper id, as id_set reads them."""
    if not _JSON_ARRAYS:
        return set(_rows_first_column(session, "SELECT id FROM papers", ()))
    doc = session.connection().exec_driver_sql("SELECT json_group_array(id) FROM papers").scalar()
    return set(json.loads(doc)) if doc else set()


def authors_of(session: Session, ids: Sequence[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = defaultdict(list)
    for part in chunks(ids):
        rows = session.execute(
            select(AuthorRow.paper_id, AuthorRow.name)
            .where(AuthorRow.paper_id.in_(part))
            .order_by(AuthorRow.paper_id, AuthorRow.position)
        )
        for paper_id, name in rows:
            out[paper_id].append(name)
    return out


def tags_of(session: Session, ids: Sequence[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = defaultdict(list)
    for part in chunks(ids):
        rows = session.execute(
            select(PaperTagRow.paper_id, TagRow.name)
            .join(TagRow, TagRow.id == PaperTagRow.tag_id)
            .where(PaperTagRow.paper_id.in_(part))
            .order_by(func.lower(TagRow.name))
        )
        for paper_id, name in rows:
            out[paper_id].append(name)
    return out


def queues_of(session: Session, ids: Sequence[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = defaultdict(list)
    for part in chunks(ids):
        rows = session.execute(
            select(QueueEntryRow.paper_id, QueueRow.name)
            .join(QueueRow, QueueRow.id == QueueEntryRow.queue_id)
            .where(QueueEntryRow.paper_id.in_(part))
            .order_by(func.lower(QueueRow.name))
        )
        for paper_id, name in rows:
            out[paper_id].append(name)
    return out


def notes_of(session: Session, ids: Sequence[int]) -> dict[int, list[Note]]:
    out: dict[int, list[Note]] = defaultdict(list)
    for part in chunks(ids):
        rows = session.scalars(
            select(NoteRow)
            .where(NoteRow.paper_id.in_(part))
            .order_by(NoteRow.created_at, NoteRow.id)
        )
        for row in rows:
            out[row.paper_id].append(Note(row.id, row.body, row.created_at, row.updated_at))
    return out


def sources_of(session: Session, ids: Sequence[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = defaultdict(list)
    for part in chunks(ids):
        rows = session.execute(
            select(PaperSourceRow.paper_id, ImportBatchRow.source, PaperSourceRow.line)
            .join(ImportBatchRow, ImportBatchRow.id == PaperSourceRow.batch_id)
            .where(PaperSourceRow.paper_id.in_(part))
            .order_by(ImportBatchRow.id)
        )
        for paper_id, source, line in rows:
            out[paper_id].append(f"{source}:{line}" if line else source)
    return out


def load_papers(session: Session, ids: Sequence[int]) -> list[Paper]:
    """Papers as records, in the order of `ids`; unknown ids are left out."""
    ids = list(ids)
    rows: dict[int, PaperRow] = {}
    for part in chunks(ids):
        for found in session.scalars(select(PaperRow).where(PaperRow.id.in_(part))):
            rows[found.id] = found
    authors = authors_of(session, ids)
    tags = tags_of(session, ids)
    queues = queues_of(session, ids)
    notes = notes_of(session, ids)
    sources = sources_of(session, ids)
    papers = []
    for paper_id in ids:
        row = rows.get(paper_id)
        if row is None:
            continue
        papers.append(
            Paper(
                id=row.id,
                title=row.title,
                abstract=row.abstract,
                authors=tuple(authors.get(row.id, ())),
                year=row.year,
                date=row.date,
                arxiv_id=row.arxiv_id,
                doi=row.doi,
                venue=row.venue,
                links=Links(
                    abs=row.abs_url,
                    pdf=row.pdf_url,
                    code=row.code_url,
                    project=row.project_url,
                    hf=row.hf_url,
                ),
                starred=row.starred,
                status=row.status,
                tags=tuple(tags.get(row.id, ())),
                queues=tuple(queues.get(row.id, ())),
                notes=tuple(notes.get(row.id, ())),
                added_at=row.added_at,
                suggested_tags=tuple(t for t in row.suggested_tags.split("\n") if t),
                sources=tuple(sources.get(row.id, ())),
            )
        )
    return papers


def load_summaries(session: Session, ids: Sequence[int]) -> dict[int, PaperSummary]:
    """Table rows for these ids (unknown ids are left out)."""
    ids = list(ids)
    authors = authors_of(session, ids)
    tags = tags_of(session, ids)
    queues = queues_of(session, ids)
    out: dict[int, PaperSummary] = {}
    columns = (
        PaperRow.id,
        PaperRow.title,
        PaperRow.year,
        PaperRow.starred,
        PaperRow.status,
        PaperRow.added_at,
    )
    for part in chunks(ids):
        for pid, title, year, starred, status, added_at in session.execute(
            select(*columns).where(PaperRow.id.in_(part))
        ):
            out[pid] = PaperSummary(
                pid,
                title,
                tuple(authors.get(pid, ())),
                year,
                starred,
                status,
                tuple(tags.get(pid, ())),
                tuple(queues.get(pid, ())),
                added_at,
            )
    return out


# What the index needs of a batch of papers, each read in one statement: the batch's ids go
# in as one JSON array. Chunked SQLAlchemy IN queries cost 1.4 s of indexing 20k papers.
_IN_BATCH = "IN (SELECT value FROM json_each(?))"
_DOC_SQL = {
    "papers": f"SELECT id, title, abstract FROM papers WHERE id {_IN_BATCH}",
    "authors": f"SELECT paper_id, name FROM paper_authors WHERE paper_id {_IN_BATCH} "
    "ORDER BY paper_id, position",
    "tags": "SELECT pt.paper_id, t.name FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id "
    f"WHERE pt.paper_id {_IN_BATCH} ORDER BY lower(t.name)",
    "notes": f"SELECT paper_id, body FROM notes WHERE paper_id {_IN_BATCH} ORDER BY created_at, id",
}


def index_docs(session: Session, ids: Sequence[int]) -> list[IndexDoc]:
    ids = list(ids)
    if not _JSON_ARRAYS:
        return _index_docs_chunked(session, ids)
    conn = session.connection()
    wanted = (json.dumps(ids),)

    def grouped(kind: str) -> dict[int, list[str]]:
        out: dict[int, list[str]] = defaultdict(list)
        for paper_id, text in _rows(conn.exec_driver_sql(_DOC_SQL[kind], wanted).cursor):
            out[paper_id].append(text)
        return out

    authors, tags, notes = grouped("authors"), grouped("tags"), grouped("notes")
    return [
        IndexDoc(
            id=paper_id,
            title=title,
            authors="\n".join(authors.get(paper_id, ())),
            abstract=abstract,
            tags="\n".join(tags.get(paper_id, ())),
            notes="\n\n".join(notes.get(paper_id, ())),
        )
        for paper_id, title, abstract in _rows(
            conn.exec_driver_sql(_DOC_SQL["papers"], wanted).cursor
        )
    ]


def _index_docs_chunked(session: Session, ids: Sequence[int]) -> list[IndexDoc]:
    """index_docs for an SQLite without json_each (before 3.38, unless JSON1 was built in)."""
    authors = authors_of(session, ids)
    tags = tags_of(session, ids)
    notes = notes_of(session, ids)
    docs = []
    for part in chunks(ids):
        rows = session.execute(
            select(PaperRow.id, PaperRow.title, PaperRow.abstract).where(PaperRow.id.in_(part))
        )
        for paper_id, title, abstract in rows:
            docs.append(
                IndexDoc(
                    id=paper_id,
                    title=title,
                    authors="\n".join(authors.get(paper_id, ())),
                    abstract=abstract,
                    tags="\n".join(tags.get(paper_id, ())),
                    notes="\n\n".join(n.body for n in notes.get(paper_id, ())),
                )
            )
    return docs


def all_paper_ids(session: Session) -> list[int]:
    return list(session.scalars(select(PaperRow.id).order_by(PaperRow.id)))


def iter_index_docs(session: Session, ids: Iterable[int], batch: int = 2000) -> Iterator[IndexDoc]:
    pending: list[int] = []
    for paper_id in ids:
        pending.append(paper_id)
        if len(pending) >= batch:
            yield from index_docs(session, pending)
            pending = []
    if pending:
        yield from index_docs(session, pending)


def paper_count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(PaperRow)) or 0)
