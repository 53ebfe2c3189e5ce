"""Changes made elsewhere: by another machine on a shared server library, or by another
readerapp process (a `readerapp star` in a terminal) on the same library folder.

Two parts, both Qt-free:
- `RemoteFeed` answers "what did others change since I last asked?" from the change journal
  (db.journal): the papers, who changed them, up to which number. It leaves out the changes
  this library object made itself (Library.own_changes), which its window already shows.
- `ChangeWatcher` runs a background thread that calls `wake()` soon after another process
  commits a change: on PostgreSQL it LISTENs on a connection of its own for the number each
  writer NOTIFYs in its transaction; on SQLite, which has no notifications, it asks for the
  highest number twice a second (one indexed read, microseconds). After a dropped server
  connection it reconnects and wakes once, since notifications sent meanwhile are lost.

The window (gui) turns a wake into a `RemoteFeed.take()` on its worker, brings the local
index up to date (Library.sync_index) and redraws the papers named.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from readerapp.core.errors import LibraryError
from readerapp.core.location import ServerLocation
from readerapp.db import journal
from readerapp.db.engine import connect_read_only
from readerapp.services.changes import Changes
from readerapp.services.library import Library

# How often a SQLite library is asked for its highest journal number, in seconds.
POLL_S = 0.5
# How long the listening thread waits for a notification before it checks whether it should
# stop, and how long it waits before reconnecting to a server that went away.
LISTEN_TICK_S = 0.5
RECONNECT_S = 1.0


@dataclass(frozen=True, slots=True)
class RemoteChanges:
    """What other processes changed: the papers (empty when they changed only lists, such as
    a queue's name), who did it, and the journal number this covers up to."""

    papers: frozenset[int]
    members: tuple[str, ...]
    upto: int
    # The journal was pruned past where the feed last looked: which papers changed is no
    # longer known, so every view reads itself again.
    everything: bool = False

    @property
    def changes(self) -> Changes:
        """As an edit's Changes, for the views: the papers, and lists and orders too (a star
        moves a paper into Starred, an import changes counts)."""
        if self.everything:
            return Changes.everything()
        return Changes(self.papers, lists=True, order=True)


class RemoteFeed:
    """The changes made by others since the feed last looked; it starts at the present."""

    def __init__(self, library: Library) -> None:
        self.library = library
        with library.snapshot() as conn:
            self.seen = journal.latest(conn)

    def take(self) -> RemoteChanges | None:
        """The others' changes since the last take (None when there are none) and moves on."""
        with self.library.snapshot() as conn:
            top = journal.latest(conn)
            if top <= self.seen:
                return None
            lost = self.seen < journal.pruned_through(conn)
            own = self.library.own_changes
            entries = [
                (seq, member)
                for seq, member in journal.entries_since(conn, self.seen, top)
                if seq not in own
            ]
            papers = {
                pid for seq, pid in journal.changed_since(conn, self.seen, top) if seq not in own
            }
        self.seen = top
        if not entries and not lost:
            return None
        members = tuple(dict.fromkeys(member for _seq, member in entries))
        return RemoteChanges(frozenset(papers), members, top, everything=lost)


def is_shared(library: Library) -> bool:
    """True for a server library, whose other writers are other machines."""
    return library.server is not None


class ChangeWatcher:
    """Calls `wake` from a background thread when another process may have changed the
    library; `stop()` ends the thread (within about half a second)."""

    def __init__(self, library: Library, wake: Callable[[], None]) -> None:
        self._wake = wake
        self._stopping = threading.Event()
        self._server = library.server
        self._db_path = library.db_path
        name = "readerapp-listen" if self._server else "readerapp-poll"
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        if self._server is not None:
            self._listen(self._server)
        else:
            self._poll(self._db_path)

    def _poll(self, db_path: Path) -> None:
        conn: sqlite3.Connection | None = None
        last: int | None = None
        while not self._stopping.wait(POLL_S):
            try:
                if conn is None:
                    conn = connect_read_only(db_path)
                top = journal.latest(conn)
            except sqlite3.Error:
                # Busy or briefly unreadable (a checkpoint, a migration): ask again next tick.
                if conn is not None:
                    conn.close()
                conn = None
                continue
            # The first look wakes too: a change made between the feed's start and this
            # thread's first question would otherwise go unseen until the next one.
            if top != last:
                self._wake()
            last = top
        if conn is not None:
            conn.close()

    def _listen(self, location: ServerLocation) -> None:
        import psycopg  # only a server library gets here, and it has the driver

        from readerapp.db import server

        while not self._stopping.is_set():
            try:
                with server.connect(location) as conn:
                    conn.execute(f"LISTEN {journal.CHANNEL}")
                    # What was committed before LISTEN (since the feed started, or while the
                    # connection was down) sent no notification here: look once now.
                    self._wake()
                    while not self._stopping.is_set():
                        for _notice in conn.notifies(timeout=LISTEN_TICK_S):
                            self._wake()
            except (psycopg.Error, LibraryError):
                # The server restarted or the network dropped: try again shortly.
                self._stopping.wait(RECONNECT_S)
