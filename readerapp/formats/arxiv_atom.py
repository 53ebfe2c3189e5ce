"""arXiv API responses (Atom export feeds), in the old and the 2025+ serialisations.

The XML goes through defusedxml's SAX reader with DTDs, entities and external references
refused, so a hostile file (billion laughs, an entity pointing at /etc/passwd) fails with a
ParseError instead of expanding. SAX is used rather than a tree because its locator gives the
line where each <entry> starts. Elements are matched by local name: the old API declared the
arxiv namespace on each element, the new one on <feed>, and other tools use prefixes.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from xml.sax import SAXException, SAXParseException
from xml.sax.handler import ContentHandler, feature_namespaces
from xml.sax.xmlreader import AttributesNSImpl, InputSource, Locator

import defusedxml.sax
from defusedxml import DefusedXmlException, DTDForbidden

from readerapp.core.errors import ParseError
from readerapp.core.identity import normalize_doi, parse_arxiv_id
from readerapp.core.records import Links
from readerapp.formats.base import ImportFormat, ParseResult, SkippedEntry
from readerapp.formats.links import links_from_text, web_url
from readerapp.formats.record_fields import (
    author_names,
    build_record,
    clean_abstract,
    clean_text,
    timestamp_date,
)
from readerapp.formats.text_input import normalize_newlines

ATOM_NS = "http://www.w3.org/2005/Atom"
# The declaration is dropped before parsing: the text is already decoded, and a declared
# encoding other than UTF-8 would make expat misread the UTF-8 bytes it is given.
_DECLARATION = re.compile(r"\A\s*<\?xml\s[^>]*\?>")
_FEED_TAG = re.compile(r"<(?:[\w.-]+:)?feed[\s>]")
# Entry children whose text is kept; anything else inside an entry is ignored.
_FIELDS = frozenset(
    ("id", "title", "summary", "published", "updated", "doi", "journal_ref", "comment")
)


@dataclass(slots=True)
class _Entry:
    line: int
    text: dict[str, list[str]] = field(default_factory=dict)
    authors: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    links: list[dict[str, str]] = field(default_factory=list)

    def get(self, name: str) -> str:
        return "".join(self.text.get(name, ()))


class _FeedHandler(ContentHandler):
    """Collects entries and the feed's totalResults; builds no tree."""

    def __init__(self) -> None:
        super().__init__()
        self.locator: Locator | None = None
        self.root: str | None = None
        self.root_ns: str | None = None
        self.total: str = ""
        self.entries: list[_Entry] = []
        self._path: list[str] = []
        self._entry: _Entry | None = None
        self._buffer: list[str] | None = None
        self._buffer_depth = 0  # the element whose text the buffer collects
        self._author: list[str] | None = None

    def setDocumentLocator(self, locator: Locator) -> None:
        self.locator = locator

    def line(self) -> int | None:
        return self.locator.getLineNumber() if self.locator else None

    def startElementNS(
        self, name: tuple[str | None, str], qname: str | None, attrs: AttributesNSImpl
    ) -> None:
        # expat splits "uri local" on whitespace; a stray NEL or space in a tag name makes
        # more parts, so take the ends rather than trusting there are exactly two.
        uri, local = name[0], name[-1]
        depth = len(self._path)
        self._path.append(local)
        if depth == 0:
            self.root, self.root_ns = local, uri
        elif depth == 1 and local == "totalResults":
            self._collect([], depth)
        elif depth == 1 and local == "entry":
            self._entry = _Entry(line=self.line() or 1)
        elif self._entry is not None and depth == 2:
            self._entry_child(self._entry, local, attrs)
        elif self._author is not None and depth == 3 and local == "name":
            self._collect(self._author, depth)

    def _collect(self, buffer: list[str], depth: int) -> None:
        # Text of nested markup (an xhtml title's <div>) still belongs to the field.
        self._buffer, self._buffer_depth = buffer, depth

    def _entry_child(self, entry: _Entry, local: str, attrs: AttributesNSImpl) -> None:
        values = {qname: value for (_, qname), value in attrs.items()}
        if local in _FIELDS:
            self._collect(entry.text.setdefault(local, []), 2)
        elif local == "author":
            self._author = []
        elif local in ("category", "primary_category"):
            term = values.get("term", "")
            if local == "primary_category":  # the main category leads the suggestions
                entry.categories.insert(0, term)
            else:
                entry.categories.append(term)
        elif local == "link":
            entry.links.append(values)

    def endElementNS(self, name: tuple[str | None, str], qname: str | None) -> None:
        local = self._path.pop()
        depth = len(self._path)
        if self._buffer is not None and depth == self._buffer_depth:
            if depth == 1 and local == "totalResults":
                self.total = "".join(self._buffer)
            self._buffer = None
        if depth == 1 and local == "entry" and self._entry is not None:
            self.entries.append(self._entry)
            self._entry = None
        elif depth == 2 and local == "author" and self._entry is not None:
            if self._author is not None:
                self._entry.authors.append("".join(self._author))
            self._author = None

    def characters(self, content: str) -> None:
        if self._buffer is not None:
            self._buffer.append(content)


