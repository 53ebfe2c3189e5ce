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
