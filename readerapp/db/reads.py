"""Reads of the library through the plain driver alone: ids, counts and papers as records.

Importing SQLAlchemy costs about half a second (the ORM more), several times what a search
of a small library takes; a search reads ids from the index and rows from SQLite and needs
neither. So the reads a search makes live here, over a plain `sqlite3.Connection` in a read
transaction (services.library's `Library.snapshot()`), and db.queries hands the same
functions a session's own driver connection: one implementation for both.

The connection is sqlite3's, or on a server library db.dbapi.PgConnection (psycopg under
sqlite3's execute()): the SQL is written once, in what both speak. Values come back as each
stores them: on SQLite times as naive UTC text ("2024-05-01 12:00:00.000000") and booleans
as 0 and 1, from PostgreSQL as naive datetimes and bools; callers pass them through read_time()
and bool().
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterator, Sequence
from itertools import chain
from typing import Any, TypeVar

from readerapp.core.records import Links, Note, Paper, PaperSummary
from readerapp.db.dbapi import DbConnection, is_sqlite

# json_group_array is built into SQLite from 3.38 (before, only where JSON1 was compiled in).
JSON_ARRAYS = sqlite3.sqlite_version_info >= (3, 38, 0)
T = TypeVar("T")

# SQLite accepts up to 32766 bound parameters; stay far below it.
CHUNK = 900

# Bumped (services.library.papers_changed) in every transaction that adds or deletes papers or
# changes what they sort by, by any process: a cached sort order read at the same version is
# still the library's order.
PAPERS_VERSION_KEY = "papers_version"


def utcnow() -> dt.datetime:
    """Now, as the library stores times: naive UTC."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def stored_time(value: dt.datetime) -> str:
    """A time as the library's DateTime columns hold it, to compare with them in SQL."""
    return value.strftime("%Y-%m-%d %H:%M:%S.%f")


def read_time(value: str | dt.datetime) -> dt.datetime:
    """A DateTime column's value: text on SQLite, a naive datetime from PostgreSQL."""
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(value)


