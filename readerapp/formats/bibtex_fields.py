"""From one BibTeX entry's evaluated fields to a PaperRecord (or the reason there is none).

Field names are lower case here; values are macro-expanded LaTeX (see bibtex_values).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from readerapp.core.identity import normalize_doi, parse_arxiv_id
from readerapp.core.records import PaperRecord
from readerapp.formats.bibtex_values import person_names
from readerapp.formats.latex_text import latex_to_text
from readerapp.formats.links import find_urls, links_from_urls
from readerapp.formats.mojibake import fix_mojibake
from readerapp.formats.record_fields import (
    arxiv_from_doi,
    clean_abstract,
    clean_text,
    doi_from_url,
    fallback_title,
    find_year,
    iso_date,
    month_number,
    sane_year,
    timestamp_parts,
    unique,
    unnamed_reason,
)

# What a crossref child takes from its parent when it lacks it (BibTeX inherits every field;
# identifiers, abstracts and keywords are left out, as they describe the parent, not the part).
INHERITED = (
    "author",
    "editor",
    "booktitle",
    "booksubtitle",
    "journal",
    "journaltitle",
    "year",
    "date",
    "month",
    "publisher",
    "address",
    "location",
    "organization",
    "institution",
    "school",
    "series",
    "volume",
    "howpublished",
    "edition",
)
# Entry types whose own `booktitle` can stand for a missing `title`, and whose editors stand in
# for missing authors.
_WHOLE_WORKS = frozenset(
    {
        "book",
        "mvbook",
        "proceedings",
        "mvproceedings",
        "collection",
        "mvcollection",
        "periodical",
        "booklet",
        "reference",
        "mvreference",
    }
)
_URL_FIELDS = (
    "url",
    "ee",
    "pdf",
    "eprint",
    "howpublished",
    "website",
    "link",
    "bdsk-url-1",
    "bdsk-url-2",
    "adsurl",
)
_ARXIV_TYPES = frozenset({"arxiv", "arxiv.org"})
_ARXIV_VENUE = re.compile(
    r"^(?:arxiv|corr)(?:\s+(?:preprint|e-?prints?))?[\s.:,]*(?:abs/)?$", re.IGNORECASE
)
_ARXIV_REF = re.compile(r"arxiv\s*:\s*\S+|abs/\S+", re.IGNORECASE)
_OLD_STYLE_NUMBER = re.compile(r"^\d{7}(?:v\d+)?$")
_OLD_STYLE_WITH_CLASS = re.compile(r"^(\d{7})(?:v\d+)?\s*\[([a-z-]+(?:\.[A-Z]{2})?)\]$")
_CATEGORY = re.compile(r"^[a-z]+(?:-[a-z]+)?(?:\.[A-Za-z]{2,})?$")
_URL_ESCAPE = re.compile(r"\\([&_#%$~{}])")
MAX_TAG_CHARS = 80


def text(value: str | None) -> str:
    """A field as one line of display text."""
    return clean_text(fix_mojibake(latex_to_text(value))) if value else ""


def inherit(fields: dict[str, str], parent: Mapping[str, str]) -> None:
    """Fill a crossref child's missing fields from its parent (biblatex maps title->booktitle)."""
    for name in INHERITED:
        if not fields.get(name) and parent.get(name):
            fields[name] = parent[name]
    if not fields.get("booktitle") and parent.get("title"):
        fields["booktitle"] = parent["title"]


def _title(entry_type: str, fields: Mapping[str, str]) -> str:
    title = text(fields.get("title"))
    if not title and entry_type in _WHOLE_WORKS:
        title = text(fields.get("booktitle"))
    subtitle = text(fields.get("subtitle"))
    if title and subtitle:
        title = f"{title}{'' if title[-1] in '.?!:' else ':'} {subtitle}"
    return title


def _authors(entry_type: str, fields: Mapping[str, str]) -> tuple[str, ...]:
    authors = person_names(fix_mojibake(fields.get("author", "")))
    if not authors and entry_type in _WHOLE_WORKS:
        authors = person_names(fix_mojibake(fields.get("editor", "")))
    return authors


def _month(value: str) -> int | None:
    word = text(value).strip(" .").casefold()
    if word.isascii() and word.isdigit():
        return int(word)  # iso_date drops a month that does not exist
    # "Jan.-Feb." and "June/July" count as their first month.
    first = re.split(r"[\s./\-\u2013,]+", word)[0] if word else ""
    return month_number(first)


def _date(fields: Mapping[str, str]) -> tuple[int | None, str | None]:
    """Year and ISO date, from biblatex `date` or from `year`/`month`/`day`."""
    year, month, day = timestamp_parts(text(fields.get("date")))
    if year is None:
        year = find_year(text(fields.get("year")))
        month = _month(fields["month"]) if fields.get("month") else None
        day_text = text(fields.get("day"))
        day = int(day_text) if day_text.isascii() and day_text.isdigit() else None
    year = sane_year(year)
    return year, iso_date(year, month, day)


def _strict_arxiv_id(value: str) -> str | None:
    """An arXiv id when the whole value is one (not an id-like fragment of something else)."""
    value = value.strip()
    old = _OLD_STYLE_WITH_CLASS.match(value)
    if old:  # Zotero writes `0603845 [cond-mat]`
        return parse_arxiv_id(f"{old.group(2)}/{old.group(1)}")
    found = parse_arxiv_id(value)
    if found is None:
        return None
    bare = re.sub(r"^arxiv:\s*", "", value, flags=re.IGNORECASE)
    return found if bare.startswith(found) or "arxiv.org/" in value.lower() else None


