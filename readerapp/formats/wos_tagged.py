"""Web of Science *tagged* text ("FN Clarivate Analytics Web of Science", "PT J", "AU ..."),
recognised only to refuse it clearly.

It looks close enough to RIS and MEDLINE (two-letter tags at line starts) that those parsers
would otherwise find "0 papers" in it. Web of Science exports RIS as well, which we do read.
"""

from __future__ import annotations

import re

from readerapp.core.errors import ParseError
from readerapp.formats.base import ImportFormat, ParseResult
from readerapp.formats.text_input import normalize_newlines

MESSAGE = "this is Web of Science tagged text, not RIS; export RIS from Web of Science instead"

# Two-letter field tags, a space, the value (no RIS "  - " dash); "ER" and "EF" stand alone.
_WOS_LINE = re.compile(r"^(?:[A-Z][A-Z0-9] \S|ER\s*$|EF\s*$)")
_WOS_TAGS = frozenset(
    (
        "PT",
        "AU",
        "AF",
        "TI",
        "SO",
        "LA",
        "DT",
        "DE",
        "ID",
        "AB",
        "C1",
        "RP",
        "EM",
        "CR",
        "NR",
        "TC",
        "Z9",
        "PU",
        "PI",
        "PA",
        "SN",
        "EI",
        "J9",
        "JI",
        "PD",
        "PY",
        "VL",
        "IS",
        "BP",
        "EP",
        "DI",
        "PG",
        "WC",
        "SC",
        "GA",
        "UT",
        "PM",
        "OA",
        "DA",
        "ER",
    )
)
_FN = re.compile(
    r"^FN (?:Clarivate Analytics |Thomson Reuters )?(?:Web of (?:Science|Knowledge)"
    r"|ISI Export Format)",
    re.IGNORECASE,
)


def looks_like_wos_tagged(head: str) -> bool:
    """True for the start of a Web of Science tagged export (with or without its FN header)."""
    lines = [line for line in normalize_newlines(head).split("\n")[:60] if line.strip()]
    if not lines:
        return False
    first = lines[0].rstrip()
    if _FN.match(first) or (first.startswith("FN ") and lines[1:2] and lines[1].startswith("VR ")):
        return True
    if not re.match(r"^PT [A-Z]\s*$", first):
        return False
    # Headerless: a PT line, then mostly known WoS tags or indented continuation lines.
    tagged = [line for line in lines[1:] if _WOS_LINE.match(line)]
    known = sum(1 for line in tagged if line[:2] in _WOS_TAGS)
    return known >= 3 and not any("  - " in line[:6] for line in lines[:20])


def refuse(source: str) -> ParseError:
    return ParseError(source, 1, MESSAGE)


def sniff(head: str) -> float:
    return 0.97 if looks_like_wos_tagged(head) else 0.0


def parse(text: str, source: str) -> ParseResult:
    """Never returns: there is nothing to import from this format but the advice to re-export."""
    raise refuse(source)


FORMAT = ImportFormat(
    name="wos-tagged",
    label="Web of Science tagged text (not read: export RIS instead)",
    extensions=(".txt", ".ciw"),
    sniff=sniff,
    parse=parse,
)
