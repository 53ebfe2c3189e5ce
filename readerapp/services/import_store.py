"""The import's writes: new papers in bulk, merges into library papers in batches.

New papers take the fast path: ids assigned up front, rows already in SQLite's storage
types, one driver-level executemany per table (no ORM objects, no per-row statement). At
100,000 papers this is what keeps an import above 20,000 papers/s; the ORM is 9-12x slower.
On a PostgreSQL server the same rows go in through COPY (docs/benchmarks.md, "Server").
Merges touch few papers in a typical import, but a re-import of a large dump matches all of
them, so they are batched too: one SELECT per chunk of ids (on a server one for all of them),
one executemany per set of changed columns.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from types import SimpleNamespace
from typing import cast

from sqlalchemy import Connection, Table, any_, bindparam, select, update
from sqlalchemy.orm import Session

from readerapp.core.progress import CancelToken
from readerapp.core.records import PaperRecord
from readerapp.db.models import AuthorRow, PaperRow
from readerapp.db.queries import chunks, int_array
from readerapp.db.upsert import copy_rows
from readerapp.services.merge import IdentityMap, fill_updates

# Rows per executemany call: big enough to amortise the call, small enough to check cancel.
WRITE_CHUNK = 5000

# (name, PostgreSQL type) of the columns a new paper's row fills: the server's COPY is binary
# and needs each value's type (db.upsert.copy_rows); SQLite takes the names.
_PAPER_COLUMNS = (
    ("id", "integer"),
    ("title", "text"),
    ("title_key", "text"),
    ("abstract", "text"),
    ("year", "integer"),
    ("date", "text"),
    ("arxiv_id", "text"),
    ("doi", "text"),
    ("venue", "text"),
    ("abs_url", "text"),
    ("pdf_url", "text"),
    ("code_url", "text"),
    ("project_url", "text"),
    ("hf_url", "text"),
    ("suggested_tags", "text"),
    ("starred", "boolean"),
    ("status", "text"),
    ("user_edited", "text"),
    ("added_at", "timestamp"),
    ("updated_at", "timestamp"),
    ("inbox", "boolean"),
)
_AUTHOR_COLUMNS = (("paper_id", "integer"), ("position", "integer"), ("name", "text"))
_INSERT_PAPER = (
    f"INSERT INTO papers ({', '.join(name for name, _ in _PAPER_COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(_PAPER_COLUMNS))})"
)
_INSERT_AUTHOR = "INSERT INTO paper_authors (paper_id, position, name) VALUES (?, ?, ?)"


# SQLite page cache for the import's connection while it writes, in KiB (the default is 2 MB).
# A 100k-paper import adds to seven indexes at random places (title keys, ids): with the
# default cache their pages are evicted and read back again and again. Memory, not
# durability: the transaction commits exactly as before.
IMPORT_CACHE_KIB = 65536


@contextmanager
def roomy_page_cache(session: Session) -> Iterator[None]:
    """A larger page cache on the session's connection, restored afterwards (pooled).
    SQLite's alone: a PostgreSQL server sizes its own buffers."""
    conn = session.connection()
    if conn.dialect.name != "sqlite":
        yield
        return
    previous = int(conn.exec_driver_sql("PRAGMA cache_size").scalar_one())
    conn.exec_driver_sql(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = {previous}")


def _stored_datetime(conn: Connection, value: dt.datetime) -> object:
    """A datetime as the DateTime column stores it, so driver-level rows match ORM rows."""
    column_type = PaperRow.__table__.c.added_at.type.dialect_impl(conn.dialect)
    process = column_type.bind_processor(conn.dialect)
    return process(value) if process is not None else value


def _executemany(
    conn: Connection, sql: str, rows: Sequence[tuple[object, ...]], check: Callable[[], None]
) -> None:
    # Rows, not ids: db.queries.chunks is typed for ids.
    for part in chunks(rows, WRITE_CHUNK):
        check()
        conn.exec_driver_sql(sql, list(part))  # a list of tuples: one executemany


def insert_new_papers(
    session: Session,
    records: Sequence[PaperRecord],
    title_keys: Sequence[str],
    now: dt.datetime,
    cancel: CancelToken | None = None,
) -> list[int]:
    """Insert papers that are new to the library; returns their ids in record order.

    On SQLite ids are max(id) + 1, ...: the writer's transaction began with BEGIN IMMEDIATE,
    so no other connection can insert papers until it ends, and SQLite would pick the same
    ids itself. On PostgreSQL another machine may insert at the same time: the ids come from
    the table's sequence, and the rows go in through COPY, the server's bulk path.
    """
    conn = session.connection()
    check = cancel.check if cancel is not None else (lambda: None)
    server = conn.dialect.name == "postgresql"
    if server:
        # The sequence's name is looked up once (OFFSET 0 keeps the planner from folding
        # it into every row): per row it was most of the server's time for the ids. They
        # come back as one array, one value for psycopg to read in C, not a row each.
        ids = list(
            conn.exec_driver_sql(
                "SELECT array(SELECT nextval(seq) FROM (SELECT CAST(pg_get_serial_sequence("
                "'papers', 'id') AS regclass) AS seq OFFSET 0) AS papers_seq, "
                "generate_series(1, %s))",
                (len(records),),
            ).scalar_one()
        )
    else:
        first = int(conn.exec_driver_sql("SELECT coalesce(max(id), 0) FROM papers").scalar_one())
        ids = list(range(first + 1, first + 1 + len(records)))
    stamp = _stored_datetime(conn, now)
    # Generators: on a server each row is built as COPY sends it, while the server takes the
    # rows before it (building them first left the server idle for half a second at 100k).
    rows = (
        (
            pid,
            r.title,
            key,
            r.abstract,
            r.year,
            r.date,
            r.arxiv_id,
            r.doi,
            r.venue,
            r.links.abs,
            r.links.pdf,
            r.links.code,
            r.links.project,
            r.links.hf,
            "\n".join(r.suggested_tags),
            False,
            "unread",
            "",
            stamp,
            stamp,
            True,  # a new paper waits in the Inbox until it is triaged
        )
        for pid, r, key in zip(ids, records, title_keys, strict=True)
    )
    authors = (
        (pid, i, name)
        for pid, r in zip(ids, records, strict=True)
        for i, name in enumerate(r.authors)
    )
    if server:
        copy_rows(conn, "papers", _PAPER_COLUMNS, rows, check)
        copy_rows(conn, "paper_authors", _AUTHOR_COLUMNS, authors, check)
    else:
        _executemany(conn, _INSERT_PAPER, list(rows), check)
        _executemany(conn, _INSERT_AUTHOR, list(authors), check)
    return ids


# What a merge filled, for undo: (paper id, column or "authors", new value, previous value),
# both values as JSON text.
Fill = tuple[int, str, str, str]


def _library_papers(
    session: Session, ids: list[int]
) -> tuple[dict[int, SimpleNamespace], set[int]]:
    """The papers' rows, as namespaces merging may fill in, and which of them have authors.

    One statement per chunk of ids: the columns and, beside them, whether the paper has an
    author (one probe of the authors' primary key). On a PostgreSQL server every id goes in
    one array (`= ANY`): a chunk is a round trip, and SQLAlchemy and psycopg build and split
    a statement of 900 placeholders in Python, seconds at 100k ids (a re-import matches
    every paper of the dump).
    """
    if not ids:
        return {}, set()
    papers = PaperRow.__table__
    has_authors = (
        select(AuthorRow.paper_id).where(AuthorRow.paper_id == PaperRow.id).exists()
    ).label("has_authors")
    query = select(papers, has_authors)
    if session.get_bind().dialect.name == "postgresql":
        parts = [query.where(PaperRow.id == any_(int_array(ids)))]
    else:
        parts = [query.where(PaperRow.id.in_(part)) for part in chunks(ids)]
    rows: dict[int, SimpleNamespace] = {}
    authored: set[int] = set()
    for statement in parts:
        for row in session.execute(statement).mappings():
            paper = SimpleNamespace(**row)
            if paper.has_authors:
                authored.add(paper.id)
            del paper.has_authors
            rows[paper.id] = paper
    return rows, authored


def merge_existing(
    session: Session,
    matched: dict[int, list[PaperRecord]],
    identity: IdentityMap,
    now: dt.datetime,
) -> tuple[dict[int, list[str]], list[Fill]]:
    """Fill empty, unedited fields of library papers from incoming records.

    Returns, for each paper that changed, the columns filled ("authors" for the author list),
    sorted; and the fills with their values before and after, which the batch records so
    that undo can put the old values back. Nothing the user did is ever overwritten
    (fill_updates only fills empty columns the user did not edit).
    """
    rows, authored = _library_papers(session, list(matched))
    author_rows: list[dict[str, object]] = []
    by_columns: dict[tuple[str, ...], list[dict[str, object]]] = {}
    changed: dict[int, list[str]] = {}
    fills: list[Fill] = []
    for paper_id, incoming in matched.items():
        row = rows[paper_id]  # a copy of the library's row, which merging fills in
        # Authors are filled only when the paper has none and the user did not edit them.
        has_authors = paper_id in authored or "authors" in row.user_edited.split(",")
        columns: dict[str, object] = {}
        previous: dict[str, object] = {}
        authors_added = False
        for record in incoming:
            updates = fill_updates(row, record, identity)
            for column, value in updates.items():
                previous.setdefault(column, getattr(row, column))
                setattr(row, column, value)  # later records see what earlier ones filled
            columns.update(updates)
            if record.authors and not has_authors:
                author_rows.extend(
                    {"paper_id": paper_id, "position": i, "name": name}
                    for i, name in enumerate(record.authors)
                )
                fills.append((paper_id, "authors", json.dumps(list(record.authors)), "[]"))
                has_authors = authors_added = True
        if columns or authors_added:
            changed[paper_id] = sorted([*columns, "authors"] if authors_added else columns)
            fills.extend(
                (paper_id, column, json.dumps(value), json.dumps(previous[column]))
                for column, value in columns.items()
            )
            columns["updated_at"] = now
            by_columns.setdefault(tuple(sorted(columns)), []).append(
                {"pid": paper_id, **{f"v_{k}": v for k, v in columns.items()}}
            )
    for names, params in by_columns.items():
        statement = (
            update(PaperRow)
            .where(PaperRow.id == bindparam("pid"))
            .values({name: bindparam(f"v_{name}") for name in names})
        )
        session.connection().execute(statement, params)
    if author_rows:
        # Declarative makes a Table; SQLAlchemy types __table__ as any FromClause.
        session.connection().execute(cast(Table, AuthorRow.__table__).insert(), author_rows)
    return changed, fills
