"""Import: parse > identify > merge in one transaction > index > report."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import insert, update
from sqlalchemy.orm import Session

from readerapp.core.errors import InputError
from readerapp.core.gc_pause import gc_paused
from readerapp.core.identity import title_key
from readerapp.core.progress import CancelToken, ProgressSink, no_progress
from readerapp.core.records import PaperRecord
from readerapp.core.testhooks import pause_point
from readerapp.db import journal
from readerapp.db.models import ImportBatchRow
from readerapp.db.upsert import insert_many
from readerapp.formats.base import ImportFormat, ParseResult, SkippedEntry
from readerapp.formats.record_fields import clean_text, clean_title, has_unsafe, scrub_unsafe
from readerapp.formats.registry import detect_format, import_format
from readerapp.formats.text_input import read_path
from readerapp.services.changes import Changes
from readerapp.services.days import now_utc
from readerapp.services.import_store import (
    insert_new_papers,
    merge_existing,
    roomy_page_cache,
)
from readerapp.services.library import Library
from readerapp.services.merge import (
    Existing,
    IdentityMap,
    combine,
    complete_links,
    record_identity,
)

PROGRESS_EVERY = 1000
# Longer than any real title (the longest in the corpus is under 400): a parse gone wrong or
# a hostile file. Such an entry is skipped and reported rather than put in every table row.
MAX_TITLE_CHARS = 2000


@dataclass(frozen=True, slots=True)
class PlannedPaper:
    """A paper of a dry run: the record as the import would use it, and the identity keys
    (merge.record_identity) of the file's entries that make it. Leaving all of its keys out
    of the import (import_records' `exclude`) leaves the paper out."""

    record: PaperRecord
    keys: tuple[str, ...]


@dataclass(slots=True)
class FileReport:
    source: str
    format: str
    added: int = 0
    merged: int = 0
    unchanged: int = 0
    skipped: list[SkippedEntry] = field(default_factory=list)
    paper_ids: list[int] = field(default_factory=list)
    # Merged papers: id -> the columns this import filled ("authors" for the author list).
    filled: dict[int, list[str]] = field(default_factory=dict)
    batch_id: int | None = None
    listing_date: str | None = None
    dry_run: bool = False
    excluded: int = 0  # the file's papers left out on request (`exclude`)
    # A dry run only (a real import would keep every record alive as long as its report):
    # the papers it would add, in file order, and the library papers it matches, each with
    # the first of its entries in the file.
    new_papers: list[PlannedPaper] = field(default_factory=list)
    matched_papers: dict[int, PlannedPaper] = field(default_factory=dict)

    @property
    def changes(self) -> Changes:
        """An import may touch any paper and every list; a dry run or a file with nothing
        new changes nothing."""
        return (
            Changes.everything() if (self.added or self.merged) and not self.dry_run else Changes()
        )

    def to_json(self) -> dict[str, object]:
        return {
            "source": self.source,
            "format": self.format,
            "added": self.added,
            "merged": self.merged,
            "unchanged": self.unchanged,
            "skipped": [{"line": s.line, "reason": s.reason} for s in self.skipped],
            "filled": {str(pid): names for pid, names in self.filled.items()},
            "batch_id": self.batch_id,
            "listing_date": self.listing_date,
            "dry_run": self.dry_run,
        }


class _DryRun(Exception):
    """Raised inside the transaction to roll a dry run back after counting."""


def _dedupe(records: list[PaperRecord]) -> tuple[list[PaperRecord], list[str], list[str]]:
    """One record per paper within a file, in first-seen order, with their title keys and
    identity keys.

    Each title is folded once here and the key travels with its record from then on.
    """
    seen: dict[str, int] = {}
    out: list[PaperRecord] = []
    keys: list[str] = []
    for record in records:
        key = title_key(record.title)
        identity = record_identity(record, key)
        if identity in seen:
            out[seen[identity]] = combine(out[seen[identity]], record)
        else:
            seen[identity] = len(out)
            out.append(record)
            keys.append(key)
    return out, keys, list(seen)


def _leave_out(
    records: list[PaperRecord],
    keys: list[str],
    identities: list[str],
    exclude: Collection[str],
) -> tuple[list[PaperRecord], list[str], list[str]]:
    """The records whose identity is not in `exclude`, before any matching: a paper left
    out is neither added nor merged into, and its entries count for nothing."""
    left_out = frozenset(exclude)
    kept = [n for n, identity in enumerate(identities) if identity not in left_out]
    return [records[n] for n in kept], [keys[n] for n in kept], [identities[n] for n in kept]


def _screen(records: list[PaperRecord], skipped: list[SkippedEntry]) -> list[PaperRecord]:
    """Drops entries whose title is absurdly long (into `skipped`) and cleans any control or
    bidirectional-override character an importer let through: they must never reach the
    table, the index or an export ("txt.exe" shown as "exe.txt"). Importers clean them; this
    is the backstop."""
    kept: list[PaperRecord] = []
    for record in records:
        if len(record.title) > MAX_TITLE_CHARS:
            skipped.append(
                SkippedEntry(
                    record.line,
                    f"a title of {len(record.title):,} "
                    f"characters (readerapp keeps at most "
                    f"{MAX_TITLE_CHARS:,}); not imported",
                )
            )
            continue
        if has_unsafe(
            "".join((record.title, record.abstract, record.venue or "", *record.authors))
        ):
            record = dataclasses.replace(
                record,
                title=clean_title(record.title),
                authors=tuple(a for a in map(clean_text, record.authors) if a),
                abstract=scrub_unsafe(record.abstract),
                venue=clean_text(record.venue or "") or None,
            )
        kept.append(record)
    return kept


def _merge_batch(
    session: Session,
    records: list[PaperRecord],
    keys: list[str],
    identities: list[str],
    report: FileReport,
    progress: ProgressSink,
    cancel: CancelToken | None,
    now: dt.datetime,
) -> None:
    batch_id = _new_batch(session, report)
    identity = IdentityMap(session, records, keys)
    new: list[PaperRecord] = []  # papers to insert; identity holds them with ids -1, -2, ...
    new_keys: list[str] = []
    # The identity keys of the entries behind each new paper and each matched one.
    new_sources: list[list[str]] = []
    matched_sources: dict[int, list[str]] = {}
    matched: dict[int, list[PaperRecord]] = {}
    total = len(records)
    for done, (record, key, own) in enumerate(zip(records, keys, identities, strict=True), 1):
        if cancel is not None and done % 1000 == 0:
            cancel.check()
        hit = identity.find(record, key)
        if hit is None:
            new.append(record)
            new_keys.append(key)
            new_sources.append([own])
            identity.add(Existing(-len(new), record.arxiv_id, record.doi, key, record.year))
        elif hit.id < 0:
            new[-hit.id - 1] = combine(new[-hit.id - 1], record)
            new_sources[-hit.id - 1].append(own)
        else:
            matched.setdefault(hit.id, []).append(record)
            matched_sources.setdefault(hit.id, []).append(own)
        if done % PROGRESS_EVERY == 0:
            progress(done, total, f"Matching {done:,} / {total:,}")

    if report.dry_run:
        report.new_papers = [
            PlannedPaper(record, tuple(own)) for record, own in zip(new, new_sources, strict=True)
        ]
        report.matched_papers = {
            pid: PlannedPaper(incoming[0], tuple(matched_sources[pid]))
            for pid, incoming in matched.items()
        }
    _write_batch(session, batch_id, report, matched, new, new_keys, identity, progress, cancel, now)


def _new_batch(session: Session, report: FileReport) -> int:
    batch_id = session.execute(
        insert(ImportBatchRow)
        .values(
            source=report.source,
            format=report.format,
            listing_date=report.listing_date,
            member=journal.member_of(session),  # the history's "added by" (schema 8)
        )
        .returning(ImportBatchRow.id)
    ).scalar_one()
    report.batch_id = batch_id
    return batch_id


def _write_batch(
    session: Session,
    batch_id: int,
    report: FileReport,
    matched: dict[int, list[PaperRecord]],
    new: list[PaperRecord],
    new_keys: list[str],
    identity: IdentityMap,
    progress: ProgressSink,
    cancel: CancelToken | None,
    now: dt.datetime,
) -> None:
    """Fills the matched papers, inserts the new ones, and records both for undo. `now` is
    the library clock's (naive UTC): the papers' date added."""
    total = len(matched) + len(new)
    changed, fills = merge_existing(session, matched, identity, now)
    report.filled = changed
    report.merged = len(changed)
    report.unchanged = len(matched) - len(changed)
    report.paper_ids.extend(matched)
    # (paper id, line, created): undo removes only the papers the batch created.
    sources = [(pid, incoming[0].line, False) for pid, incoming in matched.items()]
    pending = list(changed)
    if cancel is not None:
        cancel.check()
    if new:
        progress(total, total, f"Saving {len(new):,} new papers")
        new_ids = insert_new_papers(session, new, new_keys, now, cancel)
        sources.extend((pid, record.line, True) for pid, record in zip(new_ids, new, strict=True))
        report.added = len(new_ids)
        report.paper_ids.extend(new_ids)
        pending.extend(new_ids)
    if sources:
        # One statement's worth of work (the ORM's bulk insert costs seconds at 100k rows):
        # COPY on a server. The batch is new and each paper is in `sources` once (matched
        # ids are keys, new ids fresh from the sequence), so no row can be there already.
        insert_many(
            session.connection(),
            "paper_sources",
            (
                ("paper_id", "integer"),
                ("batch_id", "integer"),
                ("line", "integer"),
                ("created", "boolean"),
            ),
            [(pid, batch_id, line, created) for pid, line, created in sources],
        )
    if fills:
        insert_many(
            session.connection(),
            "batch_fills",
            (
                ("batch_id", "integer"),
                ("paper_id", "integer"),
                ("field", "text"),
                ("value", "text"),
                ("previous", "text"),
            ),
            [(batch_id, *fill) for fill in fills],
        )
    if pending:
        journal.touch(session, pending, indexed=True)
    if pending and not journal.on_server(session):
        # Marks for the indexer, in this transaction: the index may lag SQLite, never miss it.
        insert_many(
            session.connection(),
            "index_pending",
            (("paper_id", "integer"),),
            [(pid,) for pid in pending],
            skip_existing=True,
        )
    session.execute(
        update(ImportBatchRow)
        .where(ImportBatchRow.id == batch_id)
        .values(
            added=report.added,
            merged=report.merged,
            unchanged=report.unchanged,
            skipped=len(report.skipped),
        )
    )
    progress(total, total, f"Saved {report.added:,} new, {report.merged:,} merged")


def import_text(
    library: Library,
    text: str,
    source: str,
    *,
    format_name: str | None = None,
    dry_run: bool = False,
    index: bool = True,
    exclude: Collection[str] = (),
    progress: ProgressSink = no_progress,
    cancel: CancelToken | None = None,
) -> FileReport:
    """Import one text (a file's content, a pipe, the clipboard) as one transaction.

    `exclude` names papers to leave out by the identity keys a dry run reports
    (FileReport.new_papers and matched_papers).

    With index=False the papers are committed (visible and filterable at once) and left
    marked for indexing: the caller runs Library.sync_index(cancel, progress) later, e.g.
    the GUI in the background. The CLI indexes before it exits (the default).
    """
    fmt: ImportFormat = import_format(format_name) if format_name else detect_format(text, source)
    progress(0, None, f"Reading {source} as {fmt.label}")
    # Parsing builds the whole decoded file and its records, no cycles among them: the
    # collector would only rescan them again and again (a sixth of the parse of a JSON dump).
    with gc_paused():
        parsed = fmt.parse(text, source)
    pause_point("import-parsed")
    if not parsed.records and not parsed.skipped:
        raise InputError(f"{source}: no papers found in it as {fmt.label}")
    return import_records(
        library,
        parsed,
        source,
        fmt.name,
        dry_run=dry_run,
        index=index,
        exclude=exclude,
        progress=progress,
        cancel=cancel,
    )


def import_records(
    library: Library,
    parsed: ParseResult,
    source: str,
    format_name: str,
    *,
    dry_run: bool = False,
    index: bool = True,
    exclude: Collection[str] = (),
    progress: ProgressSink = no_progress,
    cancel: CancelToken | None = None,
) -> FileReport:
    """Import records that are already parsed (a file's, or an online source's) as one
    batch in one transaction: identify, merge, record for undo, index. Papers whose
    identity keys are in `exclude` are left out before matching: not added, not merged."""
    report = FileReport(
        source=source,
        format=format_name,
        skipped=list(parsed.skipped),
        listing_date=parsed.listing_date,
        dry_run=dry_run,
    )
    screened = _screen(parsed.records, report.skipped)
    with gc_paused():
        records, keys, identities = _dedupe([complete_links(r) for r in screened])
        if exclude:
            before = len(records)
            records, keys, identities = _leave_out(records, keys, identities, exclude)
            report.excluded = before - len(records)
        if cancel is not None:
            cancel.check()
        try:
            with library.write() as session, roomy_page_cache(session):
                _merge_batch(
                    session, records, keys, identities, report, progress, cancel, now_utc(library)
                )
                if report.added or report.merged:
                    library.papers_changed(session)
                pause_point("import-written")  # every row written, not yet committed
                if dry_run:
                    raise _DryRun
        except _DryRun:
            report.batch_id = None
            return report
    # The papers are saved; indexing follows. If it is interrupted, the pending marks
    # written with the papers let the next start finish it.
    if index:
        library.sync_index(cancel, progress)
    return report


def fill_papers(
    library: Library,
    matched: dict[int, list[PaperRecord]],
    source: str,
    format_name: str,
    *,
    index: bool = True,
    dry_run: bool = False,
) -> FileReport:
    """Fill library papers from records already known to be theirs (a completion's certain
    matches), as one batch: empty, unedited fields only, recorded so that undo clears them.
    Papers that gained nothing are counted as unchanged; nothing is inserted. A dry run
    writes the same batch and rolls it back, so it reports exactly what would be filled."""
    report = FileReport(source=source, format=format_name, dry_run=dry_run)
    records = [complete_links(r) for incoming in matched.values() for r in incoming]
    try:
        with library.write() as session:
            batch_id = _new_batch(session, report)
            identity = IdentityMap(session, records)
            full = {pid: [complete_links(r) for r in incoming] for pid, incoming in matched.items()}
            _write_batch(
                session,
                batch_id,
                report,
                full,
                [],
                [],
                identity,
                no_progress,
                None,
                now_utc(library),
            )
            if dry_run:
                raise _DryRun
            if report.merged:
                library.papers_changed(session)
    except _DryRun:
        report.batch_id = None
        return report
    if index and report.merged:
        library.sync_index()
    return report


def import_path(library: Library, path: Path, **options: object) -> FileReport:
    text = read_path(path)
    return import_text(library, text, str(path), **options)  # type: ignore[arg-type]
