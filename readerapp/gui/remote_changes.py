"""Changes made elsewhere, shown in the open window: another machine's star, note or import
on a server library, or a `readerapp star` in a terminal on the same library folder.

services.remote does the work: a ChangeWatcher thread wakes this object, which asks the
worker for the others' changes (RemoteFeed.take), lets it bring the local index up to date,
and redraws the papers named, as after one of the window's own edits. A note being typed is
left alone (DetailPane keeps what the user typed; its save sees the conflict).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from readerapp.gui.host import Host
from readerapp.gui.i18n import arg
from readerapp.services.library import Library
from readerapp.services.remote import ChangeWatcher, RemoteChanges, RemoteFeed, is_shared

# How long the status bar says what arrived, in milliseconds.
MESSAGE_MS = 8000


class RemoteChangesView(QObject):
    # Emitted on the watcher's thread; delivered on the GUI thread (a queued connection).
    woken = Signal()
    # What arrived, after the views were told (tests wait for it).
    arrived = Signal(object)

    def __init__(self, host: Host, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self._feed: RemoteFeed | None = None
        self._watcher: ChangeWatcher | None = None
        self._shared = False
        self._asking = False  # a take is queued on the worker
        self._again = False  # woken meanwhile: ask once more when it comes back
        self.woken.connect(self._ask)

    def start(self, library: Library) -> None:
        """Starts watching a library the window has just opened."""
        self.stop()
        self._shared = is_shared(library)
        # The feed starts at the library's present: what the window shows already.
        self.host.ops.call(RemoteFeed, lambda feed: self._watch(library, feed))

    def _watch(self, library: Library, feed: RemoteFeed) -> None:
        if not self.host.is_ready or self.host.library() is not library:
            return  # closed (or another opened) meanwhile
        self._feed = feed
        self._watcher = ChangeWatcher(library, self.woken.emit)

    def stop(self) -> None:
        """Stops watching (before the library closes)."""
        watcher, self._watcher, self._feed = self._watcher, None, None
        if watcher is not None:
            watcher.stop()
        self._asking = self._again = False

    def _ask(self) -> None:
        feed = self._feed
        if feed is None:
            return
        if self._asking:
            self._again = True
            return
        self._asking = True

        def catch_up(library: Library) -> RemoteChanges | None:
            found = feed.take()
            if found is not None and (found.papers or found.everything):
                # Searches find the new text from now on (a rebuild when the journal was
                # pruned past this machine's index).
                library.sync_index()
            return found

        self.host.ops.call(catch_up, lambda found: self._arrive(feed, found), self._failed)

    def _failed(self, error: BaseException) -> None:
        self._asking = False
        self.host.report_error(error)

    def _arrive(self, feed: RemoteFeed, found: RemoteChanges | None) -> None:
        self._asking = False
        if feed is not self._feed:
            return  # for a library closed since
        if found is not None:
            self.host.ops.announce(found.changes)
            if found.everything:
                self.host.work.message(
                    self.tr(
                        "The library's change journal no longer reaches back to this "
                        "window's last look: everything was read again"
                    ),
                    MESSAGE_MS,
                )
            elif found.papers:
                self.host.work.message(self.describe(found), MESSAGE_MS)
            self.arrived.emit(found)
        if self._again:
            self._again = False
            self._ask()

    def describe(self, found: RemoteChanges) -> str:
        """ "2 papers changed on another machine (by ana)"."""
        count = len(found.papers)
        who = ", ".join(found.members)
        if self._shared:
            return arg(self.tr("%Ln paper(s) changed on another machine (by %1)", "", count), who)
        return arg(self.tr("%Ln paper(s) changed in another readerapp (by %1)", "", count), who)
