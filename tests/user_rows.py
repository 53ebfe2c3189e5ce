"""What the user sees of a library, for tests that undo something and compare."""

from __future__ import annotations

import sqlite3
from pathlib import Path

_USER_TABLES = ("paper_authors", "paper_tags", "notes", "queue_entries")


def user_rows(db_path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Papers (every column but updated_at, which a change and its undo both set to "now"),
    their authors and tags, notes and queues. Batch history is left out: an undone batch
    stays listed as undone."""
    conn = sqlite3.connect(db_path)
    try:
        columns = [r[1] for r in conn.execute("PRAGMA table_info(papers)")]
        kept = ", ".join(c for c in columns if c != "updated_at")
        rows = {"papers": conn.execute(f"SELECT {kept} FROM papers ORDER BY id").fetchall()}
        for table in _USER_TABLES:
            rows[table] = conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
        return rows
    finally:
        conn.close()
