"""A server library's files (PDFs), kept in the database itself (schema 7).

A folder library keeps its PDFs in LIBRARY/files/. A server library is used from several
machines, so its PDFs must be where its papers are: in the server. Each file is stored once,
keyed by the SHA-256 of its bytes (paper_files.sha256 names it), however many papers or
machines attach it, as a row in `file_blobs` (size, how many parts) and its bytes in
`file_chunks`, one bytea row per mebibyte, in order. Each machine keeps a copy in its cache
folder (services.paper_files), fetched part by part on first use.

Why bytea in chunks rather than large objects: a large object belongs to the role that
made it, so in a lab's library (README, "A library on a server") a PDF attached by ana could
not be read by ben without `lo_compat_privileges` or a GRANT per object; chunk rows are
ordinary rows, covered by the grants on the tables. They are deleted, dumped and copied as
rows too, with no lo_unlink to forget. A 1 MiB part keeps memory bounded on both sides (a
200 MB PDF is never one bytes object), and storage EXTERNAL skips compressing parts that are
compressed already (PDF streams are), as it stays out of line in the table's TOAST.

Recording a file and deleting files no paper names take one advisory lock, so that a machine
deleting a file (its last paper gone) and another attaching the same bytes at that moment
take turns: the second sees what the first committed, and no paper is left naming a file the
server dropped. Attaching is rare enough that the turns cost nothing.

The writes take the ORM session's Connection (they belong to the transaction that records
the file), the reads the plain connection of `Library.snapshot()` (`?` placeholders).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from sqlalchemy import Connection

# Bytes per stored part: one row, one round trip when fetching.
PART_BYTES = 1024 * 1024
# The advisory lock that orders recording and deleting stored files ("rdrf" in ASCII).
FILES_LOCK = 0x72647266

# Spelled out once for a new server library (db.migrations) and the step to schema 7.
TABLES_DDL = (
    "CREATE TABLE file_blobs ("
    " sha256 VARCHAR NOT NULL, size BIGINT NOT NULL, parts INTEGER NOT NULL,"
    " added_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, PRIMARY KEY (sha256))",
    "CREATE TABLE file_chunks ("
    " sha256 VARCHAR NOT NULL, part INTEGER NOT NULL, data BYTEA NOT NULL,"
    " PRIMARY KEY (sha256, part),"
    " FOREIGN KEY(sha256) REFERENCES file_blobs (sha256) ON DELETE CASCADE)",
    "ALTER TABLE file_chunks ALTER COLUMN data SET STORAGE EXTERNAL",
)


class Readable(Protocol):
    """A file opened for reading, or anything that hands out bytes the same way."""

    def read(self, size: int, /) -> bytes: ...


def create_tables(conn: Connection) -> None:
    """The two tables, in the caller's transaction (PostgreSQL only)."""
    for statement in TABLES_DDL:
        conn.exec_driver_sql(statement)


def _lock(conn: Connection) -> None:
    from sqlalchemy import text

    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": FILES_LOCK})


def upload(conn: Connection, digest: str, source: Readable, size: int) -> bool:
    """Stores the bytes of `source` (whose SHA-256 the caller has checked is `digest`) under
    that digest, part by part, in the caller's transaction. False when the server holds them
    already (then nothing is read): every file goes up once. Two machines storing the same
    file at once: the second waits for the first's commit on the key, then finds it there."""
    from sqlalchemy import text

    _lock(conn)
    parts = max(1, -(-size // PART_BYTES))
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    made = conn.execute(
        text(
            "INSERT INTO file_blobs (sha256, size, parts, added_at) "
            "VALUES (:digest, :size, :parts, :at) ON CONFLICT (sha256) DO NOTHING "
            "RETURNING sha256"
        ),
        {"digest": digest, "size": size, "parts": parts, "at": now},
    ).first()
    if made is None:
        return False
    insert = text("INSERT INTO file_chunks (sha256, part, data) VALUES (:digest, :part, :data)")
    for part in range(parts):
        data = source.read(PART_BYTES)
        conn.execute(insert, {"digest": digest, "part": part, "data": data})
    return True


def stored(conn: Any, digests: Iterable[str]) -> dict[str, int]:
    """Of these digests, the ones the server holds, with their sizes."""
    wanted = sorted(set(digests))
    found: dict[str, int] = {}
    for start in range(0, len(wanted), 500):
        part = wanted[start : start + 500]
        marks = ",".join("?" * len(part))
        rows = conn.execute(
            f"SELECT sha256, size FROM file_blobs WHERE sha256 IN ({marks})", tuple(part)
        )
        found.update((str(digest), int(size)) for digest, size in rows)
    return found


def parts_of(conn: Any, digest: str) -> tuple[int, int] | None:
    """(size, parts) of a stored file; None when the server does not hold it."""
    row = conn.execute("SELECT size, parts FROM file_blobs WHERE sha256 = ?", (digest,)).fetchone()
    return None if row is None else (int(row[0]), int(row[1]))


def read_parts(conn: Any, digest: str, parts: int) -> Iterator[bytes]:
    """The stored file's bytes, one part at a time (one row per query: psycopg's cursor
    holds a whole result in memory, so a query for every part would hold the file)."""
    for part in range(parts):
        row = conn.execute(
            "SELECT data FROM file_chunks WHERE sha256 = ? AND part = ?", (digest, part)
        ).fetchone()
        if row is None:
            raise LookupError(f"part {part} of {parts} is not on the server")
        yield bytes(row[0])


def drop_unused(conn: Connection, digests: Iterable[str]) -> list[str]:
    """Deletes, of these digests, the stored files no paper names any more (their parts
    go with them), in the caller's transaction; returns the digests deleted."""
    from sqlalchemy import bindparam, text

    wanted = sorted(set(digests))
    if not wanted:
        return []
    _lock(conn)
    statement = text(
        "DELETE FROM file_blobs b WHERE b.sha256 IN :digests AND NOT EXISTS "
        "(SELECT 1 FROM paper_files f WHERE f.sha256 = b.sha256) RETURNING b.sha256"
    ).bindparams(bindparam("digests", expanding=True))
    return [str(d) for d in conn.execute(statement, {"digests": wanted}).scalars()]


def unused(conn: Any) -> list[tuple[str, int]]:
    """(digest, size) of every stored file no paper names (papers deleted with their
    files kept, so that an undo could link them again)."""
    rows = conn.execute(
        "SELECT b.sha256, b.size FROM file_blobs b WHERE NOT EXISTS "
        "(SELECT 1 FROM paper_files f WHERE f.sha256 = b.sha256) ORDER BY b.sha256"
    )
    return [(str(digest), int(size)) for digest, size in rows]
