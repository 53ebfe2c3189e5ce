"""The exception tree. Everything the user can cause derives from ReaderappError.

The CLI maps a UserError to exit 1 and an InputError to exit 2, printing one line; anything
else is a bug and keeps its traceback.
"""

from __future__ import annotations

from pathlib import Path


class ReaderappError(Exception):
    """Root of every error readerapp raises on purpose."""

    exit_code = 1


class UserError(ReaderappError):
    """A request that cannot be done as asked: bad query, unknown paper, unknown queue."""

    exit_code = 1


class InputError(ReaderappError):
    """An input that cannot be read at all (missing, binary, undecodable, unknown format)."""

    exit_code = 2


class ParseError(InputError):
    """A parser failure that names the file and the line."""

    def __init__(self, source: str | Path, line: int | None, why: str) -> None:
        self.source = str(source)
        self.line = line
        self.why = why
        where = f"{self.source}:{line}" if line is not None else self.source
        super().__init__(f"{where}: {why}")


class LibraryError(ReaderappError):
    """The library itself is unusable: newer schema, corrupt file, busy, not writable."""

    exit_code = 2


class IndexBusy(LibraryError):
    """Another readerapp process holds the search index's writer (a long import's indexing
    holds it for the whole catch-up). Library.sync_index leaves the papers marked instead
    of failing a change that is already saved: the index catches up on them later."""


class ServerUnreachable(LibraryError):
    """The PostgreSQL server of a server library cannot be reached (down, wrong host or port,
    refused the login). The message names the server without its password; the window offers
    to retry or open a local library, the command line exits 2."""

    def __init__(self, shown: str, why: str) -> None:
        self.shown = shown
        self.why = why
        super().__init__(f"{shown}: cannot reach the library's server ({why})")


class ConnectionLost(ServerUnreachable):
    """The server's connection broke in the middle of a change, which rolled back whole
    (one transaction): the message says what was being done and that none of it was saved."""

    def __init__(self, shown: str, why: str, doing: str) -> None:
        super().__init__(shown, why)
        self.args = (
            f"{shown}: lost the connection to the library's server while {doing} ({why}); "
            "nothing of it was saved",
        )


class NoDisplay(ReaderappError):
    """The desktop window cannot open on this machine (no display); the command line can."""

    exit_code = 2


class Cancelled(ReaderappError):
    """Long work stopped because the user asked; callers drop it silently."""


class CheckFailed(Exception):
    """A self-test check ran and found something wrong; the message says what.

    Not a ReaderappError: it reports on the installation, not on something the user asked.
    Here, below both self-tests, so that the window's check needs nothing from the CLI's.
    """


class WrongThread(AssertionError):
    """A bug: a write ran on a thread other than the one the library's writes are bound to
    (the window's worker). Not a ReaderappError: the user cannot cause it."""


class NetworkError(ReaderappError):
    """An online source could not answer: offline, timed out, refused, or sent something
    unusable. The message names the source; nothing in the library changed."""

    exit_code = 2

    def __init__(self, source: str, why: str) -> None:
        self.source = source
        self.why = why
        super().__init__(f"{source}: {why}")
