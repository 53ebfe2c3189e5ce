"""The small interface every text engine implements. Services only see this.

IndexDoc lives in core.records, so that db/ builds documents without importing search/.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import AbstractContextManager
from typing import Protocol

from readerapp.core.progress import CancelToken, ProgressSink
from readerapp.core.records import IndexDoc
from readerapp.search.query import Node

# The text fields both engines index, and the index field that each of the query language's
# field names (`author:`, `note:`, ...) searches: one list, so the engines cannot drift apart.
INDEXED_FIELDS = ("title", "authors", "abstract", "tags", "notes", "fulltext")
FIELD_OF = {
    "title": "title",
    "author": "authors",
    "abstract": "abstract",
    "note": "notes",
    "fulltext": "fulltext",
}


class TextIndex(Protocol):
    # True when the index had to be created empty on open (deleted, damaged, or a new schema).
    was_missing: bool
    # The name of an older index (format or analysis version) that opening found and
    # dropped: the library's papers are then indexed again, once, for this version.
    upgraded_from: str | None
    # Papers per commit when Library.sync_index catches up on many (cheap commits: small).
    batch_size: int
    # Seconds to wait for another process's writer before IndexBusy (Library.sync_index
    # sets its own: it can leave papers marked for later, where a rebuild cannot).
    writer_timeout: float

    def upsert(self, docs: Iterable[IndexDoc], *, cancel: CancelToken | None = None) -> int:
        """Add or replace documents in one writer; returns how many were written."""
        ...

    def delete(self, ids: Iterable[int]) -> None: ...

    def bulk(self) -> AbstractContextManager[None]:
        """A catch-up in many batches: the upserts and deletes within it may be committed
        together when it ends (also when a Cancelled ends it; any other error may drop them).
        Whoosh writes them as one segment instead of one per batch merged afterwards;
        tantivy indexes each batch on its own threads while the next one is analysed."""
        ...

    def settle(self, progress: ProgressSink, cancel: CancelToken | None = None) -> bool:
        """After a catch-up in many batches (upserts): merges the parts of the index they
        left, where the engine does not do so itself; returns whether it merged anything."""
        ...

    def search(self, node: Node) -> set[int]:
        """Ids matching a text-only query tree, unscored (for the table)."""
        ...

    def scores(
        self, node: Node, within: set[int] | None = None, limit: int | None = None
    ) -> dict[int, float]:
        """Relevance scores of the best `limit` papers (all when None) matching a text-only
        query tree, among the papers `within` (all when None)."""
        ...

    def more_like_this(self, paper_id: int, text: str, limit: int) -> list[int]: ...

    def rebuild(
        self,
        docs: Iterable[IndexDoc],
        total: int,
        progress: ProgressSink,
        cancel: CancelToken | None = None,
    ) -> None:
        """Replace the whole index with these documents."""
        ...

    def doc_count(self) -> int:
        """How many live documents the index holds (duplicates included)."""
        ...

    def ids(self) -> set[int]:
        """Every paper id in the index, for consistency checks."""
        ...

    def close(self) -> None: ...
