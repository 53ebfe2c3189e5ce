"""The tests' throw-away PostgreSQL server works: a database can be made, written and read,
and the server survives a restart (the fault tests restart it mid-session)."""

from __future__ import annotations

import psycopg

from tests.pg_cluster import cluster


def test_a_new_database_can_be_written_and_read_back() -> None:
    url = cluster().create_database()
    with psycopg.connect(url) as conn:
        conn.execute("CREATE TABLE t (id integer PRIMARY KEY, title text)")
        conn.execute("INSERT INTO t VALUES (%s, %s)", (1, "Attention Is All You Need"))
        conn.commit()
    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT title FROM t WHERE id = 1").fetchone()
    assert row == ("Attention Is All You Need",)


def test_a_restart_cuts_connections_and_keeps_data() -> None:
    server = cluster()
    url = server.create_database()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE TABLE t (id integer)")
        conn.execute("INSERT INTO t VALUES (7)")
    held = psycopg.connect(url, autocommit=True)
    server.restart()
    try:
        held.execute("SELECT 1")
        raise AssertionError("a connection from before the restart still answered")
    except psycopg.OperationalError:
        pass
    finally:
        held.close()
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT id FROM t").fetchall() == [(7,)]


def test_an_untouched_database_is_handed_to_the_next_test() -> None:
    server = cluster()
    first = server.take_empty_database()
    left_open = psycopg.connect(first, autocommit=True)
    left_open.execute("LISTEN readerapp_journal")  # a window a test forgot to close
    server.give_back(first)
    assert server.take_empty_database() == first
    try:
        left_open.execute("SELECT 1")
        raise AssertionError("the last test's connection still reaches the handed-on database")
    except psycopg.OperationalError:
        pass
    finally:
        left_open.close()
    server.give_back(first)


def test_a_database_anything_was_made_in_is_dropped_not_handed_on() -> None:
    server = cluster()
    admin = server.url()
    changes = [
        "CREATE TABLE t (x integer)",
        "CREATE SCHEMA meta",
        "CREATE FUNCTION one() RETURNS integer LANGUAGE sql AS 'SELECT 1'",
        "SELECT lo_create(0)",
        "GRANT CREATE ON SCHEMA public TO PUBLIC",
        "GRANT CONNECT ON DATABASE {db} TO PUBLIC",
        "ALTER DATABASE {db} SET work_mem = '8MB'",
    ]
    for change in changes:
        url = server.take_empty_database()
        name = url.rsplit("/", 1)[1]
        with psycopg.connect(url if "DATABASE" not in change else admin, autocommit=True) as conn:
            conn.execute(change.format(db=f'"{name}"'))  # type: ignore[arg-type]
        server.give_back(url)
        with psycopg.connect(admin) as conn:
            kept = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        assert kept is None, change
        assert server.take_empty_database() != url, change
