"""Sort orders of the whole library, cached: a result is sorted by looking its ids up.

Sorting 50,000 matches in SQL means sending their ids back to SQLite (or scanning the whole
table in order each time); instead each sort column's full order is read once, kept with a
rank per id, and reused until papers are added, deleted or have their title, year or date
changed (Library.papers_generation). Papers added by another process show up as ids missing
from the cached order, which also reloads it.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy.orm import Session

from readerapp.services.library import Library

# The table's sort keys. Ties always fall back to newest first, then id, so orders are total.
ORDER_SQL = {
    "added": "SELECT id FROM papers ORDER BY added_at DESC, id DESC",
    "year": "SELECT id FROM papers ORDER BY year IS NULL, year DESC, added_at DESC, id DESC",
    "title": "SELECT id FROM papers ORDER BY lower(title_key), id",
}
# Below this share of the library, sorting the matches by rank beats filtering the full order.
SORT_SHARE = 8


@dataclass(frozen=True, slots=True)
class SortOrder:
    generation: int
    ids: list[int]
    rank: dict[int, int]


class SortCache:
    def __init__(self) -> None:
        self._orders: dict[str, SortOrder] = {}
        self._lock = threading.Lock()

    def order(self, library: Library, session: Session, sort: str,
              fresh: bool = False) -> SortOrder:
        with self._lock:
            order = self._orders.get(sort)
            if fresh or order is None or order.generation != library.papers_generation:
                generation = library.papers_generation
                rows = session.connection().exec_driver_sql(ORDER_SQL[sort]).fetchall()
                ids = [row[0] for row in rows]
                order = SortOrder(generation, ids, {pid: i for i, pid in enumerate(ids)})
                self._orders[sort] = order
            return order

    def ordered(self, library: Library, session: Session, ids: Collection[int],
                sort: str) -> list[int]:
        """`ids` in the order of a sort column."""
        order = self.order(library, session, sort)
        if not all(pid in order.rank for pid in ids):
            order = self.order(library, session, sort, fresh=True)
        if len(ids) * SORT_SHARE >= len(order.ids):
            return [pid for pid in order.ids if pid in ids]
        rank = order.rank
        return sorted((pid for pid in ids if pid in rank), key=rank.__getitem__)


_CACHES: weakref.WeakKeyDictionary[Library, SortCache] = weakref.WeakKeyDictionary()


def sort_cache(library: Library) -> SortCache:
    cache = _CACHES.get(library)
    if cache is None:
        cache = _CACHES.setdefault(library, SortCache())
    return cache
