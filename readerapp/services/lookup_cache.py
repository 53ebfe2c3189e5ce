"""The look-up cache: every answer an online source gave, kept beside the library.

A repeated look-up costs no request and works offline. It lives in its own SQLite file in the
library folder, not in library.sqlite: it is derived data (deleting it loses nothing but
requests), it is written from the network thread while the window's worker writes the
library, and it stays out of backups. The library's own lock is not needed for it: answers
are whole rows, and two writers of one key write the same answer.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from readerapp.core.clock import SYSTEM_CLOCK, Clock
from readerapp.sources.http import Reply

CACHE_NAME = "lookup-cache.sqlite"
# Not-found answers expire: a paper missing from Hugging Face today may be there next week.
NOT_FOUND_MAX_AGE = 7 * 24 * 3600.0


class LookupCache:
    """A ResponseCache (sources/http.py) in `<library>/lookup-cache.sqlite`."""

    def __init__(self, library_dir: Path, clock: Clock = SYSTEM_CLOCK) -> None:
        self.path = library_dir / CACHE_NAME
        self.clock = clock
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute(
            "CREATE TABLE IF NOT EXISTS answers (key TEXT PRIMARY KEY, status INTEGER NOT NULL,"
            " content_type TEXT NOT NULL, url TEXT NOT NULL, body BLOB NOT NULL,"
            " fetched_at REAL NOT NULL)"
        )

    def get(self, key: str, max_age: float | None) -> Reply | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT status, content_type, url, body, fetched_at FROM answers WHERE key = ?",
                (key,),
            ).fetchone()
        if row is None:
            return None
        status, content_type, url, body, fetched_at = row
        age = self.clock.now().timestamp() - fetched_at
        limit = max_age
        if status == 404:
            limit = NOT_FOUND_MAX_AGE if limit is None else min(limit, NOT_FOUND_MAX_AGE)
        if limit is not None and age > limit:
            return None
        return Reply(int(status), bytes(body), content_type, url, from_cache=True)

    def put(self, key: str, reply: Reply) -> None:
        with self._lock:
            self._conn.execute(
                "INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?, ?, ?)",
                (
                    key,
                    reply.status,
                    reply.content_type,
                    reply.url,
                    reply.body,
                    self.clock.now().timestamp(),
                ),
            )

    def __len__(self) -> int:
        with self._lock:
            return int(self._conn.execute("SELECT count(*) FROM answers").fetchone()[0])

    def close(self) -> None:
        with self._lock:
            self._conn.close()
