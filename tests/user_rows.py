"""What the user sees of a library, for tests that undo something and compare."""

from __future__ import annotations

from pathlib import Path

from readerapp.core.location import LibraryLocation
from readerapp.services.library import Library
from tests.plain_db import columns, plain_db

_USER_TABLES = ("paper_authors", "paper_tags", "notes", "queue_entries")


def user_rows(where: Library | LibraryLocation | Path) -> dict[str, list[tuple[object, ...]]]:
    """Papers (every column but updated_at, which a change and its undo both set to "now"),
    their authors and tags, notes and queues. Batch history is left out: an undone batch
    stays listed as undone. `where` is a library, its location or its SQLite file."""
    with plain_db(where) as conn:
        kept = ", ".join(c for c in columns(conn, "papers") if c != "updated_at")
        rows = {"papers": conn.execute(f"SELECT {kept} FROM papers ORDER BY id").fetchall()}
        for table in _USER_TABLES:
            rows[table] = conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
        return rows