def _is_arxiv_venue(journal: str) -> bool:
    """`arXiv`, `ArXiv e-prints`, `arXiv preprint arXiv:2106.09685`, `CoRR`."""
    return bool(journal) and bool(_ARXIV_VENUE.match(_ARXIV_REF.sub("", journal).strip()))


def _arxiv_id(fields: Mapping[str, str], doi: str | None) -> str | None:
    kind = text(fields.get("archiveprefix") or fields.get("eprinttype")).casefold()
    eprint = text(fields.get("eprint"))
    if eprint and (kind in _ARXIV_TYPES or not kind):
        category = text(fields.get("primaryclass") or fields.get("eprintclass"))
        category = re.sub(r"^arxiv:", "", category, flags=re.IGNORECASE)
        if _OLD_STYLE_NUMBER.match(eprint) and _CATEGORY.match(category):
            eprint = f"{category}/{eprint}"  # old-style number with its archive given apart
        found = _strict_arxiv_id(eprint)
        if found:
            return found
    for name in ("arxivid", "arxiv"):
        found = _strict_arxiv_id(text(fields.get(name)))
        if found:
            return found
    # `journal = {arXiv preprint arXiv:2106.09685}`, DBLP's `journal = {CoRR}, volume = {abs/..}`
    for name in ("journal", "journaltitle", "volume", "note", "howpublished", "booktitle"):
        for ref in _ARXIV_REF.findall(text(fields.get(name))):
            found = parse_arxiv_id(ref.removeprefix("abs/"))
            if found:
                return found
    if _is_arxiv_venue(text(fields.get("journal") or fields.get("journaltitle"))):
        # `journal = {arXiv}, number = {1803.10418}` (or the id in volume or pages)
        for name in ("number", "volume", "pages", "eid"):
            found = _strict_arxiv_id(text(fields.get(name)).removeprefix("abs/"))
            if found:
                return found
    found = arxiv_from_doi(doi)  # arXiv's own DataCite DOIs
    if found:
        return found
    for url in _urls(fields):
        if "arxiv.org/" in url.lower():
            found = parse_arxiv_id(url)
            if found:
                return found
    return None


def _urls(fields: Mapping[str, str]) -> list[str]:
    """Web URLs in the link-bearing fields, `\\url{}` and TeX escapes (`\\_`, `\\&`) undone."""
    urls: list[str] = []
    for name in _URL_FIELDS:
        value = fields.get(name)
        if not value or "http" not in value:
            continue
        plain = (
            _URL_ESCAPE.sub(r"\1", value.replace("\\url{", " ")).replace("{", "").replace("}", " ")
        )
        for url in find_urls(plain):
            if url not in urls:
                urls.append(url)
    return urls


def _doi(fields: Mapping[str, str]) -> str | None:
    doi = normalize_doi(
        _URL_ESCAPE.sub(r"\1", fields.get("doi", "")).replace("{", "").replace("}", "")
    )
    return doi or next((d for d in map(doi_from_url, _urls(fields)) if d), None)


def _venue(entry_type: str, fields: Mapping[str, str]) -> str | None:
    journal = text(fields.get("journal") or fields.get("journaltitle"))
    if journal:
        return "arXiv" if _is_arxiv_venue(journal) else journal
    names: tuple[str, ...] = ("booktitle",)
    if entry_type in ("techreport", "report"):
        names = ("institution",)
    elif entry_type.endswith("thesis"):
        names = ("school", "institution")
    elif entry_type in _WHOLE_WORKS:
        names = ("publisher",)
    for name in (*names, "howpublished"):
        value = text(fields.get(name))
        if value and "http" not in value:
            return value
    return None


def _tags(fields: Mapping[str, str]) -> tuple[str, ...]:
    keywords = re.split(r"[,;]", text(fields.get("keywords") or fields.get("keyword")))
    categories = re.split(r"[,;\s]+", text(fields.get("primaryclass") or fields.get("eprintclass")))
    categories = [c.removeprefix("arXiv:") for c in categories]
    # primaryClass is meant to hold arXiv categories (cs.CV, quant-ph); skip what is not one.
    tags = (tag.strip(" .") for tag in (*keywords, *(c for c in categories if _CATEGORY.match(c))))
    return unique(tag for tag in tags if len(tag) <= MAX_TAG_CHARS)


def to_record(entry_type: str, key: str, fields: Mapping[str, str], line: int) -> PaperRecord | str:
    """The record for an entry, or why there is none."""
    title = _title(entry_type, fields)
    doi = _doi(fields)
    arxiv_id = _arxiv_id(fields, doi)
    shown = fallback_title(title, arxiv_id, doi)
    if shown is None:
        what = f"@{entry_type} entry {key!r}" if key else f"@{entry_type} entry without a key"
        return unnamed_reason(what, title)
    year, date = _date(fields)
    return PaperRecord(
        title=shown,
        abstract=clean_abstract(
            fix_mojibake(latex_to_text(fields.get("abstract", ""))), indented_paragraphs=False
        ),
        authors=_authors(entry_type, fields),
        year=year,
        date=date,
        arxiv_id=arxiv_id,
        doi=doi,
        venue=_venue(entry_type, fields),
        links=links_from_urls(_urls(fields))[0],
        suggested_tags=_tags(fields),
        line=line,
    )
