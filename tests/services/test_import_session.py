"""The import session without a window: plan, run, cancel and roll back, options, index, undo.

tests/gui/test_import_preview.py drives the same logic through Qt; these call the services
directly, on a real SQLite library with its real index, importing real files."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from readerapp.core.errors import UserError
from readerapp.core.progress import CancelToken
from readerapp.services import (
    batches,
    exporting,
    import_session,
    importing,
    overview,
    queues,
    search,
    triage,
)
from readerapp.services.import_session import ImportSource
from readerapp.services.library import Library
from tests.conftest import CORPUS, DATA, SEED
from tests.plain_db import plain_db

JABREF = CORPUS / "bibtex" / "bbt-97_jabref210_groups_preamble.bib"  # 901 papers, 10 skipped
LARGE = CORPUS / "bibtex" / "bbt-1436-2_unabbreviate_large_1053.bib"


Batch = tuple[int, str, int, dt.datetime | None]


def history(library: Library) -> list[Batch]:
    """The import batches, newest first: id, source, papers, when undone."""
    return [(b.id, b.source, b.papers, b.undone_at) for b in overview.list_batches(library)]


def snapshot(library: Library) -> tuple[object, ...]:
    """Everything a user could see of the library: papers with their stars, status, tags,
    notes, queues and sources; the import batches; queue orders; tags; the index backlog."""
    papers, _ = exporting.export_text(library, exporting.Selection(everything=True), "json")
    return (
        papers,
        history(library),
        [(q.name, queues.queue_ids(library, q.name)) for q in queues.list_queues(library)],
        triage.list_tags(library),
        library.pending_count(),
    )


def without_batches(state: tuple[object, ...]) -> tuple[object, ...]:
    return (state[0], *state[2:])


def in_file_order(library: Library, batch_id: int) -> list[int]:
    """A batch's papers by the line they start at in its file (read from SQLite directly)."""
    with plain_db(library) as conn:
        rows = conn.execute(
            "SELECT paper_id FROM paper_sources WHERE batch_id = ? ORDER BY line, paper_id",
            (batch_id,),
        ).fetchall()
    return [pid for (pid,) in rows]


def cancel_when(
    monkeypatch: pytest.MonkeyPatch,
    cancel: CancelToken,
    at: Callable[[str, str], bool],
) -> list[tuple[str, str]]:
    """Makes the real import (not a dry run) cancel itself at the first progress report
    where `at(source, message)` holds, synchronously, as if the user pressed Cancel there.
    Returns the (source, message) reports seen, in order."""
    seen: list[tuple[str, str]] = []
    real_import = importing.import_text

    def import_text(library: Library, text: str, source: str, **options: Any) -> Any:
        progress = options["progress"]

        def sink(done: int, total: int | None, message: str) -> None:
            progress(done, total, message)
            seen.append((source, message))
            if not options.get("dry_run") and not cancel.cancelled and at(source, message):
                cancel.cancel()

        return real_import(library, text, source, **{**options, "progress": sink})

    monkeypatch.setattr(importing, "import_text", import_text)
    return seen


def _work_on(library: Library) -> None:
    """Some user state an import must never disturb."""
    some = search.search_ids(library, "chain-of-thought")
    assert len(some) == 4
    triage.set_starred(library, some[:2], True)
    triage.set_status(library, some[2:3], "reading")
    triage.add_tag(library, "cot", some)
    queues.add_to_queue(library, "Week 32", some[1:])


