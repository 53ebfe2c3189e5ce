"""A server library's bulk foreign keys, checked per statement by triggers (db.server_keys),
on the real server: the same rows refused, the same cascades, the same locks as the
constraints they replace; a new library and an upgraded one end with the same schema."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from readerapp.core.location import ServerLocation
from readerapp.db import server_keys
from readerapp.db.migrations import SCHEMA_VERSION
from readerapp.services import importing, triage
from readerapp.services.library import Library
from tests.conftest import SEED, ServerDatabases

pytestmark = pytest.mark.own_backends  # makes its own server databases


@pytest.fixture
def seeded(server_databases: ServerDatabases, tmp_path: Path) -> ServerLocation:
    """The seed dump (73 papers, no authors) and two papers with authors."""
    location = server_databases.new(with_library=True)
    bib = tmp_path / "authors.bib"
    bib.write_text(
        "@article{a, title={Keys checked once a statement}, author={Ana Ruiz and Ben Ode},"
        " year={2031}}\n"
        "@article{b, title={Cascades in sets}, author={Chen Li}, year={2031}}\n"
    )
    with Library.open(location) as lib:
        assert importing.import_path(lib, SEED).added == 73
        assert importing.import_path(lib, bib).added == 2
    return location


def _connect(location: ServerLocation, **kwargs: Any) -> psycopg.Connection[Any]:
    return psycopg.connect(location.driver_url, **kwargs)


def _one(conn: psycopg.Connection[Any], sql: str, *params: object) -> Any:
    row = conn.execute(sql, params).fetchone()
    assert row is not None
    return row[0]


def _paper_with_authors(conn: psycopg.Connection[Any]) -> int:
    return int(_one(conn, "SELECT min(paper_id) FROM paper_authors"))


def test_the_bulk_keys_are_triggers_and_the_others_stay_constraints(
    seeded: ServerLocation,
) -> None:
    with _connect(seeded) as conn:
        keys = {
            (table, column)
            for table, column in conn.execute(
                "SELECT c.conrelid::regclass::text, a.attname FROM pg_constraint c"
                " JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY(c.conkey)"
                " WHERE c.contype = 'f'"
            )
        }
        triggers = set(
            conn.execute(
                "SELECT tgrelid::regclass::text, tgname FROM pg_trigger WHERE NOT tgisinternal"
            ).fetchall()
        )
    for key in server_keys.SET_KEYS:
        assert (key.child, key.column) not in keys
    assert ("paper_tags", "paper_id") in keys and ("notes", "paper_id") in keys
    assert triggers == set(server_keys.trigger_names())


@pytest.mark.parametrize(
    "sql",
    [
        "INSERT INTO paper_authors (paper_id, position, name) VALUES (99999, 0, 'Nobody')",
        "INSERT INTO paper_sources (paper_id, batch_id, line, created) VALUES (99999, 1, 1, true)",
        "INSERT INTO journal_papers (seq, paper_id, indexed) VALUES (99999, 1, true)",
        "UPDATE paper_authors SET paper_id = 99999 WHERE paper_id = {paper}",
    ],
)
def test_a_row_without_its_parent_is_refused_with_the_key_error(
    seeded: ServerLocation, sql: str
) -> None:
    with _connect(seeded) as conn:
        statement = sql.format(paper=_paper_with_authors(conn))
        with pytest.raises(psycopg.errors.ForeignKeyViolation) as caught:
            conn.execute(statement)
    table = statement.split()[2 if statement.startswith("INSERT") else 1]
    assert caught.value.diag.constraint_name in {k.name for k in server_keys.SET_KEYS}
    assert str(caught.value).startswith(f'insert or update on table "{table}" violates')
    assert "is not present in table" in str(caught.value)


def test_a_copy_with_one_orphan_among_many_rows_adds_none(seeded: ServerLocation) -> None:
    with _connect(seeded) as conn:
        before = _one(conn, "SELECT count(*) FROM paper_authors")
        statement = "COPY paper_authors (paper_id, position, name) FROM STDIN"
        with (
            pytest.raises(psycopg.errors.ForeignKeyViolation) as caught,
            conn.transaction(),
            conn.cursor().copy(statement) as copy,
        ):
            for pid in range(1, 74):
                copy.write_row((pid, 100, "Extra"))
            copy.write_row((4242, 0, "Orphan"))
        assert "Key (paper_id)=(4242)" in str(caught.value)
        assert _one(conn, "SELECT count(*) FROM paper_authors") == before


def test_deleting_papers_deletes_their_authors_and_sources_as_the_cascade_did(
    seeded: ServerLocation,
) -> None:
    with _connect(seeded) as conn:
        pid = _paper_with_authors(conn)
        assert _one(conn, "SELECT count(*) FROM paper_sources WHERE paper_id = %s", pid) == 1
    with Library.open(seeded) as lib:
        triage.delete_papers(lib, [pid, pid + 1])
    with _connect(seeded) as conn:
        for table in ("paper_authors", "paper_sources", "batch_fills"):
            orphans = _one(
                conn,
                f"SELECT count(*) FROM {table} t"
                " WHERE NOT EXISTS (SELECT 1 FROM papers p WHERE p.id = t.paper_id)",
            )
            assert orphans == 0, table
        assert _one(conn, "SELECT count(*) FROM paper_authors WHERE paper_id = %s", pid) == 0
        # Deleting the batch takes its sources with it; the journal's entries their papers.
        conn.execute("DELETE FROM import_batches")
        assert _one(conn, "SELECT count(*) FROM paper_sources") == 0
        assert _one(conn, "SELECT count(*) FROM journal_papers") > 0
        conn.execute("DELETE FROM journal")
        assert _one(conn, "SELECT count(*) FROM journal_papers") == 0


def test_a_referenced_parent_keeps_its_key_and_is_not_truncated_alone(
    seeded: ServerLocation,
) -> None:
    with _connect(seeded, autocommit=True) as conn:
        pid = _paper_with_authors(conn)
        with pytest.raises(psycopg.errors.ForeignKeyViolation, match="still referenced"):
            conn.execute("UPDATE papers SET id = 99999 WHERE id = %s", (pid,))
        with pytest.raises(psycopg.errors.ForeignKeyViolation, match="still referenced"):
            conn.execute("TRUNCATE journal")
        conn.execute("TRUNCATE journal, journal_papers")  # with its child, as before
        assert _one(conn, "SELECT count(*) FROM papers WHERE id = %s", pid) == 1


def _waits_for_a_lock(watcher: psycopg.Connection[Any], pid: int, done: threading.Event) -> None:
    """Returns once the backend `pid` waits for a lock (or its statement ended)."""
    while not done.is_set():
        waiting = _one(
            watcher,
            "SELECT count(*) FROM pg_stat_activity WHERE pid = %s AND wait_event_type = 'Lock'",
            pid,
        )
        if waiting:
            return
        done.wait(0.02)
    pytest.fail("the second transaction did not wait for the first")


@pytest.fixture
def three(seeded: ServerLocation) -> Iterator[tuple[psycopg.Connection[Any], ...]]:
    conns = (
        _connect(seeded),
        _connect(seeded),
        _connect(seeded, autocommit=True),
    )
    yield conns
    for conn in conns:
        conn.close()


def test_a_delete_waits_for_an_insert_of_a_child_then_cascades_to_it(
    three: tuple[psycopg.Connection[Any], ...],
) -> None:
    inserter, deleter, watcher = three
    pid = _one(watcher, "SELECT max(id) FROM papers")
    inserter.execute(
        "INSERT INTO paper_authors (paper_id, position, name) VALUES (%s, 50, 'Late')", (pid,)
    )
    done = threading.Event()
    failed: list[BaseException] = []

    def delete() -> None:
        try:
            deleter.execute("DELETE FROM papers WHERE id = %s", (pid,))
            deleter.commit()
        except BaseException as exc:
            failed.append(exc)
        finally:
            done.set()

    thread = threading.Thread(target=delete)
    thread.start()
    _waits_for_a_lock(watcher, deleter.info.backend_pid, done)
    assert not done.is_set()  # the parent is locked by the inserter's key check
    inserter.commit()
    thread.join()
    assert failed == []
    assert _one(watcher, "SELECT count(*) FROM papers WHERE id = %s", pid) == 0
    assert _one(watcher, "SELECT count(*) FROM paper_authors WHERE paper_id = %s", pid) == 0


def test_an_insert_of_a_child_waits_for_a_delete_of_its_parent_then_fails(
    three: tuple[psycopg.Connection[Any], ...],
) -> None:
    inserter, deleter, watcher = three
    pid = _one(watcher, "SELECT max(id) FROM papers")
    deleter.execute("DELETE FROM papers WHERE id = %s", (pid,))
    done = threading.Event()
    failed: list[BaseException] = []

    def insert() -> None:
        try:
            inserter.execute(
                "INSERT INTO paper_authors (paper_id, position, name) VALUES (%s, 50, 'Late')",
                (pid,),
            )
            inserter.commit()
        except BaseException as exc:
            failed.append(exc)
            inserter.rollback()
        finally:
            done.set()

    thread = threading.Thread(target=insert)
    thread.start()
    _waits_for_a_lock(watcher, inserter.info.backend_pid, done)
    deleter.commit()
    thread.join()
    assert len(failed) == 1 and isinstance(failed[0], psycopg.errors.ForeignKeyViolation)
    assert _one(watcher, "SELECT count(*) FROM paper_authors WHERE paper_id = %s", pid) == 0


def test_a_repeatable_read_delete_of_a_parent_is_refused_not_left_with_orphans(
    seeded: ServerLocation,
) -> None:
    """Such a transaction cannot see children a concurrent one committed after its snapshot,
    so it may not cascade; PostgreSQL's constraint fails it then with the same SQLSTATE."""
    with _connect(seeded) as conn:
        conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
        with pytest.raises(psycopg.errors.SerializationFailure):
            conn.execute("DELETE FROM papers WHERE id = 1")
        conn.rollback()
        conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
        conn.execute("DELETE FROM papers WHERE id = -1")  # nothing deleted: nothing refused


