"""Rules: a saved search with actions, applied to each import's new papers and on request to
the whole library; undoing the import undoes what they did."""

from __future__ import annotations

import pytest

from readerapp.core.errors import UserError
from readerapp.search.query import QuerySyntaxError
from readerapp.services import batches, import_session, queues, routine, rules, search, triage, undo
from readerapp.services.library import Library
from tests.routine_helpers import fix_clock, import_titles

pytestmark = pytest.mark.usefixtures("engine")


def _queue_names(library: Library) -> dict[str, int]:
    return {q.name: q.count for q in queues.list_queues(library)}


def test_a_rule_applies_to_the_next_import_and_its_undo_undoes_it(library: Library) -> None:
    fix_clock(library)
    import_titles(library, "Older Paper")  # before the rule: left alone
    rules.save_rule(library, rules.make_rule("LLM", "tag:llm", queue="LLM"))
    outcome = import_titles(library, "Scaling Laws", "Prompt Tricks", "Graph Nets", tag="llm")
    ids = {p.title: p.id for p in search.search(library, "")}
    [result] = outcome.rule_results
    assert result.rule == "LLM"
    assert result.queued == [ids["Scaling Laws"], ids["Prompt Tricks"], ids["Graph Nets"]]
    assert queues.queue_ids(library, "LLM") == result.queued  # in the file's order
    assert result.summary() == "rule LLM: matched 3 papers: queued 3 on LLM"
    # Arriving on a queue by a rule is not triage: they are still in the Inbox.
    assert set(result.queued) <= set(routine.inbox_ids(library))

    step = outcome.undo_step()
    assert step is not None
    undo.apply(library, step)
    assert queues.queue_ids(library, "LLM") == []
    assert {p.title for p in search.search(library, "")} == {"Older Paper"}
    assert search.search_ids(library, "tag:llm") == []


def test_undoing_one_batch_takes_back_what_rules_did_to_it(library: Library) -> None:
    fix_clock(library)
    rules.save_rule(library, rules.make_rule("Star graphs", "title:graph", star=True, tag="g"))
    outcome = import_titles(library, "Graph Nets", "Other")
    [batch] = outcome.batch_ids
    report = batches.undo_import(library, batch)
    assert (report.removed, report.kept) == (2, [])  # not kept as "starred" or "tagged"


def test_a_paper_the_user_touched_after_a_rule_stays_after_undo(library: Library) -> None:
    fix_clock(library)
    rules.save_rule(library, rules.make_rule("Graphs", "title:graph", queue="Graphs"))
    outcome = import_titles(library, "Graph Nets", "Other")
    graph = search.search_ids(library, "title:graph")[0]
    triage.set_status(library, [graph], "reading")
    report = batches.undo_import(library, outcome.batch_ids[0])
    assert [pid for pid, _ in report.kept] == [graph]
    assert queues.queue_ids(library, "Graphs") == []  # the rule's queue place went


def test_run_over_the_library_dry_run_first_then_undo(library: Library) -> None:
    fix_clock(library)
    import_titles(library, "Graph Nets", "Graph Kernels", "Other")
    triage.add_tag(library, "graphs", [search.search_ids(library, "title:kernels")[0]])
    rules.save_rule(library, rules.make_rule("Graphs", "title:graph", tag="graphs", star=True))
    dry, applied = rules.run_rule(library, "Graphs", dry_run=True)
    assert dry.dry_run and len(dry.matched) == 2 and len(dry.tagged) == 1
    assert len(dry.starred) == 2 and applied.undo is None
    assert search.search_ids(library, "is:starred") == []  # nothing changed
    result, applied = rules.run_rule(library, "Graphs")
    assert len(result.tagged) == 1 and len(result.starred) == 2
    assert len(search.search_ids(library, "is:starred tag:graphs")) == 2
    assert applied.undo is not None
    undo.apply(library, applied.undo)
    assert search.search_ids(library, "is:starred") == []
    assert search.search_ids(library, "tag:graphs") == search.search_ids(library, "title:kernels")


def test_rules_are_listed_edited_removed_and_undone(library: Library) -> None:
    saved = rules.save_rule(library, rules.make_rule("A", "title:x", tag="t"))
    edited = rules.save_rule(library, rules.make_rule("B", "title:y", today=True), replacing="A")
    assert [(r.name, r.query, r.actions) for r in rules.list_rules(library)] == [
        ("B", "title:y", ["today"])
    ]
    assert edited.undo is not None and saved.undo is not None
    undo.apply(library, edited.undo)
    assert [r.name for r in rules.list_rules(library)] == ["A"]
    rules.remove_rule(library, "a")
    assert rules.list_rules(library) == []
    with pytest.raises(UserError, match="no rule named"):
        rules.remove_rule(library, "A")
    with pytest.raises(UserError, match="needs an action"):
        rules.make_rule("C", "title:x")
    with pytest.raises(QuerySyntaxError):
        rules.make_rule("C", "title:(x", tag="t")


def test_an_import_with_no_rules_and_a_cancelled_one_apply_none(library: Library) -> None:
    fix_clock(library)
    outcome = import_titles(library, "Graph Nets")
    assert outcome.rule_results == []
    assert import_session.apply_rules(library, outcome) == []