def chunks(ids: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def scalar(conn: DbConnection, sql: str, params: Sequence[Any] = ()) -> Any:
    """The first column of the first row, or None when there is no row."""
    row = conn.execute(sql, tuple(params)).fetchone()
    return None if row is None else row[0]


def id_list(conn: DbConnection, sql: str, params: Sequence[Any] = ()) -> list[int]:
    """The first (only) column of a query's rows, in order."""
    return list(chain.from_iterable(conn.execute(sql, tuple(params))))


def id_set(conn: DbConnection, sql: str, params: Sequence[Any] = ()) -> set[int]:
    """The ids a query selects (first column), as a set.

    SQLite hands them over as one JSON array: 100k rows cost the sqlite3 module ~40 ms one by
    one (a tuple per row) and ~15 ms as one string that json.loads reads in C.
    """
    if not JSON_ARRAYS or not is_sqlite(conn):
        return set(chain.from_iterable(conn.execute(sql, tuple(params))))
    doc = scalar(conn, f"SELECT json_group_array(selected.id) FROM ({sql}) AS selected", params)
    return set(json.loads(doc)) if doc else set()


def all_ids(conn: DbConnection) -> set[int]:
    """Every paper id, as id_set reads them."""
    return id_set(conn, "SELECT id FROM papers")


def paper_count(conn: DbConnection) -> int:
    return int(scalar(conn, "SELECT count(*) FROM papers") or 0)


def pending_count(conn: DbConnection) -> int:
    """Papers marked for the text index and not yet in it."""
    return int(scalar(conn, "SELECT count(*) FROM index_pending") or 0)


def pending_ids(conn: DbConnection) -> list[int]:
    return id_list(conn, "SELECT paper_id FROM index_pending ORDER BY paper_id")


def meta_value(conn: DbConnection, key: str) -> str | None:
    value = scalar(conn, "SELECT value FROM meta WHERE key = ?", (key,))
    return None if value is None else str(value)


def papers_version(conn: DbConnection) -> int:
    value = meta_value(conn, PAPERS_VERSION_KEY)
    return int(value) if value is not None else 0


def _in(sql: str, ids: Sequence[int]) -> str:
    """`sql` with its `IN ?` filled with one placeholder per id (a chunk of at most CHUNK)."""
    return sql.replace("IN ?", f"IN ({','.join('?' * len(ids))})")


def _grouped(conn: DbConnection, sql: str, ids: Sequence[int]) -> dict[int, list[Any]]:
    """The rows of `sql` (paper id first, then one value or several) per paper id, in the
    statement's order."""
    out: dict[int, list[Any]] = defaultdict(list)
    for paper_id, *values in conn.execute(_in(sql, ids), tuple(ids)):
        out[paper_id].append(values[0] if len(values) == 1 else tuple(values))
    return out


_PAPER_COLUMNS = (
    "id, title, abstract, year, date, arxiv_id, doi, venue, abs_url, pdf_url, code_url, "
    "project_url, hf_url, starred, status, added_at, suggested_tags"
)
_PAPERS_SQL = f"SELECT {_PAPER_COLUMNS} FROM papers WHERE id IN ?"
_AUTHORS_SQL = (
    "SELECT paper_id, name FROM paper_authors WHERE paper_id IN ? ORDER BY paper_id, position"
)
_TAGS_SQL = (
    "SELECT pt.paper_id, t.name FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id "
    "WHERE pt.paper_id IN ? ORDER BY lower(t.name)"
)
_QUEUES_SQL = (
    "SELECT e.paper_id, q.name FROM queue_entries e JOIN queues q ON q.id = e.queue_id "
    "WHERE e.paper_id IN ? ORDER BY lower(q.name)"
)
_NOTES_SQL = (
    "SELECT paper_id, id, body, created_at, updated_at FROM notes "
    "WHERE paper_id IN ? ORDER BY created_at, id"
)
_SOURCES_SQL = (
    "SELECT s.paper_id, b.source, s.line FROM paper_sources s "
    "JOIN import_batches b ON b.id = s.batch_id WHERE s.paper_id IN ? ORDER BY b.id"
)


def load_papers(conn: DbConnection, ids: Sequence[int]) -> list[Paper]:
    """Papers as records, in the order of `ids`; unknown ids are left out."""
    ids = list(ids)
    rows: dict[int, tuple[Any, ...]] = {}
    related: dict[str, dict[int, list[Any]]] = {
        sql: defaultdict(list)
        for sql in (_AUTHORS_SQL, _TAGS_SQL, _QUEUES_SQL, _NOTES_SQL, _SOURCES_SQL)
    }
    for part in chunks(ids):
        rows.update((row[0], row) for row in conn.execute(_in(_PAPERS_SQL, part), tuple(part)))
        for sql, found in related.items():
            found.update(_grouped(conn, sql, part))
    authors, tags, queues, notes, sources = related.values()
    papers = []
    for paper_id in ids:
        row = rows.get(paper_id)
        if row is None:
            continue
        (
            _,
            title,
            abstract,
            year,
            date,
            arxiv_id,
            doi,
            venue,
            abs_url,
            pdf_url,
            code_url,
            project_url,
            hf_url,
            starred,
            status,
            added_at,
            suggested,
        ) = row
        papers.append(
            Paper(
                id=paper_id,
                title=title,
                abstract=abstract,
                authors=tuple(authors.get(paper_id, ())),
                year=year,
                date=date,
                arxiv_id=arxiv_id,
                doi=doi,
                venue=venue,
                links=Links(
                    abs=abs_url, pdf=pdf_url, code=code_url, project=project_url, hf=hf_url
                ),
                starred=bool(starred),
                status=status,
                tags=tuple(tags.get(paper_id, ())),
                queues=tuple(queues.get(paper_id, ())),
                notes=tuple(
                    Note(note_id, body, read_time(created), read_time(updated))
                    for note_id, body, created, updated in notes.get(paper_id, ())
                ),
                added_at=read_time(added_at),
                suggested_tags=tuple(t for t in suggested.split("\n") if t),
                sources=tuple(
                    f"{source}:{line}" if line else source
                    for source, line in sources.get(paper_id, ())
                ),
            )
        )
    return papers


def edited_fields(conn: DbConnection, ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
    """The fields edited by hand (services.editing) of those papers that have any: few do,
    so most papers come back as load_papers made them."""
    found: dict[int, tuple[str, ...]] = {}
    sql = "SELECT id, user_edited FROM papers WHERE id IN ? AND user_edited != ''"
    for part in chunks(list(ids)):
        for pid, marks in conn.execute(_in(sql, part), tuple(part)):
            found[pid] = tuple(sorted(filter(None, marks.split(","))))
    return found


_SUMMARY_SQL = "SELECT id, title, year, starred, status, added_at FROM papers WHERE id IN ?"


_PDF_SQL = "SELECT DISTINCT paper_id FROM paper_files WHERE paper_id IN ?"


def load_summaries(conn: DbConnection, ids: Sequence[int]) -> dict[int, PaperSummary]:
    """Table rows for these ids (unknown ids are left out): no abstract, notes or sources."""
    ids = list(ids)
    out: dict[int, PaperSummary] = {}
    for part in chunks(ids):
        authors = _grouped(conn, _AUTHORS_SQL, part)
        tags = _grouped(conn, _TAGS_SQL, part)
        queues = _grouped(conn, _QUEUES_SQL, part)
        with_pdf = {pid for (pid,) in conn.execute(_in(_PDF_SQL, part), tuple(part))}
        for pid, title, year, starred, status, added_at in conn.execute(
            _in(_SUMMARY_SQL, part), tuple(part)
        ):
            out[pid] = PaperSummary(
                pid,
                title,
                tuple(authors.get(pid, ())),
                year,
                bool(starred),
                status,
                tuple(tags.get(pid, ())),
                tuple(queues.get(pid, ())),
                read_time(added_at),
                pid in with_pdf,
            )
    return out
