"""Web of Science *tagged* text, the "Plain text file" export (savedrecs.txt, .ciw).

    FN Clarivate Analytics Web of Science
    VR 1.0
    PT J
    AU Sampson, SD
       Loewen, MA
    TI New Horned Dinosaurs from Utah Provide Evidence for Intracontinental
       Dinosaur Endemism
    ...
    ER

    EF

A record runs from `PT` to `ER`; each field is a two-letter tag, a space and a value, and
indented lines (three spaces) continue the field above. In name fields (AU, AF, CA) each
continuation line is one more name; elsewhere it goes on with the text (see _Entry). It
looks close enough to RIS and MEDLINE that those readers refuse it (with `refuse`) rather
than find "0 papers" in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from readerapp.core.errors import ParseError
from readerapp.core.identity import normalize_doi
from readerapp.core.records import Links, PaperRecord
from readerapp.formats.base import ImportFormat, ParseResult, SkippedEntry
from readerapp.formats.record_fields import (
    arxiv_from_doi,
    best_date,
    build_record,
    loose_date,
    natural_name,
    unique,
)
from readerapp.formats.text_input import normalize_newlines

# What the RIS and MEDLINE readers say when they are handed this format.
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
# A field line: the tag in columns 1-2, one space, the value ("PT J", "AU Sampson, SD"); a
# tag may also stand alone with an empty value. "ER" (end of record) and "EF" (end of file)
# are never followed by a value.
_FIELD = re.compile(r"^([A-Z][A-Z0-9])(?: (.*))?$")
_CONTINUATION = re.compile(r"^\s+\S")
# A continuation line longer than this is a paragraph of its own, not a wrapped line: old ISI
# exports wrap text near 70 columns, newer ones write each abstract paragraph on one line.
_WRAP_WIDTH = 100
_RECORD_START = "PT"
# The lines that start a record of RIS ("TY  - JOUR") and of MEDLINE ("PMID- 123"); read
# as this format they would be fields with a "- ..." value.
_RIS_LINE = re.compile(r"^TY  - ")
_MEDLINE_LINE = re.compile(r"^PMID- ?\d")
# What may stand outside a record: the header, end-of-record and end-of-file marks.
_OUTSIDE_TAGS = frozenset(("FN", "VR", "ER", "EF"))


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
    """The error the RIS and MEDLINE readers raise when they are given this format."""
    return ParseError(source, 1, MESSAGE)


def sniff(head: str) -> float:
    return 0.97 if looks_like_wos_tagged(head) else 0.0


@dataclass(slots=True)
class _Field:
    tag: str
    lines: list[str]


@dataclass(slots=True)
class _Entry:
    line: int
    fields: list[_Field] = field(default_factory=list)
    closed: bool = False
    problem: SkippedEntry | None = None  # the first line in it that is not Web of Science

    def _all(self, tag: str) -> list[_Field]:
        return [f for f in self.fields if f.tag == tag]

    def text(self, *tags: str) -> str:
        """The first non-empty field of these tags as one line of text."""
        for tag in tags:
            for found in self._all(tag):
                value = " ".join(" ".join(found.lines).split())
                if value:
                    return value
        return ""

    def paragraphs(self, tag: str) -> str:
        """A text field whose long continuation lines are paragraphs (see _WRAP_WIDTH)."""
        for found in self._all(tag):
            lines = [line for line in found.lines if line]
            if not lines:
                continue
            if max(map(len, lines)) > _WRAP_WIDTH:
                return "\n\n".join(lines)
            return " ".join(lines)
        return ""

    def names(self, tag: str) -> list[str]:
        return [line for found in self._all(tag) for line in found.lines if line]


def _entries(lines: list[str]) -> tuple[list[_Entry], list[SkippedEntry]]:
    """Records from PT to ER, and the runs of lines outside them that are not the header
    (each reported at its first line). A line inside a record that is neither a field nor a
    continuation spoils its record: it is reported, not guessed at."""
    entries: list[_Entry] = []
    stray: list[SkippedEntry] = []
    current: _Entry | None = None
    in_stray_run = False
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip()
        if not line.strip():
            continue
        match = None if _CONTINUATION.match(line) else _FIELD.match(line)
        tag = match.group(1) if match else ""
        if tag == _RECORD_START:
            # A PT inside a record starts the next one: the record before lost its ER.
            current = _Entry(number)
            entries.append(current)
            in_stray_run = False
        if current is None:
            if tag not in _OUTSIDE_TAGS and not in_stray_run:
                stray.append(SkippedEntry(number, _outside_reason(line, match is not None)))
            in_stray_run = tag not in _OUTSIDE_TAGS
        elif tag == "ER":
            current.closed = True
            current = None
        elif match is not None:
            current.fields.append(_Field(tag, [(match.group(2) or "").strip()]))
        elif _CONTINUATION.match(line) and current.fields:
            current.fields[-1].lines.append(line.strip())
        elif current.problem is None:
            current.problem = SkippedEntry(
                number,
                f"not a Web of Science field line: {line.strip()[:60]!r} (a field starts with "
                "a two-letter tag and a space, a continuation line with spaces)",
            )
    return entries, stray


def _outside_reason(line: str, is_field: bool) -> str:
    what = "a field line" if is_field else "text"
    return (
        f"{what} outside any record ({line.strip()[:60]!r}); Web of Science records start "
        "with a 'PT ' line and end with 'ER'"
    )


def _authors(entry: _Entry) -> list[str]:
    """Full names (AF, "Sampson, Scott D.") when given, else the short ones (AU, "Sampson,
    SD"); book authors (BF, BA) for a book without them; group authors (CA, GP) after."""
    people = entry.names("AF") or entry.names("AU") or entry.names("BF") or entry.names("BA")
    groups = entry.names("CA") or entry.names("GP")
    return list(unique([*map(natural_name, people), *groups], fold=False))


def _keywords(entry: _Entry) -> list[str]:
    """Author keywords (DE); Keywords Plus (ID) are an indexing vocabulary, like MeSH."""
    return [word.strip() for word in entry.text("DE").split(";") if word.strip()]


def _record(entry: _Entry) -> PaperRecord | SkippedEntry:
    if entry.problem is not None:
        return entry.problem
    if not entry.closed:
        return SkippedEntry(
            entry.line,
            "Web of Science record is not closed by an 'ER' line (the file may be cut short)",
        )
    doi = normalize_doi(entry.text("DI"))
    year_text = entry.text("PY")
    # PD is the issue date ("SEP 22", "DEC", "2016", "FAL"); PY gives its year.
    dates = [loose_date(text) for text in (year_text, entry.text("PD")) if text]
    year, date = best_date(loose_date(year_text)[0] if year_text else None, dates)
    accession = entry.text("UT")
    pmid = entry.text("PM")
    return build_record(
        title=entry.text("TI"),
        line=entry.line,
        kind=f"Web of Science record{f' {accession}' if accession else ''}",
        arxiv_id=arxiv_from_doi(doi),
        doi=doi,
        abstract=entry.paragraphs("AB"),
        authors=_authors(entry),
        year=year,
        date=date,
        # Source title; the proceedings or series title when a record has no source.
        venue=entry.text("SO", "CT", "SE", "J9") or None,
        links=Links(abs=f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/" if pmid.isdigit() else None),
        suggested_tags=_keywords(entry),
    )


def _not_wos(lines: list[str], source: str) -> ParseError:
    """Why a text is not Web of Science tagged text, naming the line that shows it."""
    for number, line in enumerate(lines, start=1):
        if _RIS_LINE.match(line):
            return ParseError(
                source,
                number,
                f"found {line.strip()[:40]!r}: this is RIS, not Web of Science tagged text; "
                "import it with --format ris",
            )
        if _MEDLINE_LINE.match(line):
            return ParseError(
                source,
                number,
                f"found {line.strip()[:40]!r}: this is PubMed MEDLINE (nbib) text, not Web "
                "of Science tagged text; import it with --format medline",
            )
    for number, line in enumerate(lines, start=1):
        if _FN.match(line):
            return ParseError(
                source, number, "a Web of Science export without records (no 'PT ' line)"
            )
        if line.strip():
            return ParseError(
                source,
                number,
                f"not Web of Science tagged text: found {line.strip()[:60]!r} and no record "
                "(a record starts with a 'PT ' line)",
            )
    return ParseError(source, 1, "empty: no Web of Science records")


def parse(text: str, source: str) -> ParseResult:
    lines = normalize_newlines(text).split("\n")
    # A text with RIS or MEDLINE records is one of those formats, not this one.
    if any(_RIS_LINE.match(line) or _MEDLINE_LINE.match(line) for line in lines):
        raise _not_wos(lines, source)
    entries, stray = _entries(lines)
    if not entries:
        raise _not_wos(lines, source)
    result = ParseResult(skipped=stray)
    for entry in entries:
        result.add(_record(entry))
    result.skipped.sort(key=lambda s: s.line or 0)
    return result


FORMAT = ImportFormat(
    name="wos-tagged",
    label="Web of Science tagged text (savedrecs.txt)",
    extensions=(".txt", ".ciw"),
    sniff=sniff,
    parse=parse,
)
