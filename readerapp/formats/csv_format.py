"""CSV and TSV with a header row: reading lists from spreadsheets and reference managers in,
the library as a table out.

The importer maps common header names (Zotero, Scopus, Web of Science tab-delimited, our own
export) to record fields and ignores user-state columns. The exporter writes one row per paper;
a cell that a spreadsheet would run as a formula gets a leading `'`, which the importer removes
again, so an export reads back unchanged.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator, Sequence

from readerapp.core.errors import ParseError
from readerapp.core.identity import normalize_doi, parse_arxiv_id
from readerapp.core.records import Links, Paper, PaperRecord
from readerapp.formats.base import (
    ExportContext,
    ExportFormat,
    ImportFormat,
    ParseResult,
    SkippedEntry,
)
from readerapp.formats.links import is_web_url, page_kind
from readerapp.formats.record_fields import (
    collapse,
    doi_from_url,
    fallback_title,
    find_year,
    natural_name,
    timestamp_date,
    unique,
)
from readerapp.formats.text_input import normalize_newlines

EXPORT_COLUMNS: tuple[str, ...] = (
    "id",
    "title",
    "authors",
    "year",
    "date",
    "arxiv_id",
    "doi",
    "venue",
    "starred",
    "status",
    "tags",
    "queues",
    "abs_url",
    "pdf_url",
    "code_url",
    "project_url",
    "hf_url",
    "abstract",
    "notes",
)
LIST_SEPARATOR = "; "
NOTE_SEPARATOR = "\n\n---\n\n"  # a Markdown rule between two notes of one paper
DELIMITERS = ("\t", ";", ",")  # preference order when a header has as many of each

# A spreadsheet runs a cell starting with one of these as a formula (CSV injection). Leading
# quotes are counted so that a cell that really starts with `'=` survives the round trip.
_FORMULA = re.compile(r"^'*[ ]*[=+\-@\t\r\n]")
_NEUTRALISED = re.compile(r"^'(?='*[ ]*[=+\-@\t\r\n])")
# Long abstracts and notes are fine; the csv module's 128 KiB default cell limit is not.
MAX_CELL_CHARS = 64 * 1024 * 1024

# Record field -> normalised header names (lower case, letters and digits only), best first.
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "papertitle", "articletitle", "documenttitle", "primarytitle", "ti", "name"),
    # Full names first: Scopus's "Authors" holds initials, "Author full names" the names.
    "authors": (
        "authorfullnames",
        "authorsfullnames",
        "authors",
        "author",
        "authornames",
        "creators",
        "creator",
        "af",
        "au",
    ),
    "year": ("year", "publicationyear", "pubyear", "yearpublished", "py"),
    "date": (
        "date",
        "publicationdate",
        "publishedat",
        "published",
        "datepublished",
        "pubdate",
        "issued",
    ),
    "arxiv": ("arxivid", "arxiv", "eprint", "arxivurl", "arxivlink", "arxivnumber"),
    "doi": ("doi", "doiurl", "di"),
    "venue": (
        "venue",
        "sourcetitle",
        "journal",
        "journaltitle",
        "journalname",
        "publicationtitle",
        "containertitle",
        "booktitle",
        "conference",
        "publication",
        "so",
    ),
    "abstract": ("abstract", "abstractnote", "summary", "ab"),
    "url": ("url", "link", "paperurl", "ur"),
    "abs": ("absurl",),
    "pdf": ("pdfurl", "pdf", "pdflink"),
    "code": ("codeurl", "code", "github", "githuburl", "repository", "repo"),
    "project": ("projecturl", "projectpage", "homepage", "website"),
    "hf": ("hfurl", "huggingface", "huggingfaceurl"),
    "keywords": ("keywords", "authorkeywords", "indexkeywords", "categories", "de"),
    "extra": ("extra",),  # Zotero keeps "arXiv: 2106.09685" here
}
# Our export's user state: known, so the header is recognised, but never imported.
USER_STATE_COLUMNS = frozenset(("id", "starred", "status", "tags", "queues", "notes"))
_IDENTIFYING = ("title", "arxiv", "doi", "url", "abs")

_SEP_LINE = re.compile(r"^sep=([,;\t|:])$")
_NAME_PARTICLES = frozenset(
    (
        "van",
        "von",
        "de",
        "der",
        "den",
        "da",
        "del",
        "della",
        "di",
        "du",
        "la",
        "le",
        "dos",
        "das",
        "ter",
        "ten",
        "af",
        "al",
    )
)
_SCOPUS_AUTHOR_ID = re.compile(r"\s*\(\d{5,}\)\s*$")


def _header_key(cell: str) -> str:
    return re.sub(r"[^a-z0-9]", "", cell.casefold())


def _map_columns(header: list[str]) -> dict[str, int]:
    """Field -> column index, taking for each field the best-named column."""
    keys = [_header_key(cell) for cell in header]
    columns: dict[str, int] = {}
    for field, aliases in COLUMN_ALIASES.items():
        for alias in aliases:
            if alias in keys:
                columns[field] = keys.index(alias)
                break
    return columns


def _delimiter(line: str) -> str:
    """The delimiter used most often outside quotes in the header line."""
    outside = re.sub(r'"[^"]*"', "", line)
    counts = {d: outside.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _unneutralise(cell: str) -> str:
    return _NEUTRALISED.sub("", cell, count=1) if cell.startswith("'") else cell


def _natural_name(name: str) -> str:
    """A name in natural order, without the author id Scopus appends ("Hu, Edward (5719)")."""
    return natural_name(_SCOPUS_AUTHOR_ID.sub("", name))


def _authors(cell: str) -> tuple[str, ...]:
    cell = cell.strip()
    if not cell:
        return ()
    if ";" in cell:
        parts = cell.split(";")
    elif re.search(r"\s+and\s+", cell):
        parts = re.split(r"\s+and\s+", cell)
    else:
        pieces = cell.split(",")
        first_words = pieces[0].split()
        # One comma after a one-word family name ("Hu, Edward J.") is one author; otherwise
        # the commas separate authors ("Edward Hu, Yelong Shen", "Hu E.J., Shen Y.").
        # (A cell of only a comma has no first word: it names nobody.)
        one_author = len(pieces) == 2 and (
            len(first_words) == 1
            or (bool(first_words) and first_words[0].casefold() in _NAME_PARTICLES)
        )
        parts = [cell] if one_author else pieces
    names = [_natural_name(part) for part in parts]
    return tuple(name for name in names if name)


def _keywords(cell: str) -> tuple[str, ...]:
    parts = re.split(r"[;,]", cell) if ";" in cell or "," in cell else [cell]
    return unique(parts)


def _row_values(cells: list[str], columns: dict[str, int]) -> dict[str, str]:
    """Field -> the row's cell for it, stripped and with export neutralisation undone."""
    values = dict.fromkeys(COLUMN_ALIASES, "")
    for field, index in columns.items():
        if index < len(cells):
            values[field] = _unneutralise(cells[index]).strip()
    return values


