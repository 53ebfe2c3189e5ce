"""Two writers on one library (two Library objects: two windows, or a window and the command
line; on a server, two machines): edits of different fields both survive, a note saved on
both sides keeps both texts, and each side learns what the other changed."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from readerapp.db import journal
from readerapp.services import editing, notes, remote, triage
from readerapp.services.library import Library
from tests.routine_helpers import import_titles


@pytest.fixture
def two(library_dir: Path) -> Iterator[tuple[Library, Library]]:
    with Library.open(library_dir) as first:
        import_titles(first, "Attention Revisited", "Sparse Mixtures")
        with Library.open(library_dir) as second:
            first.member, second.member = "ana", "ben"
            yield first, second


def test_edits_of_different_fields_of_one_paper_both_survive(
    two: tuple[Library, Library],
) -> None:
    ana, ben = two
    (pid,) = triage.resolve(ana, ["1"])
    seen_by_ben = triage.get_paper(ben, pid)  # ben's window shows the paper as it was
    triage.set_starred(ana, [pid], True)
    notes.add_note(ana, pid, "ana's reading notes")
    editing.edit_paper(ben, pid, venue="NeurIPS")
    triage.set_status(ben, [pid], "reading")
    assert not seen_by_ben.starred
    paper = triage.get_paper(ana, pid)
    assert paper.starred and paper.venue == "NeurIPS" and paper.status == "reading"
    assert [n.body for n in paper.notes] == ["ana's reading notes"]
    assert paper.edited == ("venue",)


def test_a_note_saved_on_both_sides_keeps_both_texts_and_says_so(
    two: tuple[Library, Library],
) -> None:
    ana, ben = two
    (pid,) = triage.resolve(ana, ["1"])
    note_id = notes.add_note(ana, pid, "first draft").value
    loaded_by_ana = loaded_by_ben = triage.get_paper(ben, pid).notes[0].body

    ben_saved = notes.update_note(ben, note_id, "first draft, ben's comments", loaded_by_ben)
    assert ben_saved.value == note_id  # nothing had changed since ben loaded it
    ana_saved = notes.update_note(ana, note_id, "first draft, ana's summary", loaded_by_ana)

    assert ana_saved.value != note_id
    assert "ben" in ana_saved.label and "both versions kept" in ana_saved.label
    bodies = [n.body for n in triage.get_paper(ana, pid).notes]
    assert bodies[0] == "first draft, ben's comments"
    assert bodies[1].startswith(notes.CONFLICT_HEAD) and "ben saved another version" in bodies[1]
    assert bodies[1].endswith("\n\nfirst draft, ana's summary")

    # Ana goes on typing in the copy: her next save edits it, with no new conflict.
    copy_body = bodies[1]
    again = notes.update_note(ana, ana_saved.value, copy_body + " More.", copy_body)
    assert again.value == ana_saved.value
    # Undoing the conflicted save takes the copy away and leaves ben's text.
    assert ana_saved.undo is not None and ana_saved.undo.kind == "delete_note"


def test_a_save_with_no_change_elsewhere_and_an_unchanged_resave_are_plain_edits(
    two: tuple[Library, Library],
) -> None:
    ana, _ben = two
    (pid,) = triage.resolve(ana, ["1"])
    note_id = notes.add_note(ana, pid, "draft").value
    assert notes.update_note(ana, note_id, "draft 2", "draft").value == note_id
    # Saved twice (an autosave that raced a switch of papers): the same text, no conflict.
    assert notes.update_note(ana, note_id, "draft 2", "draft").value == note_id
    assert len(triage.get_paper(ana, pid).notes) == 1


def test_the_feed_names_the_others_changes_and_leaves_out_its_own(
    two: tuple[Library, Library],
) -> None:
    ana, ben = two
    first, second = triage.resolve(ana, ["1", "2"])
    feed = remote.RemoteFeed(ana)
    assert feed.take() is None
    triage.set_starred(ana, [first], True)  # ana's own: her window shows it already
    assert feed.take() is None
    triage.set_starred(ben, [second], True)
    notes.add_note(ben, first, "ben was here")
    found = feed.take()
    assert found is not None
    assert found.papers == {first, second} and found.members == ("ben",)
    assert found.changes.touches(first) and found.changes.lists
    assert feed.take() is None  # taken once


def test_the_watcher_wakes_when_another_process_writes(two: tuple[Library, Library]) -> None:
    ana, ben = two
    woke = threading.Event()
    watcher = remote.ChangeWatcher(ana, woke.set)
    try:
        assert woke.wait(30)  # one look when it starts, for what came before it listened
        woke.clear()
        assert not woke.wait(2 * remote.POLL_S)  # nothing written since: it stays asleep
        triage.set_starred(ben, triage.resolve(ben, ["1"]), True)
        assert woke.wait(30)
    finally:
        watcher.stop()


def test_writers_at_the_same_time_get_consecutive_numbers_in_commit_order(
    two: tuple[Library, Library],
) -> None:
    ana, ben = two
    ids = triage.resolve(ana, ["1", "2"])
    with ana.snapshot() as conn:
        start = journal.latest(conn)
    failures: list[BaseException] = []

    def stars(library: Library, pid: int) -> None:
        try:
            for turn in range(15):
                triage.set_starred(library, [pid], turn % 2 == 0)
        except BaseException as error:  # reported below, on the test's thread
            failures.append(error)

    threads = [
        threading.Thread(target=stars, args=(ana, ids[0])),
        threading.Thread(target=stars, args=(ben, ids[1])),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not failures
    with ana.snapshot() as conn:
        entries = journal.entries_since(conn, start, journal.latest(conn))
    assert [seq for seq, _member in entries] == list(range(start + 1, start + 31))
    assert sorted(member for _seq, member in entries) == ["ana"] * 15 + ["ben"] * 15
    assert ana.own_changes.isdisjoint(ben.own_changes)


def test_two_saves_of_one_note_at_the_same_time_keep_both_texts(
    two: tuple[Library, Library],
) -> None:
    ana, ben = two
    (pid,) = triage.resolve(ana, ["1"])
    note_id = notes.add_note(ana, pid, "draft").value
    barrier = threading.Barrier(2)
    saved: dict[str, object] = {}

    def save(library: Library, text: str) -> None:
        barrier.wait()
        saved[library.member] = notes.update_note(library, note_id, text, "draft").value

    threads = [
        threading.Thread(target=save, args=(ana, "draft, ana's part")),
        threading.Thread(target=save, args=(ben, "draft, ben's part")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    bodies = [n.body for n in triage.get_paper(ana, pid).notes]
    assert len(bodies) == 2 and sorted(saved.values()) != [note_id, note_id]
    assert any(b == "draft, ana's part" or b.endswith("\n\ndraft, ana's part") for b in bodies)
    assert any(b == "draft, ben's part" or b.endswith("\n\ndraft, ben's part") for b in bodies)
