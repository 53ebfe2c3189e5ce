"""The errors a server library raises: one line, exit 2, the server named without password."""

from __future__ import annotations

from readerapp.core.errors import ConnectionLost, LibraryError, ServerUnreachable


def test_a_lost_connection_says_what_was_not_saved() -> None:
    error = ConnectionLost("postgresql://ana@db/papers", "server closed the connection", "x")
    assert isinstance(error, ServerUnreachable) and isinstance(error, LibraryError)
    assert error.exit_code == 2 and error.shown == "postgresql://ana@db/papers"
    assert str(error) == (
        "postgresql://ana@db/papers: lost the connection to the library's server while x "
        "(server closed the connection); nothing of it was saved"
    )
