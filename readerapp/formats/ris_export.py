"""RIS: the tagged format every reference manager imports (Zotero, EndNote, Mendeley, Scopus).

One tag per line, `XX  - value`, records from `TY` to `ER`, CRLF line ends as the RIS
specification asks. RIS has no escaping and no multi-line values that all readers agree on,
so each value is written on one line: a value can then never start a line that reads as a tag
(an abstract holding "ER  - " stays text).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from urllib.parse import quote

from readerapp.core.records import Paper
from readerapp.formats.base import ExportContext, ExportFormat
from readerapp.formats.export_fields import PersonName, one_line, split_name, venue_kind, web_links

CRLF = "\r\n"
_TYPES = {"journal": "JOUR", "conference": "CPAPER", "preprint": "UNPB", "other": "GEN"}
# Control characters are not text in any RIS reader; tabs and line breaks become spaces first.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _value(text: str) -> str:
    return _CONTROL.sub("", one_line(text))


def _author(name: PersonName) -> str:
    """ "Family, Given" (with ", Suffix" after), as the specification writes names."""
    if name.literal:
        return _value(name.family)
    parts = [name.full_family, name.given]
    if name.suffix:
        parts.append(name.suffix)
    return _value(", ".join(parts) if name.given or name.suffix else name.full_family)


def _url(url: str) -> str:
    # rispy (and so readerapp) splits a UR line on ";", which URLs may hold; %3B means the same.
    return _value(url).replace(";", quote(";"))


def _date(date: str | None, year: int | None) -> str | None:
    """DA as "YYYY/MM/DD" (as precise as known), the specification's order."""
    if not date or not year or not date.startswith(str(year)) or len(date) <= 4:
        return None
    return "/".join(part for part in date.split("-")[:3])


def _record(paper: Paper) -> list[str]:
    kind = venue_kind(paper)
    lines = [f"TY  - {_TYPES[kind]}", f"TI  - {_value(paper.title)}"]
    lines.extend(f"AU  - {_author(split_name(a))}" for a in paper.authors if a.strip())
    if paper.year:
        lines.append(f"PY  - {paper.year}")
    date = _date(paper.date, paper.year)
    if date:
        lines.append(f"DA  - {_value(date)}")
    if paper.venue:
        # JO is the journal; T2 the book, proceedings or series a paper appeared in.
        lines.append(f"{'JO' if kind == 'journal' else 'T2'}  - {_value(paper.venue)}")
    if paper.doi:
        lines.append(f"DO  - {_value(paper.doi)}")
    # The arXiv id travels as its abs URL, which Zotero, rispy users and readerapp all read.
    lines.extend(f"UR  - {_url(url)}" for url in web_links(paper))
    if paper.abstract.strip():
        lines.append(f"AB  - {_value(paper.abstract)}")
    lines.extend(f"KW  - {_value(tag)}" for tag in paper.tags if tag.strip())
    lines.append("ER  - ")
    return lines


def pieces(papers: Iterable[Paper], count: int, context: ExportContext) -> Iterator[str]:
    for number, paper in enumerate(papers):
        # A blank line between records, as Zotero and EndNote write them.
        yield (CRLF if number else "") + CRLF.join([*_record(paper), ""])


def export(papers: Sequence[Paper], context: ExportContext) -> str:
    return FORMAT.export(papers, context)


FORMAT = ExportFormat(name="ris", label="RIS", extension=".ris", pieces=pieces)
