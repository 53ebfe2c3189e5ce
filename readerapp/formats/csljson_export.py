"""CSL-JSON: the reference list pandoc, citeproc and Zotero read (a JSON list of items).

Item ids are the BibTeX export's citation keys, so `[@hu2021lora]` cites the same paper
whichever of the two files a document uses. arXiv preprints are written the way Zotero writes
them (publisher "arXiv", number "arXiv:ID"); a published paper that also has an arXiv id
carries it in `note` as "arXiv: ID", the Better BibTeX convention.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from readerapp.core.records import Paper
from readerapp.formats.base import ExportContext, ExportFormat
from readerapp.formats.export_fields import (
    CitationKeys,
    PersonName,
    is_arxiv_venue,
    landing_url,
    split_name,
    venue_kind,
)
from readerapp.formats.json_export import array_pieces

_TYPES = {
    "journal": "article-journal",
    "conference": "paper-conference",
    "preprint": "article",
    "other": "article",
}


def _name(name: PersonName) -> dict[str, str]:
    if name.literal:
        literal = f"{name.family}, {name.suffix}" if name.suffix else name.family
        return {"literal": literal}
    item = {"family": name.family}
    if name.given:
        item["given"] = name.given
    if name.particle:
        # "van" in "Ludwig van Beethoven" is printed but not sorted on.
        item["non-dropping-particle"] = name.particle
    if name.suffix:
        item["suffix"] = name.suffix
    return item


def _date_parts(paper: Paper) -> list[int] | None:
    if not paper.year:
        return None
    parts = [paper.year]
    if paper.date and paper.date.startswith(str(paper.year)):
        for piece in paper.date.split("-")[1:3]:
            if not piece.isdigit():
                break
            parts.append(int(piece))
    return parts


def _keyword(tags: Sequence[str]) -> str | None:
    """CSL's keyword is one string; readers split it on ";" when there is one, else on ","."""
    tags = [t.strip() for t in tags if t.strip()]
    if not tags:
        return None
    separator = "; " if any("," in t for t in tags) else ", "
    return separator.join(tags)


def _item(paper: Paper, key: str) -> dict[str, object]:
    kind = venue_kind(paper)
    item: dict[str, object] = {
        "id": key,
        "type": _TYPES[kind],
        "title": " ".join(paper.title.split()),
    }
    names = [_name(split_name(a)) for a in paper.authors if a.strip()]
    if names:
        item["author"] = names
    parts = _date_parts(paper)
    if parts:
        item["issued"] = {"date-parts": [parts]}
    if paper.venue and not (kind == "preprint" and is_arxiv_venue(paper.venue)):
        item["container-title"] = paper.venue
    if paper.doi:
        item["DOI"] = paper.doi
    if paper.arxiv_id and kind == "preprint":
        item["publisher"] = "arXiv"
        item["number"] = f"arXiv:{paper.arxiv_id}"
    elif paper.arxiv_id:
        item["note"] = f"arXiv: {paper.arxiv_id}"
    url = landing_url(paper)
    if url:
        item["URL"] = url
    if paper.abstract.strip():
        item["abstract"] = paper.abstract.strip()
    keyword = _keyword(paper.tags)
    if keyword:
        item["keyword"] = keyword
    return item


def pieces(papers: Iterable[Paper], count: int, context: ExportContext) -> Iterator[str]:
    key = CitationKeys()
    return array_pieces(_item(paper, key(paper)) for paper in papers)


def export(papers: Sequence[Paper], context: ExportContext) -> str:
    return FORMAT.export(papers, context)


FORMAT = ExportFormat(name="csljson", label="CSL-JSON", extension=".json", pieces=pieces)
