"""A server library's index lives on each machine and catches up from the change journal:
another machine's edits become searchable, deleting the cache loses nothing, and a cancel or
crash between the index and its cursor leaves work to redo, never lost.

"Machines" here are Library objects with their own cache folders ($XDG_CACHE_HOME) on one
database of the test server (tests/pg_cluster.py); test_two_clients runs real processes.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from readerapp.core import paths
from readerapp.core.errors import Cancelled
from readerapp.core.location import ServerLocation
from readerapp.core.progress import CancelToken
from readerapp.db import journal
from readerapp.services import catch_up, notes, search, triage
from readerapp.services.library import Library
from tests.conftest import Machines
from tests.routine_helpers import import_titles

pytestmark = pytest.mark.own_backends  # makes its own server databases

TITLES = ("Attention Revisited", "Sparse Mixtures", "Tiny Recurrent Nets", "Long Context")


def _titles(library: Library, query: str) -> set[str]:
    return {p.title for p in search.search(library, query)}


def _cursor(library: Library) -> int | None:
    return catch_up.applied(paths.index_dir(library.directory))


def _top(library: Library) -> int:
    with library.snapshot() as conn:
        return journal.latest(conn)


def test_each_machine_has_its_own_index_and_catches_up_from_the_journal(
    machine: Machines,
) -> None:
    a = machine("a")
    import_titles(a, *TITLES[:2])
    b = machine("b")  # a new cache: built from the server
    assert a.directory != b.directory and isinstance(b.location, ServerLocation)
    assert _titles(b, "sparse") == {"Sparse Mixtures"}
    assert _cursor(b) == _top(b)

    first = triage.resolve(a, ["1"])[0]
    notes.add_note(a, first, "compare with the numbat baseline")
    import_titles(a, TITLES[2])
    assert _titles(b, "numbat") == set()  # not caught up yet
    assert b.pending_count() == 2
    assert b.sync_index() == 2
    assert _titles(b, "numbat") == {"Attention Revisited"}
    assert _titles(b, "recurrent") == {"Tiny Recurrent Nets"}
    assert _cursor(b) == _top(b) and b.pending_count() == 0
    # Nothing shared marks what b indexed: a still has its own work to do (none here).
    assert a.pending_count() == 0


def test_changes_the_index_does_not_hold_move_the_cursor_without_indexing(
    machine: Machines,
) -> None:
    a = machine("a")
    import_titles(a, *TITLES)
    b = machine("b")
    triage.set_starred(a, triage.resolve(a, ["1", "2", "3"]), True)
    triage.set_status(a, triage.resolve(a, ["4"]), "read")
    assert b.sync_index() == 0
    assert _cursor(b) == _top(b)


def test_deleting_the_cache_loses_nothing(machine: Machines) -> None:
    a = machine("a")
    import_titles(a, *TITLES)
    notes.add_note(a, triage.resolve(a, ["2"])[0], "numbat")
    b = machine("b")
    b.close()
    shutil.rmtree(b.directory)
    b = machine("b")
    assert _titles(b, "numbat") == {"Sparse Mixtures"}
    assert len(search.search(b, "")) == len(TITLES)
    assert _cursor(b) == _top(b)


def test_a_cancel_keeps_the_batches_done_and_the_rest_is_done_next_time(
    machine: Machines,
) -> None:
    a = machine("a")
    b = machine("b")
    for title in TITLES:  # four changes: the cursor can move past each one done
        import_titles(a, title)
    start = _cursor(b)
    assert start is not None
    token = CancelToken()
    done: list[int] = []

    def progress(count: int, _total: int, _text: str) -> None:
        done.append(count)
        token.cancel()  # after the first batch

    with pytest.raises(Cancelled):
        b.sync_index(token, progress, batch=1)
    assert done == [1]
    # One paper indexed: the cursor moved past its change, not past the papers still to do.
    moved = _cursor(b)
    assert moved is not None and start < moved < _top(b)
    assert b.pending_count() == len(TITLES) - 1
    assert b.sync_index() == len(TITLES) - 1
    assert len(search.search(b, "")) == len(TITLES) and _cursor(b) == _top(b)


def test_a_crash_between_the_index_and_its_cursor_leaves_the_work_to_redo(
    machine: Machines, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = machine("a")
    b = machine("b")
    import_titles(a, *TITLES)
    before = _cursor(b)

    def crash(_folder: Path, _cursor: catch_up.Cursor) -> None:
        raise SystemExit("killed between the index commit and the cursor")

    monkeypatch.setattr(catch_up, "write_cursor", crash)
    with pytest.raises(SystemExit):
        b.sync_index()
    monkeypatch.undo()
    assert _cursor(b) == before  # the index has the papers; the cursor does not say so
    b.close()
    b = machine("b")  # the next start redoes the work
    assert _cursor(b) == _top(b)
    assert len(search.search(b, "")) == len(TITLES)


def test_the_cursor_moves_to_the_last_paper_done_within_its_change() -> None:
    start = catch_up.Cursor(10)
    log = catch_up.Backlog(ids=[3, 7, 9], first={3: 11, 7: 11, 9: 14}, top=15, start=start)
    assert log.cursor_after(0) == start
    assert log.cursor_after(1) == catch_up.Cursor(11, 3)  # paper 7 of change 11 still to do
    assert log.cursor_after(2) == catch_up.Cursor(13)  # change 11 done whole
    assert log.cursor_after(3) == catch_up.Cursor(15)
    middle = catch_up.Cursor(11, 3)
    assert middle.whole == 10 and middle.covers(11, 3) and not middle.covers(11, 7)
    assert middle.covers(10, 99) and not middle.covers(12, 1)


def test_a_cancel_within_one_large_change_keeps_the_batches_done(machine: Machines) -> None:
    a = machine("a")
    b = machine("b")
    import_titles(a, *TITLES)  # one change of four papers
    start = _cursor(b)
    token = CancelToken()
    with pytest.raises(Cancelled):
        b.sync_index(token, lambda *_: token.cancel(), batch=1)
    cursor = catch_up.read_cursor(paths.index_dir(b.directory))
    assert cursor is not None and cursor.seq == _top(b) and cursor.paper is not None
    assert _cursor(b) == start  # the change is not applied whole yet...
    assert b.pending_count() == len(TITLES) - 1  # ...but its first paper is
    b.close()
    b = machine("b")  # the next start does the rest, without a rebuild
    assert _cursor(b) == _top(b) and b.pending_count() == 0
    assert len(search.search(b, "")) == len(TITLES)
