"""The change journal: every write that changes papers records which, under a number that
grows in commit order, with the member who made it; a paper's history names the members."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from readerapp.core.errors import UserError
from readerapp.core.settings import MEMBER_ENV, Settings, save_settings
from readerapp.db import journal
from readerapp.services import history, notes, queues, routine, triage
from readerapp.services.library import Library
from tests.routine_helpers import fix_clock, import_titles


def _entries(library: Library) -> list[tuple[int, str, list[int]]]:
    """(number, member, paper ids) of every journal entry, oldest first."""
    with library.snapshot() as conn:
        top = journal.latest(conn)
        members = dict(conn.execute("SELECT seq, member FROM journal").fetchall())
        papers = journal.changed_since(conn, 0, top)
    return [
        (seq, str(member), [pid for s, pid in papers if s == seq])
        for seq, member in sorted(members.items())
    ]


def test_each_change_is_one_entry_with_its_papers_in_commit_order(library: Library) -> None:
    library.member = "ana"
    import_titles(library, "Attention Revisited", "Sparse Mixtures", "Long Context")
    a, b, c = sorted(pid for _seq, _m, ids in _entries(library) for pid in ids)
    start = len(_entries(library))

    triage.set_starred(library, [a], True)
    triage.set_status(library, [b], "reading")
    triage.add_tag(library, "ml", [a, c])
    notes.add_note(library, c, "compare with LoRA")
    queues.add_to_queue(library, "Read next", [b])
    routine.snooze(library, [a], dt.date(2030, 1, 1))
    triage.delete_papers(library, [c])

    made = _entries(library)[start:]
    assert [ids for _seq, _member, ids in made] == [[a], [b], [a, c], [c], [b], [a], [c]]
    assert {member for _seq, member, _ids in made} == {"ana"}
    numbers = [seq for seq, _m, _ids in _entries(library)]
    assert numbers == list(range(1, len(numbers) + 1))  # no gaps, in commit order
    assert library.own_changes == set(numbers)


def test_a_change_of_the_lists_alone_is_an_entry_without_papers(library: Library) -> None:
    queues.create_queue(library, "Later")
    queues.rename_queue(library, "Later", "Someday")
    assert [ids for _seq, _member, ids in _entries(library)] == [[], []]


def test_a_write_that_fails_or_changes_nothing_leaves_no_entry(library: Library) -> None:
    import_titles(library, "Attention Revisited")
    before = _entries(library)
    with pytest.raises(UserError):
        triage.set_starred(library, [1, 999], True)  # no paper 999: nothing is written
    triage.resolve(library, ["1"])  # a read
    with library.write():
        pass  # bookkeeping with no paper touched
    assert _entries(library) == before


def test_the_member_is_the_setting_the_environment_or_the_login(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(MEMBER_ENV, raising=False)
    assert Settings().effective_member  # the OS user by default
    save_settings(Settings(member="lab desk 2"))
    with Library.open(library_dir) as lib:
        assert lib.member == "lab desk 2"
    monkeypatch.setenv(MEMBER_ENV, "ben")
    with Library.open(library_dir) as lib:
        assert lib.member == "ben"
        import_titles(lib, "Sparse Mixtures")
        assert {member for _seq, member, _ids in _entries(lib)} == {"ben"}


def test_history_names_who_did_each_step_once_two_members_did(library: Library) -> None:
    fix_clock(library)
    library.member = "ana"
    import_titles(library, "Attention Revisited")
    (pid,) = triage.resolve(library, ["1"])
    triage.set_status(library, [pid], "reading")
    alone = history.paper_history(library, pid)
    assert [(e.kind, e.member) for e in alone] == [("added", "ana"), ("reading", "ana")]
    assert "by" not in history.describe(alone, alone[0].at.date())  # one person: no names

    library.member = "ben"
    triage.set_status(library, [pid], "read")
    events = history.paper_history(library, pid)
    assert [(e.kind, e.member) for e in events] == [
        ("added", "ana"),
        ("reading", "ana"),
        ("read", "ben"),
    ]
    words = history.describe(events, events[0].at.date())
    assert words == "added 3 Aug by ana, started 3 Aug by ana, read 3 Aug by ben"
    assert events[-1].to_json()["member"] == "ben"


def test_undo_and_redo_of_a_status_keep_its_member(library: Library) -> None:
    from readerapp.services import undo

    library.member = "ana"
    import_titles(library, "Attention Revisited")
    (pid,) = triage.resolve(library, ["1"])
    applied = triage.set_status(library, [pid], "read")
    assert applied.undo is not None
    undone = undo.apply(library, applied.undo)
    assert undone.undo is not None
    undo.apply(library, undone.undo)
    assert [(e.kind, e.member) for e in history.paper_history(library, pid)][-1] == ("read", "ana")


def test_the_journal_says_which_changes_the_search_index_holds(library: Library) -> None:
    import_titles(library, "Attention Revisited", "Sparse Mixtures")
    a, b = triage.resolve(library, ["1", "2"])
    with library.snapshot() as conn:
        start = journal.latest(conn)
    triage.set_starred(library, [a], True)  # not in the index
    queues.add_to_queue(library, "Read next", [b])  # not in the index
    notes.add_note(library, b, "a note is searched")
    triage.add_tag(library, "ml", [a])  # tags are searched
    with library.snapshot() as conn:
        top = journal.latest(conn)
        every = journal.changed_since(conn, start, top)
        indexed = journal.changed_since(conn, start, top, indexed=True)
    assert [pid for _seq, pid in every] == [a, b, b, a]
    assert [pid for _seq, pid in indexed] == [b, a]
