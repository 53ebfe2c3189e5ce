from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from readerapp.core.errors import InputError
from readerapp.core.records import PaperRecord
from readerapp.db import journal
from readerapp.formats import registry
from readerapp.formats.base import ImportFormat, ParseResult
from readerapp.services import editing, importing, notes, queues, search, triage
from readerapp.services.library import Library
from tests.conftest import SEED, paper_id_by_title
from tests.plain_db import plain_db


def snapshot(lib: Library) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table that holds papers or user state."""
    with plain_db(lib) as conn:
        return {
            table: conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
            for table in (
                "papers",
                "paper_authors",
                "tags",
                "paper_tags",
                "notes",
                "queues",
                "queue_entries",
                "import_batches",
                "paper_sources",
            )
        }


def test_seed_import_then_reimport_adds_nothing_and_changes_no_paper(seeded: Library) -> None:
    before = snapshot(seeded)
    report = importing.import_path(seeded, SEED)
    assert (report.added, report.merged, report.unchanged) == (0, 0, 73)
    after = snapshot(seeded)
    for table in ("papers", "paper_authors", "notes", "queue_entries"):
        assert after[table] == before[table]
    assert len(search.search_ids(seeded, "")) == 73


def test_reimport_never_touches_user_state(seeded: Library) -> None:
    pid = paper_id_by_title(seeded, "SwinFace")
    triage.set_starred(seeded, [pid], True)
    triage.set_status(seeded, [pid], "reading")
    triage.add_tag(seeded, "faces", [pid])
    notes.add_note(seeded, pid, "Read section 3 first.")
    queues.add_to_queue(seeded, "week", [pid])
    editing.edit_paper(seeded, pid, title="SwinFace (my title)")
    importing.import_path(seeded, SEED)
    paper = triage.get_paper(seeded, pid)
    assert paper.starred and paper.status == "reading"
    assert paper.tags == ("faces",) and paper.queues == ("week",)
    assert [n.body for n in paper.notes] == ["Read section 3 first."]
    assert paper.title == "SwinFace (my title)"
    # The edited title no longer matches the dump's, so the dump's paper comes back once.
    assert len(search.search_ids(seeded, "")) == 74


def test_merge_fills_only_empty_fields_and_reports_it(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = ParseResult([PaperRecord(title="Attention Is All You Need", year=2017)])
    second = ParseResult(
        [
            PaperRecord(
                title="Attention is all you need!",
                year=2017,
                arxiv_id="1706.03762",
                abstract="The dominant sequence transduction models...",
                authors=("Ashish Vaswani",),
            )
        ]
    )
    parses = iter([first, second])
    fake = ImportFormat("fake", "Fake", (), lambda head: 0.0, lambda text, source: next(parses))
    monkeypatch.setattr(registry, "IMPORT_FORMATS", (*registry.IMPORT_FORMATS, fake))
    a = importing.import_text(library, "x", "a.txt", format_name="fake")
    b = importing.import_text(library, "x", "b.txt", format_name="fake")
    assert (a.added, b.added, b.merged) == (1, 0, 1)
    (paper,) = search.search(library, "")
    assert paper.title == "Attention Is All You Need"  # the first title stays
    assert paper.arxiv_id == "1706.03762"
    assert paper.authors == ("Ashish Vaswani",)
    assert paper.links.abs == "https://arxiv.org/abs/1706.03762"
    assert paper.sources == ("a.txt", "b.txt")
    assert search.search_ids(library, "vaswani") == [paper.id]  # merged fields are indexed


def test_title_match_needs_agreeing_years(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = [
        PaperRecord(title="Introduction", year=2001),
        PaperRecord(title="introduction.", year=2019),
        PaperRecord(title="Introduction"),
    ]
    fake = ImportFormat(
        "fake", "Fake", (), lambda head: 0.0, lambda text, source: ParseResult(records)
    )
    monkeypatch.setattr(registry, "IMPORT_FORMATS", (*registry.IMPORT_FORMATS, fake))
    report = importing.import_text(library, "x", "a.txt", format_name="fake")
    assert report.added == 2  # the year-less one joins the first with that title


def test_failure_half_way_leaves_the_library_exactly_as_it_was(
    seeded: Library, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    pid = paper_id_by_title(seeded, "SwinFace")
    triage.set_starred(seeded, [pid], True)
    before = snapshot(seeded)
    other = tmp_path / "other.txt"
    other.write_text(
        "Daily Papers\n\nNew Paper One\n\nAbstract one.\n\nNew Paper Two\n\nAbstract two.\n",
        encoding="utf-8",
    )
    real_insert = importing.insert_many

    def failing_insert(conn: Any, table: str, *args: Any, **kwargs: Any) -> None:
        if table == "paper_sources":  # after papers and authors were written
            raise RuntimeError("disk on fire")
        real_insert(conn, table, *args, **kwargs)

    monkeypatch.setattr(importing, "insert_many", failing_insert)
    with pytest.raises(RuntimeError, match="disk on fire"):
        importing.import_path(seeded, other, format_name="hf-daily-text")
    assert snapshot(seeded) == before
    assert len(search.search_ids(seeded, "")) == 73


def test_dry_run_reports_and_changes_nothing(library: Library) -> None:
    before = snapshot(library)
    report = importing.import_path(library, SEED, dry_run=True)
    assert report.added == 73 and report.dry_run
    assert snapshot(library) == before


def test_unreadable_inputs_are_refused_with_the_file_named(
    library: Library, tmp_path: Path
) -> None:
    binary = tmp_path / "paper.pdf"
    binary.write_bytes(b"%PDF-1.4\n\x00\x01\x02binary")
    with pytest.raises(InputError, match=r"paper\.pdf:2: binary data"):
        importing.import_path(library, binary)
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    with pytest.raises(InputError, match=r"empty\.txt: empty"):
        importing.import_path(library, empty)
    with pytest.raises(InputError, match="no such file"):
        importing.import_path(library, tmp_path / "missing.txt")


def test_a_report_says_what_its_import_changed(library: Library) -> None:
    dry = importing.import_path(library, SEED, dry_run=True)
    assert dry.added == 73 and dry.changes.empty  # nothing was written
    first = importing.import_path(library, SEED)
    assert first.changes.papers is None and first.changes.lists and first.changes.order
    again = importing.import_path(library, SEED)
    assert (again.added, again.merged) == (0, 0) and again.changes.empty


def test_a_small_batch_finds_library_papers_by_each_key(library: Library) -> None:
    """A batch under a quarter of the library looks its keys up (arXiv id, DOI, title)
    instead of reading every paper's; each key finds its paper, fills only what is empty,
    and the journal records the papers that changed."""
    filler = [PaperRecord(title=f"Filler paper {n}", year=2020) for n in range(16)]
    known = [
        PaperRecord(title="Sparse Routing", arxiv_id="2101.00001"),
        PaperRecord(title="Dense Routing", doi="10.1000/dense", authors=("Ben Ng",)),
        PaperRecord(title="Gamma Rays", year=2020),
    ]
    importing.import_records(library, ParseResult([*known, *filler]), "a.json", "fake")
    with library.snapshot() as conn:
        top = journal.latest(conn)
    incoming = [
        PaperRecord(title="Other title", arxiv_id="2101.00001", authors=("Ana Li",)),
        PaperRecord(title="Dense routing!", doi="10.1000/dense", authors=("Someone Else",)),
        PaperRecord(title="gamma rays.", year=2020, abstract="Rays, gamma ones."),
    ]
    report = importing.import_records(library, ParseResult(incoming), "b.json", "fake")
    assert (report.added, report.merged, report.unchanged) == (0, 2, 1)
    sparse, dense, gamma = (paper_id_by_title(library, t) for t in ("Sparse", "Dense", "Gamma"))
    assert report.filled == {sparse: ["authors"], gamma: ["abstract"]}
    assert triage.get_paper(library, sparse).authors == ("Ana Li",)
    assert triage.get_paper(library, dense).authors == ("Ben Ng",)  # had authors: kept
    assert triage.get_paper(library, gamma).abstract == "Rays, gamma ones."
    with library.snapshot() as conn:
        changed = journal.changed_since(conn, top, journal.latest(conn))
    assert sorted(pid for _seq, pid in changed) == sorted([sparse, gamma])
