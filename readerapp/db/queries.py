"""Read queries over the library. Each takes a session; none opens one."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar

# The core ARRAY (the PostgreSQL dialect renders it): the installers bundle no server dialect.
from sqlalchemy import ARRAY, ColumnElement, Integer, String, bindparam, cast, func, select
from sqlalchemy.orm import Session

from readerapp.core.records import IndexDoc, Note, Paper, PaperSummary
from readerapp.db import reads
from readerapp.db.dbapi import DbConnection, PgConnection, is_sqlite
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


def int_array(ids: Iterable[int]) -> ColumnElement[Any]:
    """Ids as one PostgreSQL integer[] parameter, for `column == any_(int_array(ids))`: one
    statement for any number of ids. Sent as the array's text ('{1,2,3}'), which Python joins
    in C; psycopg dumps a list element by element in Python."""
    text = "{" + ",".join(map(str, ids)) + "}"
    return cast(bindparam(None, text, type_=String), ARRAY(Integer))


def text_array(values: Iterable[str]) -> ColumnElement[Any]:
    """Strings as one PostgreSQL text[] parameter, for `column == any_(text_array(keys))`."""
    return bindparam(None, list(values), type_=ARRAY(String))


# The reads a search makes go through the driver alone (db.reads); these names are theirs.
CHUNK = reads.CHUNK
chunks = reads.chunks
PAPERS_VERSION_KEY = reads.PAPERS_VERSION_KEY
_JSON_ARRAYS = reads.JSON_ARRAYS


def driver(session: Session) -> DbConnection:
    """The session's own driver connection, inside its transaction, for db.reads: sqlite3's,
    or psycopg's wrapped in db.dbapi.PgConnection.

    Pending ORM changes are flushed first: a plain driver query does not autoflush, and a
    caller that changed rows in this session must read them back as they now are.
    """
    session.flush()
    conn = session.connection().connection.driver_connection
    if isinstance(conn, sqlite3.Connection):
        return conn
    return PgConnection(conn)  # type: ignore[arg-type]


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
# PostgreSQL's spelling of the same.
_IN_BATCH_PG = "IN (SELECT CAST(value AS BIGINT) FROM json_array_elements_text(CAST(? AS json)))"
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
    conn = driver(session)
    sqlite = is_sqlite(conn)
    if sqlite and not _JSON_ARRAYS:
        return _index_docs_chunked(session, ids)
    wanted = (json.dumps(ids),)

    def sql(kind: str) -> str:
        return _DOC_SQL[kind] if sqlite else _DOC_SQL[kind].replace(_IN_BATCH, _IN_BATCH_PG)

    def grouped(kind: str) -> dict[int, list[str]]:
        out: dict[int, list[str]] = defaultdict(list)
        for paper_id, text in conn.execute(sql(kind), wanted):
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
        for paper_id, title, abstract in conn.execute(sql("papers"), wanted)
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
