from __future__ import annotations

from readerapp.formats.json_input import element_lines, has_key, int_value, kind_of, text_value


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
        "null", "a boolean", "a number", "a string", "a list", "an object"]
