"""Semantic Scholar Graph API responses: paper search, bulk search, batch, citations, one paper.

Shapes read: `{"total", "offset", "data": [paper, ...]}` (search; also author papers and bulk
search with a `token`), `{"recommendedPapers": [...]}`, a bare list of papers (the batch
endpoint, where unknown ids come back as null), one paper object, and citation/reference
lists whose items wrap the paper in `citingPaper` / `citedPaper`.
"""

from __future__ import annotations

from readerapp.core.errors import ParseError
from readerapp.core.identity import normalize_doi, parse_arxiv_id
from readerapp.core.records import Links
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
    author_names,
    best_date,
    build_record,
    clean_text,
    timestamp_parts,
)

_LIST_KEYS = ("data", "recommendedPapers")
_WRAPPERS = ("citingPaper", "citedPaper")
_PAPER_KEYS = ("paperId", "externalIds", "title", "corpusId")
# Semantic Scholar names preprint servers as venues; they are not where a paper appeared.
_NOT_VENUES = frozenset(("arxiv", "arxiv.org", "biorxiv", "medrxiv", "ssrn"))
_CSL_KEYS = ("citation-key", "issued", "container-title")
_HF_KEYS = ("upvotes", "publishedAt", "ai_keywords")


def sniff(head: str) -> float:
    if not head.lstrip("\ufeff \t\r\n").startswith(("[", "{")):
        return 0.0
    if any(has_key(head, key) for key in _CSL_KEYS + _HF_KEYS):
        return 0.0
    markers = sum(has_key(head, key) for key in ("paperId", "externalIds"))
    if markers == 2:
        return 0.95
    if markers == 1:
        return 0.8
    return 0.0


def parse(text: str, source: str) -> ParseResult:
    text, data = load_json(text, source)
    result = ParseResult()
    path: tuple[str, ...] = ()
    if isinstance(data, dict):
        key = next((k for k in _LIST_KEYS if isinstance(data.get(k), list)), None)
        if key is None:
            if not any(k in data for k in _PAPER_KEYS + _WRAPPERS):
                raise ParseError(
                    source,
                    value_line(text),
                    "a JSON object without Semantic "
                    "Scholar paper fields (data, paperId, externalIds, title)",
                )
            _add_paper(data, value_line(text), result)
            return result
        path, data = (key,), data[key]
    if not isinstance(data, list):
        raise ParseError(
            source,
            value_line(text),
            f"the JSON is {kind_of(data)}, not a Semantic Scholar response or a list of papers",
        )
    for item, line in with_lines(text, data, path):
        _add_paper(item, line, result)
    if not data:
        result.skipped.append(SkippedEntry(None, "the response lists no papers"))
    return result


def _add_paper(item: object, line: int, result: ParseResult) -> None:
    wrapped = next((item[k] for k in _WRAPPERS if isinstance(item, dict) and k in item), item)
    if wrapped is None:
        result.skipped.append(
            SkippedEntry(
                line, "null where a paper was expected (Semantic Scholar has no record for that id)"
            )
        )
        return
    if not isinstance(wrapped, dict):
        result.skipped.append(
            SkippedEntry(line, f"{kind_of(wrapped)} where a paper object was expected")
        )
        return
    paper = wrapped
    external = dict_value(paper.get("externalIds"))
    arxiv_id = parse_arxiv_id(text_value(external.get("ArXiv")))
    doi = normalize_doi(text_value(external.get("DOI")))
    # `year` is what Semantic Scholar shows; a publicationDate from another year is an
    # online-first date, so the year wins and the date shrinks to it.
    year, date = best_date(
        int_value(paper.get("year")), [timestamp_parts(text_value(paper.get("publicationDate")))]
    )
    authors = [text_value(dict_value(a).get("name")) for a in list_value(paper.get("authors"))]
    page = web_url(text_value(paper.get("url")))
    result.add(
        build_record(
            title=text_value(paper.get("title")),
            line=line,
            unnamed="a paper with no title, arXiv id or DOI",
            abstract=text_value(paper.get("abstract")),
            authors=author_names(authors),
            year=year,
            date=date,
            arxiv_id=arxiv_id,
            doi=doi,
            venue=_venue(paper),
            # With an arXiv id the import adds arXiv's abstract page; otherwise S2's page is the
            # one place that shows the abstract.
            links=Links(
                abs=None if arxiv_id else page,
                pdf=web_url(text_value(dict_value(paper.get("openAccessPdf")).get("url"))),
            ),
            suggested_tags=_fields_of_study(paper),
        )
    )


def _venue(paper: dict[str, object]) -> str | None:
    for candidate in (
        text_value(paper.get("venue")),
        text_value(dict_value(paper.get("journal")).get("name")),
        text_value(dict_value(paper.get("publicationVenue")).get("name")),
    ):
        venue = clean_text(candidate)
        if venue and venue.casefold() not in _NOT_VENUES:
            return venue
    return None


def _fields_of_study(paper: dict[str, object]) -> list[str]:
    plain = [text_value(f) for f in list_value(paper.get("fieldsOfStudy"))]
    s2 = [
        text_value(dict_value(f).get("category")) for f in list_value(paper.get("s2FieldsOfStudy"))
    ]
    return plain + s2  # build_record drops empty ones and repeats


FORMAT = ImportFormat(
    name="semantic-scholar",
    label="Semantic Scholar API JSON",
    extensions=(".json",),
    sniff=sniff,
    parse=parse,
)
