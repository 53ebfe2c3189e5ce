"""Identity and merging: which library paper an incoming record is, and what it may fill."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from typing import Any, Protocol

from sqlalchemy import any_, select
from sqlalchemy.orm import Session

from readerapp.core.identity import title_key
from readerapp.core.records import Links, PaperRecord
from readerapp.db import queries
from readerapp.db.models import PaperRow
from readerapp.db.queries import chunks, text_array

# Record field -> papers column, for the fields an import may fill when they are empty.
FILLABLE = {
    "abstract": "abstract",
    "year": "year",
    "date": "date",
    "arxiv_id": "arxiv_id",
    "doi": "doi",
    "venue": "venue",
}
LINK_COLUMNS = {
    "abs": "abs_url",
    "pdf": "pdf_url",
    "code": "code_url",
    "project": "project_url",
    "hf": "hf_url",
}


def _empty(value: object) -> bool:
    return value is None or value == "" or value == ()


def combine(first: PaperRecord, second: PaperRecord) -> PaperRecord:
    """Two records of one paper from the same file: keep the first, fill its gaps."""
    # Any: each value is the field's own, read by name, which replace() cannot check.
    updates: dict[str, Any] = {}
    for name in ("abstract", "authors", "year", "date", "arxiv_id", "doi", "venue"):
        if _empty(getattr(first, name)) and not _empty(getattr(second, name)):
            updates[name] = getattr(second, name)
    links = {k: v for k, v in second.links.as_dict().items() if not getattr(first.links, k)}
    if links:
        updates["links"] = replace(first.links, **links)
    extra = tuple(t for t in second.suggested_tags if t not in first.suggested_tags)
    if extra:
        updates["suggested_tags"] = first.suggested_tags + extra
    return replace(first, **updates) if updates else first


# Read the whole library's identity columns when the batch is at least 1/FULL_SCAN_SHARE of it.
FULL_SCAN_SHARE = 4


@dataclass(slots=True)
class Existing:
    """What identity matching needs to know about a library paper."""

    id: int
    arxiv_id: str | None
    doi: str | None
    title_key: str
    year: int | None


class IdentityMap:
    """Library papers that might match a batch, looked up by arXiv id, DOI and title key."""

    def __init__(
        self,
        session: Session,
        records: Sequence[PaperRecord],
        title_keys: Sequence[str] | None = None,
    ) -> None:
        """`title_keys`, when given, are the records' title keys in order (computed once by
        the caller: folding titles is a large share of a 100k-paper import)."""
        self.by_arxiv: dict[str, Existing] = {}
        self.by_doi: dict[str, Existing] = {}
        self.by_title: dict[str, list[Existing]] = {}
        arxiv = sorted({r.arxiv_id for r in records if r.arxiv_id})
        dois = sorted({r.doi for r in records if r.doi})
        if title_keys is None:
            title_keys = [title_key(r.title) for r in records]
        titles = sorted({k for k in title_keys if k})
        columns = (PaperRow.id, PaperRow.arxiv_id, PaperRow.doi, PaperRow.title_key, PaperRow.year)
        library_size = queries.paper_count(session)
        if len(records) * FULL_SCAN_SHARE >= library_size:
            # A large batch against a small library (the first import of a big dump):
            # one scan of the identity columns beats hundreds of IN (...) look-ups.
            rows = session.connection().execute(select(*columns))
            for row in rows:
                self.add(Existing(*row))
            return
        server = session.get_bind().dialect.name == "postgresql"
        for column, keys in (
            (PaperRow.arxiv_id, arxiv),
            (PaperRow.doi, dois),
            (PaperRow.title_key, titles),
        ):
            if server:
                # Every key in one array: one round trip per column instead of one per
                # chunk, and no statement of 900 placeholders built and split in Python.
                if keys:
                    for row in session.execute(
                        select(*columns).where(column == any_(text_array(keys)))
                    ):
                        self.add(Existing(*row))
                continue
            for part in chunks(keys):
                for row in session.execute(select(*columns).where(column.in_(part))):
                    self.add(Existing(*row))

    def add(self, paper: Existing) -> None:
        if paper.arxiv_id:
            self.by_arxiv[paper.arxiv_id] = paper
        if paper.doi:
            self.by_doi[paper.doi] = paper
        same_title = self.by_title.setdefault(paper.title_key, [])
        if all(p.id != paper.id for p in same_title):
            same_title.append(paper)

    def find(self, record: PaperRecord, key: str | None = None) -> Existing | None:
        """The library paper this record is; `key` is its title key if already known."""
        if record.arxiv_id and (hit := self.by_arxiv.get(record.arxiv_id)):
            return hit
        if record.doi and (hit := self.by_doi.get(record.doi)):
            return hit
        if key is None:
            key = title_key(record.title)
        for candidate in self.by_title.get(key, ()):
            # One title, two different arXiv ids or DOIs: two papers ("Introduction", "Reply").
            if record.arxiv_id and candidate.arxiv_id and record.arxiv_id != candidate.arxiv_id:
                continue
            if record.doi and candidate.doi and record.doi != candidate.doi:
                continue
            if record.year and candidate.year and record.year != candidate.year:
                continue
            return candidate
        return None


def record_identity(record: PaperRecord, key: str | None = None) -> str:
    """A key that is equal for two records of one paper within a file."""
    if record.arxiv_id:
        return "arxiv:" + record.arxiv_id
    if record.doi:
        return "doi:" + record.doi
    return f"title:{title_key(record.title) if key is None else key}:{record.year or ''}"


def complete_links(record: PaperRecord) -> PaperRecord:
    """Abstract page, PDF and Hugging Face page follow from an arXiv id when missing."""
    if not record.arxiv_id:
        return record
    links = record.links
    if links.abs and links.pdf:
        return record
    filled = Links(
        links.abs or f"https://arxiv.org/abs/{record.arxiv_id}",
        links.pdf or f"https://arxiv.org/pdf/{record.arxiv_id}",
        links.code,
        links.project,
        links.hf,
    )
    return _with_links(record, filled)


# Every PaperRecord field but links, in order: _with_links passes them positionally.
_RECORD_FIELDS = tuple(f.name for f in fields(PaperRecord))
assert _RECORD_FIELDS == (
    "title",
    "abstract",
    "authors",
    "year",
    "date",
    "arxiv_id",
    "doi",
    "venue",
    "links",
    "suggested_tags",
    "line",
), "update _with_links"


def _with_links(r: PaperRecord, links: Links) -> PaperRecord:
    """replace(r, links=links) without its per-call field introspection (it runs for every
    arXiv record of an import: dataclasses.replace was a fifth of the commit's Python time)."""
    return PaperRecord(
        r.title,
        r.abstract,
        r.authors,
        r.year,
        r.date,
        r.arxiv_id,
        r.doi,
        r.venue,
        links,
        r.suggested_tags,
        r.line,
    )


class PaperState(Protocol):
    """The columns of a library paper that merging reads: a PaperRow, or a plain namespace
    made from a Core row (the import path loads rows without the ORM)."""

    user_edited: str
    suggested_tags: str


def fill_updates(row: PaperState, record: PaperRecord, identity: IdentityMap) -> dict[str, object]:
    """Column values an incoming record adds to a library paper: only empty, unedited ones.

    An arXiv id or DOI that another paper already holds is not copied (the columns are unique).
    """
    edited = set(filter(None, row.user_edited.split(",")))
    updates: dict[str, object] = {}
    for field, column in FILLABLE.items():
        value = getattr(record, field)
        if _empty(value) or column in edited or not _empty(getattr(row, column)):
            continue
        if field == "arxiv_id" and value in identity.by_arxiv:
            continue
        if field == "doi" and value in identity.by_doi:
            continue
        updates[column] = value
    links: Links = record.links
    for kind, column in LINK_COLUMNS.items():
        url = getattr(links, kind)
        if url and not getattr(row, column) and column not in edited:
            updates[column] = url
    known = [t for t in row.suggested_tags.split("\n") if t]
    extra = [t for t in record.suggested_tags if t not in known]
    if extra:
        updates["suggested_tags"] = "\n".join(known + extra)
    return updates
