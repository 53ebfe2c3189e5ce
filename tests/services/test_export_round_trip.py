"""A queue exported in each citation format and imported into a fresh library: the same
papers in the same order. And the HTML reading list of the same queue, in queue order."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from readerapp.db.models import PaperRow
from readerapp.services import exporting, importing, notes, queues, triage
from readerapp.services.library import Library

QUEUE = "Round trip"


@pytest.fixture
def queued(seeded: Library) -> tuple[Library, list[str]]:
    """All 73 seed papers on a queue in an order unlike the import order, with some user state."""
    with seeded.read() as session:
        ids = list(session.scalars(select(PaperRow.id).order_by(PaperRow.id)))
    order = ids[1::2] + ids[::2][::-1]
    queues.add_to_queue(seeded, QUEUE, order)
    triage.set_starred(seeded, order[:3], True)
    triage.set_status(seeded, order[3:5], "reading")
    notes.add_note(seeded, order[0], "**First** paper to read, see https://example.org/a.")
    papers, _ = exporting.select_papers(seeded, exporting.Selection(queue=QUEUE))
    titles = [p.title for p in papers]
    assert len(titles) == 73 and titles != sorted(titles)
    return seeded, titles


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Library]:
    lib = Library.open(tmp_path / "fresh")
    yield lib
    lib.close()


@pytest.mark.parametrize(
    ("format_name", "filename", "detected"),
    [
        ("bibtex", "queue.bib", "bibtex"),
        ("ris", "queue.ris", "ris"),
        ("csljson", "queue.json", "csljson"),
        # Pasted text has no file name: the content alone must say what it is.
        ("bibtex", "<clipboard>", "bibtex"),
        ("ris", "<clipboard>", "ris"),
        ("csljson", "<clipboard>", "csljson"),
    ],
)
def test_queue_export_imports_back_in_order(
    queued: tuple[Library, list[str]],
    fresh: Library,
    format_name: str,
    filename: str,
    detected: str,
) -> None:
    library, titles = queued
    text, count = exporting.export_text(library, exporting.Selection(queue=QUEUE), format_name)
    assert count == 73
    report = importing.import_text(fresh, text, filename)
    assert report.format == detected
    assert (report.added, report.merged, report.skipped) == (73, 0, [])
    # The fresh library's papers in the order they were added are the queue's order.
    imported, _ = exporting.select_papers(fresh, exporting.Selection(everything=True))
    assert [p.title for p in imported] == titles
    # Importing the export into the library it came from changes nothing.
    again = importing.import_text(library, text, filename)
    assert (again.added, again.merged, again.unchanged) == (0, 0, 73)


def test_queue_export_as_html_keeps_queue_order(queued: tuple[Library, list[str]]) -> None:
    library, titles = queued
    text, count = exporting.export_text(library, exporting.Selection(queue=QUEUE), "html")
    assert count == 73
    found = re.findall(r'<h2 class="title" dir="auto">(?:<a [^>]*>)?(.*?)(?:</a>)?</h2>', text)
    assert [html.unescape(t) for t in found] == titles
    assert f'<h1 dir="auto">Reading queue: {QUEUE}</h1>' in text
    assert '<ol class="papers">' in text
    assert text.count('<span class="star" title="starred">★ starred</span>') == 3
    assert text.count('<span class="status status-reading">reading</span>') == 2
    assert '<p><strong>First</strong> paper to read, see <a href="https://example.org/a"' in text
