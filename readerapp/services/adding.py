"""Adding papers from the network: by identifier (arXiv ids, DOIs) and Hugging Face's Daily
Papers of a date. Both go through the normal import path: merge, batch, undo, index."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from readerapp.core.errors import UserError
from readerapp.core.identifiers import Identifier
from readerapp.core.progress import CancelToken, ProgressSink, no_progress
from readerapp.core.records import PaperRecord
from readerapp.formats.base import ParseResult
from readerapp.services import online
from readerapp.services.changes import Applied, Changes, Step
from readerapp.services.importing import FileReport, import_records
from readerapp.services.library import Library
from readerapp.services.online import connection_for
from readerapp.sources.registry import Sources, open_sources


@dataclass(slots=True)
class AddReport:
    """What `add` did: the import batch, and the identifiers no source knew."""

    batch: FileReport | None
    not_found: list[Identifier] = field(default_factory=list)
    found: list[Identifier] = field(default_factory=list)

    @property
    def changes(self) -> Changes:
        return self.batch.changes if self.batch else Changes()

    def undo_step(self) -> Step | None:
        b = self.batch
        if b is None or b.batch_id is None or not (b.added or b.merged):
            return None
        return Step("undo_import", {"batch_ids": [b.batch_id]})

    def applied(self) -> Applied:
        added = self.batch.added if self.batch else 0
        return Applied(f"Add {added:,} papers", self.changes, self.undo_step(), self)

    def to_json(self) -> dict[str, object]:
        return {
            "found": [str(i) for i in self.found],
            "not_found": [str(i) for i in self.not_found],
            "import": self.batch.to_json() if self.batch else None,
        }


def fetch_identifiers(
    idents: Sequence[Identifier], sources: Sources, progress: ProgressSink = no_progress
) -> tuple[list[PaperRecord], list[Identifier]]:
    """Records for identifiers, in their order, and those no source knows. arXiv ids go to
    arXiv (batched); DOIs to Crossref, then Semantic Scholar for those Crossref lacks."""
    records: dict[Identifier, PaperRecord] = {}
    arxiv = [i for i in idents if i.kind == "arxiv"]
    dois = [i for i in idents if i.kind == "doi"]
    if arxiv:
        progress(0, len(idents), f"Asking arXiv about {len(arxiv):,} ids")
        records.update(sources.arxiv.by_ids(arxiv))
    if dois:
        progress(len(arxiv), len(idents), f"Asking Crossref about {len(dois):,} DOIs")
        records.update(sources.crossref.by_ids(dois))
        left = [i for i in dois if i not in records]
        if left:
            records.update(sources.semantic_scholar.by_ids(left))
    found = [records[i] for i in idents if i in records]
    return found, [i for i in idents if i not in records]


def add_identifiers(
    library: Library,
    idents: Sequence[Identifier],
    *,
    dry_run: bool = False,
    progress: ProgressSink = no_progress,
    cancel: CancelToken | None = None,
) -> AddReport:
    """Fetches each identifier and imports what was found as one batch."""
    if not idents:
        raise UserError("no arXiv id or DOI to add")
    with open_sources(connection_for(library, cancel)) as sources:
        records, missing = fetch_identifiers(idents, sources, progress)
    found = [i for i in idents if i not in missing]
    if not records:
        return AddReport(None, missing, found)
    label = ", ".join(str(i) for i in found[:3]) + (" …" if len(found) > 3 else "")
    batch = import_records(
        library,
        ParseResult(records=records),
        f"Added by identifier: {label}",
        "lookup",
        dry_run=dry_run,
        progress=progress,
        cancel=cancel,
    )
    return AddReport(batch, missing, found)


def parse_day(text: str | None) -> dt.date:
    """A date as `fetch daily --date` takes it (YYYY-MM-DD); today (UTC) when None."""
    if text is None:
        return online.CLOCK.now().date()
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(f"{text!r} is not a date; write it as YYYY-MM-DD") from None


def fetch_daily(
    library: Library,
    day: dt.date,
    *,
    dry_run: bool = False,
    progress: ProgressSink = no_progress,
    cancel: CancelToken | None = None,
) -> FileReport:
    """Imports Hugging Face's Daily Papers of a day as one batch."""
    today = online.CLOCK.now().date()
    if day > today:
        raise UserError(f"{day.isoformat()} is in the future; Daily Papers has no list for it")
    progress(0, None, f"Fetching Daily Papers of {day.isoformat()}")
    with open_sources(connection_for(library, cancel)) as sources:
        records = sources.huggingface.daily(day, today=today)
    if not records:
        raise UserError(f"Hugging Face has no Daily Papers for {day.isoformat()} (yet)")
    parsed = ParseResult(records=records, listing_date=day.isoformat())
    return import_records(
        library,
        parsed,
        f"Hugging Face Daily Papers, {day.isoformat()}",
        "hf-daily-api",
        dry_run=dry_run,
        progress=progress,
        cancel=cancel,
    )
