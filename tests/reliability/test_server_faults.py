"""Faults of a server library, each against the real server: it restarts under an open
library, and the connection of an import is cut before its commit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from readerapp.core.location import ServerLocation
from readerapp.core.testhooks import PAUSE_ENV, PAUSED_PREFIX, RESUME_ENV
from readerapp.services import copying, importing, notes, search, triage
from readerapp.services.library import Library
from tests.conftest import SEED, ServerDatabases
from tests.pg_cluster import cluster
from tests.reliability.helpers import REPO, hf_json_dump

pytestmark = pytest.mark.sqlite_only  # the server libraries here are made by the test


@pytest.fixture
def server_library(server_databases: ServerDatabases, tmp_path: Path) -> ServerLocation:
    folder = tmp_path / "seeded"
    with Library.open(folder) as lib:
        importing.import_path(lib, SEED)
    location = server_databases.new()
    copying.copy_library(folder, location)
    return location


def _count(location: ServerLocation, sql: str) -> int:
    with psycopg.connect(location.driver_url) as conn:
        row = conn.execute(sql).fetchone()  # type: ignore[arg-type]
    assert row is not None
    return int(row[0])


def test_a_restart_under_an_open_library_loses_and_repeats_nothing(
    server_library: ServerLocation, tmp_path: Path
) -> None:
    bib = tmp_path / "after.bib"
    bib.write_text(
        "@article{a, title={Written after the restart}, year={2031}}\n"
        "@article{b, title={Also after the restart}, year={2031}}\n"
    )
    with Library.open(server_library) as lib:
        triage.set_starred(lib, [1], True)
        notes.add_note(lib, 1, "before the restart")
        cluster().restart()  # every connection of this library is cut
        # Reads and writes go on: the pool replaces the dropped connections.
        assert [p.id for p in search.search(lib, "is:starred")] == [1]
        triage.set_starred(lib, [2], True)
        notes.add_note(lib, 1, "after the restart")
        assert importing.import_path(lib, bib).added == 2
        lib.sync_index()
        assert {p.id for p in search.search(lib, "is:starred")} == {1, 2}
        assert [n.body for n in triage.get_paper(lib, 1).notes] == [
            "before the restart",
            "after the restart",
        ]
        found = search.search(lib, '"after the restart"')  # paper 1 by its note, and the new
        assert {p.title for p in found if p.id > 73} == {
            "Written after the restart",
            "Also after the restart",
        }
    # Exactly once each, as another machine sees it.
    assert _count(server_library, "SELECT count(*) FROM papers") == 75
    assert _count(server_library, "SELECT count(*) FROM notes") == 2
    assert _count(server_library, "SELECT count(*) FROM import_batches") == 2
    with Library.open(server_library) as again:
        assert {p.id for p in search.search(again, "is:starred")} == {1, 2}


def test_an_import_whose_connection_drops_rolls_back_whole(
    server_library: ServerLocation, tmp_path: Path
) -> None:
    dump = tmp_path / "daily.json"
    dump.write_text(hf_json_dump(300), encoding="utf-8")
    resume = tmp_path / "resume"
    env = dict(
        os.environ,
        PYTHONPATH=str(REPO),
        READERAPP_LIBRARY=server_library.url,
        **{PAUSE_ENV: "import-written", RESUME_ENV: str(resume)},
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "readerapp", "import", str(dump)],
        env=env,
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stderr is not None
    said = []
    for line in proc.stderr:  # blocks until the import has written every row
        said.append(line)
        if line.startswith(PAUSED_PREFIX):
            break
    assert said[-1] == f"{PAUSED_PREFIX}import-written\n", said
    database = server_library.database
    # The server drops the importing connection (a network cut, an administrator).
    cluster().admin_sql(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        f"WHERE datname = '{database}' AND pid <> pg_backend_pid()"
    )
    resume.touch()
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 2, err
    assert out == ""
    assert err.count("\n") == 1, [*said, err]
    assert err == (
        f"readerapp: {server_library.shown}: lost the connection to the library's server "
        f"while importing {dump} (terminating connection due to administrator command); "
        "nothing of it was saved\n"
    )
    # Nothing of the batch is there: no paper, no batch, no half.
    assert _count(server_library, "SELECT count(*) FROM papers") == 73
    assert _count(server_library, "SELECT count(*) FROM import_batches") == 1
    # And the same import again, with the server there, brings it whole, once.
    again = subprocess.run(
        [sys.executable, "-m", "readerapp", "import", str(dump)],
        env={k: v for k, v in env.items() if k not in (PAUSE_ENV, RESUME_ENV)},
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert again.returncode == 0, again.stderr
    assert _count(server_library, "SELECT count(*) FROM papers") == 373
    assert _count(server_library, "SELECT count(*) FROM import_batches") == 2
