"""Libraries from other schema versions: the first release's file migrates (backup first, kept,
user data intact); a newer file is refused with a clear message and left byte for byte."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from readerapp.cli.main import main
from readerapp.core import paths
from readerapp.core.errors import LibraryError
from readerapp.db.migrations import SCHEMA_VERSION
from readerapp.services import checking, queues, triage
from readerapp.services.library import Library
from tests.conftest import DATA

# Made by the first release (commit 3336573, docs/reliability.md says how): the seed dump,
# stars on 1 2 3 10, statuses, tags, three notes and two queues.
V1 = DATA / "library_v1.sqlite"


def _user_version(db: Path) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def _rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


@pytest.fixture
def v1_library(tmp_path: Path) -> Path:
    directory = tmp_path / "old library"
    directory.mkdir()
    shutil.copyfile(V1, paths.database_path(directory))
    return directory


def test_the_fixture_is_a_first_release_library() -> None:
    assert _user_version(V1) == 1
    assert _rows(V1, "SELECT count(*) FROM papers") == [(73,)]


def test_a_first_release_library_migrates_after_a_kept_backup(v1_library: Path) -> None:
    db = paths.database_path(v1_library)
    original_papers = _rows(db, "SELECT * FROM papers ORDER BY id")
    original_notes = _rows(db, "SELECT id, paper_id, body FROM notes ORDER BY id")
    with Library.open(v1_library) as lib:
        backup = lib.backup_path
        assert _user_version(db) == SCHEMA_VERSION
        if SCHEMA_VERSION == 1:
            assert backup is None  # nothing to migrate
        else:
            assert backup is not None and backup.parent == v1_library
        papers = {p.id: p for p in triage.get_papers(lib, list(range(1, 74)))}
        assert {pid for pid, p in papers.items() if p.starred} == {1, 2, 3, 10}
        assert papers[2].status == "reading" and papers[3].status == "read"
        assert {pid for pid, p in papers.items() if "peft" in p.tags} == {1, 2, 5}
        assert {pid for pid, p in papers.items() if "reading group" in p.tags} == {3, 5}
        assert [n.body for n in papers[1].notes] == [
            "Compare with **LoRA**. Ünïcode ✓",
            "Second note on paper 1",
        ]
        assert [n.body for n in papers[7].notes] == ["Note on 7"]
        assert queues.queue_ids(lib, "Week 32") == [5, 3, 1]
        assert queues.queue_ids(lib, "Thesis") == [7, 2]
        assert checking.check(lib).ok
    if backup is not None:
        # The backup is the old file as it was: version 1, same rows, and it stays.
        assert _user_version(backup) == 1
        assert _rows(backup, "SELECT * FROM papers ORDER BY id") == original_papers
        assert _rows(backup, "SELECT id, paper_id, body FROM notes ORDER BY id") == original_notes
        assert _rows(backup, "PRAGMA integrity_check") == [("ok",)]
    # Opening again does not migrate (or back up) again.
    with Library.open(v1_library) as lib:
        assert lib.backup_path is None
    assert len(list(v1_library.glob("*.bak.sqlite"))) == (0 if backup is None else 1)


@pytest.mark.parametrize("journal", ["wal", "delete"])
def test_a_library_from_a_newer_version_is_refused_untouched(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    journal: str,
) -> None:
    directory = tmp_path / "newer"
    directory.mkdir()
    db = paths.database_path(directory)
    shutil.copyfile(V1, db)
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA journal_mode = {journal}")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 7}")
    conn.commit()
    conn.close()
    original = db.read_bytes()

    with pytest.raises(
        LibraryError,
        match=rf"made by a newer readerapp \(schema "
        rf"{SCHEMA_VERSION + 7}.*The file was not changed",
    ):
        Library.open(directory)
    assert main(["--library", str(directory), "search", "lora"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "update readerapp to open it" in err and str(db) in err
    assert db.read_bytes() == original
    assert not list(directory.glob("*.bak.sqlite"))


def _make_previous(directory: Path) -> Path:
    """A library as the release before the reading routine (schema 4, PDFs) wrote it: the
    first release's file brought to version 4 by the steps spelled out in DDL
    (migrations.py)."""
    from sqlalchemy import create_engine

    from readerapp.db.migrations import MIGRATIONS

    directory.mkdir()
    db = paths.database_path(directory)
    shutil.copyfile(V1, db)
    engine = create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:
        for step in (1, 2, 3):
            MIGRATIONS[step](conn)
        conn.exec_driver_sql("PRAGMA user_version = 4")
    engine.dispose()
    return db


def test_a_version_4_library_gains_the_routine_with_unknown_history(tmp_path: Path) -> None:
    from readerapp.services import days, history, routine, stats
    from tests.services.test_batches import _schema

    db = _make_previous(tmp_path / "v4")
    statuses = dict(_rows(db, "SELECT id, status FROM papers"))
    original = _rows(db, "SELECT * FROM papers ORDER BY id")
    Library.open(tmp_path / "fresh").close()
    with Library.open(tmp_path / "v4") as lib:
        backup = lib.backup_path
        assert backup is not None and _user_version(backup) == 4
        assert _rows(backup, "SELECT * FROM papers ORDER BY id") == original
        assert _schema(db) == _schema(paths.database_path(tmp_path / "fresh"))
        # Every paper's status is its one history event, at the migration, date unknown.
        events = _rows(db, "SELECT paper_id, status, known FROM status_events ORDER BY paper_id")
        assert events == [(pid, statuses[pid], 0) for pid in sorted(statuses)]
        read = history.paper_history(lib, 3)
        assert history.describe(read, days.today(lib)).endswith("read (date unknown)")
        # Nothing lost, nothing in the Inbox, nothing counted as read this week.
        papers = {p.id: p for p in triage.get_papers(lib, list(range(1, 74)))}
        assert {pid for pid, p in papers.items() if p.starred} == {1, 2, 3, 10}
        assert queues.queue_ids(lib, "Week 32") == [5, 3, 1]
        assert routine.inbox_ids(lib) == []
        figures = stats.compute(lib)
        assert figures.read == 0 and figures.papers == 73
        assert figures.backlog == sum(1 for s in statuses.values() if s in ("unread", "reading"))
        assert checking.check(lib).ok
        # New changes are dated.
        triage.set_status(lib, [1], "read")
        assert stats.compute(lib).read == 1
