"""Reading JSON dumps: errors that name the line, where each listed object starts, safe values.

API responses are usually minified onto one line, so an entry's line is computed from the
character offset where its object starts. `json.loads` does not report offsets, so the
containers on the path to the list are walked again with `JSONDecoder.raw_decode`, which
returns the end offset of every value it decodes.
"""

from __future__ import annotations

import json
import re

from readerapp.core.errors import ParseError
from readerapp.formats.text_input import normalize_newlines

_DECODER = json.JSONDecoder()
WHITESPACE = " \t\n\r"
# Python refuses to convert integers longer than this (sys.int_info.default_max_str_digits).
_HUGE_INT = re.compile(r"\d{4301,}")


def load_json(text: str, source: str) -> tuple[str, object]:
    """The text with normalised newlines and its decoded value, or a ParseError with the line."""
    text = normalize_newlines(text)
    if not text.strip():
        raise ParseError(source, 1, "empty, no JSON in it")
    try:
        return text, json.loads(text)
    except json.JSONDecodeError as exc:
        # A download cut short fails at (or just before) the end: say so, it is the usual cause.
        # An unterminated string is one that runs to the end of the text.
        ends_early = exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string")
        why = "the JSON ends too early (truncated?)" if ends_early else "not valid JSON"
        raise ParseError(source, exc.lineno, f"{why}: {exc.msg} (column {exc.colno})") from exc
    except RecursionError as exc:
        raise ParseError(source, 1, "JSON nested too deeply to read") from exc
    except ValueError as exc:  # an integer with more digits than Python converts
        match = _HUGE_INT.search(text)
        line = text.count("\n", 0, match.start()) + 1 if match else None
        raise ParseError(source, line, f"a JSON value cannot be read: {exc}") from exc


def load_json_list(text: str, source: str) -> tuple[str, object, list[int] | None]:
    """load_json, and when the value is a list, the line where each element starts.

    A dump is one big list: decoding it element by element with `raw_decode` gives the
    values and their offsets in one pass, where load_json and then with_lines would decode
    everything twice. Anything irregular (not a list, invalid JSON, text after the list)
    falls back to load_json, which reports the error, with None for the lines.
    """
    normalized = normalize_newlines(text)
    try:
        items, offsets = _decode_list(normalized)
    except (ValueError, RecursionError):
        items = offsets = None
    if items is None or offsets is None:
        normalized, data = load_json(text, source)
        return normalized, data, None
    return normalized, items, _lines_at(normalized, offsets)


def _decode_list(text: str) -> tuple[list[object] | None, list[int] | None]:
    """The elements of a top-level JSON list and their offsets; (None, None) if the text is
    not exactly one list (json.loads decides then)."""
    i = skip_ws(text, 0)
    if i >= len(text) or text[i] != "[":
        return None, None
    items: list[object] = []
    offsets: list[int] = []
    i = skip_ws(text, i + 1)
    if i < len(text) and text[i] == "]":
        i += 1
    else:
        while True:
            offsets.append(i)
            item, i = _DECODER.raw_decode(text, i)
            items.append(item)
            i = skip_ws(text, i)
            if i < len(text) and text[i] == ",":
                i = skip_ws(text, i + 1)
                continue
            if i < len(text) and text[i] == "]":
                i += 1
                break
            return None, None
    if skip_ws(text, i) != len(text):
        return None, None
    return items, offsets


def has_key(head: str, key: str) -> bool:
    """Whether the start of a JSON text has an object member named `key` (for sniffing)."""
    return re.search(rf'"{re.escape(key)}"\s*:', head) is not None


def kind_of(value: object) -> str:
    """How a JSON value is named in messages ("an object", "a string", ...)."""
    match value:
        case None:
            return "null"
        case bool():
            return "a boolean"
        case int() | float():
            return "a number"
        case str():
            return "a string"
        case list():
            return "a list"
        case dict():
            return "an object"
    return type(value).__name__


def skip_ws(text: str, i: int) -> int:
    """The offset of the first character at or after `i` that is not JSON whitespace."""
    while i < len(text) and text[i] in WHITESPACE:
        i += 1
    return i


def _array_item_offsets(text: str, start: int) -> list[int]:
    i = skip_ws(text, start)
    if i >= len(text) or text[i] != "[":
        return []
    offsets: list[int] = []
    i = skip_ws(text, i + 1)
    if i < len(text) and text[i] == "]":
        return offsets
    while i < len(text):
        offsets.append(i)
        _, i = _DECODER.raw_decode(text, i)
        i = skip_ws(text, i)
        if i >= len(text) or text[i] != ",":
            break
        i = skip_ws(text, i + 1)
    return offsets


def _object_member_offsets(text: str, start: int) -> dict[str, int]:
    """Where each member's value starts; the last of duplicate keys wins, as in json.loads."""
    i = skip_ws(text, start)
    if i >= len(text) or text[i] != "{":
        return {}
    members: dict[str, int] = {}
    i = skip_ws(text, i + 1)
    while i < len(text) and text[i] == '"':
        key, i = _DECODER.raw_decode(text, i)
        i = skip_ws(text, i)
        if i >= len(text) or text[i] != ":":
            break
        i = skip_ws(text, i + 1)
        members[str(key)] = i
        _, i = _DECODER.raw_decode(text, i)
        i = skip_ws(text, i)
        if i >= len(text) or text[i] != ",":
            break
        i = skip_ws(text, i + 1)
    return members


def _lines_at(text: str, offsets: list[int]) -> list[int]:
    lines: list[int] = []
    line, previous = 1, 0
    for offset in offsets:
        line += text.count("\n", previous, offset)
        previous = offset
        lines.append(line)
    return lines


def value_line(text: str) -> int:
    """The line where the top-level value starts."""
    return _lines_at(text, [skip_ws(text, 0)])[0]


def element_lines(text: str, path: tuple[str, ...] = ()) -> list[int]:
    """The start line of each element of the list at `path` (member names from the top).

    Empty if the walk fails; callers compare the length with their list before using it.
    """
    try:
        offset = skip_ws(text, 0)
        for key in path:
            members = _object_member_offsets(text, offset)
            if key not in members:
                return []
            offset = members[key]
        return _lines_at(text, _array_item_offsets(text, offset))
    except (ValueError, RecursionError):
        return []


def with_lines(
    text: str, items: list[object], path: tuple[str, ...] = (), lines: list[int] | None = None
) -> list[tuple[object, int]]:
    """Each element of `items`, the list at `path`, with the line where it starts; when the
    offset walk fails, with the line where the top-level value starts. `lines`, when given,
    are the element lines already known (load_json_list)."""
    if lines is None:
        lines = element_lines(text, path)
    if len(lines) != len(items):
        lines = [value_line(text)] * len(items)
    return list(zip(items, lines, strict=True))


def text_value(value: object) -> str:
    """A string field as text; integers become text (ids), anything else is empty."""
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return ""


def list_value(value: object) -> list[object]:
    return value if isinstance(value, list) else []


def dict_value(value: object) -> dict[str, object]:
    return value if isinstance(value, dict) else {}


def int_value(value: object) -> int | None:
    """An integer field that may arrive as a number or a string of digits."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        return int(value.strip()) if len(value.strip()) < 10 else None
    return None
