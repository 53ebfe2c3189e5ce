"""PDFs kept with papers: attached, read in a child process, indexed, checked, searched.

Every PDF is made here (tests/pdf_samples.py), the hostile ones too."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from readerapp.core.errors import InputError, UserError
from readerapp.pdf.text import FAILED, NO_TEXT, OK, extract_text
from readerapp.services import checking, editing, opening, paper_files, search, snippets, triage
from readerapp.services.library import Library
from tests import pdf_samples
from tests.conftest import paper_id_by_title

# The tests about search run once per engine; the ones about files and text with the default.
per_engine = pytest.mark.usefixtures("engine")

PHRASE = "we ablate the KV cache"


def _hits(lib: Library, query: str) -> list[int]:
    return search.search_ids(lib, query)


@per_engine
def test_an_attached_pdf_is_found_by_a_phrase_only_it_holds_with_a_snippet(
    seeded: Library, tmp_path: Path
) -> None:
    pid = paper_id_by_title(seeded, "LoRA")
    pdf = pdf_samples.paper_pdf(tmp_path / "lora.pdf", PHRASE)
    assert _hits(seeded, f'"{PHRASE}"') == []
    attached = paper_files.attach(seeded, pid, pdf)
    assert attached.text.status == OK and attached.file.pages == 3
    assert attached.file.path == f"files/{pid}-lora.pdf"
    assert (seeded.directory / attached.file.path).read_bytes() == pdf.read_bytes()
    assert _hits(seeded, f'"{PHRASE}"') == [pid]
    assert _hits(seeded, 'fulltext:"kv cache"') == [pid]
    assert _hits(seeded, "has:pdf") == [pid]
    assert pid not in _hits(seeded, "-has:pdf")
    assert _hits(seeded, "title:ablate") == []
    with seeded.snapshot() as conn:
        found = snippets.snippets(conn, f'"{PHRASE}"', [pid])[pid]
    assert [s.field for s in found] == ["fulltext"]
    snippet = found[0]
    assert snippet.marked().count("[we ablate the KV cache]") == 1
    assert "In section 7" in snippet.text and snippet.text.startswith("… ")
    # The local file is what opening the paper shows first.
    assert opening.opening(seeded, pid).path == seeded.directory / attached.file.path


@per_engine
def test_full_text_ranks_below_title_and_abstract(seeded: Library, tmp_path: Path) -> None:
    word = "zeppelin"  # in no seed paper
    papers = search.search(seeded, "")
    in_title, other = papers[0], papers[1]
    editing.edit_paper(seeded, in_title.id, title=f"{in_title.title} with a {word}")
    pdf = pdf_samples.paper_pdf(tmp_path / "x.pdf", f"a {word} and a {word} and a {word}")
    paper_files.attach(seeded, other.id, pdf)
    ranked = _hits(seeded, word)
    in_title = in_title.id
    assert other.id in ranked
    assert ranked.index(in_title) < ranked.index(other.id)


def test_attaching_the_same_file_twice_keeps_one(seeded: Library, tmp_path: Path) -> None:
    pid = paper_id_by_title(seeded, "LoRA")
    pdf = pdf_samples.paper_pdf(tmp_path / "lora.pdf", PHRASE)
    paper_files.attach(seeded, pid, pdf)
    again = paper_files.attach(seeded, pid, pdf)
    assert again.already and "already attached" in again.line()
    assert len(paper_files.files_of(seeded, pid)) == 1


def test_a_name_with_odd_characters_is_stored_under_a_safe_one(
    seeded: Library, tmp_path: Path
) -> None:
    pid = paper_id_by_title(seeded, "LoRA")
    odd = tmp_path / "Über «résumé» — draft? #1 ✓ 'q' $(x).pdf"
    pdf_samples.paper_pdf(odd, "odd names are fine")
    attached = paper_files.attach(seeded, pid, odd)
    assert attached.file.original_name == odd.name
    assert attached.file.path == f"files/{pid}-Über-résumé-draft-1-q-x.pdf"
    assert _hits(seeded, '"odd names are fine"') == [pid]


def test_html_that_says_it_is_a_pdf_is_refused_and_nothing_changes(
    seeded: Library, tmp_path: Path
) -> None:
    pid = paper_id_by_title(seeded, "LoRA")
    fake = pdf_samples.html_pdf(tmp_path / "2106.09685.pdf")
    with pytest.raises(InputError, match=r"2106\.09685\.pdf: a web page \(HTML\), not a PDF"):
        paper_files.attach(seeded, pid, fake)
    assert paper_files.files_of(seeded, pid) == []
    assert not (seeded.directory / "files").exists()


def test_a_missing_file_and_an_unknown_paper_are_one_line_errors(
    seeded: Library, tmp_path: Path
) -> None:
    with pytest.raises(InputError, match=r"nope\.pdf: no such file"):
        paper_files.attach(seeded, 1, tmp_path / "nope.pdf")
    pdf = pdf_samples.paper_pdf(tmp_path / "a.pdf", "x")
    with pytest.raises(UserError, match="no paper with id 999999"):
        paper_files.attach(seeded, 999999, pdf)


@pytest.mark.parametrize(
    ("make", "status", "problem"),
    [
        (pdf_samples.truncated_pdf, FAILED, "text not read: damaged or not a readable PDF"),
        (pdf_samples.encrypted_pdf, FAILED, "text not read: encrypted: it needs a password"),
        (pdf_samples.scanned_pdf, NO_TEXT, "no text: 2 pages without a text layer"),
    ],
)
def test_hostile_pdfs_are_kept_and_reported_in_one_line(
    seeded: Library, tmp_path: Path, make: object, status: str, problem: str
) -> None:
    pid = paper_id_by_title(seeded, "LoRA")
    pdf = make(tmp_path / "hostile.pdf")  # type: ignore[operator]
    attached = paper_files.attach(seeded, pid, pdf)
    assert attached.text.status == status
    assert attached.text.problem.startswith(problem)
    assert "\n" not in attached.line()
    assert paper_files.local_pdf(seeded, pid) is not None  # a viewer may still open it
    assert _hits(seeded, "has:pdf") == [pid]


@pytest.mark.slow
def test_a_decompression_bomb_costs_the_child_not_the_app(tmp_path: Path) -> None:
    bomb = pdf_samples.bomb_pdf(tmp_path / "bomb.pdf")
    assert bomb.stat().st_size < 3_000_000  # small on disk, 600 MB inflated
    result = extract_text(bomb, time_limit=20, memory_mb=300)
    assert result.status == FAILED
    assert result.problem.startswith("text not read: ")
    assert "\n" not in result.problem


def test_a_reader_that_takes_too_long_is_stopped(tmp_path: Path) -> None:
    pdf = pdf_samples.long_pdf(tmp_path / "long.pdf", pages=200)
    result = extract_text(pdf, time_limit=0.01)
    assert result.status == FAILED
    assert result.problem == "text not read: reading took longer than 0.01 s"


@per_engine
def test_a_200_page_pdf_is_read_whole(seeded: Library, tmp_path: Path) -> None:
    pid = paper_id_by_title(seeded, "LoRA")
    attached = paper_files.attach(seeded, pid, pdf_samples.long_pdf(tmp_path / "thesis.pdf"))
    assert attached.file.pages == 200
    assert "200 pages" in attached.line()
    assert _hits(seeded, '"page 200 of a long thesis"') == [pid]


@pytest.mark.sqlite_only(
    reason="files on disk are the library's; a server's: tests/services/test_server_files.py"
)
def test_check_reports_missing_and_orphan_files_and_repair_relinks(
    seeded: Library, tmp_path: Path
) -> None:
    pid = paper_id_by_title(seeded, "LoRA")
    attached = paper_files.attach(seeded, pid, pdf_samples.paper_pdf(tmp_path / "a.pdf", "x"))
    assert checking.check(seeded).ok
    stored = seeded.directory / attached.file.path
    moved = stored.with_name("renamed by hand.pdf")
    stored.rename(moved)
    (seeded.directory / "files" / ".incoming-x.partial").write_bytes(b"%PDF-1.7 half")
    report = checking.check(seeded)
    assert f"files: {attached.file.path} (paper {pid}) is not on disk" in report.problems
    assert "files: files/renamed by hand.pdf belongs to no paper" in report.problems
    assert "files: files/.incoming-x.partial is left from an interrupted download" in (
        report.problems
    )
    repair = paper_files.repair_files(seeded)
    assert repair.relinked == [f"{attached.file.path} -> files/renamed by hand.pdf"]
    assert repair.removed_partials == ["files/.incoming-x.partial"]
    assert repair.orphans == [] and repair.still_missing == []
    assert checking.check(seeded).ok
    assert paper_files.local_pdf(seeded, pid) == moved


@per_engine
@pytest.mark.sqlite_only(reason="moves the library folder, its database file with its PDFs")
def test_a_moved_library_keeps_its_files(seeded: Library, tmp_path: Path) -> None:
    pid = paper_id_by_title(seeded, "LoRA")
    paper_files.attach(seeded, pid, pdf_samples.paper_pdf(tmp_path / "a.pdf", PHRASE))
    seeded.close()
    moved = tmp_path / "elsewhere" / "my library"
    shutil.copytree(seeded.directory, moved)
    shutil.rmtree(seeded.directory)
    with Library.open(moved) as lib:
        assert checking.check(lib).ok
        path = paper_files.local_pdf(lib, pid)
        assert path is not None and path.is_relative_to(moved)
        assert _hits(lib, f'"{PHRASE}"') == [pid]


@per_engine
def test_deleting_a_paper_keeps_or_deletes_its_files_and_undo_restores_them(
    seeded: Library, tmp_path: Path
) -> None:
    pid = paper_id_by_title(seeded, "LoRA")
    attached = paper_files.attach(seeded, pid, pdf_samples.paper_pdf(tmp_path / "a.pdf", PHRASE))
    stored = seeded.directory / attached.file.path
    applied = triage.delete_papers(seeded, [pid])  # files kept (the default)
    assert stored.exists() and _hits(seeded, f'"{PHRASE}"') == []
    triage.restore_papers(seeded, applied.undo.args["snapshot"])  # type: ignore[union-attr]
    assert _hits(seeded, f'"{PHRASE}"') == [pid] and checking.check(seeded).ok
    triage.delete_papers(seeded, [pid], delete_files=True)
    assert not stored.exists()
    assert checking.check(seeded).ok


def test_the_migration_makes_the_tables_a_new_library_has(tmp_path: Path) -> None:
    from readerapp.db.engine import make_engine
    from readerapp.db.migrations import _v3_to_v4

    fresh = tmp_path / "fresh"
    Library.open(fresh).close()
    db = fresh / "library.sqlite"

    def tables(path: Path) -> dict[str, list[tuple[object, ...]]]:
        conn = sqlite3.connect(path)
        try:
            return {
                name: conn.execute(f"PRAGMA table_info({name})").fetchall()
                for name in ("paper_files", "file_texts")
            }
        finally:
            conn.close()

    made = tables(db)
    conn = sqlite3.connect(db)
    conn.execute("DROP TABLE file_texts")
    conn.execute("DROP TABLE paper_files")
    conn.commit()
    conn.close()
    engine = make_engine(db, immediate=True)
    try:
        with engine.begin() as connection:
            _v3_to_v4(connection)
    finally:
        engine.dispose()
    assert tables(db) == made


def test_many_pdfs_with_whoosh_bring_the_advice_to_switch_engines(
    engine: str, seeded: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from readerapp.services import library as library_service

    pid = paper_id_by_title(seeded, "LoRA")
    paper_files.attach(seeded, pid, pdf_samples.paper_pdf(tmp_path / "a.pdf", PHRASE))
    assert library_service.engine_advice(seeded) is None
    monkeypatch.setattr(library_service, "WHOOSH_FULLTEXT_LIMIT", 0)
    advice = library_service.engine_advice(seeded)
    if engine == "whoosh":
        assert advice is not None and "keeps 1 PDFs" in advice
        assert "readerapp reindex --engine tantivy" in advice
    else:
        assert advice is None


def test_a_cancelled_download_keeps_nothing(seeded: Library) -> None:
    from readerapp.core.progress import CancelToken
    from readerapp.services import editing, pdf_download

    pid = paper_id_by_title(seeded, "LoRA")
    editing.edit_paper(seeded, pid, pdf_url="http://127.0.0.1:9/lora.pdf")
    token = CancelToken()
    token.cancel()  # Cancel pressed before the request went out
    report = pdf_download.download(seeded, [pid], cancel=token)
    assert report.stopped and report.results == []
    assert "(cancelled)" in report.summary()
    assert paper_files.files_of(seeded, pid) == []
    assert not (seeded.directory / "files").exists()


def test_attaching_is_undone_and_redone(seeded: Library, tmp_path: Path) -> None:
    from readerapp.services import undo

    pid = paper_id_by_title(seeded, "LoRA")
    pdf = pdf_samples.paper_pdf(tmp_path / "a.pdf", PHRASE)
    applied = paper_files.attach_applied(seeded, pid, str(pdf))
    stored = seeded.directory / applied.value.file.path
    assert applied.undo is not None and stored.exists()
    undone = undo.apply(seeded, applied.undo)
    assert not stored.exists() and pdf.exists()  # the library's copy goes, the original stays
    assert paper_files.files_of(seeded, pid) == [] and _hits(seeded, f'"{PHRASE}"') == []
    assert undone.undo is not None
    undo.apply(seeded, undone.undo)
    assert _hits(seeded, f'"{PHRASE}"') == [pid] and checking.check(seeded).ok
