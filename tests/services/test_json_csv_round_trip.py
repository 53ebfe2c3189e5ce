"""The whole library exported as JSON and as CSV, imported into an empty library: the same
papers with the same fields. (tests/services/test_export_round_trip.py does BibTeX, RIS and
CSL-JSON, which carry fewer fields: titles and order.)"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from readerapp.core.records import Paper
from readerapp.services import exporting, importing, notes, queues, triage
from readerapp.services.library import Library
from tests.conftest import CORPUS, SEED, paper_id_by_title

# Dumps whose papers between them fill every field an export carries: arXiv ids and all five
# kinds of link (HF JSON), DOIs, venues and full dates (RIS, CSL-JSON), old-style arXiv ids
# and LaTeX-decoded names (BibTeX), abstracts with line breaks (the seed).
SOURCES = (
    SEED,
    CORPUS / "hf-json" / "sotawhat_hf_daily_papers_30.json",
    CORPUS / "ris" / "asreview_scopus.ris",
    CORPUS / "csl-json" / "bbt-1179_better_csl_json.csl.json",
    CORPUS / "bibtex" / "quantum-bib_quantum_307_macros_external.bib",
)
FIELDS = ("title", "abstract", "authors", "year", "date", "arxiv_id", "doi", "venue", "links")


@pytest.fixture
def full(library: Library) -> Library:
    for path in SOURCES:
        importing.import_path(library, path)
    pid = paper_id_by_title(library, "SwinFace")
    triage.set_starred(library, [pid], True)
    triage.add_tag(library, "faces", [pid])
    notes.add_note(library, pid, "A note that stays home.")
    queues.add_to_queue(library, "Week 32", [pid])
    return library


@pytest.fixture
def empty(tmp_path: Path) -> Iterator[Library]:
    lib = Library.open(tmp_path / "empty")
    yield lib
    lib.close()


def _everything(lib: Library) -> list[Paper]:
    papers, _ = exporting.select_papers(lib, exporting.Selection(everything=True))
    return papers


def _fields(paper: Paper) -> tuple[object, ...]:
    return tuple(getattr(paper, name) for name in FIELDS)


@pytest.mark.parametrize("format_name", ["json", "csv"])
def test_export_imports_into_an_empty_library_with_the_same_papers_and_fields(
    full: Library, empty: Library, format_name: str
) -> None:
    original = _everything(full)
    assert len(original) > 350
    # Every field is exercised by some paper, so a dropped column would show.
    for name in FIELDS:
        assert any(getattr(p, name) for p in original), name
    assert all(
        any(getattr(p.links, kind) for p in original)
        for kind in ("abs", "pdf", "code", "project", "hf")
    )

    text, count = exporting.export_text(full, exporting.Selection(everything=True), format_name)
    assert count == len(original)
    report = importing.import_text(empty, text, "<clipboard>")  # detected from content alone
    assert report.format == ("readerapp-json" if format_name == "json" else "csv")
    assert (report.added, report.merged, report.skipped) == (len(original), 0, [])

    copied = _everything(empty)
    assert [_fields(p) for p in copied] == [_fields(p) for p in original]
    # The user's stars, tags, notes and queues stay in the library they were made in.
    assert not any(p.starred or p.tags or p.notes or p.queues for p in copied)
    # And the export read into the library it came from changes nothing.
    again = importing.import_text(full, text, "<clipboard>")
    assert (again.added, again.merged, again.unchanged) == (0, 0, len(original))
