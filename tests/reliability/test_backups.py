"""`readerapp backup` while the library is being written, and `readerapp restore`."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from readerapp.cli.main import main
from readerapp.core import paths
from readerapp.core.lockfile import LibraryLock
from readerapp.services import backups, notes, triage
from readerapp.services.library import Library
from tests.reliability.helpers import canonical_dump, make_user_library


def _count_pairs(db: Path) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return int(
            conn.execute("SELECT count(*) FROM notes WHERE body LIKE 'pair %'").fetchone()[0]
        )
    finally:
        conn.close()


def test_backup_while_another_connection_writes_is_consistent_and_current(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    library_dir = tmp_path / "library"
    make_user_library(library_dir)
    db = paths.database_path(library_dir)
    stop = threading.Event()
    committed = [0]

    def writer() -> None:
        # Another process's writes, committed two notes at a time: a consistent copy has an
        # even number; one taken from the main file alone would miss what sits in the WAL.
        conn = sqlite3.connect(db, isolation_level=None)
        conn.execute("PRAGMA wal_autocheckpoint = 0")  # keep every commit in the WAL
        i = 0
        while not stop.is_set():
            conn.execute("BEGIN IMMEDIATE")
            for side in "ab":
                conn.execute(
                    "INSERT INTO notes (paper_id, body, created_at, updated_at) "
                    "VALUES (1, ?, '2024-01-01', '2024-01-01')",
                    (f"pair {i} {side}",),
                )
            conn.execute("COMMIT")
            committed[0] = 2 * (i + 1)
            i += 1
        conn.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        seen = []
        for _ in range(5):
            while committed[0] < 20 + 40 * len(seen):
                stop.wait(0.01)
            floor = committed[0]
            assert main(["--library", str(library_dir), "backup"]) == 0
            target = Path(capsys.readouterr().out.strip())
            assert target.parent == library_dir / "backups" and target.is_file()
            assert not Path(f"{target}-wal").exists()  # one self-contained file
            count = _count_pairs(target)
            assert count % 2 == 0 and count >= floor
            assert backups.validate(target) >= 1
            seen.append(target)
    finally:
        stop.set()
        thread.join()
    assert len(set(seen)) == 5


def test_backup_to_a_named_file_and_restore_it(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    library_dir = tmp_path / "library"
    make_user_library(library_dir)
    db = paths.database_path(library_dir)
    target = tmp_path / "my backups ü" / "monday.sqlite"
    assert main(["--library", str(library_dir), "backup", str(target)]) == 0
    assert capsys.readouterr().out.strip() == str(target)
    at_backup = canonical_dump(db)

    with Library.open(library_dir) as lib:  # work after the backup, to be undone by restore
        triage.set_starred(lib, [40, 41], True)
        notes.add_note(lib, 40, "written after the backup")
    assert canonical_dump(db) != at_backup

    assert main(["--library", str(library_dir), "restore", str(target)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"restored {target}: 73 papers, 73 indexed")
    assert canonical_dump(db) == at_backup
    assert main(["--library", str(library_dir), "check"]) == 0
    assert capsys.readouterr().out.strip().endswith(": ok")
    with Library.open(library_dir) as lib:
        assert not triage.get_paper(lib, 40).starred
        from readerapp.services import search

        assert search.search(lib, 'note:"written after the backup"') == []
    # The replaced library was kept, with the work done after the backup.
    (kept,) = (library_dir / "backups").glob("before-restore-*.sqlite")
    conn = sqlite3.connect(kept)
    try:
        assert conn.execute("SELECT starred FROM papers WHERE id = 40").fetchone() == (1,)
    finally:
        conn.close()


def test_restore_is_refused_while_the_app_has_the_library_open(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    library_dir = tmp_path / "library"
    make_user_library(library_dir)
    target = backups.backup(library_dir)
    before = paths.database_path(library_dir).read_bytes()
    with LibraryLock(library_dir):  # what the desktop app holds while open
        code = main(["--library", str(library_dir), "restore", str(target)])
    assert code == 2
    assert "open in another readerapp window" in capsys.readouterr().err
    assert paths.database_path(library_dir).read_bytes() == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "not a readerapp library (no "),
        (b"just some text, not SQLite at all" * 100, "not a readerapp library (file is not a "),
        (None, "not a readerapp library (no meta, notes"),  # an SQLite file of something else
    ],
)
def test_restore_refuses_a_file_that_is_not_a_library(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: bytes | None,
    message: str,
) -> None:
    library_dir = tmp_path / "library"
    make_user_library(library_dir)
    before = canonical_dump(paths.database_path(library_dir))
    bogus = tmp_path / "bogus.sqlite"
    if content is None:
        conn = sqlite3.connect(bogus)
        conn.execute("CREATE TABLE papers (id INTEGER)")
        conn.commit()
        conn.close()
    else:
        bogus.write_bytes(content)
    assert main(["--library", str(library_dir), "restore", str(bogus)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"readerapp: {bogus}: {message}") and err.count("\n") == 1, err
    assert canonical_dump(paths.database_path(library_dir)) == before
    assert not (library_dir / "backups").exists()


def test_backup_of_a_mistyped_folder_is_refused_and_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    typo = tmp_path / "libary"
    assert main(["--library", str(typo), "backup"]) == 1
    assert "there is no library here to back up" in capsys.readouterr().err
    assert not typo.exists()


def test_restore_into_an_empty_folder_says_there_was_nothing_to_keep(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source_dir = tmp_path / "source"
    make_user_library(source_dir)
    copy = tmp_path / "copy.sqlite"
    assert main(["--library", str(source_dir), "backup", str(copy)]) == 0
    capsys.readouterr()
    target = tmp_path / "new"
    assert main(["--library", str(target), "restore", str(copy)]) == 0
    out = capsys.readouterr().out
    assert "there was no library here before" in out and "kept at" not in out


def test_restore_is_refused_while_another_command_has_the_library_open(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # A `readerapp import` or a script holds a connection, even an idle one: replacing the
    # file under it would lose its writes (and its WAL could later land on the restored file).
    library_dir = tmp_path / "library"
    make_user_library(library_dir)
    target = backups.backup(library_dir)
    db_path = paths.database_path(library_dir)
    before = db_path.read_bytes()
    other = sqlite3.connect(db_path)
    try:
        other.execute("SELECT count(*) FROM papers").fetchone()  # open, between statements
        code = main(["--library", str(library_dir), "restore", str(target)])
    finally:
        other.close()
    assert code != 0
    assert "in use by another readerapp command" in capsys.readouterr().err
    assert db_path.read_bytes() == before
    assert not list((library_dir / "backups").glob("before-restore-*"))
    assert not db_path.with_name(db_path.name + ".restoring").exists()
    assert main(["--library", str(library_dir), "restore", str(target)]) == 0  # once it closed
