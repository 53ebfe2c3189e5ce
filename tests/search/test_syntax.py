"""The search help shows only queries that work, and every field the parser knows."""

from __future__ import annotations

import re

import pytest

from readerapp.search import syntax
from readerapp.search.query import FILTER_FIELDS, IS_VALUES, TEXT_FIELDS, parse_query
from readerapp.services import queues, search
from readerapp.services.library import Library


@pytest.mark.no_library
@pytest.mark.parametrize("example", syntax.EXAMPLES, ids=lambda e: e.query)
def test_every_example_parses(example: syntax.Example) -> None:
    parse_query(example.query)


@pytest.mark.no_library
def test_every_field_the_parser_knows_is_explained() -> None:
    shown = " ".join(f"{e.query} {e.finds}" for e in syntax.EXAMPLES)
    for field in (*TEXT_FIELDS, *FILTER_FIELDS):
        assert f"{field}:" in shown, f"{field}: is missing from the search help"
    for value in IS_VALUES:
        assert re.search(rf"\b{value}\b", shown), f"is:{value} is missing from the search help"


def test_the_examples_run_on_a_real_library(seeded: Library) -> None:
    queues.create_queue(seeded, "Week 32")  # the example names it
    found = {e.query: search.search_ids(seeded, e.query) for e in syntax.EXAMPLES}
    # A few that the seed can answer, so the help is not only valid but useful.
    assert found["trans*"] and found["status:reading"] == [] and found["is:starred"] == []
    assert found["title:retrieval"] and found["lora OR adapter"]


@pytest.mark.no_library
def test_the_plain_text_lines_up_under_each_section() -> None:
    text = syntax.as_text()
    assert text.splitlines()[0] == "Words:"
    rows = [line for line in text.splitlines() if line.startswith("  ")]
    assert len(rows) == len(syntax.EXAMPLES)
    columns = {len(line) - len(line[2:].split("  ", 1)[1].lstrip()) for line in rows}
    assert len(columns) == 1, "the explanations start in one column"


@pytest.mark.no_library
def test_the_command_line_help_shows_the_examples() -> None:
    from readerapp.cli.parser import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    text = sub.choices["search"].format_help()  # type: ignore[index]
    assert "query syntax, by example:" in text
    assert all(e.query in text for e in syntax.EXAMPLES)
