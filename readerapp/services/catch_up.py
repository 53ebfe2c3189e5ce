"""This machine's search index of a server library, brought up to date from the change journal.

A folder library has one index, so the papers its changes leave to index can be marked in
the library itself (index_pending, cleared once indexed). A server library has one index per
machine, each in that machine's cache folder, so no shared mark can say what one of them still
lacks. Instead each index remembers the last journal number it applied, in a small file beside
it (the cursor), and catches up from there: on open, and whenever another machine's changes
arrive (services.remote). Deleting the cache folder loses nothing: no cursor means a rebuild.

Crash safety as with the marks: the cursor moves only after the index committed the papers it
covers, so a crash between the two leaves the work to redo (indexing a paper twice is
harmless), never lost. Papers are indexed in the order of their first change after the
cursor; after each batch the cursor moves to just before the first change of the papers still
to do, so a cancel or crash keeps the batches already done.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from readerapp.db import journal

CURSOR_SUFFIX = ".seq"


def cursor_path(index_dir: Path) -> Path:
    """The cursor of the index in `index_dir`: beside it, so that swapping the index folder
    (a rebuild with another engine) leaves it alone."""
    return index_dir.with_name(index_dir.name + CURSOR_SUFFIX)


def applied(index_dir: Path) -> int | None:
    """The last journal number the index applied; None when it has none (a new or deleted
    cache, a rebuild that did not finish): then only a rebuild brings it up to date."""
    try:
        return int(cursor_path(index_dir).read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return None


def set_applied(index_dir: Path, seq: int) -> None:
    """Moves the cursor, atomically (a crash leaves the old number or the new, whole)."""
    path = cursor_path(index_dir)
    temporary = path.with_name(path.name + ".tmp")
    with open(temporary, "w", encoding="ascii") as handle:
        handle.write(f"{seq}\n")
        handle.flush()
        os.fsync(handle.fileno())
    temporary.replace(path)


def forget(index_dir: Path) -> None:
    """No cursor: the index is not known to be complete (a rebuild is under way)."""
    cursor_path(index_dir).unlink(missing_ok=True)


@dataclass(frozen=True, slots=True)
class Backlog:
    """What the index lacks: papers in the order of their first change after the cursor,
    that first change's number for each, and the journal's latest number."""

    ids: list[int]
    first: dict[int, int]
    top: int

    def cursor_after(self, done: int) -> int:
        """Where the cursor may move once the first `done` papers are indexed."""
        if done >= len(self.ids):
            return self.top
        return self.first[self.ids[done]] - 1


def backlog(conn: Any, after: int) -> Backlog:
    """The papers changed (in what the index holds) by the journal's entries after `after`."""
    top = journal.latest(conn)
    first: dict[int, int] = {}
    for seq, pid in journal.changed_since(conn, after, top, indexed=True):
        first.setdefault(pid, seq)
    return Backlog(list(first), first, top)
