"""readerapp's own JSON (`export --format json`, `search --json`, `show --json`) read back.

A list of paper objects, or one. Like the CSV importer, it reads the bibliographic fields and
links only: stars, status, tags, queues and notes are the user's state in the library the
export came from, and an import never sets user state.
"""

from __future__ import annotations

from readerapp.core.errors import ParseError
from readerapp.core.identity import normalize_doi, parse_arxiv_id
from readerapp.core.records import Links, PaperRecord
from readerapp.formats.base import ImportFormat, ParseResult, SkippedEntry
from readerapp.formats.json_input import (
    dict_value,
    has_key,
    int_value,
    kind_of,
    list_value,
    load_json,
    text_value,
    value_line,
    with_lines,
)
from readerapp.formats.links import web_url
from readerapp.formats.record_fields import (
    collapse,
    fallback_title,
    iso_date,
    sane_year,
    timestamp_parts,
)

# Members every exported paper has and no other paper dump combines.
_MARKERS = ("arxiv_id", "starred", "status", "queues", "added_at")
_LINK_KINDS = ("abs", "pdf", "code", "project", "hf")


def sniff(head: str) -> float:
    if not head.lstrip("\ufeff \t\r\n").startswith(("[", "{")):
        return 0.0
    found = sum(has_key(head, key) for key in _MARKERS)
    if found == len(_MARKERS):
        return 0.97
    return 0.6 if found >= 3 else 0.0


def parse(text: str, source: str) -> ParseResult:
    text, data = load_json(text, source)
    items: list[tuple[object, int]]
    if isinstance(data, dict):  # `show --json`: one paper
        data = [data]
        items = [(data[0], value_line(text))]
    elif isinstance(data, list):
        items = with_lines(text, data)
    else:
        raise ParseError(
            source,
            value_line(text),
            f"the JSON is {kind_of(data)}, not a list of papers as readerapp exports them",
        )
    result = ParseResult()
    for item, line in items:
        if not isinstance(item, dict):
            result.skipped.append(
                SkippedEntry(line, f"{kind_of(item)} where a paper object was expected")
            )
            continue
        result.add(_record(item, line))
    if not data:
        result.skipped.append(SkippedEntry(None, "the list holds no papers"))
    return result


def _record(item: dict[str, object], line: int) -> PaperRecord | SkippedEntry:
    """Text is kept as written (readerapp wrote it, cleaned, when it imported the paper), only
    whitespace is folded; ids, dates and links are checked again: the file may have been
    edited since the export."""
    arxiv_id = parse_arxiv_id(text_value(item.get("arxiv_id")))
    doi = normalize_doi(text_value(item.get("doi")))
    title = collapse(text_value(item.get("title"))) or fallback_title("", arxiv_id, doi)
    if title is None:
        return SkippedEntry(line, "paper has no title, arXiv id or DOI")
    links = dict_value(item.get("links"))
    authors = (collapse(text_value(a)) for a in list_value(item.get("authors")))
    return PaperRecord(
        title=title,
        abstract=text_value(item.get("abstract")),
        authors=tuple(a for a in authors if a),
        year=sane_year(int_value(item.get("year"))),
        date=iso_date(*timestamp_parts(text_value(item.get("date")))),
        arxiv_id=arxiv_id,
        doi=doi,
        venue=collapse(text_value(item.get("venue"))) or None,
        links=Links(**{kind: web_url(text_value(links.get(kind))) for kind in _LINK_KINDS}),
        line=line,
    )


FORMAT = ImportFormat(
    name="readerapp-json",
    label="readerapp JSON export",
    extensions=(".json",),
    sniff=sniff,
    parse=parse,
)