def _record(row: dict[str, str], line: int) -> PaperRecord | SkippedEntry:
    links: dict[str, str] = {}
    for kind in ("abs", "pdf", "code", "project", "hf"):
        if row[kind] and is_web_url(row[kind]):
            links[kind] = row[kind]
    url = row["url"]
    if url and is_web_url(url):
        links.setdefault(page_kind(url), url)
    arxiv_id = (
        parse_arxiv_id(row["arxiv"])
        or _arxiv_from_links(links)
        or parse_arxiv_id(_extra_arxiv(row["extra"]))
    )
    doi = normalize_doi(row["doi"]) or (doi_from_url(url) if url else None)
    # Any title is kept as written: a table is often readerapp's own export read back.
    title = collapse(row["title"]) or fallback_title("", arxiv_id, doi)
    if title is None:
        return SkippedEntry(line, "row has no title and no arXiv id or DOI")
    # The date only as precise as the file says it; a year column does not make a date.
    date = timestamp_date(row["date"])[1]
    year = find_year(row["year"]) or find_year(row["date"])
    return PaperRecord(
        title=title,
        abstract=row["abstract"],
        authors=_authors(row["authors"]),
        year=year,
        date=date,
        arxiv_id=arxiv_id,
        doi=doi,
        venue=collapse(row["venue"]) or None,
        links=Links(**links),
        suggested_tags=_keywords(row["keywords"]),
        line=line,
    )


def _arxiv_from_links(links: dict[str, str]) -> str | None:
    for kind in ("abs", "pdf"):
        url = links.get(kind, "")
        if "arxiv.org/" in url.lower():
            return parse_arxiv_id(url)
    return None


def _extra_arxiv(extra: str) -> str:
    match = re.search(r"arxiv:\s*\S+", extra, re.IGNORECASE)
    return match.group(0) if match else ""


