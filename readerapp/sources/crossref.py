"""Crossref's REST API: one work per DOI (GET /works/{doi}) and a bibliographic search.

A work item is close to CSL-JSON but not the same (titles are lists, dates sit in
`issued.date-parts`, abstracts are JATS XML), so `crossref_work_record` reads it with the
importers' field helpers. Every request carries `mailto` when the user gave a contact: that
puts it in Crossref's polite pool. Pacing, including the X-Rate-Limit headers Crossref
sends, is the Http client's job.
"""

from __future__ import annotations

import html
import re
import urllib.parse
from collections.abc import Sequence

from readerapp.core.errors import NetworkError
from readerapp.core.identifiers import Identifier
from readerapp.core.identity import normalize_doi
from readerapp.core.records import Links, PaperRecord
from readerapp.formats.json_input import dict_value, int_value, list_value, text_value
from readerapp.formats.links import web_url
from readerapp.formats.record_fields import build_record, iso_date, sane_year, with_suffix
from readerapp.sources.base import cut_at_word
from readerapp.sources.http import Http, Reply

WORKS = "/works"
# Only what a record needs: a full work carries its reference list (often 20 KB or more).
# `select` works on the list route only; /works/{doi} always answers in full.
SELECT = ",".join(
    (
        "DOI",
        "title",
        "author",
        "issued",
        "published",
        "published-print",
        "published-online",
        "container-title",
        "event",
        "type",
        "abstract",
        "link",
        "URL",
    )
)
MAX_ROWS = 20
QUERY_CHARS = 300  # a title longer than this is a pasted paragraph; its start is enough
DAY = 24 * 3600.0
# A work's metadata rarely changes once deposited; an unknown DOI may be registered soon.
RECORD_MAX_AGE = 30 * DAY
ABSENT_MAX_AGE = DAY
TITLE_MAX_AGE = 7 * DAY
# arXiv's DOIs are DataCite's: Crossref answers 404 for every one of them.
_DATACITE_ARXIV = "10.48550/"
# `issued` is the earliest of the print and online dates; the others stand in when it is
# empty (a `[[null]]` issued date is common in old proceedings).
_DATE_KEYS = ("issued", "published", "published-print", "published-online")


class CrossrefSource:
    name = "crossref"
    label = "Crossref"

    def __init__(self, http: Http) -> None:
        self.http = http

    def handles(self, ident: Identifier) -> bool:
        return ident.kind == "doi" and not ident.value.lower().startswith(_DATACITE_ARXIV)

    def by_ids(self, idents: Sequence[Identifier]) -> dict[Identifier, PaperRecord]:
        found: dict[Identifier, PaperRecord] = {}
        for ident in dict.fromkeys(i for i in idents if self.handles(i)):
            record = self._work(ident.value)
            if record is not None:
                found[ident] = record
        return found

    def by_title(self, title: str, limit: int = 5) -> list[PaperRecord]:
        query = cut_at_word(" ".join(title.split()), QUERY_CHARS)
        if not query or limit <= 0:
            return []
        params = self._params(
            {"query.bibliographic": query, "rows": str(min(limit, MAX_ROWS)), "select": SELECT}
        )
        reply = self.http.get(WORKS, params, max_age=TITLE_MAX_AGE)
        message = dict_value(self._message(reply, "work-list"))
        records = [crossref_work_record(item) for item in list_value(message.get("items"))]
        return [r for r in records if r is not None][:limit]

    def close(self) -> None:
        self.http.close()

    def _params(self, params: dict[str, str] | None = None) -> dict[str, str]:
        """The query with `mailto` added when the user gave a contact (the polite pool)."""
        params = dict(params or {})
        if self.http.contact:
            params["mailto"] = self.http.contact
        return params

    def _work(self, doi: str) -> PaperRecord | None:
        path = f"{WORKS}/{urllib.parse.quote(doi, safe='/:;()-._~')}"
        reply = self.http.get(path, self._params(), max_age=RECORD_MAX_AGE)
        if reply.status == 404 and reply.from_cache:
            # "Not found" is trusted for a day only: the DOI may be registered since.
            reply = self.http.get(path, self._params(), max_age=ABSENT_MAX_AGE)
        if reply.status == 404:
            return None  # Crossref's plain-text "Resource not found."
        return crossref_work_record(self._message(reply, "work"))

    def _message(self, reply: Reply, expected: str) -> object:
        """The `message` of a JSON envelope of the expected type; anything else raises."""
        if reply.status == 400:
            raise NetworkError(self.label, f"refused the request: {_refusal(reply)}")
        if reply.status != 200:
            raise NetworkError(self.label, f"HTTP {reply.status} for {reply.url}")
        if "json" not in reply.content_type.lower():
            # A captive portal or a proxy's error page answers 200 with HTML.
            shown = reply.content_type.split(";")[0].strip() or "an answer without a type"
            raise NetworkError(self.label, f"sent {shown} where JSON was expected ({reply.url})")
        data = dict_value(reply.json(self.label))
        kind = data.get("message-type")
        if kind != expected:
            shown = f"a {kind!r} answer" if isinstance(kind, str) else "JSON of another kind"
            raise NetworkError(self.label, f"sent {shown} where a {expected} was expected")
        return data.get("message")