def _schema(conn: psycopg.Connection[Any]) -> list[tuple[Any, ...]]:
    """What a library's DDL made: columns, constraints, indexes, triggers, functions."""
    return [
        *conn.execute(
            "SELECT table_name, column_name, data_type, is_nullable, column_default"
            " FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2"
        ),
        *conn.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)"
            " FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2"
        ),
        *conn.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1"
        ),
        *conn.execute(
            "SELECT tgrelid::regclass::text, tgname, pg_get_triggerdef(oid)"
            " FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1, 2"
        ),
        *conn.execute(
            "SELECT proname, prosrc, prosecdef, proconfig::text FROM pg_proc"
            " WHERE pronamespace = 'public'::regnamespace ORDER BY 1"
        ),
    ]


def test_a_version_8_library_upgrades_to_the_triggers_with_its_papers(
    seeded: ServerLocation, server_databases: ServerDatabases
) -> None:
    with _connect(seeded) as conn:
        fresh = _schema(conn)
        # Back to schema 8 as it was made: the per-row constraints, no trigger.
        for key in server_keys.SET_KEYS:
            conn.execute(f"DROP FUNCTION {key.name}_ins, {key.name}_upd CASCADE")
            conn.execute(f"DROP FUNCTION {key.name}_del, {key.name}_key, {key.name}_trunc CASCADE")
            conn.execute(
                f"ALTER TABLE {key.child} ADD CONSTRAINT {key.name} FOREIGN KEY ({key.column})"
                f" REFERENCES {key.parent} ({key.parent_column}) ON DELETE CASCADE"
            )
        conn.execute("UPDATE meta SET value = '8' WHERE key = 'schema_version'")
        papers = conn.execute("SELECT * FROM papers ORDER BY id").fetchall()
        authors = conn.execute("SELECT * FROM paper_authors ORDER BY 1, 2").fetchall()
    with Library.open(seeded) as lib:
        assert triage.get_paper(lib, 1).title
    with _connect(seeded) as conn:
        assert _one(conn, "SELECT value FROM meta WHERE key = 'schema_version'") == str(
            SCHEMA_VERSION
        )
        assert conn.execute("SELECT * FROM papers ORDER BY id").fetchall() == papers
        assert conn.execute("SELECT * FROM paper_authors ORDER BY 1, 2").fetchall() == authors
        assert _schema(conn) == fresh
        with pytest.raises(psycopg.errors.ForeignKeyViolation):
            conn.execute("INSERT INTO paper_authors VALUES (99999, 0, 'Nobody')")