def test_cancel_during_the_second_source_undoes_the_first(
    seeded: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    _work_on(seeded)
    before, history_before = snapshot(seeded), history(seeded)
    cancel = CancelToken()
    saved_when_cancelled: list[int] = []

    def at_second_save(source: str, message: str) -> bool:
        if source == str(LARGE) and message.startswith("Saving"):
            # The first file is committed by now: the cancel must take it away again.
            saved_when_cancelled.append(overview.counts(seeded).total)
            return True
        return False

    seen = cancel_when(monkeypatch, cancel, at_second_save)
    progress: list[str] = []
    plan = import_session.direct_plan(
        [ImportSource.from_path(JABREF), ImportSource.from_path(LARGE)], "Week 32", "imported"
    )

    outcome = import_session.run_import(
        seeded, plan, lambda _d, _t, message: progress.append(message), cancel
    )

    assert saved_when_cancelled == [73 + 901]
    assert (outcome.cancelled, outcome.reports, outcome.paper_ids) == (True, [], [])
    assert (outcome.queued_ids, outcome.tagged_ids, outcome.batch_ids) == ([], [], [])
    assert outcome.undo_step() is None
    assert seen[-1][0] == str(LARGE) and seen[-1][1].startswith("Saving")
    assert progress[-1].startswith(f"{LARGE.name} (2 of 2): Saving ")
    assert without_batches(snapshot(seeded)) == without_batches(before)
    # The first file's batch stays in the history, undone and holding no papers; the
    # second one rolled back with its transaction and left no batch at all.
    first, *old = history(seeded)
    assert old == history_before
    assert first[1:3] == (str(JABREF), 0) and first[3] is not None
    assert search.search_ids(seeded, "source:bbt-97") == []
    assert len(search.search_ids(seeded, "")) == 73


def test_cancel_in_the_first_source_rolls_it_back(
    seeded: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    _work_on(seeded)
    before = snapshot(seeded)
    cancel = CancelToken()
    seen = cancel_when(
        monkeypatch,
        cancel,
        lambda source, message: source == str(JABREF) and message.startswith("Saving"),
    )
    plan = import_session.direct_plan(
        [ImportSource.from_path(JABREF), ImportSource.from_path(LARGE)], "Week 32", "imported"
    )

    outcome = import_session.run_import(seeded, plan, cancel=cancel)

    assert outcome.cancelled and outcome.reports == [] and outcome.paper_ids == []
    assert outcome.undo_step() is None
    assert {source for source, _ in seen} == {str(JABREF)}  # the second was never started
    assert snapshot(seeded) == before  # no batch recorded either: it rolled back with it


def test_queue_and_tag_options_apply_to_every_imported_paper(seeded: Library) -> None:
    seed_ids = in_file_order(seeded, 1)
    assert len(seed_ids) == 73
    first_in_queue = [seed_ids[40], seed_ids[3], seed_ids[17]]  # not in file order
    queues.add_to_queue(seeded, "Week 32", first_in_queue)
    tagged_before = seed_ids[5]
    triage.add_tag(seeded, "To Read", [tagged_before])
    assert search.search_ids(seeded, "groupread") == []

    previews = import_session.preview_all(
        seeded, [ImportSource.from_path(JABREF), ImportSource.from_path(SEED)]
    )
    assert [(p.report.added, p.report.unchanged) for p in previews if p.report] == [
        (901, 0),
        (0, 73),
    ]
    assert [p.changes_library for p in previews] == [True, False]
    plan = import_session.make_plan(previews, queue="  week   32 ", tag=" groupread ")
    assert (plan.queue, plan.tag) == ("week 32", "groupread")
    outcome = import_session.run_import(seeded, plan)
    assert not outcome.cancelled and outcome.errors == []
    assert [r.added for r in outcome.reports] == [901]
    (batch_id,) = outcome.batch_ids
    jabref_ids = in_file_order(seeded, batch_id)
    assert len(jabref_ids) == 901
    assert outcome.paper_ids == jabref_ids + seed_ids

    # Papers already queued keep their place; the new ones follow in file order.
    order = queues.queue_ids(seeded, "Week 32")
    expected = first_in_queue + jabref_ids + [p for p in seed_ids if p not in first_in_queue]
    assert order == expected
    assert outcome.queued_ids == expected[len(first_in_queue) :]
    assert [(q.name, q.count) for q in queues.list_queues(seeded)] == [("Week 32", 974)]

    # The tag is applied with the indexing; afterwards every paper of the import has it and
    # the text index finds them all at once.
    assert seeded.pending_count() == 901
    assert import_session.index_import(seeded, outcome) == 974
    assert seeded.pending_count() == 0
    assert dict(triage.list_tags(seeded)) == {"groupread": 974, "To Read": 1}
    assert outcome.tagged_ids == outcome.paper_ids  # none had it before
    assert sorted(search.search_ids(seeded, "tag:groupread")) == sorted(outcome.paper_ids)
    assert sorted(search.search_ids(seeded, "groupread")) == sorted(outcome.paper_ids)


def test_tagged_ids_hold_only_papers_the_tag_option_added(seeded: Library) -> None:
    seed_ids = in_file_order(seeded, 1)
    triage.add_tag(seeded, "groupread", seed_ids[:10])
    plan = import_session.direct_plan([ImportSource.from_path(SEED)], tag="GroupRead")
    outcome = import_session.run_import(seeded, plan)
    import_session.index_import(seeded, outcome)
    assert outcome.paper_ids == seed_ids
    assert outcome.tagged_ids == seed_ids[10:]
    assert triage.list_tags(seeded) == [("groupread", 73)]  # the tag keeps its spelling


@pytest.mark.parametrize(
    ("queue", "tag", "message"),
    [
        ("   ", None, "a queue needs a name"),
        ("q" * 101, None, "a queue name can be at most 100 characters long"),
        (None, "\t \n", "a tag needs at least one visible character"),
        ("Week 32", "t" * 101, "a tag can be at most 100 characters long"),
    ],
)
def test_a_name_the_library_would_refuse_stops_the_plan_before_anything_is_written(
    seeded: Library, queue: str | None, tag: str | None, message: str
) -> None:
    _work_on(seeded)
    before = snapshot(seeded)
    previews = import_session.preview_all(seeded, [ImportSource.from_path(JABREF)])
    assert previews[0].report is not None and previews[0].report.added == 901
    assert snapshot(seeded) == before  # the dry run wrote nothing

    with pytest.raises(UserError, match=f"^{message}$"):
        import_session.make_plan(previews, queue, tag)
    # The direct plan checks before it reads anything: even a missing file is not reached.
    sources = [ImportSource.from_path(SEED), ImportSource.from_path(Path("/no/such.bib"))]
    with pytest.raises(UserError, match=f"^{message}$"):
        import_session.direct_plan(sources, queue, tag)
    assert snapshot(seeded) == before
    # 100 characters are fine, and so is a name that only needs its spaces tidied.
    plan = import_session.make_plan(previews, " x" * 50, "y" * 100)
    assert (plan.queue, plan.tag) == ("x " * 49 + "x", "y" * 100)


def test_undo_takes_away_only_what_the_options_added(seeded: Library) -> None:
    seed_ids = in_file_order(seeded, 1)
    queued_before = [seed_ids[9], seed_ids[2]]
    tagged_before = [seed_ids[2], seed_ids[30]]
    queues.add_to_queue(seeded, "Week 32", queued_before)
    triage.add_tag(seeded, "to read", tagged_before)
    triage.set_starred(seeded, [seed_ids[0]], True)
    before, history_before = snapshot(seeded), history(seeded)

    previews = import_session.preview_all(
        seeded, [ImportSource.from_path(JABREF), ImportSource.from_path(SEED)]
    )
    plan = import_session.make_plan(previews, "Week 32", "to read")
    outcome = import_session.run_import(seeded, plan)
    import_session.index_import(seeded, outcome)
    assert len(queues.queue_ids(seeded, "Week 32")) == 974
    assert dict(triage.list_tags(seeded))["to read"] == 974
    assert set(queued_before).isdisjoint(outcome.queued_ids)
    assert set(tagged_before).isdisjoint(outcome.tagged_ids)
    assert len(outcome.queued_ids) == 972 and len(outcome.tagged_ids) == 972

    (report,) = import_session.undo_outcome(seeded, outcome)

    # The JabRef file's batch (on a server, a preview's rolled-back batch uses up an id).
    assert report.batch_id == outcome.reports[0].batch_id
    assert (report.removed, report.reverted, report.kept) == (901, 0, [])
    assert queues.queue_ids(seeded, "Week 32") == queued_before
    assert triage.list_tags(seeded) == [("to read", 2)]
    assert sorted(search.search_ids(seeded, 'tag:"to read"')) == sorted(tagged_before)
    assert without_batches(snapshot(seeded)) == without_batches(before)
    undone, *old = history(seeded)
    assert old == history_before
    assert undone[:3] == (report.batch_id, str(JABREF), 0) and undone[3] is not None
    assert search.search_ids(seeded, "source:bbt-97") == []


def test_undo_through_the_step_equals_undo_outcome(seeded: Library) -> None:
    """The Step kept for `readerapp undo` (plain data) undoes the import the same way."""
    before = snapshot(seeded)
    plan = import_session.direct_plan(
        [ImportSource.from_path(DATA / "arxiv_ids.txt")], "Later", "ids"
    )
    outcome = import_session.run_import(seeded, plan)
    import_session.index_import(seeded, outcome)
    step = outcome.undo_step()
    assert step is not None and step.kind == "undo_import" and step.portable
    assert step.args == {
        "batch_ids": outcome.batch_ids,
        "queue": "Later",
        "queued_ids": outcome.paper_ids,
        "tag": "ids",
        "tagged_ids": outcome.paper_ids,
        "queue_created": True,  # "Later" did not exist: undo takes it away again
    }
    assert len(outcome.paper_ids) == 8

    applied = import_session.undo_import(seeded, **step.args)

    assert applied.undo is None  # an undone import is not redone
    (report,) = applied.value
    assert isinstance(report, batches.UndoReport) and report.removed == 8
    assert applied.label == "Undid import 2 (arxiv_ids.txt): removed 8 papers."
    after = snapshot(seeded)
    assert (after[0], after[3], after[4]) == (before[0], before[3], before[4])
    assert "Later" not in [q.name for q in queues.list_queues(seeded)]  # the import made it


def test_a_missing_file_is_reported_and_the_others_import(library: Library, tmp_path: Path) -> None:
    missing = tmp_path / "gone.bib"
    good = DATA / "arxiv_ids.txt"
    plan = import_session.direct_plan(
        [ImportSource.from_path(missing), ImportSource.from_path(good)], "Q", "t"
    )
    outcome = import_session.run_import(library, plan)
    import_session.index_import(library, outcome)
    assert not outcome.cancelled
    assert outcome.errors == [(str(missing), f"{missing}: no such file")]
    (report,) = outcome.reports
    assert (report.source, report.added) == (str(good), 8)
    assert [(b.source, b.papers) for b in overview.list_batches(library)] == [(str(good), 8)]
    assert len(outcome.paper_ids) == 8
    assert queues.queue_ids(library, "Q") == outcome.paper_ids
    assert triage.list_tags(library) == [("t", 8)]


def test_a_previewed_source_that_changes_nothing_records_no_batch_but_gets_the_options(
    seeded: Library,
) -> None:
    seed_ids = in_file_order(seeded, 1)
    queues.add_to_queue(seeded, "Week 32", [seed_ids[50]])
    before = snapshot(seeded)
    (preview,) = import_session.preview_all(seeded, [ImportSource.from_path(SEED)])
    assert preview.report is not None and not preview.changes_library
    assert list(preview.existing_ids) == seed_ids
    plan = import_session.make_plan([preview], "Week 32", "again")

    outcome = import_session.run_import(seeded, plan)

    assert outcome.reports == [] and outcome.batch_ids == []
    assert [b.id for b in overview.list_batches(seeded)] == [1]  # no new batch
    assert outcome.paper_ids == seed_ids
    assert outcome.queued_ids == [p for p in seed_ids if p != seed_ids[50]]
    assert queues.queue_ids(seeded, "Week 32") == [seed_ids[50], *outcome.queued_ids]
    assert import_session.index_import(seeded, outcome) == 73
    assert outcome.tagged_ids == seed_ids
    assert sorted(search.search_ids(seeded, "tag:again")) == sorted(seed_ids)
    assert sorted(search.search_ids(seeded, "again")) == sorted(seed_ids)  # the index has it

    assert import_session.undo_outcome(seeded, outcome) == []  # no batch to undo
    assert snapshot(seeded) == before
    assert search.search_ids(seeded, "again") == []


def test_an_import_that_only_tags_says_the_lists_changed(seeded: Library) -> None:
    # Re-importing the seed with only the tag option records no batch and queues nothing;
    # the tag list still changed (a new tag on 73 papers), and the views redraw from Changes.
    (preview,) = import_session.preview_all(seeded, [ImportSource.from_path(SEED)])
    outcome = import_session.run_import(seeded, import_session.make_plan([preview], tag="new"))
    import_session.index_import(seeded, outcome)
    assert len(outcome.tagged_ids) == 73 and triage.list_tags(seeded) == [("new", 73)]
    changes = outcome.changes
    assert changes.lists
    assert all(changes.touches(pid) for pid in outcome.tagged_ids)
    assert outcome.applied().changes.lists


def test_undo_after_a_queued_paper_was_taken_off_the_queue(seeded: Library) -> None:
    before = snapshot(seeded)
    plan = import_session.direct_plan([ImportSource.from_path(JABREF)], "Week 32", "to read")
    outcome = import_session.run_import(seeded, plan)
    import_session.index_import(seeded, outcome)
    # The user reads one of the queued papers and takes it off the queue, then undoes.
    queues.remove_from_queue(seeded, "Week 32", outcome.queued_ids[:1])

    (report,) = import_session.undo_outcome(seeded, outcome)

    assert (report.removed, report.kept) == (901, [])
    after = snapshot(seeded)
    assert (after[0], after[3], after[4]) == (before[0], before[3], before[4])


def test_undo_after_an_imported_paper_was_deleted(seeded: Library) -> None:
    plan = import_session.direct_plan([ImportSource.from_path(JABREF)], tag="to read")
    outcome = import_session.run_import(seeded, plan)
    import_session.index_import(seeded, outcome)
    triage.delete_papers(seeded, outcome.paper_ids[:1])

    (report,) = import_session.undo_outcome(seeded, outcome)

    assert (report.removed, report.kept) == (900, [])
    assert triage.list_tags(seeded) == []
    assert len(search.search_ids(seeded, "")) == 73


def test_papers_left_out_are_neither_added_nor_merged_and_skip_the_options(
    library: Library,
) -> None:
    # A reading list of bare arXiv ids; then the HF feed (1 new paper, 2 that fill in ids
    # of the list) and the seed (73 new). The user leaves out the feed's new paper, one of
    # its merges and three seed papers.
    assert importing.import_path(library, DATA / "arxiv_ids.txt").added == 8
    before = snapshot(library)
    feed_source, seed_source = ImportSource.from_path(DATA / "hf_papers_feed.json"), SEED
    feed, seed = import_session.preview_all(
        library, [feed_source, ImportSource.from_path(seed_source)]
    )
    assert feed.report is not None and seed.report is not None
    assert [p.record.title for p in feed.new_papers] == [
        "Direct Preference Optimization: Your Language Model is Secretly a Reward Model"
    ]
    dpo = feed.new_papers[0]
    assert dpo.keys == ("arxiv:2305.18290",) and dpo.record.authors[0] == "Rafael Rafailov"
    assert len(seed.new_papers) == 73 and feed.existing_ids == (4, 2)
    lora = feed.planned(2)
    assert lora is not None and lora.record.title.startswith("LoRA")
    left_out_titles = [p.record.title for p in seed.new_papers[10:13]]

    feed = feed.leaving_out([*dpo.keys, *lora.keys])
    seed = seed.leaving_out(k for p in seed.new_papers[10:13] for k in p.keys)
    assert feed.counts() == import_session.PreviewCounts(0, 1, 0, 2)
    assert seed.counts() == import_session.PreviewCounts(70, 0, 0, 3)
    assert feed.kept_existing_ids == (4,)
    plan = import_session.make_plan([feed, seed], queue="Later")
    assert plan.left_out == 5

    outcome = import_session.run_import(library, plan)
    import_session.index_import(library, outcome)

    assert [(r.added, r.merged, r.excluded) for r in outcome.reports] == [(0, 1, 2), (70, 0, 3)]
    assert overview.counts(library).total == 8 + 70
    titles = {p.title for p in search.search(library, "")}
    assert not titles & {dpo.record.title, *left_out_titles}
    assert triage.get_paper(library, 2).abstract == ""  # LoRA: nothing filled in
    assert triage.get_paper(library, 4).abstract != ""  # Llama 2: filled in
    assert 2 not in outcome.paper_ids and 4 in outcome.paper_ids
    assert queues.queue_ids(library, "Later") == outcome.paper_ids
    assert len(outcome.paper_ids) == 71

    import_session.undo_outcome(library, outcome)
    assert without_batches(snapshot(library)) == without_batches(before)


def test_leaving_out_every_change_of_a_source_writes_no_batch(seeded: Library) -> None:
    (preview,) = import_session.preview_all(seeded, [ImportSource.from_path(JABREF)])
    preview = preview.leaving_out(k for p in preview.new_papers for k in p.keys)
    assert not preview.changes_library and preview.counts().left_out == 901
    outcome = import_session.run_import(seeded, import_session.make_plan([preview]))
    assert outcome.reports == [] and outcome.paper_ids == [] and outcome.undo_step() is None
    assert [b.id for b in overview.list_batches(seeded)] == [1]


def test_the_command_line_can_leave_papers_out_by_their_keys(library: Library) -> None:
    text = SEED.read_text(encoding="utf-8")
    dry = importing.import_text(library, text, str(SEED), dry_run=True)
    keys = [k for p in dry.new_papers[:5] for k in p.keys]
    report = importing.import_text(library, text, str(SEED), exclude=keys)
    assert (report.added, report.excluded) == (68, 5)
    assert report.new_papers == [] and report.matched_papers == {}  # a real import keeps none


def test_a_source_that_cannot_be_imported_says_why_in_kind_and_words(
    library: Library, tmp_path: Path
) -> None:
    binary = tmp_path / "paper.pdf"
    binary.write_bytes(b"%PDF-1.7\n\x00\x01\x02")
    folder = tmp_path / "papers"
    folder.mkdir()
    blank = tmp_path / "blank.txt"
    blank.write_text("  \n\n")
    sources = [
        ImportSource.from_path(binary),
        ImportSource.from_path(folder),
        ImportSource.from_path(tmp_path / "gone.bib"),
        ImportSource.from_path(blank),
        ImportSource.from_clipboard("Some notes from the meeting\nnothing to import\n"),
        ImportSource.from_path(JABREF, "ris"),
    ]
    previews = import_session.preview_all(library, sources)
    problems = [p.problem for p in previews]
    assert all(p is not None for p in problems) and all(p.report is None for p in previews)
    kinds = [p.kind for p in problems if p is not None]
    P = import_session.Problem
    assert kinds == [P.NOT_TEXT, P.FOLDER, P.MISSING, P.EMPTY, P.UNRECOGNISED, P.NOT_IN_FORMAT]
    assert [k.format_may_help for k in kinds] == [False] * 4 + [True] * 2
    # The command line's words stay as they were: scripts read them.
    errors = [p.error for p in previews]
    assert errors[:3] == [
        f"{binary}:2: binary data (a NUL byte), not a text file",
        f"{folder}: is a folder, not a file",
        f"{tmp_path / 'gone.bib'}: no such file",
    ]
    assert errors[4] == (
        "<clipboard>:1: not a format readerapp recognises; if it is one of hf-daily-text, "
        "hf-json, arxiv-atom, semantic-scholar, ris, medline, wos-tagged, csljson, "
        "readerapp-json, markdown-list, csv, bibtex, name it with --format"
    )
    # Without the source and line, for a front end that names the source its own way.
    assert [(p.why, p.line) for p in problems[:3] if p is not None] == [
        ("binary data (a NUL byte), not a text file", 2),
        ("is a folder, not a file", None),
        ("no such file", None),
    ]
    last = problems[5]
    assert last is not None and (last.line, last.format_name) == (1, "ris")
    assert last.why.startswith("not RIS: ")
    assert overview.list_batches(library) == []


def test_undoing_the_options_takes_a_few_statements_not_one_per_paper(seeded: Library) -> None:
    """On a server library each statement is a round trip: taking back the queue and tag of
    901 papers one hit at a time took over 30 s (tests/gui/test_import_preview.py on the
    PostgreSQL pass)."""
    from sqlalchemy import Engine, event

    plan = import_session.direct_plan(
        [ImportSource.from_path(JABREF)], queue="Week 32", tag="to read"
    )
    outcome = import_session.run_import(seeded, plan)
    import_session.index_import(seeded, outcome)
    assert len(outcome.queued_ids) == len(outcome.tagged_ids) == 901
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(str(args[2]))

    event.listen(Engine, "before_cursor_execute", count)
    try:
        (report,) = import_session.undo_outcome(seeded, outcome)
    finally:
        event.remove(Engine, "before_cursor_execute", count)
    assert (report.removed, report.kept) == (901, [])
    assert triage.list_tags(seeded) == [] and queues.list_queues(seeded) == []
    assert len(statements) < 100, f"{len(statements)} statements"
