from __future__ import annotations

import json

import pytest

from readerapp.core.errors import ParseError
from readerapp.formats.json_input import (
    element_lines,
    has_key,
    int_value,
    kind_of,
    load_json_list,
    text_value,
)


def test_element_lines_follow_the_path() -> None:
    text = '{"total": 2,\n "data": [\n  {"a": [1,\n 2]},\n\n  {"b": "x"}\n ]}'
    assert element_lines(text, ("data",)) == [3, 6]
    assert element_lines(text, ("missing",)) == []
    assert element_lines("[1, 2,\n3]") == [1, 1, 2]
    assert element_lines("[]") == []


def test_value_coercion() -> None:
    assert text_value(12) == "12" and text_value(True) == "" and text_value(1.5) == ""
    assert int_value("2021") == 2021 and int_value(True) is None and int_value(2021.0) == 2021
    assert int_value(float("nan")) is None and int_value("1e9") is None


def test_sniffing_helpers() -> None:
    assert has_key('[{"paperId" : "x"}]', "paperId") and not has_key('["paperId"]', "paperId")
    assert [kind_of(v) for v in (None, True, 1, "a", [], {})] == [
        "null",
        "a boolean",
        "a number",
        "a string",
        "a list",
        "an object",
    ]


@pytest.mark.parametrize(
    "text",
    [
        '[{"a": 1},\r\n {"b": [2,\n 3]},\n\n"x", null]  \n',
        "\ufeff[]",
        " [ ]",
        "[1]",
        '[{"dup": 1, "dup": 2}]',
    ],
)
def test_load_json_list_decodes_once_with_the_lines_of_load_json(text: str) -> None:
    normalized, items, lines = load_json_list(text, "dump.json")
    assert items == json.loads(normalized)
    assert lines == element_lines(normalized)


@pytest.mark.parametrize("text", ['{"a": [1]}', '"text"', "3"])
def test_load_json_list_gives_other_values_without_lines(text: str) -> None:
    assert load_json_list(text, "x.json")[1:] == (json.loads(text), None)


@pytest.mark.parametrize(
    ("text", "line", "why"),
    [
        ('[{"a": 1},\n {"b": 2}]\n[3]', 3, "not valid JSON: Extra data"),
        ('[{"a": 1},\n {"b": 2},\n]', 3, "not valid JSON"),
        ('[{"a": 1},\n {"b": "cut', 2, "ends too early"),
    ],
)
def test_load_json_list_reports_broken_lists_as_load_json_does(
    text: str, line: int, why: str
) -> None:
    with pytest.raises(ParseError) as caught:
        load_json_list(text, "dump.json")
    assert caught.value.line == line and why in str(caught.value)
