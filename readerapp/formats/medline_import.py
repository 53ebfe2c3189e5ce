"""PubMed MEDLINE / .nbib text: "PMID- 123", "TI  - ...", 6-space continuation lines.

PubMed's "Save > PubMed format" and the .nbib citation download both write it, and people
often name it .ris or .txt; the sniff recognises it by content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from readerapp.core.errors import ParseError
from readerapp.core.identity import normalize_doi, parse_arxiv_id
from readerapp.core.records import Links, PaperRecord
from readerapp.formats import wos_tagged
from readerapp.formats.base import ImportFormat, ParseResult, SkippedEntry
from readerapp.formats.record_fields import best_date, build_record, loose_date, natural_name
from readerapp.formats.text_input import normalize_newlines

# A tag is left-aligned in a 4-character column, then "- ": "PMID- ", "AU  - ", "LID - ".
_TAG_LINE = re.compile(r"^([A-Z][A-Z0-9]{1,3}) {0,2}- ?(.*)$")
_PMID_LINE = re.compile(r"^PMID- ?\d", re.MULTILINE)
# Tags RIS never uses, so a few of them mark MEDLINE even without a PMID line in view.
_MEDLINE_ONLY = frozenset(
    (
        "PMID",
        "OWN",
        "STAT",
        "DCOM",
        "FAU",
        "LID",
        "AID",
        "EDAT",
        "MHDA",
        "CRDT",
        "PHST",
        "PST",
        "JID",
        "DEP",
        "PMC",
        "AUID",
        "PMCR",
        "CIN",
        "BTI",
    )
)
_ID_KIND = re.compile(r"^(.*?)\s*\[(\w+)\]\s*$")  # "10.1016/j.x.2019.03.004 [doi]"
# AU in MEDLINE is "Family Initials" ("O'Connor RE"); used when an author has no FAU line.
_AU_INITIALS = re.compile(r"^(.+?)\s+([A-Z]{1,4})$")
SNIFF_LINES = 60


@dataclass(slots=True)
class _Entry:
    line: int
    fields: list[tuple[str, str]] = field(default_factory=list)

    def first(self, *tags: str) -> str:
        for tag in tags:
            for name, value in self.fields:
                if name == tag and value:
                    return value
        return ""

    def all(self, tag: str) -> list[str]:
        return [value for name, value in self.fields if name == tag and value]


def _tag(line: str) -> tuple[str, str] | None:
    match = _TAG_LINE.match(line)
    # The dash stands in column 5 ("TI  - ", "PMID- "); anything else is text, not a tag.
    if not match or line[4:5] != "-":
        return None
    return match.group(1), match.group(2).strip()


def _entries(lines: list[str]) -> list[_Entry]:
    """Records: runs of tagged lines separated by blank lines (a PMID line also starts one)."""
    entries: list[_Entry] = []
    current: _Entry | None = None
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip()
        if not line.strip():
            current = None
            continue
        tagged = _tag(line)
        if tagged is None:
            if current is not None and current.fields:
                name, value = current.fields[-1]
                current.fields[-1] = (name, f"{value} {line.strip()}".strip())
            continue  # text outside a record (a header, a stray line) carries no data
        if current is None or tagged[0] == "PMID":
            current = _Entry(number)
            entries.append(current)
        current.fields.append(tagged)
    return entries


def _authors(entry: _Entry) -> list[str]:
    """FAU ("Griffin, Darren K") when given, else AU ("Griffin DK"); CN for group authors."""
    authors: list[str] = []
    previous = ""
    for name, value in entry.fields:
        if name == "FAU" and value:
            authors.append(natural_name(value))
        elif name == "AU" and value and previous != "FAU":  # an AU right after FAU repeats it
            initials = _AU_INITIALS.match(value)
            authors.append(f"{initials.group(2)} {initials.group(1)}" if initials else value)
        elif name == "CN" and value:
            authors.append(value)
        previous = name
    return authors


def _title(entry: _Entry) -> str:
    title = entry.first("TI", "BTI", "TT").strip()
    # NLM ends every title with a period and brackets titles translated into English.
    if title.startswith("[") and title.rstrip(".").endswith("]"):
        title = title.rstrip(".")[1:-1]
    if title.endswith(".") and not title.endswith(".."):
        title = title[:-1]
    return title


def _ids(entry: _Entry) -> tuple[str | None, str | None]:
    doi = arxiv_id = None
    for value in (*entry.all("LID"), *entry.all("AID")):
        match = _ID_KIND.match(value)
        if not match:
            continue
        ident, kind = match.group(1), match.group(2).lower()
        if kind == "doi" and doi is None:
            doi = normalize_doi(ident)
        elif kind == "arxiv" and arxiv_id is None:
            arxiv_id = parse_arxiv_id(ident)
    return doi, arxiv_id


def _record(entry: _Entry) -> PaperRecord | SkippedEntry:
    doi, arxiv_id = _ids(entry)
    # DP is the publication date ("2020 Feb"); DEP ("20190325") only sharpens it.
    dates = [loose_date(text) for text in (entry.first("DP"), entry.first("DEP")) if text]
    year, date = best_date(dates[0][0] if dates else None, dates)
    pmid = entry.first("PMID")
    abs_url = f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/" if pmid.isdigit() else None
    return build_record(
        title=_title(entry),
        line=entry.line,
        kind=f"MEDLINE record{f' PMID {pmid}' if pmid else ''}",
        arxiv_id=arxiv_id,
        doi=doi,
        abstract=entry.first("AB"),
        authors=_authors(entry),
        year=year,
        date=date,
        venue=entry.first("JT", "TA") or None,
        links=Links(abs=abs_url),
        # Author keywords (OT); MeSH headings (MH) are an indexing vocabulary ("Humans",
        # "*Genome") that would drown them.
        suggested_tags=entry.all("OT"),
    )


def parse(text: str, source: str) -> ParseResult:
    text = normalize_newlines(text)
    if wos_tagged.looks_like_wos_tagged(text[:16384]):
        raise wos_tagged.refuse(source)
    lines = text.split("\n")
    entries = _entries(lines)
    if not any(e.first("PMID") or {n for n, _ in e.fields} & _MEDLINE_ONLY for e in entries):
        raise _not_medline(lines, source)
    result = ParseResult()
    for entry in entries:
        result.add(_record(entry))
    return result


def _not_medline(lines: list[str], source: str) -> ParseError:
    for number, line in enumerate(lines, start=1):
        if line.startswith("TY  -"):
            return ParseError(
                source,
                number,
                f"found {line.strip()[:40]!r}: this is RIS, not "
                "PubMed MEDLINE; import it with --format ris",
            )
    for number, line in enumerate(lines, start=1):
        if line.strip():
            return ParseError(
                source,
                number,
                f"not PubMed MEDLINE: found {line.strip()[:60]!r} "
                "and no line starting with 'PMID- ' anywhere",
            )
    return ParseError(source, 1, "empty: no MEDLINE records")


def sniff(head: str) -> float:
    head = normalize_newlines(head)
    if wos_tagged.looks_like_wos_tagged(head):
        return 0.0
    lines = [line for line in head.split("\n") if line.strip()][:SNIFF_LINES]
    tags = [t[0] for t in map(_tag, lines) if t]
    if not tags or any(line.startswith("TY  -") for line in lines):
        return 0.0
    if tags[0] == "PMID" and _PMID_LINE.match(lines[0]):
        return 0.95
    specific = {t for t in tags if t in _MEDLINE_ONLY}
    if len(specific) >= 3:
        return 0.9
    return 0.5 if _PMID_LINE.search(head) else 0.0


FORMAT = ImportFormat(
    name="medline",
    label="PubMed MEDLINE / nbib",
    extensions=(".nbib", ".medline", ".txt"),
    sniff=sniff,
    parse=parse,
)
