"""The reading routine with a fixed clock: Inbox, snooze, re-reading, Today, history."""

from __future__ import annotations

import datetime as dt

import pytest

from readerapp.core.errors import UserError
from readerapp.search.query import Filter
from readerapp.services import days, history, listing, queues, routine, search, triage, undo
from readerapp.services.library import Library
from readerapp.services.listing import ListRef
from tests.routine_helpers import DAY, fix_clock, import_titles

TITLES = ("Attention Revisited", "Sparse Mixtures", "Tiny Recurrent Nets", "Long Context")


def _ids(library: Library) -> dict[str, int]:
    return {p.title: p.id for p in search.search(library, "")}


def _every_list(library: Library) -> dict[str, list[int]]:
    """What each list of the sidebar shows, keyed by the list."""
    refs = [
        ListRef("all"),
        ListRef("status", "unread"),
        ListRef("inbox"),
        ListRef("today"),
        ListRef("queue", "Read next"),
        ListRef("tag", "ml"),
        ListRef("snoozed"),
    ]
    return {ref.key(): listing.list_ids(library, ref, listing.list_query(ref, "")) for ref in refs}


def test_a_paper_snoozed_until_friday_is_only_snoozed_until_friday_then_in_today(
    library: Library,
) -> None:
    clock = fix_clock(library)  # Monday
    import_titles(library, *TITLES)
    ids = _ids(library)
    paper = ids["Sparse Mixtures"]
    queues.add_to_queue(library, "Read next", [paper, ids["Long Context"]])
    triage.add_tag(library, "ml", [paper])
    friday = days.parse_until("friday", days.today(library))
    assert friday == dt.date(2026, 8, 7)
    routine.snooze(library, [paper], friday)

    for day in ("Monday", "Tuesday", "Wednesday", "Thursday"):
        lists = _every_list(library)
        assert [k for k, v in lists.items() if paper in v] == ["snoozed"], day
        assert routine.snoozed_until(library, paper) == friday
        assert paper in search.search_ids(library, "is:snoozed")
        clock.advance(DAY)

    assert days.today(library) == friday
    lists = _every_list(library)
    assert lists["snoozed"] == []
    assert lists["today"][0] == paper  # snoozed papers that came back come first
    assert routine.today_items(library)[0].reason == "snoozed"
    assert paper in lists["all"] and paper in lists["queue:Read next"]
    # Back for good once read.
    triage.set_status(library, [paper], "read")
    assert paper not in [i.paper.id for i in routine.today_items(library)]


def test_a_snooze_is_undone_and_must_end_after_today(library: Library) -> None:
    fix_clock(library)
    import_titles(library, *TITLES)
    paper = _ids(library)["Long Context"]
    applied = routine.snooze(library, [paper], dt.date(2026, 8, 10))
    assert search.search_ids(library, "is:snoozed") == [paper]
    assert applied.undo is not None
    undo.apply(library, applied.undo)
    assert search.search_ids(library, "is:snoozed") == []
    with pytest.raises(UserError, match="after today"):
        routine.snooze(library, [paper], dt.date(2026, 8, 3))
    with pytest.raises(UserError, match="not after today"):
        days.parse_until("2026-08-01", dt.date(2026, 8, 3))
    with pytest.raises(UserError, match="is not a day"):
        days.parse_until("someday", dt.date(2026, 8, 3))


def test_snooze_durations_as_people_type_them() -> None:
    monday = dt.date(2026, 8, 3)
    assert days.parse_until("3d", monday) == dt.date(2026, 8, 6)
    assert days.parse_until("2w", monday) == dt.date(2026, 8, 17)
    assert days.parse_until("tomorrow", monday) == dt.date(2026, 8, 4)
    assert days.parse_until("next-week", monday) == dt.date(2026, 8, 10)
    assert days.parse_until("next-week", dt.date(2026, 8, 9)) == dt.date(2026, 8, 10)
    assert days.parse_until("monday", monday) == dt.date(2026, 8, 10)  # the next one
    assert days.parse_until("fri", monday) == dt.date(2026, 8, 7)
    assert days.parse_until("2026-09-01", monday) == dt.date(2026, 9, 1)


def test_the_inbox_holds_new_papers_until_they_are_triaged(library: Library) -> None:
    fix_clock(library)
    import_titles(library, *TITLES)
    ids = _ids(library)
    assert routine.inbox_ids(library) == sorted(ids.values())  # oldest first
    starred = triage.set_starred(library, [ids["Attention Revisited"]], True)
    triage.set_status(library, [ids["Sparse Mixtures"]], "reading")
    triage.add_tag(library, "later", [ids["Tiny Recurrent Nets"]])
    archived = routine.archive(library, [ids["Long Context"]])
    assert routine.inbox_ids(library) == []
    assert routine.inbox_count(library) == 0
    # Undoing a triage puts the paper back.
    assert starred.undo is not None and archived.undo is not None
    undo.apply(library, starred.undo)
    undo.apply(library, archived.undo)
    assert routine.inbox_ids(library) == sorted([ids["Attention Revisited"], ids["Long Context"]])
    # Papers an import merely matched do not come back to the Inbox.
    routine.archive(library, routine.inbox_ids(library))
    import_titles(library, "Attention Revisited", "Brand New")
    assert routine.inbox_ids(library) == [_ids(library)["Brand New"]]


