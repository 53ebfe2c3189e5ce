"""The record types that cross layers: importers produce PaperRecord, services return Paper."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields

STATUSES: tuple[str, ...] = ("unread", "reading", "read", "skimmed", "dropped")

LINK_KINDS: tuple[str, ...] = ("abs", "pdf", "code", "project", "hf")


@dataclass(frozen=True, slots=True)
class Links:
    """Where a paper can be read: abstract page, PDF, code, project page, Hugging Face page."""

    abs: str | None = None
    pdf: str | None = None
    code: str | None = None
    project: str | None = None
    hf: str | None = None

    def as_dict(self) -> dict[str, str]:
        return {f.name: v for f in fields(self) if (v := getattr(self, f.name))}


@dataclass(frozen=True, slots=True)
class PaperRecord:
    """Bibliographic data for one paper as an importer read it. No user state."""

    title: str
    abstract: str = ""
    authors: tuple[str, ...] = ()
    year: int | None = None
    date: str | None = None  # ISO 8601, as precise as the source: "2023", "2023-08", "2023-08-07"
    arxiv_id: str | None = None  # normalised, without version
    doi: str | None = None  # normalised, lower case, no resolver prefix
    venue: str | None = None
    links: Links = field(default_factory=Links)
    suggested_tags: tuple[str, ...] = ()  # keywords a source proposes; never applied as tags
    line: int | None = None  # where the entry starts in its source, for reports


@dataclass(frozen=True, slots=True)
class Note:
    id: int
    body: str
    created_at: dt.datetime
    updated_at: dt.datetime


@dataclass(frozen=True, slots=True)
class PaperSummary:
    """What one row of the paper table shows; cheap to load for a screenful at a time."""

    id: int
    title: str
    authors: tuple[str, ...]
    year: int | None
    starred: bool
    status: str
    tags: tuple[str, ...]
    queues: tuple[str, ...]
    added_at: dt.datetime
    has_pdf: bool = False  # a file of the paper is kept in the library


@dataclass(frozen=True, slots=True)
class Paper:
    """A paper in the library: its data plus what the user did with it."""

    id: int
    title: str
    abstract: str
    authors: tuple[str, ...]
    year: int | None
    date: str | None
    arxiv_id: str | None
    doi: str | None
    venue: str | None
    links: Links
    starred: bool
    status: str
    tags: tuple[str, ...]
    queues: tuple[str, ...]
    notes: tuple[Note, ...]
    added_at: dt.datetime
    suggested_tags: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    # The fields the user set by hand (services.editing.EDITABLE names), which imports and
    # look-ups never fill again; the window says so. Filled by services.triage.get_papers;
    # not in to_json, which is a contract.
    edited: tuple[str, ...] = ()

    def to_json(self) -> dict[str, object]:
        """The CLI's --json object (a contract) plus a few extra fields."""
        return {
            "id": self.id,
            "title": self.title,
            "authors": list(self.authors),
            "year": self.year,
            "date": self.date,
            "arxiv_id": self.arxiv_id,
            "doi": self.doi,
            "venue": self.venue,
            "starred": self.starred,
            "status": self.status,
            "tags": list(self.tags),
            "queues": list(self.queues),
            "links": self.links.as_dict(),
            "abstract": self.abstract,
            "notes": [
                {
                    "id": n.id,
                    "body": n.body,
                    "created_at": n.created_at.isoformat(),
                    "updated_at": n.updated_at.isoformat(),
                }
                for n in self.notes
            ],
            "added_at": self.added_at.isoformat(),
            "sources": list(self.sources),
        }


@dataclass(frozen=True, slots=True)
class IndexDoc:
    """What the index knows of a paper: its text, keyed by the paper's database id."""

    id: int
    title: str
    authors: str
    abstract: str
    tags: str
    notes: str
    # The text of the paper's files (PDFs), searched by plain words below title and abstract.
    fulltext: str = ""
