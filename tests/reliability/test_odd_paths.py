"""Libraries in folders whose names mean something in a URL ("#", "?", "%41")."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from readerapp.cli.main import main
from readerapp.core import paths
from tests.conftest import SEED


@pytest.mark.parametrize("folder", ["notes #3", "what? now", "100%41 done"])
def test_open_backup_and_refuse_newer_in_an_oddly_named_folder(
    tmp_path: Path, folder: str, capsys: pytest.CaptureFixture[str]
) -> None:
    library = tmp_path / folder / "library"
    assert main(["--library", str(library), "import", str(SEED)]) == 0
    assert main(["--library", str(library), "backup"]) == 0
    backup = Path(capsys.readouterr().out.strip().splitlines()[-1])
    assert backup.parent == library / "backups"
    conn = sqlite3.connect(backup)
    try:
        assert conn.execute("SELECT count(*) FROM papers").fetchone() == (73,)
    finally:
        conn.close()
    # Nothing was created anywhere else (a path cut at "#" or "?" made a stray database).
    assert sorted(p.name for p in tmp_path.rglob("*.sqlite")) == sorted(
        ["library.sqlite", backup.name]
    )
    # A newer library there is still recognised as newer, and refused.
    conn = sqlite3.connect(paths.database_path(library))
    try:
        conn.execute("PRAGMA user_version = 99")
    finally:
        conn.close()
    assert main(["--library", str(library), "check"]) == 2
    assert "made by a newer readerapp" in capsys.readouterr().err
