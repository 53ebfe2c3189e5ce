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
from readerapp.services.batches import ADDED_BY_IDENTIFIER, DAILY_PAPERS
from readerapp.services.changes import Applied, Changes, Step
from readerapp.services.importing import FileReport, import_records
from readerapp.services.library import Library
from readerapp.services.merge import complete_links, record_identity
from readerapp.services.online import connection_for
from readerapp.sources.registry import Connection, Sources, open_sources


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


@dataclass(frozen=True, slots=True)
class Fetched:
    """What a look-up of identifiers brought back, before anything is written: the window
    previews it and then imports these same records, so nothing is fetched twice."""

    idents: tuple[Identifier, ...]
    records: tuple[PaperRecord, ...]
    not_found: tuple[Identifier, ...]

    @property
    def found(self) -> list[Identifier]:
        return [i for i in self.idents if i not in self.not_found]


def fetch(
    idents: Sequence[Identifier], connection: Connection, progress: ProgressSink = no_progress
) -> Fetched:
    """Asks the sources about the identifiers (network only: no library access, so it may
    run on any thread)."""
    if not idents:
        raise UserError("no arXiv id or DOI to add")
    with open_sources(connection) as sources:
        records, missing = fetch_identifiers(idents, sources, progress)
    return Fetched(tuple(idents), tuple(records), tuple(missing))


def import_fetched(
    library: Library,
    fetched: Fetched,
    *,
    dry_run: bool = False,
    index: bool = True,
    progress: ProgressSink = no_progress,
    cancel: CancelToken | None = None,
) -> AddReport:
    """Imports what a look-up found as one batch (a dry run only counts)."""
    found = fetched.found
    if not fetched.records:
        return AddReport(None, list(fetched.not_found), found)
    label = ", ".join(str(i) for i in found[:3]) + (" …" if len(found) > 3 else "")
    batch = import_records(
        library,
        ParseResult(records=list(fetched.records)),
        f"{ADDED_BY_IDENTIFIER}: {label}",
        "lookup",
        dry_run=dry_run,
        index=index,
        progress=progress,
        cancel=cancel,
    )
    return AddReport(batch, list(fetched.not_found), found)


@dataclass(frozen=True, slots=True)
class PreviewRow:
    """One fetched paper as an import would take it: new, or the library paper it matches
    and the fields it would fill there."""

    record: PaperRecord
    paper_id: int | None  # None: a new paper
    fills: tuple[str, ...] = ()

    @property
    def is_new(self) -> bool:
        return self.paper_id is None


@dataclass(frozen=True, slots=True)
class AddPreview:
    fetched: Fetched
    rows: tuple[PreviewRow, ...]

    @property
    def new(self) -> int:
        return sum(1 for r in self.rows if r.is_new)

    @property
    def changes_library(self) -> bool:
        return any(r.is_new or r.fills for r in self.rows)


def preview_fetched(library: Library, fetched: Fetched) -> AddPreview:
    """What importing the fetched records would do, paper by paper (a dry run: nothing is
    written), in the order of the identifiers."""
    batch = import_fetched(library, fetched, dry_run=True, index=False).batch
    if batch is None:
        return AddPreview(fetched, ())
    where: dict[str, int | None] = {}
    for planned in batch.new_papers:
        where.update(dict.fromkeys(planned.keys, None))
    for matched_id, planned in batch.matched_papers.items():
        where.update(dict.fromkeys(planned.keys, matched_id))
    rows = []
    for record in fetched.records:
        paper_id = where.get(record_identity(complete_links(record)))
        fills = tuple(batch.filled.get(paper_id, ())) if paper_id is not None else ()
        rows.append(PreviewRow(record, paper_id, fills))
    return AddPreview(fetched, tuple(rows))


def add_identifiers(
    library: Library,
    idents: Sequence[Identifier],
    *,
    dry_run: bool = False,
    progress: ProgressSink = no_progress,
    cancel: CancelToken | None = None,
) -> AddReport:
    """Fetches each identifier and imports what was found as one batch."""
    fetched = fetch(idents, connection_for(library, cancel), progress)
    return import_fetched(library, fetched, dry_run=dry_run, progress=progress, cancel=cancel)


def parse_day(text: str | None) -> dt.date:
    """A date as `fetch daily --date` takes it (YYYY-MM-DD); today (UTC) when None."""
    if text is None:
        return online.CLOCK.now().date()
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(f"{text!r} is not a date; write it as YYYY-MM-DD") from None


def daily_list(
    connection: Connection, day: dt.date, progress: ProgressSink = no_progress
) -> ParseResult:
    """Hugging Face's Daily Papers of a day, fetched (network only: no library access)."""
    today = online.CLOCK.now().date()
    if day > today:
        raise UserError(f"{day.isoformat()} is in the future; Daily Papers has no list for it")
    progress(0, None, f"Fetching Daily Papers of {day.isoformat()}")
    with open_sources(connection) as sources:
        records = sources.huggingface.daily(day, today=today)
    if not records:
        raise UserError(f"Hugging Face has no Daily Papers for {day.isoformat()} (yet)")
    return ParseResult(records=records, listing_date=day.isoformat())


def import_daily(
    library: Library,
    day: dt.date,
    parsed: ParseResult,
    *,
    dry_run: bool = False,
    index: bool = True,
    progress: ProgressSink = no_progress,
    cancel: CancelToken | None = None,
) -> FileReport:
    """Imports a fetched Daily Papers list as one batch."""
    return import_records(
        library,
        parsed,
        f"{DAILY_PAPERS}, {day.isoformat()}",
        "hf-daily-api",
        dry_run=dry_run,
        index=index,
        progress=progress,
        cancel=cancel,
    )


def fetch_daily(
    library: Library,
    day: dt.date,
    *,
    dry_run: bool = False,
    progress: ProgressSink = no_progress,
    cancel: CancelToken | None = None,
) -> FileReport:
    """Imports Hugging Face's Daily Papers of a day as one batch."""
    parsed = daily_list(connection_for(library, cancel), day, progress)
    return import_daily(library, day, parsed, dry_run=dry_run, progress=progress, cancel=cancel)
