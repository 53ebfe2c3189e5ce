"""BibTeX field values: @string macros and `#` concatenation, and person names.

bibtexparser 2 splits a file into blocks and fields but leaves values as written: its own
string middleware only replaces a value that is exactly one macro name, and knows nothing of
`#`. This module evaluates a value the way BibTeX does: `{...}` and `"..."` pieces are literal,
numbers are themselves, other words are macro names, and `#` joins the pieces.
"""

from __future__ import annotations

from collections.abc import Mapping

from bibtexparser.middlewares.names import (
    InvalidNameError,
    parse_single_name_into_parts,
    split_multiple_persons_names,
)

from readerapp.formats.latex_text import latex_to_text
from readerapp.formats.record_fields import clean_text, with_suffix

# The month macros every standard BibTeX style defines.
MONTH_MACROS: dict[str, str] = {
    "jan": "January",
    "feb": "February",
    "mar": "March",
    "apr": "April",
    "may": "May",
    "jun": "June",
    "jul": "July",
    "aug": "August",
    "sep": "September",
    "oct": "October",
    "nov": "November",
    "dec": "December",
}
_WORD_END = frozenset(' \t\n\r#{}"')
# Macros may nest (`@string{b = a # a}`); doubling 30 times would need gigabytes.
MAX_VALUE_CHARS = 4 * 1024 * 1024


class ExpansionTooLarge(Exception):
    """A value whose macros expand beyond MAX_VALUE_CHARS."""


def _braced_end(raw: str, start: int) -> int:
    """Index just past the `}` closing the `{` at `start`; -1 if it is never closed."""
    depth = 0
    i = start
    while i < len(raw):
        char = raw[i]
        if char == "\\":
            i += 2  # `\{` and `\}` do not count, as in bibtexparser's splitter
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return -1


def _quoted_end(raw: str, start: int) -> int:
    """Index just past the `"` closing the one at `start` (quotes inside braces are text); -1
    if it is never closed."""
    depth = 0
    i = start + 1
    while i < len(raw):
        char = raw[i]
        if char == "\\":
            i += 2
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth = max(0, depth - 1)
        elif char == '"' and depth == 0:
            return i + 1
        i += 1
    return -1


def evaluate(raw: str, macros: Mapping[str, str]) -> str:
    """The text of a raw field value; undefined macros stay as their name, never an error.

    `macros` maps lower-case macro names to their evaluated text (BibTeX names are
    case-insensitive). Malformed values are read as far as they make sense, never refused;
    only a runaway expansion raises ExpansionTooLarge.
    """
    raw = raw.strip()
    if "#" not in raw:
        # Fast path for the usual single piece.
        if raw.startswith("{") and _braced_end(raw, 0) == len(raw):
            return raw[1:-1]
        if raw.startswith('"') and _quoted_end(raw, 0) == len(raw):
            return raw[1:-1]
    pieces: list[str] = []
    i, n = 0, len(raw)
    while i < n:
        char = raw[i]
        if char in " \t\n\r#":
            i += 1
        elif char in '{"':
            end = _braced_end(raw, i) if char == "{" else _quoted_end(raw, i)
            # An unclosed piece runs to the end of the value.
            pieces.append(raw[i + 1 : end - 1] if end > 0 else raw[i + 1 :])
            i = end if end > 0 else n
        elif char == "}":
            i += 1  # a stray closing brace carries no text
        else:
            start = i
            while i < n and raw[i] not in _WORD_END:
                i += 1
            word = raw[start:i]
            pieces.append(macros.get(word.lower(), word))
    if sum(len(p) for p in pieces) > MAX_VALUE_CHARS:
        raise ExpansionTooLarge(
            f"a value expands to more than {MAX_VALUE_CHARS:,} characters "
            "(@string macros that nest into themselves?)"
        )
    return "".join(pieces)


def _natural(name: str) -> str:
    """ "Family, Given" (or "von Family, Jr, Given") as "Given von Family, Jr"."""
    try:
        parts = parse_single_name_into_parts(name, strict=False)
    except InvalidNameError:
        return clean_text(latex_to_text(name))
    words = [clean_text(latex_to_text(w)) for w in (*parts.first, *parts.von, *parts.last)]
    suffix = [clean_text(latex_to_text(j)) for j in parts.jr]
    return with_suffix(" ".join(w for w in words if w), " ".join(w for w in suffix if w))


def person_names(value: str) -> tuple[str, ...]:
    """Names split on BibTeX's `and`, in natural order; the `and others` marker is dropped."""
    names: list[str] = []
    for name in split_multiple_persons_names(value):
        if name.strip().casefold() == "others":
            continue
        natural = _natural(name)
        if natural:
            names.append(natural)
    return tuple(names)
