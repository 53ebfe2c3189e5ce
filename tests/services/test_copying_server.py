"""copy-library to and from a real PostgreSQL server: user data survives the round trip
exactly, the server's ids continue after the copied ones, and the copy is one snapshot."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from readerapp.core import paths
from readerapp.core.errors import Cancelled, ServerUnreachable, UserError
from readerapp.core.location import ServerLocation
from readerapp.core.progress import CancelToken
from readerapp.db.server import make_server_engine
from readerapp.services import copying, importing, notes, queues, search, triage
from readerapp.services.library import Library
from tests.conftest import ServerDatabases
from tests.library_contents import dump, fill_library, sqlite_engine

pytestmark = pytest.mark.own_backends  # makes its own folders and server databases


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("copy") / "source"
    with Library.open(folder) as lib:
        fill_library(lib, folder.parent)
    return folder


@pytest.fixture
def empty_server(server_databases: ServerDatabases) -> ServerLocation:
    return server_databases.new()


def _folder_dump(folder: Path) -> dict[str, list[tuple[object, ...]]]:
    engine = sqlite_engine(paths.database_path(folder))
    try:
        return dump(engine)
    finally:
        engine.dispose()


def _server_dump(location: ServerLocation) -> dict[str, list[tuple[object, ...]]]:
    engine = make_server_engine(location)
    try:
        found = dump(engine)
    finally:
        engine.dispose()
    # The server's own fact, which a folder keeps in PRAGMA user_version instead.
    found["meta"] = [row for row in found["meta"] if row[0] != "schema_version"]
    return found


QUERIES = ("is:starred", '"adapters with prompts"', "tag:peft", "note:lora", "adapter")


def test_sqlite_to_server_to_sqlite_keeps_every_row_exactly(
    source: Path, empty_server: ServerLocation, tmp_path: Path
) -> None:
    before = _folder_dump(source)
    up = copying.copy_library(source, empty_server)
    assert up.papers == 73 and up.destination == empty_server.shown
    assert _server_dump(empty_server) == before
    down = copying.copy_library(empty_server, tmp_path / "offline")
    assert down.rows == up.rows
    assert _folder_dump(tmp_path / "offline") == before


def _pdfs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in (folder / "files").glob("*.pdf")}


def test_the_pdfs_go_up_to_the_server_and_come_down_again(
    source: Path, empty_server: ServerLocation, tmp_path: Path
) -> None:
    from readerapp.services import checking, paper_files

    originals = _pdfs(source)
    assert len(originals) == 1
    seen: list[str] = []
    up = copying.copy_library(source, empty_server, progress=lambda d, t, m: seen.append(m))
    assert up.files.count == 1 and up.files.left_out == []
    assert any(m.startswith("Copying files: 1 / 1") for m in seen)
    assert copying.describe_files(up)[0] == "copied 1 PDFs (0.0 MB) with it"
    # Another machine's cache: the PDF comes from the server, not from the source folder.
    with Library.open(empty_server) as lib:
        assert checking.check(lib).ok
        (paper_file,) = paper_files.all_files(lib)
        fetched = paper_files.local_pdf(lib, paper_file.paper_id)
        assert fetched is not None and fetched.read_bytes() == next(iter(originals.values()))
        assert search.search_ids(lib, '"adapters with prompts"') == [paper_file.paper_id]
    down = copying.copy_library(empty_server, tmp_path / "offline")
    assert down.files.count == 1 and _pdfs(tmp_path / "offline") == originals
    with Library.open(tmp_path / "offline") as lib:
        assert checking.check(lib).ok


def test_a_pdf_missing_from_the_folder_is_left_out_and_named(
    source: Path, empty_server: ServerLocation, tmp_path: Path
) -> None:
    import shutil

    partial = tmp_path / "partial"
    shutil.copytree(source, partial)
    for pdf in (partial / "files").glob("*.pdf"):
        pdf.unlink()
    report = copying.copy_library(partial, empty_server)
    assert report.files.count == 0 and len(report.files.left_out) == 1
    assert "not in the library copied" in report.files.left_out[0]
    assert copying.describe_files(report) == (
        None,
        [f"{partial}: {report.files.left_out[0]}; not copied"],
    )


def test_a_cancel_among_the_files_leaves_no_offline_copy(
    source: Path, empty_server: ServerLocation, tmp_path: Path
) -> None:
    copying.copy_library(source, empty_server)
    cancel = CancelToken()

    def progress(done: int, total: int | None, message: str) -> None:
        if message.startswith("Copying files"):
            cancel.cancel()

    offline = tmp_path / "offline"
    with pytest.raises(Cancelled):
        copying.copy_library(empty_server, offline, progress=progress, cancel=cancel)
    assert not paths.database_path(offline).exists() and _pdfs(offline) == {}


def test_the_server_copy_is_a_library_that_keeps_counting_ids(
    source: Path, empty_server: ServerLocation
) -> None:
    with Library.open(source) as lib:
        expected = [[p.id for p in search.search(lib, q)] for q in QUERIES]
        tag_count = len(triage.list_tags(lib))
    copying.copy_library(source, empty_server)
    with Library.open(empty_server) as lib:  # builds this machine's index from the rows
        assert [[p.id for p in search.search(lib, q)] for q in QUERIES] == expected
        # New rows take ids after the copied ones: no collision with a copied id.
        triage.add_tag(lib, "brand new", [1])
        notes.add_note(lib, 2, "written on the server")
        queues.add_to_queue(lib, "Server queue", [3])
        report = importing.import_text(
            lib, "@article{x, title={A paper added on the server}, year={2031}}", "new.bib"
        )
        assert report.added == 1
        lib.sync_index()
        assert len(triage.list_tags(lib)) == tag_count + 1
        assert triage.get_paper(lib, 2).notes[-1].body == "written on the server"
        found = search.search(lib, "server")[0]
        assert (found.id, found.title) == (74, "A paper added on the server")


def test_a_copy_from_the_server_is_one_snapshot(
    source: Path, empty_server: ServerLocation, tmp_path: Path
) -> None:
    copying.copy_library(source, empty_server)
    before = _server_dump(empty_server)
    written = []

    def progress(done: int, total: int | None, message: str) -> None:
        if done and not written:  # another machine writes while the copy reads
            with psycopg.connect(empty_server.driver_url, autocommit=True) as other:
                other.execute("UPDATE papers SET starred = NOT starred")
                other.execute("DELETE FROM notes")
            written.append(True)

    copying.copy_library(empty_server, tmp_path / "offline", progress=progress)
    assert written
    assert _folder_dump(tmp_path / "offline") == before
    assert _server_dump(empty_server) != before


def test_a_server_library_with_papers_is_refused(
    source: Path, empty_server: ServerLocation
) -> None:
    copying.copy_library(source, empty_server)
    with pytest.raises(UserError) as caught:
        copying.copy_library(source, empty_server)
    assert str(caught.value) == (
        f"{empty_server.shown}: already holds a library (73 papers); copy-library writes "
        "only into an empty one"
    )


def test_a_cancelled_copy_to_the_server_leaves_no_rows(
    source: Path, empty_server: ServerLocation
) -> None:
    cancel = CancelToken()

    def progress(done: int, total: int | None, message: str) -> None:
        if done > 100:
            cancel.cancel()

    with pytest.raises(Cancelled):
        copying.copy_library(source, empty_server, progress=progress, cancel=cancel)
    engine = make_server_engine(empty_server)
    try:
        with engine.connect() as conn:
            assert copying.occupied(conn) == 0
    finally:
        engine.dispose()
    copying.copy_library(source, empty_server)  # still an empty library: a copy fits


def test_an_unreachable_server_is_one_line_without_the_password(
    source: Path, tmp_path: Path
) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    location = ServerLocation(f"postgresql://ana:hunter2@127.0.0.1:{port}/papers")
    for call in (
        lambda: copying.copy_library(source, location),
        lambda: copying.copy_library(location, tmp_path / "offline"),
    ):
        with pytest.raises(ServerUnreachable) as caught:
            call()
        assert "hunter2" not in str(caught.value)
        assert str(caught.value).startswith(f"postgresql://ana@127.0.0.1:{port}/papers: ")
    assert not (tmp_path / "offline").exists()


def test_no_library_on_the_server_to_copy(empty_server: ServerLocation, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no readerapp library here to copy"):
        copying.copy_library(empty_server, tmp_path / "offline")