def crossref_work_record(item: object) -> PaperRecord | None:
    """A Crossref work item (the `message` of /works/{doi}, or one of /works' `items`) as a
    record; None when it names no paper (no title and no DOI)."""
    work = dict_value(item)
    doi = normalize_doi(text_value(work.get("DOI")))
    year, date = _date(work)
    venue = _first(work.get("container-title")) or text_value(
        dict_value(work.get("event")).get("name")
    )
    record = build_record(
        title=_first(work.get("title")) or _first(work.get("original-title")),
        line=None,
        kind="Crossref work",
        doi=doi,
        abstract=jats_text(text_value(work.get("abstract"))),
        authors=_authors(work.get("author")),
        year=year,
        date=date,
        venue=venue,
        links=Links(
            abs=f"https://doi.org/{urllib.parse.quote(doi, safe='/:;()-._~')}" if doi else None,
            pdf=_pdf(work.get("link")),
        ),
    )
    return record if isinstance(record, PaperRecord) else None


# JATS (and the occasional HTML) in abstracts. Block elements end a paragraph; a section's
# title leads its first paragraph ("Objective: To automate ..."); other tags are inline
# markup (italics, sub- and superscripts, MathML) whose text is kept.
_NS = r"(?:[\w.-]+:)?"
_BLOCK = re.compile(
    rf"</?{_NS}(?:p|sec|title|list|list-item|def-list|disp-quote|abstract|trans-abstract)"
    rf"\b[^<>]*>",
    re.IGNORECASE,
)
# A title's text: anything up to the next title tag (never across one, so an untitled list
# between two titles is not swallowed).
_HEADING = rf"<{_NS}title\b[^<>]*>((?:(?!</?{_NS}title\b).)*)</{_NS}title\s*>"
_TITLE = re.compile(_HEADING, re.IGNORECASE | re.DOTALL)
_TITLED_PARAGRAPH = re.compile(rf"{_HEADING}\s*<{_NS}p\b[^<>]*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^<>]*>")
# The label of the whole abstract says nothing the field's name does not.
_ABSTRACT_LABELS = frozenset(("abstract", "summary"))


def jats_text(text: str) -> str:
    """A JATS abstract as plain text, paragraphs separated by a blank line."""
    if "<" not in text:
        return html.unescape(text)
    text = _TITLE.sub(
        lambda m: "" if _plain(m.group(1)).casefold() in _ABSTRACT_LABELS else m.group(0), text
    )
    text = _TITLED_PARAGRAPH.sub(lambda m: f"<p>{_label(_plain(m.group(1)))} ", text)
    paragraphs = (_plain(part) for part in _BLOCK.split(text))
    return "\n\n".join(p for p in paragraphs if p)


def _plain(fragment: str) -> str:
    return " ".join(html.unescape(_TAG.sub("", fragment)).split())


def _label(heading: str) -> str:
    heading = heading.rstrip(" :")
    return heading if not heading or heading[-1] in ".?!" else f"{heading}:"


def _first(value: object) -> str:
    """The first non-empty string of a Crossref list field (or the field, if a string)."""
    if isinstance(value, str):
        return value
    return next((s for s in map(text_value, list_value(value)) if s.strip()), "")


def _authors(value: object) -> list[str]:
    names: list[str] = []
    for entry in list_value(value):
        author = dict_value(entry)
        parts = (text_value(author.get(k)).strip() for k in ("given", "family"))
        name = with_suffix(" ".join(p for p in parts if p), text_value(author.get("suffix")))
        # Consortia and committees have only a `name`.
        names.append(name or text_value(author.get("name")))
    return names


def _date(work: dict[str, object]) -> tuple[int | None, str | None]:
    for key in _DATE_KEYS:
        parts = list_value(dict_value(work.get(key)).get("date-parts"))
        first = [int_value(p) for p in list_value(parts[0] if parts else None)[:3]]
        year, month, day = [*first, None, None, None][:3]
        if sane_year(year) is not None:
            return year, iso_date(year, month, day)
    return None, None


def _pdf(value: object) -> str | None:
    """The publisher's PDF among `link`s. Links meant for Similarity Check are for Crossref's
    plagiarism screening (often on staging hosts readers cannot open); the version of record
    beats an accepted manuscript."""
    pdfs = [
        link
        for link in map(dict_value, list_value(value))
        if text_value(link.get("content-type")) == "application/pdf"
        and text_value(link.get("intended-application")) != "similarity-checking"
    ]
    pdfs.sort(key=lambda link: text_value(link.get("content-version")) != "vor")
    return next((url for link in pdfs if (url := web_url(text_value(link.get("URL"))))), None)


def _refusal(reply: Reply) -> str:
    """The messages of Crossref's validation-failure JSON, or the bare status."""
    try:
        data = reply.json("")
    except NetworkError:
        return f"HTTP {reply.status}"
    failures = list_value(dict_value(data).get("message"))
    messages = [text_value(dict_value(f).get("message")) for f in failures]
    return "; ".join(m for m in messages if m) or f"HTTP {reply.status}"
