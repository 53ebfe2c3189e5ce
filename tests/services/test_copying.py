"""copy-library between folders: every row arrives as it was, or nothing does."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from readerapp.core import paths
from readerapp.core.errors import Cancelled, LibraryError, UserError
from readerapp.core.progress import CancelToken
from readerapp.services import copying, search, triage
from readerapp.services.library import Library
from tests.library_contents import dump, fill_library, sqlite_engine

pytestmark = pytest.mark.own_backends  # makes its own folders and server databases


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("copy") / "source"
    with Library.open(folder) as lib:
        fill_library(lib, folder.parent)
    return folder


def _dump(folder: Path) -> dict[str, list[tuple[object, ...]]]:
    engine = sqlite_engine(paths.database_path(folder))
    try:
        return dump(engine)
    finally:
        engine.dispose()


def test_a_copy_holds_every_row_and_builds_its_index_on_first_open(
    source: Path, tmp_path: Path
) -> None:
    before = _dump(source)
    assert all(before[t] for t in ("papers", "notes", "rules", "rule_hits", "status_events"))
    seen: list[tuple[int, int | None]] = []
    report = copying.copy_library(
        source, tmp_path / "copy", progress=lambda d, t, _m: seen.append((d, t))
    )
    assert report.papers == 73
    assert report.rows == {t: len(rows) for t, rows in before.items()}
    assert seen[0] == (0, report.total) and (report.total, report.total) in seen
    # Then the files, by their bytes.
    assert report.files.count == 1 and seen[-1] == (report.files.size, report.files.size)
    assert _dump(tmp_path / "copy") == before
    assert _dump(source) == before  # the source is only read
    assert not paths.index_dir(tmp_path / "copy").exists()

    queries = ("is:starred", '"adapters with prompts"', "tag:peft", "note:lora", "adapter")
    with Library.open(source) as lib:
        found = [[p.id for p in search.search(lib, q)] for q in queries]
    with Library.open(tmp_path / "copy") as lib:  # builds the index from the copied rows
        assert [[p.id for p in search.search(lib, q)] for q in queries] == found
        assert found[1] == [4] and len(found[0]) > 4
        triage.set_starred(lib, [20], True)  # the copy is a library like any other
        assert triage.get_paper(lib, 20).starred


def test_the_description_names_both_libraries(source: Path, tmp_path: Path) -> None:
    report = copying.copy_library(source, tmp_path / "copy")
    line = copying.describe(report)
    assert line.startswith("copied 73 papers and ")
    assert str(source) in line and str(tmp_path / "copy") in line


def test_a_backup_file_can_be_copied_from(source: Path, tmp_path: Path) -> None:
    from readerapp.services import backups

    file = backups.backup(source, tmp_path / "monday.sqlite")
    copying.copy_library(file, tmp_path / "copy")
    assert _dump(tmp_path / "copy") == _dump(source)


def test_an_empty_library_may_be_the_destination(source: Path, tmp_path: Path) -> None:
    Library.open(tmp_path / "empty").close()  # opened once: a schema, no papers
    copying.copy_library(source, tmp_path / "empty")
    assert _dump(tmp_path / "empty") == _dump(source)


def test_a_library_with_papers_is_refused_untouched(source: Path, tmp_path: Path) -> None:
    target = tmp_path / "mine"
    shutil.copytree(source, target)
    before = _dump(target)
    with pytest.raises(UserError) as caught:
        copying.copy_library(source, target)
    assert str(caught.value) == (
        f"{target}: already holds a library (73 papers); copy-library writes only into an empty one"
    )
    assert _dump(target) == before


def test_a_library_with_only_a_queue_is_not_empty(source: Path, tmp_path: Path) -> None:
    from readerapp.services import queues

    with Library.open(tmp_path / "mine") as lib:
        queues.create_queue(lib, "Someday")
    with pytest.raises(UserError, match="queues, tags or rules but no papers"):
        copying.copy_library(source, tmp_path / "mine")


def test_a_cancel_leaves_no_library_behind(source: Path, tmp_path: Path) -> None:
    cancel = CancelToken()

    def progress(done: int, total: int | None, message: str) -> None:
        if done > 100:
            cancel.cancel()

    with pytest.raises(Cancelled):
        copying.copy_library(source, tmp_path / "copy", progress=progress, cancel=cancel)
    assert not paths.database_path(tmp_path / "copy").exists()


def test_a_cancel_leaves_an_existing_empty_library_empty(source: Path, tmp_path: Path) -> None:
    Library.open(tmp_path / "empty").close()
    before = _dump(tmp_path / "empty")
    cancel = CancelToken()
    cancel.cancel()
    with pytest.raises(Cancelled):
        copying.copy_library(source, tmp_path / "empty", cancel=cancel)
    assert _dump(tmp_path / "empty") == before


def test_a_source_with_an_older_schema_is_refused(tmp_path: Path) -> None:
    old = Path(__file__).parents[1] / "data" / "library_v1.sqlite"
    with pytest.raises(LibraryError, match="schema 1, this readerapp copies schema"):
        copying.copy_library(old, tmp_path / "copy")
    assert not paths.database_path(tmp_path / "copy").exists()


def test_a_destination_from_a_newer_readerapp_is_refused(source: Path, tmp_path: Path) -> None:
    target = tmp_path / "newer"
    Library.open(target).close()
    conn = sqlite3.connect(paths.database_path(target))
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(LibraryError, match="newer readerapp"):
        copying.copy_library(source, target)


def test_no_library_at_the_source_and_copying_onto_itself(source: Path, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no readerapp library here to copy"):
        copying.copy_library(tmp_path / "nothing", tmp_path / "copy")
    assert not (tmp_path / "copy").exists()
    with pytest.raises(UserError, match="that is the library being copied"):
        copying.copy_library(source, source)
    (tmp_path / "file.txt").write_text("x")
    with pytest.raises(UserError, match="is a file; name a folder"):
        copying.copy_library(source, tmp_path / "file.txt")