def parse(text: str, source: str) -> ParseResult:
    text = normalize_newlines(text)
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise ParseError(source, 1, "empty: no header row")
    sep = _SEP_LINE.match(lines[first].strip())
    if sep:
        delimiter = sep.group(1)
        first = next((i for i in range(first + 1, len(lines)) if lines[i].strip()), None)
        if first is None:
            raise ParseError(source, 1, "no header row after the sep= line")
    else:
        delimiter = _delimiter(lines[first])
    # Raising the process-wide cell limit only ever allows more; nothing relies on it being low.
    if csv.field_size_limit() < MAX_CELL_CHARS:
        csv.field_size_limit(MAX_CELL_CHARS)
    # strict: a stray quote is an error with a line number instead of silently merged cells.
    reader = csv.reader(
        io.StringIO("\n".join(lines[first:]), newline=""),
        delimiter=delimiter,
        strict=True,
        skipinitialspace=True,
    )
    result = ParseResult()
    row_start = first + 1  # 1-based line where the next row starts
    try:
        header = next(reader, None)
        if header is None:
            raise ParseError(source, row_start, "no header row")
        columns = _map_columns([_unneutralise(cell) for cell in header])
        if not any(field in columns for field in _IDENTIFYING):
            found = ", ".join(repr(cell) for cell in header[:8])
            raise ParseError(
                source,
                row_start,
                f"no title, arXiv id, DOI or URL column in the header row (found {found})",
            )
        row_start = first + reader.line_num + 1
        for cells in reader:
            start, row_start = row_start, first + reader.line_num + 1
            if not any(cell.strip() for cell in cells):
                continue
            result.add(_record(_row_values(cells, columns), start))
    except csv.Error as exc:
        at = first + reader.line_num
        if "unexpected end of data" in str(exc):
            raise ParseError(
                source,
                row_start,
                "a quoted cell in the row starting here is "
                f"never closed (the file ends at line {at})",
            ) from exc
        raise ParseError(
            source, at, f"malformed CSV ({exc}); the row starts at line {row_start}"
        ) from exc
    return result


def sniff(head: str) -> float:
    lines = [line for line in normalize_newlines(head).split("\n") if line.strip()]
    if lines and _SEP_LINE.match(lines[0].strip()):
        return 0.9 if len(lines) > 1 else 0.0
    if not lines or lines[0].lstrip()[:1] in ("@", "{", "[", "<", "#", "|", "%"):
        return 0.0
    delimiter = _delimiter(lines[0])
    try:
        header = next(csv.reader([lines[0]], delimiter=delimiter, skipinitialspace=True))
    except (csv.Error, StopIteration):
        return 0.0
    keys = [_header_key(cell) for cell in header]
    fields = _map_columns(header)
    known = sum(
        1
        for key in keys
        if key in USER_STATE_COLUMNS or any(key in aliases for aliases in COLUMN_ALIASES.values())
    )
    identifying = any(field in fields for field in _IDENTIFYING)
    if len(header) == 1:
        return 0.35 if identifying and len(lines) > 1 else 0.0
    if identifying and known >= 2:
        return 0.7 + 0.25 * known / len(header)
    return 0.0


def _cell(value: str) -> str:
    """A cell that cannot start a formula: a leading quote makes spreadsheets show it as text."""
    if _FORMULA.match(value):
        value = "'" + value
    # Rows end in "\n", so the writer quotes cells with "\n" but not with a lone "\r", which
    # readers would take as the end of the row.
    return value.replace("\r\n", "\n").replace("\r", "\n")


def _link(url: str | None) -> str:
    return url if url and is_web_url(url) else ""


def _row(paper: Paper) -> list[str]:
    links = paper.links
    values = [
        str(paper.id),
        paper.title,
        LIST_SEPARATOR.join(paper.authors),
        "" if paper.year is None else str(paper.year),
        paper.date or "",
        paper.arxiv_id or "",
        paper.doi or "",
        paper.venue or "",
        "true" if paper.starred else "false",
        paper.status,
        LIST_SEPARATOR.join(paper.tags),
        LIST_SEPARATOR.join(paper.queues),
        _link(links.abs),
        _link(links.pdf),
        _link(links.code),
        _link(links.project),
        _link(links.hf),
        paper.abstract,
        NOTE_SEPARATOR.join(note.body.strip() for note in paper.notes),
    ]
    return [_cell(value) for value in values]


def export_pieces(papers: Iterable[Paper], count: int, context: ExportContext) -> Iterator[str]:
    """The header row, then one row a piece."""
    buffer = io.StringIO()
    # "\n" rows: the text is written in text mode, which turns them into the platform's ends.
    writer = csv.writer(buffer, lineterminator="\n")

    def row(values: Sequence[str]) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(values)
        return buffer.getvalue()

    yield row(EXPORT_COLUMNS)
    for paper in papers:
        yield row(_row(paper))


def export(papers: Sequence[Paper], context: ExportContext) -> str:
    return EXPORT_FORMAT.export(papers, context)


FORMAT = ImportFormat(
    name="csv",
    label="CSV or TSV table with a header row",
    extensions=(".csv", ".tsv"),
    sniff=sniff,
    parse=parse,
)

EXPORT_FORMAT = ExportFormat(name="csv", label="CSV table", extension=".csv", pieces=export_pieces)
