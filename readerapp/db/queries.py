"""Read queries over the library. Each takes a session; none opens one."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import TypeVar, cast

from sqlalchemy import func, select
from sqlalchemy.engine.interfaces import DBAPICursor
from sqlalchemy.orm import Session

from readerapp.core.records import IndexDoc, Note, Paper, PaperSummary
from readerapp.db import reads
from readerapp.db.models import (
    AuthorRow,
    FileTextRow,
    NoteRow,
    PaperFileRow,
    PaperRow,
    PaperTagRow,
    TagRow,
)

T = TypeVar("T")

# The reads a search makes go through the driver alone (db.reads); these names are theirs.
CHUNK = reads.CHUNK
chunks = reads.chunks
PAPERS_VERSION_KEY = reads.PAPERS_VERSION_KEY
_JSON_ARRAYS = reads.JSON_ARRAYS


def driver(session: Session) -> sqlite3.Connection:
    """The session's own sqlite3 connection, inside its transaction, for db.reads.

    Pending ORM changes are flushed first: a plain driver query does not autoflush, and a
    caller that changed rows in this session must read them back as they now are.
    """
    session.flush()
    conn = session.connection().connection.driver_connection
    assert isinstance(conn, sqlite3.Connection)
    return conn


def _rows(cursor: DBAPICursor) -> sqlite3.Cursor:
    """The driver's cursor, to iterate over its rows as plain tuples.

    SQLAlchemy types it as PEP 249's minimum, which leaves out iteration; the library's driver
    is sqlite3, whose cursor iterates.
    """
    return cast(sqlite3.Cursor, cursor)


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


def load_papers(session: Session, ids: Sequence[int]) -> list[Paper]:
    """Papers as records, in the order of `ids`; unknown ids are left out."""
    return reads.load_papers(driver(session), ids)


def load_summaries(session: Session, ids: Sequence[int]) -> dict[int, PaperSummary]:
    """Table rows for these ids (unknown ids are left out)."""
    return reads.load_summaries(driver(session), ids)


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
    "fulltext": "SELECT f.paper_id, t.body FROM file_texts t "
    f"JOIN paper_files f ON f.id = t.file_id WHERE f.paper_id {_IN_BATCH} "
    "ORDER BY f.paper_id, f.id",
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
    fulltext = grouped("fulltext")
    return [
        IndexDoc(
            id=paper_id,
            title=title,
            authors="\n".join(authors.get(paper_id, ())),
            abstract=abstract,
            tags="\n".join(tags.get(paper_id, ())),
            notes="\n\n".join(notes.get(paper_id, ())),
            fulltext="\n\n".join(fulltext.get(paper_id, ())),
        )
        for paper_id, title, abstract in _rows(
            conn.exec_driver_sql(_DOC_SQL["papers"], wanted).cursor
        )
    ]


def fulltext_of(session: Session, ids: Sequence[int]) -> dict[int, list[str]]:
    """The text of each paper's files, in the order they were attached."""
    out: dict[int, list[str]] = defaultdict(list)
    for part in chunks(ids):
        rows = session.execute(
            select(PaperFileRow.paper_id, FileTextRow.body)
            .join(FileTextRow, FileTextRow.file_id == PaperFileRow.id)
            .where(PaperFileRow.paper_id.in_(part))
            .order_by(PaperFileRow.paper_id, PaperFileRow.id)
        )
        for paper_id, body in rows:
            out[paper_id].append(body)
    return out


def _index_docs_chunked(session: Session, ids: Sequence[int]) -> list[IndexDoc]:
    """index_docs for an SQLite without json_each (before 3.38, unless JSON1 was built in)."""
    authors = authors_of(session, ids)
    tags = tags_of(session, ids)
    notes = notes_of(session, ids)
    fulltext = fulltext_of(session, ids)
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
                    fulltext="\n\n".join(fulltext.get(paper_id, ())),
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
    return reads.paper_count(driver(session))
