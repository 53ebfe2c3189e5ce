"""A server library's PDFs live in the server (db.file_store): attached on one machine, they
open on another, whose cache folder fetches them once, checked against their hash; deleting
them removes the server's copy once no paper keeps those bytes.

"Machines" are Library objects with their own cache folders ($XDG_CACHE_HOME) on one database
of the test server (tests/pg_cluster.py), as in test_catch_up.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from readerapp.core.errors import Cancelled, LibraryError
from readerapp.core.progress import CancelToken
from readerapp.db import file_store
from readerapp.services import (
    cache_checks,
    checking,
    opening,
    paper_files,
    search,
    triage,
    undo,
)
from readerapp.services.library import Library
from tests import pdf_samples
from tests.conftest import Machines
from tests.routine_helpers import import_titles

pytestmark = pytest.mark.own_backends  # makes its own server databases

PHRASE = "we ablate the KV cache"


def _stored(library: Library) -> dict[str, int]:
    with library.snapshot() as conn:
        rows = conn.execute("SELECT sha256, parts FROM file_blobs").fetchall()
    return {str(digest): int(parts) for digest, parts in rows}


def _one_paper(library: Library) -> int:
    import_titles(library, "Attention Revisited")
    (pid,) = [p.id for p in search.search(library, "attention")]
    return pid


def test_a_pdf_attached_on_one_machine_opens_and_is_found_on_another(
    machine: Machines, tmp_path: Path
) -> None:
    ana = machine("ana")
    pid = _one_paper(ana)
    source = pdf_samples.paper_pdf(tmp_path / "a.pdf", PHRASE)
    attached = paper_files.attach(ana, pid, source)
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    assert _stored(ana) == {digest: 1}

    ben = machine("ben")
    assert search.search_ids(ben, f'"{PHRASE}"') == [pid]  # the text: through the journal
    cached = ben.directory / attached.file.path
    assert not cached.exists()
    assert checking.check(ben).ok  # the server holds it: nothing is missing
    opened = opening.opening(ben, pid)  # the window's Enter
    assert opened.path == cached and cached.read_bytes() == source.read_bytes()
    assert not list((ben.directory / "files").glob("*.partial"))
    # Later opens use the cache: the server's copy is not read again.
    assert paper_files.local_pdf(ben, pid) == cached


def test_an_open_library_catches_up_on_another_machines_attachment(
    machine: Machines, tmp_path: Path
) -> None:
    ana, ben = machine("ana"), machine("ben")
    pid = _one_paper(ana)
    ben.sync_index()
    paper_files.attach(ana, pid, pdf_samples.paper_pdf(tmp_path / "a.pdf", PHRASE))
    assert search.search_ids(ben, f'"{PHRASE}"') == []
    ben.sync_index()  # what the window does when the journal's NOTIFY arrives
    assert search.search_ids(ben, f'"{PHRASE}"') == [pid]


def test_a_file_goes_up_once_and_leaves_with_its_last_paper(
    machine: Machines, tmp_path: Path
) -> None:
    ana = machine("ana")
    import_titles(ana, "Attention Revisited", "Sparse Mixtures")
    first, second = sorted(p.id for p in search.search(ana, "attention OR sparse"))
    source = pdf_samples.paper_pdf(tmp_path / "a.pdf", PHRASE)
    one = paper_files.attach(ana, first, source)
    two = paper_files.attach(ana, second, source)
    assert len(_stored(ana)) == 1  # the same bytes for two papers: stored once
    paper_files.detach(ana, one.file.id, delete_file=True)
    assert len(_stored(ana)) == 1  # the second paper still keeps them
    triage.delete_papers(ana, [second], delete_files=True)
    assert _stored(ana) == {}
    assert not (ana.directory / two.file.path).exists()
    assert checking.check(ana).ok


def test_undo_and_redo_of_attaching_take_the_server_copy_along(
    machine: Machines, tmp_path: Path
) -> None:
    ana = machine("ana")
    pid = _one_paper(ana)
    applied = paper_files.attach_applied(
        ana, pid, str(pdf_samples.paper_pdf(tmp_path / "a.pdf", PHRASE))
    )
    assert applied.undo is not None and len(_stored(ana)) == 1
    undone = undo.apply(ana, applied.undo)
    assert _stored(ana) == {} and paper_files.files_of(ana, pid) == []
    assert undone.undo is not None
    undo.apply(ana, undone.undo)
    assert len(_stored(ana)) == 1 and search.search_ids(ana, f'"{PHRASE}"') == [pid]


def test_a_deleted_paper_keeps_its_file_on_the_server_for_the_undo(
    machine: Machines, tmp_path: Path
) -> None:
    ana = machine("ana")
    pid = _one_paper(ana)
    attached = paper_files.attach(ana, pid, pdf_samples.paper_pdf(tmp_path / "a.pdf", PHRASE))
    applied = triage.delete_papers(ana, [pid])  # files kept (the default)
    assert len(_stored(ana)) == 1
    report = checking.check(ana)
    assert any("PDF on the server belongs to no paper" in p for p in report.problems)
    triage.restore_papers(ana, applied.undo.args["snapshot"])  # type: ignore[union-attr]
    assert paper_files.files_of(ana, pid) == [attached.file]
    assert checking.check(ana).ok
    # Deleted again, and the unused copy removed by the repair: the undo comes back
    # without the file rather than pointing at bytes the server no longer has.
    again = triage.delete_papers(ana, [pid])
    repair = paper_files.repair_files(ana)
    assert [digest for digest, _ in repair.dropped] == [attached.file.sha256]
    triage.restore_papers(ana, again.undo.args["snapshot"])  # type: ignore[union-attr]
    assert paper_files.files_of(ana, pid) == [] and checking.check(ana).ok


def test_a_large_pdf_is_fetched_in_parts_with_progress_and_cancel(
    machine: Machines, tmp_path: Path
) -> None:
    ana = machine("ana")
    pid = _one_paper(ana)
    big = pdf_samples.paper_pdf(tmp_path / "big.pdf", PHRASE)
    with big.open("ab") as out:  # bytes after %%EOF: still a PDF to every reader
        out.write(b"\n%" + b"x" * (5 * file_store.PART_BYTES + 12345) + b"\n")
    attached = paper_files.attach(ana, pid, big)
    parts = next(iter(_stored(ana).values()))
    assert parts == 6

    ben = machine("ben")
    (paper_file,) = paper_files.files_of(ben, pid)
    token = CancelToken()
    seen: list[tuple[int, int | None]] = []

    def cancel_midway(done: int, total: int | None, message: str) -> None:
        seen.append((done, total))
        assert "from the server" in message
        if len(seen) == 2:
            token.cancel()

    with pytest.raises(Cancelled):
        paper_files.ensure_local(ben, paper_file, progress=cancel_midway, cancel=token)
    target = ben.directory / attached.file.path
    assert not target.exists() and not list((ben.directory / "files").glob("*.partial"))

    seen.clear()
    got = paper_files.ensure_local(ben, paper_file, progress=lambda d, t, m: seen.append((d, t)))
    assert got == target and got.read_bytes() == big.read_bytes()
    assert seen[-1] == (big.stat().st_size, big.stat().st_size) and len(seen) == parts


def test_a_damaged_server_copy_is_refused_and_nothing_is_kept(
    machine: Machines, tmp_path: Path
) -> None:
    from tests.pg_cluster import cluster

    ana = machine("ana")
    pid = _one_paper(ana)
    attached = paper_files.attach(ana, pid, pdf_samples.paper_pdf(tmp_path / "a.pdf", PHRASE))
    database = ana.server.database if ana.server else ""
    cluster().admin_sql(
        "UPDATE file_chunks SET data = overlay(data placing '\\x00'::bytea from 20)",
        database=database,
    )
    ben = machine("ben")
    with pytest.raises(LibraryError, match="came from the server damaged"):
        paper_files.local_pdf(ben, pid)
    assert not (ben.directory / attached.file.path).exists()


def test_check_names_a_file_missing_from_the_server_and_repair_puts_it_there(
    machine: Machines, tmp_path: Path
) -> None:
    """A file attached before schema 7 was kept only on the machine that attached it: the
    server has its row, not its bytes (made here by deleting them)."""
    ana = machine("ana")
    pid = _one_paper(ana)
    attached = paper_files.attach(ana, pid, pdf_samples.paper_pdf(tmp_path / "a.pdf", PHRASE))
    with ana.write() as session:
        session.connection().exec_driver_sql("DELETE FROM file_blobs")
    ben = machine("ben")
    report = checking.check(ben)
    assert f"files: {attached.file.path} (paper {pid}) is not on the server" in report.problems
    assert paper_files.local_pdf(ben, pid) is None
    still = paper_files.repair_files(ben)  # ben has no copy: it can only say so
    assert still.still_missing == [attached.file] and still.uploaded == []

    put = paper_files.repair_files(ana)  # ana has: it goes up
    assert put.uploaded == [attached.file]
    assert checking.check(ben).ok
    assert paper_files.local_pdf(ben, pid) == ben.directory / attached.file.path


def test_a_cached_copy_with_other_bytes_of_the_same_size_is_fetched_again(
    machine: Machines, tmp_path: Path
) -> None:
    ana = machine("ana")
    pid = _one_paper(ana)
    source = pdf_samples.paper_pdf(tmp_path / "a.pdf", PHRASE)
    attached = paper_files.attach(ana, pid, source)
    ben = machine("ben")
    cached = paper_files.local_pdf(ben, pid)
    assert cached is not None and cached.read_bytes() == source.read_bytes()
    # Another PDF of exactly the same size takes its place in ben's cache (a file replaced
    # under the same name): the size matches, the bytes do not.
    other = pdf_samples.paper_pdf(tmp_path / "b.pdf", "a different phrase entirely")
    body = other.read_bytes()
    size = len(source.read_bytes())
    body = body[:size] if len(body) >= size else body + b"%" * (size - len(body))
    assert len(body) == size and body != source.read_bytes()
    cached.write_bytes(body)
    assert paper_files.local_pdf(ben, pid) == cached
    assert cached.read_bytes() == source.read_bytes()  # the server's bytes, fetched again
    assert attached.file.sha256 == hashlib.sha256(cached.read_bytes()).hexdigest()


def test_a_checked_cached_copy_is_trusted_by_its_stat_until_it_changes(
    machine: Machines, tmp_path: Path
) -> None:
    ana = machine("ana")
    pid = _one_paper(ana)
    paper_files.attach(ana, pid, pdf_samples.paper_pdf(tmp_path / "a.pdf", PHRASE))
    ben = machine("ben")
    cached = paper_files.local_pdf(ben, pid)
    assert cached is not None
    memo = ben.directory / cache_checks.MEMO_NAME
    seen = json.loads(memo.read_text())
    (relative,) = seen
    assert seen[relative][0] == hashlib.sha256(cached.read_bytes()).hexdigest()
    # Opening again reads neither the file nor the server: the memo's stat still holds.
    before = memo.stat().st_mtime_ns
    assert paper_files.local_pdf(ben, pid) == cached
    assert memo.stat().st_mtime_ns == before
    # The same bytes written anew (a new stat): hashed once more, kept, and recorded again.
    cached.write_bytes(cached.read_bytes())
    assert paper_files.local_pdf(ben, pid) == cached
    assert json.loads(memo.read_text())[relative][1:] == [
        cached.stat().st_size,
        cached.stat().st_mtime_ns,
        cached.stat().st_ino,
    ]
