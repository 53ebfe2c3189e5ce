from __future__ import annotations

import shutil

import pytest

from readerapp.core import paths
from readerapp.services import checking, notes, search, triage
from readerapp.services.index_marks import mark_for_index
from readerapp.services.library import Library

# The whole search suite runs once per search engine.
pytestmark = pytest.mark.usefixtures("engine")


def test_edits_replace_index_entries_instead_of_adding_more(seeded: Library) -> None:
    pid = search.search_ids(seeded, "title:kronecker")[0]
    for word in ("one", "two", "three"):
        notes.add_note(seeded, pid, word)
    triage.add_tag(seeded, "x", [pid])
    assert seeded.index.doc_count() == 73
    triage.delete_papers(seeded, [pid])
    assert seeded.index.doc_count() == 72
    assert search.search_ids(seeded, "title:kronecker") == []
    assert checking.check(seeded).ok


def test_deleting_the_index_loses_nothing(seeded: Library) -> None:
    pid = search.search_ids(seeded, "title:kronecker")[0]
    notes.add_note(seeded, pid, "zebra crossing")
    triage.add_tag(seeded, "linear-algebra", [pid])
    location = seeded.location
    seeded.close()
    shutil.rmtree(paths.index_dir(seeded.directory))
    with Library.open(location) as lib:
        assert checking.check(lib).ok
        assert search.search_ids(lib, "zebra") == [pid]
        assert search.search_ids(lib, "linear-algebra") == [pid]
        assert len(search.search_ids(lib, "retrieval")) > 5


def test_a_crash_between_database_and_index_is_repaired_on_open(seeded: Library) -> None:
    pid = search.search_ids(seeded, "title:kronecker")[0]
    # Simulate a crash after the database commit and before the index update: the note is
    # in the database, marked pending (in a folder library; on a server, in the change
    # journal after this machine's index cursor), and the index does not know it.
    from readerapp.db.models import NoteRow

    with seeded.write() as session:
        session.add(NoteRow(paper_id=pid, body="pelican"))
        mark_for_index(session, [pid])
    report = checking.check(seeded)
    assert not report.ok and "1 papers changed but not yet indexed" in report.problems[0]
    location = seeded.location
    seeded.close()
    with Library.open(location) as lib:
        assert checking.check(lib).ok
        assert search.search_ids(lib, "pelican") == [pid]


def test_an_interrupted_rebuild_runs_again(seeded: Library) -> None:
    seeded._set_meta("index_rebuild_needed", "1")
    directory = seeded.location
    seeded.close()
    with Library.open(directory) as lib:
        assert not lib.index_needs_rebuild()
        assert checking.check(lib).ok


def test_check_finds_an_index_that_disagrees(seeded: Library) -> None:
    pid = search.search_ids(seeded, "title:kronecker")[0]
    seeded.index.delete([pid])
    report = checking.check(seeded)
    assert not report.ok
    assert f"1 papers are not indexed (e.g. id {pid})" in report.problems[0]
    seeded.rebuild_index()
    assert checking.check(seeded).ok
