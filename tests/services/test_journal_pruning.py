"""The change journal is pruned (db.journal): old entries go, the last ones and the recent
ones stay, as one run of numbers; an index or a window left behind by the pruning rebuilds
or reads everything again instead of missing changes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from readerapp.cli.main import main
from readerapp.core import paths
from readerapp.db import journal, migrations
from readerapp.services import catch_up, history, notes, remote, search, triage
from readerapp.services.library import Library
from tests.conftest import Machines
from tests.routine_helpers import import_titles

# The library's clock is the system's: its entries are from now.
NOW = dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _numbers(library: Library) -> list[int]:
    with library.snapshot() as conn:
        return [int(r[0]) for r in conn.execute("SELECT seq FROM journal ORDER BY seq")]


def _star_each(library: Library, ids: list[int], times: int) -> None:
    for n in range(times):
        triage.set_starred(library, [ids[n % len(ids)]], n % 2 == 0)


def _prune(library: Library, now: dt.datetime, **keep: int) -> int:
    with library.write() as session:
        return journal.prune(session, now, **keep)


def test_old_entries_go_and_the_last_ones_stay_as_one_run(library: Library) -> None:
    import_titles(library, "Attention Revisited", "Sparse Mixtures")
    ids = [p.id for p in search.search(library, "attention OR sparse")]
    _star_each(library, ids, 20)
    top = _numbers(library)[-1]
    assert top >= 21
    # Everything is recent: the days keep it all, whatever the count says.
    assert _prune(library, NOW + dt.timedelta(days=30), keep_entries=1) == 0
    assert len(_numbers(library)) == top
    # Old enough: all but the last 5 go, oldest first, and the number is recorded.
    assert _prune(library, NOW + dt.timedelta(days=1000), keep_days=90, keep_entries=5) == top - 5
    assert _numbers(library) == list(range(top - 4, top + 1))
    with library.snapshot() as conn:
        assert journal.pruned_through(conn) == top - 5
        assert conn.execute("SELECT min(seq) FROM journal_papers").fetchone()[0] > top - 5
    # The numbering goes on from the last entry, never below the pruned ones.
    triage.set_starred(library, ids[:1], True)
    assert _numbers(library)[-1] == top + 1
    # Never the last entry, even when told to keep none.
    _prune(library, NOW + dt.timedelta(days=1000), keep_days=0, keep_entries=0)
    assert _numbers(library) == [top + 1]


def test_every_so_many_entries_the_writer_prunes(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(journal, "PRUNE_EVERY", 10)
    monkeypatch.setattr(journal, "KEEP_ENTRIES", 3)
    monkeypatch.setattr(journal, "KEEP_DAYS", 0)
    import_titles(library, "Attention Revisited")
    ids = [p.id for p in search.search(library, "attention")]
    _star_each(library, ids, 25)
    kept = _numbers(library)
    top = kept[-1]
    assert len(kept) <= 10 and kept == list(range(kept[0], top + 1))
    with library.snapshot() as conn:
        assert journal.pruned_through(conn) == kept[0] - 1 > 0


def test_a_window_whose_last_look_was_pruned_reads_everything_again(library: Library) -> None:
    import_titles(library, "Attention Revisited")
    ids = [p.id for p in search.search(library, "attention")]
    feed = remote.RemoteFeed(library)
    library.own_changes.clear()  # as if another process made the changes below
    _star_each(library, ids, 6)
    library.own_changes.clear()
    _prune(library, NOW + dt.timedelta(days=1000), keep_entries=2)
    found = feed.take()
    assert found is not None and found.everything
    assert found.changes.papers is None and found.changes.lists
    assert feed.take() is None  # and from there on, as before


@pytest.mark.own_backends
def test_an_index_older_than_the_journal_is_rebuilt_and_says_so(
    machine: Machines,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    open_as, url = machine, machine.url
    ana = open_as("ana")
    import_titles(ana, "Attention Revisited", "Sparse Mixtures")
    ben = open_as("ben")  # ben's index: up to date, then ben goes away
    ben_index = paths.index_dir(ben.directory)
    before = catch_up.applied(ben_index)
    ben.close()
    pid = search.search(ana, "attention")[0].id
    notes.add_note(ana, pid, "the numbat baseline")  # indexed text ben has not seen
    _star_each(ana, [pid], 5)
    _prune(ana, NOW + dt.timedelta(days=1000), keep_entries=2)

    # The command line: one line on stderr says why the index is rebuilt.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache-ben"))
    assert main(["--library", url, "search", "numbat", "--json"]) == 0
    out, err = capsys.readouterr()
    assert '"title": "Attention Revisited"' in out
    assert err.startswith(
        "readerapp: This machine's search index is older than the library's change journal "
        "reaches back (90 days): rebuilding it (2 papers)"
    )
    assert (catch_up.applied(ben_index) or 0) > (before or 0)

    # An open library: the catch-up of another machine's changes rebuilds in its place.
    carl = open_as("carl")
    notes.add_note(ana, pid, "and the quokka ablation")
    _star_each(ana, [pid], 4)
    _prune(ana, NOW + dt.timedelta(days=1000), keep_entries=1)
    messages: list[str] = []
    carl.sync_index(progress=lambda d, t, m: messages.append(m))
    assert messages and "older than the library's change journal" in messages[0]
    assert [p.id for p in search.search(carl, "quokka")] == [pid]
    assert not carl.stale_index and carl.pending_count() == 0


def test_history_names_who_added_a_paper_after_its_entry_is_pruned(library: Library) -> None:
    library.member = "ana"
    import_titles(library, "Attention Revisited")
    (pid,) = triage.resolve(library, ["1"])
    library.member = "ben"
    triage.set_status(library, [pid], "reading")
    _star_each(library, [pid], 4)
    # Everything up to the last entry goes: the import's entry, and the status's.
    _prune(library, NOW + dt.timedelta(days=1000), keep_days=0, keep_entries=0)
    with library.snapshot() as conn:
        assert conn.execute("SELECT count(*) FROM journal_papers").fetchone()[0] == 1
    events = history.paper_history(library, pid)
    assert [(e.kind, e.member) for e in events] == [("added", "ana"), ("reading", "ben")]
    words = history.describe(events, events[0].at.date())
    assert " by ana, started " in words and words.endswith(" by ben")


def test_batches_from_before_schema_8_get_their_member_from_the_journal(
    library: Library,
) -> None:
    library.member = "ana"
    import_titles(library, "Attention Revisited")
    (pid,) = triage.resolve(library, ["1"])
    with library.write() as session:  # as a batch imported before schema 8 left it
        session.connection().exec_driver_sql("UPDATE import_batches SET member = NULL")
    with library.write() as session:
        migrations.backfill_batch_members(session.connection())
    with library.snapshot() as conn:
        assert [r[0] for r in conn.execute("SELECT member FROM import_batches")] == ["ana"]
    library.member = "ben"
    triage.set_status(library, [pid], "reading")
    _prune(library, NOW + dt.timedelta(days=1000), keep_days=0, keep_entries=0)
    assert history.paper_history(library, pid)[0].member == "ana"
