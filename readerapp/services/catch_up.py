"""This machine's search index of a server library, brought up to date from the change journal.

A folder library has one index, so the papers its changes leave to index can be marked in
the library itself (index_pending, cleared once indexed). A server library has one index per
machine, each in that machine's cache folder, so no shared mark can say what one of them still
lacks. Instead each index remembers the last journal number it applied, in a small file beside
it (the cursor), and catches up from there: on open, and whenever another machine's changes
arrive (services.remote). Deleting the cache folder loses nothing: no cursor means a rebuild.

The journal keeps its entries for a while only (db.journal prunes it). An index whose cursor
is older than the oldest entry kept (a machine away for months) is rebuilt instead, and the
rebuild says why (services.library).

Crash safety as with the marks: the cursor moves only after the index committed the papers it
covers, so a crash between the two leaves the work to redo (indexing a paper twice is
harmless), never lost. Papers are indexed in the order of their first change after the
cursor (by number, then paper id), and after each batch the cursor moves to the last paper
done within its change, so a cancel or crash keeps the batches already done, even within one
large change (another machine's import of 100,000 papers).
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


@dataclass(frozen=True, slots=True)
class Cursor:
    """How far an index has applied the journal: every change numbered up to `seq`, or, with
    `paper` set, every change before `seq` and, of change `seq`, its papers up to that id (a
    large change, such as another machine's import, is applied batch by batch)."""

    seq: int
    paper: int | None = None

    @property
    def whole(self) -> int:
        """The last journal number applied whole."""
        return self.seq if self.paper is None else self.seq - 1

    def covers(self, seq: int, paper: int) -> bool:
        return seq < self.seq or (seq == self.seq and (self.paper is None or paper <= self.paper))


def read_cursor(index_dir: Path) -> Cursor | None:
    """The index's cursor; None when it has none (a new or deleted cache, a rebuild that did
    not finish): then only a rebuild brings the index up to date."""
    try:
        fields = [int(f) for f in cursor_path(index_dir).read_text(encoding="ascii").split()]
    except (OSError, ValueError):
        return None
    if len(fields) == 1:
        return Cursor(fields[0])
    if len(fields) == 2:
        return Cursor(fields[0], fields[1])
    return None


def applied(index_dir: Path) -> int | None:
    """The last journal number the index applied whole, None without a cursor."""
    cursor = read_cursor(index_dir)
    return None if cursor is None else cursor.whole


def write_cursor(index_dir: Path, cursor: Cursor) -> None:
    """Moves the cursor, atomically (a crash leaves the old one or the new, whole)."""
    path = cursor_path(index_dir)
    temporary = path.with_name(path.name + ".tmp")
    text = f"{cursor.seq}\n" if cursor.paper is None else f"{cursor.seq} {cursor.paper}\n"
    with open(temporary, "w", encoding="ascii") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    temporary.replace(path)


def set_applied(index_dir: Path, seq: int) -> None:
    """Every change up to `seq` is applied (after a rebuild)."""
    write_cursor(index_dir, Cursor(seq))


def forget(index_dir: Path) -> None:
    """No cursor: the index is not known to be complete (a rebuild is under way)."""
    cursor_path(index_dir).unlink(missing_ok=True)


@dataclass(frozen=True, slots=True)
class Backlog:
    """What the index lacks: papers in the order of their first change after the cursor
    (by number, then paper id), that first change's number for each, the journal's latest
    number, and the cursor it started from."""

    ids: list[int]
    first: dict[int, int]
    top: int
    start: Cursor

    def cursor_after(self, done: int) -> Cursor:
        """Where the cursor may move once the first `done` papers are indexed: up to the
        last of them within its first change. Every change (n, p) at or before that point
        is applied: p's first change after the old cursor is no later, so p is among the
        papers done, read after the journal's number `top` was."""
        if done >= len(self.ids):
            return Cursor(self.top)
        if done <= 0:
            return self.start
        last, following = self.ids[done - 1], self.ids[done]
        if self.first[following] > self.first[last]:  # no paper of these changes is left
            return Cursor(self.first[following] - 1)
        return Cursor(self.first[last], last)


def is_stale(conn: Any, cursor: Cursor) -> bool:
    """Whether the journal no longer holds every change after the cursor (it was pruned past
    it: db.journal): then only a rebuild brings the index up to date."""
    return cursor.whole < journal.pruned_through(conn)


def backlog(conn: Any, cursor: Cursor) -> Backlog:
    """The papers changed (in what the index holds) by the journal after the cursor."""
    top = journal.latest(conn)
    first: dict[int, int] = {}
    for seq, pid in journal.changed_since(conn, cursor.whole, top, indexed=True):
        if not cursor.covers(seq, pid):
            first.setdefault(pid, seq)
    return Backlog(list(first), first, top, cursor)
