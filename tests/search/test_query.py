from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readerapp.core.errors import UserError
from readerapp.search.query import (
    And,
    Filter,
    MatchAll,
    Not,
    Or,
    QuerySyntaxError,
    Text,
    parse_query,
)

pytestmark = pytest.mark.no_library  # no library: the PostgreSQL pass leaves it out


def test_plain_words_are_anded_text() -> None:
    assert parse_query("retrieval augmented") == And((Text("retrieval"), Text("augmented")))


def test_fields_phrases_prefix_fuzzy() -> None:
    node = parse_query('title:"exact phrase" author:zhang trans* retreival~2')
    assert node == And(
        (
            Text("exact phrase", "title", "phrase"),
            Text("zhang", "author"),
            Text("trans", None, "prefix"),
            Text("retreival", None, "fuzzy", 2),
        )
    )


def test_boolean_precedence_and_negation() -> None:
    assert parse_query("x OR b c -d") == Or(
        (
            Text("x"),
            And((Text("b"), Text("c"), Not(Text("d")))),
        )
    )
    assert parse_query("NOT (x OR b)") == Not(Or((Text("x"), Text("b"))))


def test_stop_words_leave_the_query_unless_nothing_else_is_left() -> None:
    assert parse_query("the model") == Text("model")
    assert parse_query("a survey of the methods") == And((Text("survey"), Text("methods")))
    assert parse_query("the OR model") == Text("model")
    assert parse_query("model -the is:starred") == And((Text("model"), Filter("starred")))
    assert parse_query("title:the model") == Text("model")
    # Author names keep their stop words; phrases, prefixes and fuzzy words stay as typed.
    assert parse_query("author:van the") == Text("van", "author")
    assert parse_query('"the model" of') == Text("the model", None, "phrase")
    assert parse_query("the*") == Text("the", None, "prefix")
    # Only stop words: the query stays, and finds what it always found (nothing).
    assert parse_query("the") == Text("the")
    assert parse_query("of the") == And((Text("of"), Text("the")))


def test_filters() -> None:
    node = parse_query('is:starred status:read queue:"to read" tag:ml* year:2021..2024 added:7d')
    assert node == And(
        (
            Filter("starred"),
            Filter("status", "read"),
            Filter("queue", "to read"),
            Filter("tag_prefix", "ml"),
            Filter("year", (2021, 2024)),
            Filter("added", ("within", "7d")),
        )
    )
    assert parse_query("year:2023") == Filter("year", (2023, 2023))
    assert parse_query("is:reading") == Filter("status", "reading")


def test_empty_query_matches_everything() -> None:
    assert parse_query("   ") == MatchAll()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ('"open', "not closed"),
        ("(a OR b", "parenthesis is not closed"),
        ("a)", "no opening one"),
        ("foo:bar", "unknown field foo:"),
        ("status:done", "status:done is unknown"),
        ("is:nice", "is:nice is unknown"),
        ("year:21", "year:21 should be like"),
        ("year:2024..2021", "backwards"),
        ("added:soon", "added:soon should be like"),
        ("OR a", "OR needs a search term"),
        ("a AND", "query ends"),
        ("x*y", "only allowed at the end"),
        ("a*", "at least two letters"),
        ("word~7", "fuzzy distance"),
        ("()", "empty parentheses"),
    ],
)
def test_syntax_errors_say_what_is_wrong(query: str, message: str) -> None:
    with pytest.raises(QuerySyntaxError) as info:
        parse_query(query)
    assert message in str(info.value)
    assert isinstance(info.value, UserError)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab:"()-*~ ORANDTis.0129')), max_size=40))
def test_any_input_parses_or_raises_a_syntax_error(query: str) -> None:
    with contextlib.suppress(QuerySyntaxError):
        parse_query(query)


def test_routine_filters_and_history_dates() -> None:
    assert parse_query("is:inbox") == Filter("inbox")
    assert parse_query("is:snoozed") == Filter("snoozed")
    assert parse_query("is:rereading") == Filter("rereading")
    assert parse_query("read:7d") == Filter("history", ("read", "within", 7, None))
    assert parse_query("read:2w") == Filter("history", ("read", "within", 14, None))
    assert parse_query("read:2026-05") == Filter(
        "history", ("read", "range", "2026-05-01", "2026-06-01")
    )
    assert parse_query("read:2026-05..") == Filter("history", ("read", "range", "2026-05-01", None))
    assert parse_query("read:..2025") == Filter("history", ("read", "range", None, "2026-01-01"))
    assert parse_query("started:2026-12-31") == Filter(
        "history", ("reading", "range", "2026-12-31", "2027-01-01")
    )
    assert parse_query("read:2026-04..2026-05-15") == Filter(
        "history", ("read", "range", "2026-04-01", "2026-05-16")
    )


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("read:soon", "should be like read:7d"),
        ("read:2026-13", "should be like read:7d"),
        ("read:..", "should be like read:7d"),
        ("started:2026-05..2026-04", "has its range backwards"),
        ("is:later", "is:later is unknown"),
    ],
)
def test_history_dates_that_are_wrong_say_how(query: str, message: str) -> None:
    with pytest.raises(QuerySyntaxError, match=message):
        parse_query(query)
