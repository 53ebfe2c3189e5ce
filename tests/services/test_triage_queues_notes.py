from __future__ import annotations

import pytest

from readerapp.core.errors import UserError
from readerapp.services import notes, queues, search, triage
from readerapp.services.library import Library


def ids(lib: Library, n: int) -> list[int]:
    from readerapp.services.search import search_ids

    return sorted(search_ids(lib, ""))[:n]


def test_star_status_tag_round_trip(seeded: Library) -> None:
    a, b = ids(seeded, 2)
    triage.set_starred(seeded, [a, b], True)
    triage.set_status(seeded, [a], "skimmed")
    triage.add_tag(seeded, "  to  discuss ", [a, b])
    triage.add_tag(seeded, "TO DISCUSS", [a])  # tags are case-insensitive: no duplicate
    pa, pb = triage.get_papers(seeded, [a, b])
    assert pa.starred and pb.starred and pa.status == "skimmed" and pb.status == "unread"
    assert pa.tags == ("to discuss",) and pb.tags == ("to discuss",)
    assert triage.list_tags(seeded) == [("to discuss", 2)]
    triage.remove_tag(seeded, "to discuss", [a, b])
    assert triage.list_tags(seeded) == []
    triage.set_starred(seeded, [a], False)
    assert not triage.get_paper(seeded, a).starred


def test_errors_name_the_problem(seeded: Library) -> None:
    with pytest.raises(UserError, match="unknown status 'done'"):
        triage.set_status(seeded, ids(seeded, 1), "done")
    with pytest.raises(UserError, match="no paper with id 9999"):
        triage.set_starred(seeded, [9999], True)
    with pytest.raises(UserError, match="no tag named 'nope'"):
        triage.remove_tag(seeded, "nope", ids(seeded, 1))
    with pytest.raises(UserError, match="visible character"):
        triage.add_tag(seeded, "   ", ids(seeded, 1))


def test_queue_order_add_move_remove(seeded: Library) -> None:
    a, b, c, d = ids(seeded, 4)
    queues.add_to_queue(seeded, "Reading group", [a, b, c])
    queues.add_to_queue(seeded, "reading group", [b, d])  # b keeps its place
    assert queues.queue_ids(seeded, "Reading group") == [a, b, c, d]
    queues.move_in_queue(seeded, "Reading group", d, 1)
    assert queues.queue_ids(seeded, "Reading group") == [d, a, b, c]
    queues.move_in_queue(seeded, "Reading group", d, 99)  # clamped to the end
    assert queues.queue_ids(seeded, "Reading group") == [a, b, c, d]
    queues.remove_from_queue(seeded, "Reading group", [b])
    assert queues.queue_ids(seeded, "Reading group") == [a, c, d]
    queues.add_to_queue(seeded, "Reading group", [d, b], position=1)  # "read next"
    assert queues.queue_ids(seeded, "Reading group") == [d, b, a, c]
    assert [(q.name, q.count) for q in queues.list_queues(seeded)] == [("Reading group", 4)]
    assert triage.get_paper(seeded, a).queues == ("Reading group",)


def test_queue_rename_delete_and_errors(seeded: Library) -> None:
    a, b = ids(seeded, 2)
    queues.create_queue(seeded, "Later")
    with pytest.raises(UserError, match="already exists"):
        queues.create_queue(seeded, "later")
    queues.add_to_queue(seeded, "Later", [a])
    queues.rename_queue(seeded, "Later", "Someday")
    assert queues.queue_ids(seeded, "someday") == [a]
    with pytest.raises(UserError, match="is not in queue"):
        queues.move_in_queue(seeded, "Someday", b, 1)
    with pytest.raises(UserError, match="positions start at 1"):
        queues.move_in_queue(seeded, "Someday", a, 0)
    queues.delete_queue(seeded, "Someday")
    with pytest.raises(UserError, match="no queue named"):
        queues.queue_ids(seeded, "Someday")
    assert triage.get_paper(seeded, a).title  # the paper stays


def test_queue_order_survives_a_restart(seeded: Library) -> None:
    a, b, c = ids(seeded, 3)
    queues.add_to_queue(seeded, "q", [a, b, c])
    queues.move_in_queue(seeded, "q", c, 1)
    directory = seeded.location
    seeded.close()
    with Library.open(directory) as again:
        assert queues.queue_ids(again, "q") == [c, a, b]


def test_notes_are_kept_in_order_and_editable(seeded: Library) -> None:
    (a,) = ids(seeded, 1)
    first = notes.add_note(seeded, a, "# Summary\n\nGood *baseline*.").value
    notes.add_note(seeded, a, "Second thought.")
    notes.update_note(seeded, first, "# Summary\n\nStrong baseline.")
    assert [n.body for n in triage.get_paper(seeded, a).notes] == [
        "# Summary\n\nStrong baseline.",
        "Second thought.",
    ]
    notes.delete_note(seeded, first)
    assert [n.body for n in triage.get_paper(seeded, a).notes] == ["Second thought."]
    with pytest.raises(UserError, match="needs some text"):
        notes.add_note(seeded, a, "  \n")


def test_delete_papers_removes_them_everywhere(seeded: Library) -> None:
    from readerapp.services.search import search_ids

    a, b = ids(seeded, 2)
    queues.add_to_queue(seeded, "q", [a, b])
    notes.add_note(seeded, a, "zebra")
    triage.delete_papers(seeded, [a])
    assert queues.queue_ids(seeded, "q") == [b]
    assert search_ids(seeded, "zebra") == []
    assert len(search_ids(seeded, "")) == 72


def test_writes_bound_to_a_thread_are_refused_on_any_other(seeded: Library) -> None:
    import threading

    from readerapp.core.errors import WrongThread

    (a,) = ids(seeded, 1)
    worker = threading.Thread(target=seeded.bind_writes_to_this_thread)
    worker.start()
    worker.join()
    with pytest.raises(WrongThread):
        triage.set_starred(seeded, [a], True)
    with pytest.raises(WrongThread):
        notes.add_note(seeded, a, "never written")
    assert not triage.get_paper(seeded, a).starred and triage.get_paper(seeded, a).notes == ()
    assert search.search_ids(seeded, "is:starred") == []  # reads still work anywhere


def test_a_queue_change_touches_only_the_papers_that_joined_left_or_moved(
    seeded: Library,
) -> None:
    a, b, c, d, e = sorted(search.search_ids(seeded, ""))[:5]
    queues.change_queue(seeded, "Q", lambda _: [a, b, c, d])
    swapped = queues.change_queue(seeded, "Q", lambda _: [a, c, b, d])
    assert swapped.changes.papers == {b, c} and swapped.changes.lists
    grown = queues.change_queue(seeded, "Q", lambda order: [*(order or []), e])
    assert grown.changes.papers == {e}
    shifted = queues.change_queue(seeded, "Q", lambda order: [p for p in order or [] if p != a])
    assert shifted.changes.papers == {a, c, b, d, e}  # a left, every other moved up
    deleted = queues.change_queue(seeded, "Q", lambda _: None)
    assert deleted.changes.papers == {c, b, d, e}