def test_what_an_import_gives_on_arrival_is_not_triage(library: Library) -> None:
    fix_clock(library)
    import_titles(library, *TITLES, tag="daily", queue="Later")
    assert len(routine.inbox_ids(library)) == 4
    paper = _ids(library)["Long Context"]
    triage.add_tag(library, "mine", [paper])  # the user's own tag is triage
    assert paper not in routine.inbox_ids(library)


def test_re_reads_come_due_on_the_right_days(library: Library) -> None:
    clock = fix_clock(library)
    import_titles(library, *TITLES)
    paper = _ids(library)["Tiny Recurrent Nets"]
    with pytest.raises(UserError, match="not read"):
        routine.mark_reread(library, [paper])
    triage.set_status(library, [paper], "read")
    triage_note = "Check the gating trick."
    from readerapp.services import notes

    notes.add_note(library, paper, triage_note)
    steps = days.parse_steps("1w, 1m, 3m")
    assert steps == (7, 30, 90)
    routine.mark_reread(library, [paper], steps)

    def due() -> bool:
        return any(i.reason == "reread" for i in routine.today_items(library))

    start = days.today(library)
    day_of = {0: start}
    for step, wait in enumerate(steps):
        reread = routine.reread_of(library, paper)
        assert reread is not None and reread.step == step
        assert reread.due == day_of[step] + dt.timedelta(days=wait)
        clock.advance(DAY * (wait - 1))
        assert not due(), f"step {step} came due a day early"
        clock.advance(DAY)
        assert due() and days.today(library) == reread.due
        item = next(i for i in routine.today_items(library) if i.reason == "reread")
        assert item.note == triage_note and item.detail == str(step + 1)
        assert paper in search.search_ids(library, "is:rereading")
        routine.reread_done(library, [paper], steps)
        day_of[step + 1] = days.today(library)
        assert not due()
    assert routine.reread_of(library, paper) is None  # past the last step
    assert search.search_ids(library, "is:rereading") == []


def test_today_lists_comebacks_rereads_queue_heads_then_rule_picks(library: Library) -> None:
    from readerapp.services import rules

    clock = fix_clock(library)
    import_titles(library, *TITLES)
    ids = _ids(library)
    a, b, c, d = (ids[t] for t in TITLES)
    triage.set_status(library, [b], "read")
    routine.mark_reread(library, [b], (1,))
    routine.snooze(library, [a], dt.date(2026, 8, 4))
    queues.add_to_queue(library, "Read next", [b, c])  # b is read: c is the head
    rules.save_rule(library, rules.make_rule("Context", "title:context", today=True))
    clock.advance(DAY)
    import_titles(library, "Context Windows")
    new = _ids(library)["Context Windows"]
    entries = routine.today_entries(library)
    assert [(pid, reason) for pid, reason, _ in entries] == [
        (a, "snoozed"),
        (b, "reread"),
        (c, "queue"),
        (new, "rule"),
    ]
    assert d not in [pid for pid, _, _ in entries]
    triage.set_status(library, [new], "skimmed")  # done with it: it leaves today's list
    assert new not in [pid for pid, _, _ in routine.today_entries(library)]
    triage.set_status(library, [new], "unread")
    assert (new, "rule") in [(pid, reason) for pid, reason, _ in routine.today_entries(library)]
    clock.advance(DAY)  # a rule's pick is for the day it was made
    assert new not in [pid for pid, _, _ in routine.today_entries(library)]


def test_history_records_each_status_change_with_its_time(library: Library) -> None:
    clock = fix_clock(library)
    import_titles(library, *TITLES)
    paper = _ids(library)["Attention Revisited"]
    clock.advance(2 * DAY)
    triage.set_status(library, [paper], "reading")
    clock.advance(4 * DAY)
    marked = triage.set_status(library, [paper], "read")
    text = history.describe(history.paper_history(library, paper), days.today(library))
    assert text == "added 3 Aug, started 5 Aug, read 9 Aug"
    # Undo takes the event away with the status, redo puts it back.
    assert marked.undo is not None
    redo = undo.apply(library, marked.undo).undo
    assert [e.kind for e in history.paper_history(library, paper)] == ["added", "reading"]
    assert redo is not None
    undo.apply(library, redo)
    assert [e.kind for e in history.paper_history(library, paper)] == ["added", "reading", "read"]
    assert search.search_ids(library, "read:7d") == [paper]
    assert search.search_ids(library, "read:2026-08") == [paper]
    assert search.search_ids(library, "read:2026-08-10..") == []
    assert search.search_ids(library, "started:2026-08-05") == [paper]
    # Setting the status a paper has already records nothing.
    triage.set_status(library, [paper], "read")
    assert len(history.paper_history(library, paper)) == 3


def test_deleting_and_restoring_a_paper_keeps_its_history(library: Library) -> None:
    fix_clock(library)
    import_titles(library, *TITLES)
    paper = _ids(library)["Attention Revisited"]
    triage.set_status(library, [paper], "read")
    deleted = triage.delete_papers(library, [paper])
    assert deleted.undo is not None
    undo.apply(library, deleted.undo)
    assert [e.kind for e in history.paper_history(library, paper)] == ["added", "read"]
    assert search.search_ids(library, Filter("history", ("read", "within", 1, None))) == [paper]
