from __future__ import annotations

import pytest

from readerapp.core.errors import UserError
from readerapp.core.identity import title_key
from readerapp.search.query import QuerySyntaxError
from readerapp.services import editing, notes, queues, search, triage
from readerapp.services.library import Library
from tests.conftest import paper_id_by_title

# The whole search suite runs once per search engine.
pytestmark = pytest.mark.usefixtures("engine")

CHAIN_OF_THOUGHT = {
    "Retrieval Head Mechanistically Explains Long-Context Factuality",
    "Mind Your Step (by Step): Chain-of-Thought can Reduce Performance on Tasks where "
    "Thinking Makes Humans Worse",
    "Active Prompting with Chain-of-Thought for Large Language Models",
    "The Coverage Principle: A Framework for Understanding Compositional Generalization",
}


def titles(lib: Library, query: str) -> set[str]:
    return {p.title for p in search.search(lib, query)}


def test_hyphenated_word_finds_the_papers_that_say_it(seeded: Library) -> None:
    assert titles(seeded, "chain-of-thought") == CHAIN_OF_THOUGHT
    # The spaced phrase also finds "Chain of Thought" spelled without hyphens.
    spaced = titles(seeded, '"chain of thought"')
    assert spaced > CHAIN_OF_THOUGHT
    assert "Supervised Chain of Thought" in spaced


def test_a_stop_word_in_a_query_does_not_empty_it(seeded: Library) -> None:
    """Users type sentences: "the model" finds what "model" finds, in either engine."""
    model = search.search_ids(seeded, "model")
    assert len(model) > 10
    assert search.search_ids(seeded, "the model") == model
    assert search.search_ids(seeded, "a survey of the methods") == search.search_ids(
        seeded, "survey methods"
    )
    assert search.search_ids(seeded, "the") == []


def test_field_search(seeded: Library) -> None:
    assert titles(seeded, "title:kronecker") == {
        "Singular Value Decomposition on Kronecker Adaptation for Large Language Model"
    }
    assert titles(seeded, "abstract:kronecker") == titles(seeded, "title:kronecker")


def test_filters_combine_with_text(seeded: Library) -> None:
    retrieval = search.search_ids(seeded, "retrieval")
    assert len(retrieval) > 5
    starred = [*retrieval[:2], paper_id_by_title(seeded, "SwinFace")]
    triage.set_starred(seeded, starred, True)
    assert set(search.search_ids(seeded, "retrieval is:starred")) == set(retrieval[:2])
    assert set(search.search_ids(seeded, "is:starred")) == set(starred)
    assert set(search.search_ids(seeded, "retrieval -is:starred")) == set(retrieval[2:])
    assert len(search.search_ids(seeded, "is:unstarred")) == 70


def test_status_tag_queue_note_filters(seeded: Library) -> None:
    a, b = paper_id_by_title(seeded, "SwinFace"), paper_id_by_title(seeded, "TaskExpert")
    triage.set_status(seeded, [a], "read")
    triage.add_tag(seeded, "Vision Models", [a, b])
    queues.add_to_queue(seeded, "Weekend", [b])
    notes.add_note(seeded, b, "Compare with **mixture of experts** baselines; zebra.")
    assert search.search_ids(seeded, "status:read") == [a]
    assert search.search_ids(seeded, "is:read") == [a]
    assert set(search.search_ids(seeded, 'tag:"vision models"')) == {a, b}
    assert set(search.search_ids(seeded, "tag:vis*")) == {a, b}
    assert search.search_ids(seeded, "queue:weekend") == [b]
    assert search.search_ids(seeded, "is:queued") == [b]
    assert search.search_ids(seeded, "note:zebra") == [b]
    assert search.search_ids(seeded, "zebra") == [b]  # plain words search notes too
    assert set(search.search_ids(seeded, "vision")) >= {a, b}  # and tags
    assert search.search_ids(seeded, "status:read OR queue:weekend", sort="added") == [b, a]


def test_boolean_prefix_fuzzy(seeded: Library) -> None:
    both = set(search.search_ids(seeded, "retrieval AND generation"))
    either = set(search.search_ids(seeded, "retrieval OR generation"))
    assert both < either
    assert set(search.search_ids(seeded, "retriev*")) >= set(search.search_ids(seeded, "retrieval"))
    assert (
        "Singular Value Decomposition on Kronecker Adaptation for Large Language Model"
        in titles(seeded, "kroneker~")
    )


def test_year_added_and_empty(seeded: Library) -> None:
    assert len(search.search_ids(seeded, "added:1d")) == 73
    assert search.search_ids(seeded, "year:2020..2024") == []  # the text dump has no dates
    assert len(search.search_ids(seeded, "")) == 73
    assert len(search.search_ids(seeded, "source:hf_daily")) == 73


def test_relevance_puts_title_matches_first(seeded: Library) -> None:
    ranked = search.search(seeded, "kronecker")
    assert ranked[0].title.startswith("Singular Value Decomposition on Kronecker")


def test_sorts(seeded: Library) -> None:
    by_title = [p.title for p in search.search(seeded, "", sort="title")]
    assert len(by_title) == 73
    assert by_title == sorted(by_title, key=title_key)
    newest = search.search_ids(seeded, "", sort="added")
    assert newest == sorted(newest, reverse=True)  # one batch: later rows are newer
    with pytest.raises(UserError, match="unknown sort"):
        search.search_ids(seeded, "", sort="colour")


def test_bad_queries_are_user_errors(seeded: Library) -> None:
    with pytest.raises(QuerySyntaxError):
        search.search_ids(seeded, '"unclosed')
    with pytest.raises(UserError, match="no queue named 'nope'"):
        search.search_ids(seeded, "queue:nope")


def test_related_papers(seeded: Library) -> None:
    pid = paper_id_by_title(seeded, "Unified Demonstration Retriever")
    related = search.related(seeded, pid, limit=3)
    assert 0 < len(related) <= 3
    assert pid not in [p.id for p in related]


def test_cached_sort_orders_follow_edits_deletes_and_other_writers(seeded: Library) -> None:
    from readerapp.db.models import PaperRow

    by_title = search.search_ids(seeded, "", sort="title")
    last, first = by_title[-1], by_title[0]
    editing.edit_paper(seeded, last, title="000 first")
    assert search.search_ids(seeded, "", sort="title")[0] == last
    triage.delete_papers(seeded, [first])
    assert first not in search.search_ids(seeded, "", sort="title")
    # A paper written behind this library's back (another process) still shows up, in place.
    with seeded.write() as session:
        row = PaperRow(title="Zzz last", title_key="zzz last")
        session.add(row)
        session.flush()
        new_id = row.id
    assert search.search_ids(seeded, "", sort="title")[-1] == new_id
    assert search.search_ids(seeded, "", sort="added")[0] == new_id
