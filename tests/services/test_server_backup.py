"""`readerapp backup` of a server library: one SQLite file, from one snapshot, while other
machines write; restored into a folder, or copied back to a server."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import psycopg
import pytest

from readerapp.cli.main import main
from readerapp.core import paths
from readerapp.core.location import ServerLocation, local_dir
from readerapp.db.migrations import SCHEMA_VERSION
from readerapp.db.server import make_server_engine
from readerapp.services import backups, copying, importing
from readerapp.services.library import Library
from tests.conftest import SEED, ServerDatabases
from tests.library_contents import dump, sqlite_engine

pytestmark = pytest.mark.own_backends  # makes its own folders and server databases


@pytest.fixture
def server(server_databases: ServerDatabases, tmp_path: Path) -> ServerLocation:
    folder = tmp_path / "seeded"
    with Library.open(folder) as lib:
        importing.import_path(lib, SEED)
    location = server_databases.new()
    copying.copy_library(folder, location)
    return location


def _server_rows(location: ServerLocation) -> dict[str, list[tuple[object, ...]]]:
    engine = make_server_engine(location)
    try:
        found = dump(engine)
    finally:
        engine.dispose()
    found["meta"] = [row for row in found["meta"] if row[0] != "schema_version"]
    return found


def _file_rows(db_path: Path) -> dict[str, list[tuple[object, ...]]]:
    engine = sqlite_engine(db_path)
    try:
        return dump(engine)
    finally:
        engine.dispose()


def _pairs(db_path: Path) -> int:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        query = "SELECT count(*) FROM notes WHERE body LIKE 'pair %'"
        return int(conn.execute(query).fetchone()[0])
    finally:
        conn.close()


def test_a_backup_is_one_file_at_one_moment_while_the_server_is_written(
    server: ServerLocation, capsys: pytest.CaptureFixture[str]
) -> None:
    stop = threading.Event()
    committed = [0]

    def writer() -> None:
        # Another machine commits two notes at a time: a backup from one snapshot holds an
        # even number of them, at least as many as were committed before it started.
        with psycopg.connect(server.driver_url, autocommit=True) as conn:
            i = 0
            while not stop.is_set():
                with conn.transaction():
                    for side in "ab":
                        conn.execute(
                            "INSERT INTO notes (paper_id, body, created_at, updated_at) "
                            "VALUES (1, %s, now(), now())",
                            (f"pair {i} {side}",),
                        )
                committed[0] = 2 * (i + 1)
                i += 1

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        seen = []
        for _ in range(3):
            while committed[0] < 10 + 20 * len(seen):
                stop.wait(0.01)
            floor = committed[0]
            assert main(["--library", server.url, "backup"]) == 0
            target = Path(capsys.readouterr().out.strip())
            assert target.parent == local_dir(server) / "backups" and target.is_file()
            assert not Path(f"{target}-wal").exists()  # one self-contained file
            count = _pairs(target)
            assert count % 2 == 0 and count >= floor
            assert backups.validate(target) == SCHEMA_VERSION
            seen.append(target)
    finally:
        stop.set()
        thread.join()
    assert len(set(seen)) == 3


def test_a_backup_restores_into_a_folder_and_copies_back_to_a_server(
    server: ServerLocation,
    server_databases: ServerDatabases,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    rows = _server_rows(server)
    target = tmp_path / "backups ü" / "monday.sqlite"
    assert main(["--library", server.url, "backup", str(target)]) == 0
    assert capsys.readouterr().out.strip() == str(target)
    assert _file_rows(target) == rows

    folder = tmp_path / "restored"
    assert main(["--library", str(folder), "restore", str(target)]) == 0
    assert capsys.readouterr().out.startswith(f"restored {target}: 73 papers, 73 indexed")
    assert _file_rows(paths.database_path(folder)) == rows

    again = server_databases.new()
    assert main(["copy-library", str(target), again.url]) == 0
    assert _server_rows(again) == rows

    # A server library is not replaced whole: the line says what to do instead.
    assert main(["--library", server.url, "restore", str(target)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "copy-library FILE URL" in err


def test_a_database_without_a_library_has_no_backup(
    server_databases: ServerDatabases, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = server_databases.new()
    assert main(["--library", empty.url, "backup"]) == 1
    assert capsys.readouterr().err == (
        f"readerapp: {empty.shown}: there is no library here to back up\n"
    )
    assert not (local_dir(empty) / "backups").exists()