def _xml_bytes(text: str) -> bytes:
    text = normalize_newlines(text)
    # Keep the declaration's newlines so that reported lines stay those of the file.
    text = _DECLARATION.sub(lambda m: "\n" * m.group(0).count("\n"), text, count=1)
    # Lone surrogates cannot be UTF-8; passing them through makes expat report the line.
    return text.encode("utf-8", "surrogatepass")


def _read(text: str, source: str) -> _FeedHandler:
    handler = _FeedHandler()
    reader = defusedxml.sax.make_parser()
    reader.forbid_dtd = True  # the arXiv API never sends one; a DTD is where attacks live
    reader.forbid_entities = True
    reader.forbid_external = True
    reader.setFeature(feature_namespaces, True)
    reader.setContentHandler(handler)
    data = _xml_bytes(text)
    if not data.strip():
        raise ParseError(source, 1, "empty, no XML in it")
    source_stream = InputSource()
    source_stream.setByteStream(io.BytesIO(data))
    try:
        reader.parse(source_stream)
    except SAXParseException as exc:
        message = exc.getMessage()
        line = exc.getLineNumber()
        if message in ("no element found", "unclosed token", "unclosed CDATA section"):
            message = f"the XML ends too early (truncated?): {message}"
        else:
            message = f"not well-formed XML: {message}"
        raise ParseError(source, line, message) from exc
    except DTDForbidden as exc:
        raise ParseError(
            source,
            handler.line(),
            "the XML has a DOCTYPE declaration; readerapp "
            "refuses DTDs (entity expansion, external files) for safety",
        ) from exc
    except DefusedXmlException as exc:
        raise ParseError(
            source,
            handler.line(),
            f"the XML declares entities or external "
            f"references, refused for safety ({type(exc).__name__})",
        ) from exc
    except SAXException as exc:
        raise ParseError(source, handler.line(), f"the XML cannot be read: {exc}") from exc
    return handler


def sniff(head: str) -> float:
    if not head.lstrip("\ufeff \t\r\n").startswith("<"):
        return 0.0
    if not _FEED_TAG.search(head):
        return 0.0
    if ATOM_NS not in head:
        return 0.1
    # Any Atom feed is readable (titles, links), but only arXiv's is surely papers.
    return 0.95 if "arxiv.org/" in head else 0.4


def parse(text: str, source: str) -> ParseResult:
    handler = _read(text, source)
    if handler.root != "feed":
        raise ParseError(
            source, 1, f"not an Atom feed: the root element is <{handler.root}>, not <feed>"
        )
    result = ParseResult()
    for entry in handler.entries:
        _add_entry(entry, result)
    if not handler.entries:
        total = clean_text(handler.total)
        why = "the feed has no entries"
        if total not in ("", "0"):
            why += f" (the search matched {total}; this page starts after the last of them)"
        result.skipped.append(SkippedEntry(None, why))
    return result


def _add_entry(entry: _Entry, result: ParseResult) -> None:
    raw_id = clean_text(entry.get("id"))
    summary = clean_abstract(entry.get("summary"))
    # The API answers a bad query with a feed holding one entry that describes the error.
    if "arxiv.org/api/errors" in raw_id:
        result.skipped.append(
            SkippedEntry(entry.line, f"the arXiv API answered with an error: {summary or raw_id}")
        )
        return
    found: dict[str, str] = {}
    for link in entry.links:
        url = web_url(link.get("href", ""))
        if not url:
            continue
        if link.get("title") == "pdf" or link.get("type") == "application/pdf":
            found.setdefault("pdf", url)
        elif link.get("rel", "alternate") == "alternate":
            found.setdefault("abs", url)
    arxiv_id = parse_arxiv_id(raw_id) or parse_arxiv_id(found.get("abs", ""))
    year, date = timestamp_date(entry.get("published") or entry.get("updated"))
    # Authors' comments often name the project page or the code ("Code: https://...").
    comment = links_from_text(clean_text(entry.get("comment")))
    mentioned = links_from_text(summary)
    result.add(
        build_record(
            title=entry.get("title"),
            line=entry.line,
            unnamed="an entry with no arXiv id and no title",
            abstract=summary,
            authors=author_names(entry.authors),
            year=year,
            date=date,
            arxiv_id=arxiv_id,
            doi=normalize_doi(entry.get("doi")),
            venue=entry.get("journal_ref"),
            links=Links(
                abs=found.get("abs"),
                pdf=found.get("pdf"),
                code=comment.code or mentioned.code,
                project=comment.project or mentioned.project,
            ),
            suggested_tags=entry.categories,
        )
    )


FORMAT = ImportFormat(
    name="arxiv-atom",
    label="arXiv API (Atom feed)",
    extensions=(".xml", ".atom"),
    sniff=sniff,
    parse=parse,
)
