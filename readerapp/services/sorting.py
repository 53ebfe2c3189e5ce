"""Sort orders of the whole library: a result is sorted by looking its ids up.

Sorting 50,000 matches in SQL means sending their ids back to SQLite (or scanning the whole
table in order each time); instead a sort column's full order is read once, kept with a rank
per id, and reused. Orders of the paper's own columns (added, year, title, authors) are cached
until papers are added, deleted or edited by any process (the papers version in `meta`, bumped
in the same transaction: Library.papers_changed). Orders of what
triage changes all the time (star, status, tags, queues), here or in another process, are read
fresh for each search: one indexed scan, well inside the sort budget at 100k papers.
"""

from __future__ import annotations

import threading
import weakref
from collections import defaultdict
from collections.abc import Callable, Set
from dataclasses import dataclass
from typing import TYPE_CHECKING

from readerapp.core.gc_pause import gc_paused
from readerapp.core.records import STATUSES
from readerapp.db import reads
from readerapp.db.dbapi import DbConnection

if TYPE_CHECKING:
    from readerapp.services.library import Library

_NEWEST = "added_at DESC, id DESC"
# The table's sort keys. Ties fall back to newest first, then id, so orders are total. Each
# reads one index backwards (title_key; (year|starred|status, added_at); added_at): no sort
# step, and no look-ups in the table, which a cold disk makes seconds long at 100k papers.
# SQLite puts NULL below every value, so `year DESC` lists papers without a year last.
ORDER_SQL = {
    "added": f"SELECT id FROM papers ORDER BY {_NEWEST}",
    "year": f"SELECT id FROM papers ORDER BY year DESC, {_NEWEST}",
    # title_key is folded already (case, accents): ordering by it uses its index.
    "title": "SELECT id FROM papers ORDER BY title_key, id",
    "starred": f"SELECT id FROM papers ORDER BY starred DESC, {_NEWEST}",
}
# Statuses in reading order, each read newest first from the (status, added_at) index; an
# unknown status (a newer readerapp's) comes last. Both queries only touch that index: a
# filter on status with ORDER BY added_at alone would look every row up in the table.
_STATUS_SQL = f"SELECT id FROM papers WHERE status = ? ORDER BY {_NEWEST}"
_STATUSES_SQL = "SELECT DISTINCT status FROM papers ORDER BY status"
_ALL_NEWEST = f"SELECT id FROM papers ORDER BY {_NEWEST}"
# Papers with a cell value first, by the text the table shows; papers without one last.
_CELL_SQL = {
    "authors": "SELECT paper_id, name FROM paper_authors WHERE position = 0",
    "tags": "SELECT pt.paper_id, t.name FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id",
    "queues": "SELECT e.paper_id, q.name FROM queue_entries e JOIN queues q ON q.id = e.queue_id",
}
CACHED = frozenset({"added", "year", "title", "authors"})
SORT_KEYS = (*ORDER_SQL, "status", *_CELL_SQL)
# What a search can be sorted by: relevance, then the sort keys of the table's columns
# (newest first breaks ties).
SORTS = ("relevance", *SORT_KEYS)


def _surname(name: str) -> str:
    # As the table shortens names ("Zhang, Li, … Wang"): the last word is what people scan.
    words = name.split()
    return (words[-1] if words else name).casefold()


def _cell_order(conn: DbConnection, sort: str) -> list[int]:
    values: dict[int, list[str]] = defaultdict(list)
    for paper_id, name in conn.execute(_CELL_SQL[sort]):
        values[paper_id].append(name)
    key: Callable[[list[str]], str]
    if sort == "authors":
        key = lambda names: _surname(names[0]) + "\0" + names[0].casefold()  # noqa: E731
    else:  # the cell lists the names alphabetically
        key = lambda names: ", ".join(sorted(names, key=str.casefold)).casefold()  # noqa: E731
    newest = reads.id_list(conn, _ALL_NEWEST)
    keyed = {pid: key(names) for pid, names in values.items()}
    with_value = sorted((pid for pid in newest if pid in keyed), key=keyed.__getitem__)
    return with_value + [pid for pid in newest if pid not in keyed]


def read_order(conn: DbConnection, sort: str) -> list[int]:
    """Every paper id in the order of a sort key (one of SORT_KEYS)."""
    with gc_paused():
        if sort in ORDER_SQL:
            return reads.id_list(conn, ORDER_SQL[sort])
        if sort == "status":
            present = [row[0] for row in conn.execute(_STATUSES_SQL)]
            ordered = [
                *(s for s in STATUSES if s in present),
                *(s for s in present if s not in STATUSES),
            ]
            return [
                pid for status in ordered for pid in reads.id_list(conn, _STATUS_SQL, (status,))
            ]
        return _cell_order(conn, sort)


# Below this share of the library, sorting the matches by rank beats filtering the full order.
SORT_SHARE = 8


@dataclass(frozen=True, slots=True)
class SortOrder:
    version: int  # the library's papers version (reads.papers_version) it was read at
    ids: list[int]
    rank: dict[int, int]


class SortCache:
    def __init__(self) -> None:
        self._orders: dict[str, SortOrder] = {}
        self._lock = threading.Lock()

    def order(self, conn: DbConnection, sort: str, fresh: bool = False) -> SortOrder:
        """The whole-library order of a CACHED sort key as of the snapshot `conn` reads in:
        read again when any process has added, deleted or re-sorted papers since."""
        version = reads.papers_version(conn)
        with self._lock:
            order = self._orders.get(sort)
            if fresh or order is None or order.version != version:
                ids = read_order(conn, sort)
                order = SortOrder(version, ids, {pid: i for i, pid in enumerate(ids)})
                self._orders[sort] = order
            return order

    def current(self, conn: DbConnection, sort: str) -> list[int] | None:
        """Every paper in the order of a CACHED key, without reading the ids to sort: the
        cached order when it is of the snapshot's version and has as many papers as the
        library (a count through an index: a safety net for a writer that did not bump the
        version, e.g. an older readerapp)."""
        order = self.order(conn, sort)
        if len(order.ids) != reads.paper_count(conn):
            return None
        return list(order.ids)

    def ordered(self, conn: DbConnection, ids: Set[int], sort: str) -> list[int]:
        """`ids` in the order of a sort column."""
        # filter() with a bound __contains__ runs the pass in C: at 100k ids a Python
        # comprehension costs more than the search itself.
        if sort not in CACHED:  # read fresh each time: one pass, nothing kept
            return list(filter(ids.__contains__, read_order(conn, sort)))
        for fresh in (False, True):
            order = self.order(conn, sort, fresh=fresh)
            if len(ids) * SORT_SHARE >= len(order.ids):
                result = list(filter(ids.__contains__, order.ids))
            else:
                result = sorted(filter(order.rank.__contains__, ids), key=order.rank.__getitem__)
            if len(result) == len(ids):
                return result
            # Papers the order does not know (a writer that did not bump the version): read
            # the order again, once.
        return result


_CACHES: weakref.WeakKeyDictionary[Library, SortCache] = weakref.WeakKeyDictionary()


def sort_cache(library: Library) -> SortCache:
    cache = _CACHES.get(library)
    if cache is None:
        cache = _CACHES.setdefault(library, SortCache())
    return cache
