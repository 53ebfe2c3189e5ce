"""The Server tab's fields as a URL and back, and the connection test against a real server."""

from __future__ import annotations

import socket
from urllib.parse import urlsplit

import pytest

from readerapp.core.errors import LibraryError, ServerUnreachable
from readerapp.services.library import Library
from readerapp.services.servers import ServerForm, probe
from tests.pg_cluster import cluster

pytestmark = pytest.mark.own_backends  # talks to the server itself


def test_the_form_makes_a_url_without_password_and_reads_it_back() -> None:
    form = ServerForm(
        host="db.lab.org", database="papers", user="ana", port=5433, sslmode="require"
    )
    assert form.url() == "postgresql://ana@db.lab.org:5433/papers?sslmode=require"
    assert ServerForm.from_url(form.url()) == form
    plain = ServerForm(host="db", database="papers")
    assert plain.url() == "postgresql://db/papers"  # libpq's defaults are left out
    assert ServerForm.from_url(plain.url()) == plain


def test_odd_names_are_escaped_and_a_password_is_dropped() -> None:
    form = ServerForm(host="::1", database="our papers/2024", user="ana@lab", sslmode="verify-full")
    url = form.url()
    assert url == "postgresql://ana%40lab@[::1]/our%20papers%2F2024?sslmode=verify-full"
    assert ServerForm.from_url(url) == form
    read = ServerForm.from_url("postgres://ana:hunter2@db/papers?sslmode=bogus")
    assert read == ServerForm(host="db", database="papers", user="ana")
    assert read is not None and "hunter2" not in read.url()
    assert ServerForm.from_url("/home/ana/library") is None
    assert ServerForm.from_url("postgresql://db:notaport/papers") is None


def test_what_is_missing_before_a_connection_can_be_tried() -> None:
    assert ServerForm(host="", database="papers").problem() == "host"
    assert ServerForm(host="db", database=" ").problem() == "database"
    assert ServerForm(host="db", database="papers").problem() is None


def _form(url: str) -> ServerForm:
    parts = urlsplit(url)
    return ServerForm(
        host=parts.hostname or "",
        port=parts.port or 5432,
        database=parts.path.lstrip("/"),
        user=parts.username or "",
        sslmode="disable",
    )


def test_a_connection_test_reports_the_server_and_the_library_there() -> None:
    url = cluster().create_database()
    empty = probe(_form(url).url())
    assert empty.version.startswith(("15", "16", "17", "14", "13"))
    assert empty.user == "readerapp" and empty.papers is None
    database = urlsplit(url).path.lstrip("/")
    cluster().admin_sql("CREATE TABLE papers (id integer)", database)
    cluster().admin_sql("INSERT INTO papers VALUES (1), (2)", database)
    assert probe(url).papers == 2


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_failed_test_says_why_in_one_line_without_the_password() -> None:
    url = f"postgresql://ana:hunter2@127.0.0.1:{_closed_port()}/papers"
    with pytest.raises(LibraryError) as caught:
        probe(url)
    message = str(caught.value)
    assert "hunter2" not in message and "\n" not in message
    assert message.startswith(f"postgresql://ana@127.0.0.1:{urlsplit(url).port}/papers: ")
    assert "refused" in message or "failed" in message
    missing = cluster().url("no_such_database")
    with pytest.raises(LibraryError, match='database "no_such_database" does not exist'):
        probe(missing)


def test_the_ssl_mode_reaches_libpq() -> None:
    """The tests' server offers no TLS: "require" and "verify-full" are refused by libpq
    itself, "prefer" goes on without, "disable" never asks."""
    url = cluster().create_database()
    for mode in ("require", "verify-full"):
        with pytest.raises(ServerUnreachable, match="SSL"):
            probe(f"{url}?sslmode={mode}")
    with pytest.raises(ServerUnreachable, match="server does not support SSL"):
        Library.open(f"{url}?sslmode=require")
    assert probe(f"{url}?sslmode=prefer").user == "readerapp"
    assert probe(f"{url}?sslmode=disable").papers is None
