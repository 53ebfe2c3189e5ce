"""`imports`, `undo-import` and `import --dry-run`, as a user and a script run them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from readerapp.core import paths
from readerapp.core.location import LibraryLocation, ServerLocation
from readerapp.services.library import Library
from tests.cli.test_cli import Cli, ids_of
from tests.conftest import SEED
from tests.plain_db import content


@pytest.fixture
def cli(library_dir: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(library_dir, capsys)


def _title_id(cli: Cli, words: str) -> int:
    (paper_id,) = ids_of(cli, f'title:"{words}"')
    return paper_id


@pytest.mark.usefixtures("engine")  # undo keeps both text engines in step with SQLite
def test_import_star_note_queue_undo_round_trip(cli: Cli) -> None:
    cli.ok("import", str(SEED))
    starred = _title_id(cli, "SwinFace")
    noted = _title_id(cli, "Unified Generative Retriever")
    queued = _title_id(cli, "TaskExpert")
    cli.ok("star", str(starred))
    cli.ok("note", str(noted), "Compare with DSI.")
    cli.ok("queue", "add", "Week 32", str(queued))

    (batch,) = cli.json("imports")  # type: ignore[misc]
    assert batch["id"] == 1 and batch["source"] == str(SEED)
    assert batch["format"] == "hf-daily-text"
    assert (batch["added"], batch["merged"], batch["unchanged"], batch["skipped"]) == (73, 0, 0, 0)
    assert batch["undone"] is False and batch["undone_at"] is None
    listing = cli.ok("imports")
    assert listing.splitlines()[1].split()[0] == "1" and str(SEED) in listing

    out = cli.ok("undo-import", "1")
    lines = out.splitlines()
    assert lines[0] == "Undid import 1 (hf_daily_papers_seed.txt): removed 70 papers."
    assert lines[1].startswith("Kept 3 papers: ")
    kept = {int(line.split()[0]): line.split(None, 1)[1] for line in lines[2:]}
    assert kept[starred].startswith("starred: SwinFace")
    assert kept[noted].startswith("has notes: A Unified Generative Retriever")
    assert kept[queued].startswith("queued: TaskExpert")
    assert sorted(ids_of(cli, "")) == sorted([starred, noted, queued])
    assert ids_of(cli, "skill localization") == []  # a removed paper's words
    assert cli("check")[0] == 0

    (batch,) = cli.json("imports")  # type: ignore[misc]
    assert batch["undone"] is True and batch["papers"] == 3
    assert "(undone " in cli.ok("imports")

    code, out, err = cli("undo-import", "1")
    assert (code, out) == (1, "")
    assert err.startswith("readerapp: import batch 1 was already undone on ")
    code, _, err = cli("undo-import", "42")
    assert code == 1 and "no import batch 42" in err


def test_undo_import_json(cli: Cli) -> None:
    cli.ok("import", str(SEED))
    starred = _title_id(cli, "SwinFace")
    cli.ok("star", str(starred))
    report = cli.json("undo-import", "1")
    assert report == {
        "batch_id": 1,
        "removed": 72,
        "reverted": 0,
        "kept": [{"id": starred, "reason": "starred", "title": report["kept"][0]["title"]}],
    }  # type: ignore[index]
    assert report["kept"][0]["title"].startswith("SwinFace")  # type: ignore[index]


def test_imports_on_an_empty_library(cli: Cli) -> None:
    # `imports` creates no library (a mistyped --library): an empty one is made first.
    Library.open(cli.library).close()
    assert cli.ok("imports") == "no imports yet\n"
    assert cli.json("imports") == []


def _settled_bytes(library: LibraryLocation) -> bytes | None:
    """The database file after committed WAL frames are copied into it: in WAL mode the
    file alone changes whenever a checkpoint runs, even when no transaction committed.
    None for a server library: it has no file here."""
    if isinstance(library, ServerLocation):
        return None
    db = paths.database_path(library)
    conn = sqlite3.connect(db)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    return db.read_bytes()


def test_dry_run_prints_the_report_and_leaves_the_database_file_as_it_was(cli: Cli) -> None:
    cli.ok("import", str(SEED))  # a library with papers and a batch already
    before_rows, before_bytes = content(cli.library), _settled_bytes(cli.library)
    out = cli.ok("import", "--dry-run", str(SEED))
    assert "would import 0 added, 0 merged, 73 unchanged" in out
    other = Path(__file__).parents[1] / "data" / "arxiv_ids.txt"
    (report,) = cli.json("import", "--dry-run", str(other))  # type: ignore[misc]
    assert report["dry_run"] is True and report["added"] > 0 and report["batch_id"] is None
    assert content(cli.library) == before_rows
    assert _settled_bytes(cli.library) == before_bytes
    assert len(cli.json("imports")) == 1  # type: ignore[arg-type]
