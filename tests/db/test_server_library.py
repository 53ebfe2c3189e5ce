"""A library on a PostgreSQL server (`--library postgresql://...`), against this process's
throw-away server: created and opened by URL, its schema versioned in the database, its
plain reads and ORM writes on the server, its password never shown."""

from __future__ import annotations

import psycopg
import pytest

from readerapp.cli.main import main
from readerapp.core.errors import LibraryError, ServerUnreachable
from readerapp.db import reads
from readerapp.db.dbapi import to_format_style
from readerapp.db.migrations import SCHEMA_VERSION, SERVER_VERSION_KEY
from readerapp.services import importing, search, triage
from readerapp.services.library import Library
from tests.conftest import SEED, ServerDatabases
from tests.pg_cluster import _free_port


def test_placeholders_translate_for_psycopg_outside_quotes() -> None:
    assert to_format_style("SELECT ? WHERE a LIKE '%x?' AND b = ?") == (
        "SELECT %s WHERE a LIKE '%%x?' AND b = %s"
    )
    assert to_format_style('SELECT "odd?name" FROM t WHERE x = ?') == (
        'SELECT "odd?name" FROM t WHERE x = %s'
    )


def test_a_url_creates_a_library_that_opens_again_with_its_papers(
    server_databases: ServerDatabases,
) -> None:
    location = server_databases.new()
    with Library.open(location.url) as lib:
        assert lib.server == location and lib.shown == location.shown
        # This machine's files for it live in the cache, keyed by server and database.
        assert lib.directory == location.cache_dir() and lib.directory.is_dir()
        assert not lib.db_path.exists()
        report = importing.import_path(lib, SEED)
        assert report.added == 73
        starred = search.search(lib, "chain-of-thought")[0].id
        triage.set_starred(lib, [starred], True)
    with psycopg.connect(location.url) as conn:
        version = conn.execute("SELECT value FROM meta WHERE key = %s", (SERVER_VERSION_KEY,))
        assert version.fetchone() == (str(SCHEMA_VERSION),)
    with Library.open(location) as again:
        assert [p.id for p in search.search(again, "is:starred")] == [starred]
        with again.snapshot() as conn:
            assert reads.paper_count(conn) == 73
            assert reads.all_ids(conn) == set(range(1, 74))
            (paper,) = reads.load_papers(conn, [starred])
        assert paper.starred and paper.added_at.year >= 2024


def test_ids_stay_unique_after_a_bulk_import_then_single_inserts(
    server_databases: ServerDatabases,
) -> None:
    """The bulk path takes ids from the table's sequence, so the ORM's next insert gets a
    new one."""
    with Library.open(server_databases.new()) as lib:
        importing.import_path(lib, SEED)
        report = importing.import_text(
            lib, "- [A paper nobody imported](https://arxiv.org/abs/2501.00001)", "<test>"
        )
        assert report.added == 1
        assert report.paper_ids == [74]


def test_a_database_from_a_newer_readerapp_is_refused_unchanged(
    server_databases: ServerDatabases,
) -> None:
    location = server_databases.new(with_library=True)
    with psycopg.connect(location.url, autocommit=True) as conn:
        conn.execute(
            "UPDATE meta SET value = %s WHERE key = %s",
            (str(SCHEMA_VERSION + 1), SERVER_VERSION_KEY),
        )
    with pytest.raises(LibraryError) as caught:
        Library.open(location)
    message = str(caught.value)
    assert "newer readerapp" in message and location.shown in message
    assert "\n" not in message
    with psycopg.connect(location.url) as conn:
        assert conn.execute("SELECT count(*) FROM meta").fetchone() == (1,)


def test_a_database_with_other_tables_is_not_taken_over(
    server_databases: ServerDatabases,
) -> None:
    location = server_databases.new()
    with psycopg.connect(location.url, autocommit=True) as conn:
        conn.execute("CREATE TABLE invoices (id integer)")
    with pytest.raises(LibraryError, match="other tables"):
        Library.open(location)


def test_an_unreachable_server_is_one_line_exit_2_without_the_password(
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = f"postgresql://readerapp:s3cret@127.0.0.1:{_closed_port()}/papers"
    with pytest.raises(ServerUnreachable) as caught:
        Library.open(url)
    assert "s3cret" not in str(caught.value)
    code = main(["--library", url, "search", "x"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "cannot reach the library's server" in err
    assert "127.0.0.1" in err and "s3cret" not in err


def test_the_cli_creates_and_searches_a_server_library(
    server_databases: ServerDatabases, capsys: pytest.CaptureFixture[str]
) -> None:
    location = server_databases.new()
    assert main(["--library", location.url, "search", "x"]) == 1  # none there yet
    assert "holds no readerapp library" in capsys.readouterr().err
    assert main(["--library", location.url, "import", str(SEED)]) == 0
    err = capsys.readouterr().err
    assert f"created a new library in {location.shown}" in err
    assert main(["--library", location.url, "search", "chain-of-thought", "--json"]) == 0
    assert '"title"' in capsys.readouterr().out


def _closed_port() -> int:
    """A port on this machine where no server listens."""
    return _free_port()
