"""Import: parse > identify > merge in one transaction > index > report."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import exists, insert, select
from sqlalchemy.orm import Session

from readerapp.core.errors import InputError
from readerapp.core.identity import title_key
from readerapp.core.progress import CancelToken, ProgressSink, no_progress
from readerapp.core.records import PaperRecord
from readerapp.db.models import (
    AuthorRow,
    ImportBatchRow,
    IndexPendingRow,
    PaperRow,
    PaperSourceRow,
    utcnow,
)
from readerapp.formats.base import ImportFormat, SkippedEntry
from readerapp.formats.registry import detect_format, import_format
from readerapp.formats.text_input import read_path
from readerapp.services.library import Library
from readerapp.services.merge import (
    Existing,
    IdentityMap,
    combine,
    complete_links,
    fill_updates,
    record_identity,
)

PROGRESS_EVERY = 1000


@dataclass(slots=True)
class FileReport:
    source: str
    format: str
    added: int = 0
    merged: int = 0
    unchanged: int = 0
    skipped: list[SkippedEntry] = field(default_factory=list)
    paper_ids: list[int] = field(default_factory=list)
    batch_id: int | None = None
    listing_date: str | None = None
    dry_run: bool = False

    def to_json(self) -> dict[str, object]:
        return {
            "source": self.source,
            "format": self.format,
            "added": self.added,
            "merged": self.merged,
            "unchanged": self.unchanged,
            "skipped": [{"line": s.line, "reason": s.reason} for s in self.skipped],
            "batch_id": self.batch_id,
            "listing_date": self.listing_date,
            "dry_run": self.dry_run,
        }


class _DryRun(Exception):
    """Raised inside the transaction to roll a dry run back after counting."""


def _dedupe(records: list[PaperRecord]) -> list[PaperRecord]:
    """One record per paper within a file, in first-seen order."""
    seen: dict[str, int] = {}
    out: list[PaperRecord] = []
    for record in records:
        key = record_identity(record)
        if key in seen:
            out[seen[key]] = combine(out[seen[key]], record)
        else:
            seen[key] = len(out)
            out.append(record)
    return out


def _paper_values(record: PaperRecord, now: object) -> dict[str, object]:
    links = record.links
    return {
        "title": record.title,
        "title_key": title_key(record.title),
        "abstract": record.abstract,
        "year": record.year,
        "date": record.date,
        "arxiv_id": record.arxiv_id,
        "doi": record.doi,
        "venue": record.venue,
        "abs_url": links.abs,
        "pdf_url": links.pdf,
        "code_url": links.code,
        "project_url": links.project,
        "hf_url": links.hf,
        "suggested_tags": "\n".join(record.suggested_tags),
        "starred": False,
        "status": "unread",
        "user_edited": "",
        "added_at": now,
        "updated_at": now,
    }


def _merge_batch(
    session: Session,
    records: list[PaperRecord],
    report: FileReport,
    progress: ProgressSink,
    cancel: CancelToken | None,
) -> None:
    batch = ImportBatchRow(source=report.source, format=report.format,
                           listing_date=report.listing_date)
    session.add(batch)
    session.flush()
    report.batch_id = batch.id
    identity = IdentityMap(session, records)
    new: list[PaperRecord] = []  # papers to insert; identity holds them with ids -1, -2, ...
    matched: dict[int, list[PaperRecord]] = {}
    total = len(records)
    for done, record in enumerate(records, start=1):
        if cancel is not None and done % 100 == 0:
            cancel.check()
        hit = identity.find(record)
        if hit is None:
            new.append(record)
            identity.add(Existing(-len(new), record.arxiv_id, record.doi,
                                  title_key(record.title), record.year))
        elif hit.id < 0:
            new[-hit.id - 1] = combine(new[-hit.id - 1], record)
        else:
            matched.setdefault(hit.id, []).append(record)
        if done % PROGRESS_EVERY == 0:
            progress(done, total, f"Matching {done:,} / {total:,}")

    pending: list[int] = []
    sources: list[dict[str, object]] = []
    for paper_id, incoming in matched.items():
        row = session.get(PaperRow, paper_id)
        assert row is not None
        changed = False
        # Authors are filled only when the paper has none and the user did not edit them.
        has_authors = "authors" in row.user_edited.split(",") or bool(session.scalar(
            select(exists().where(AuthorRow.paper_id == paper_id))))
        for record in incoming:
            updates = fill_updates(row, record, identity)
            for column, value in updates.items():
                setattr(row, column, value)
            if record.authors and not has_authors:
                session.execute(insert(AuthorRow), [
                    {"paper_id": paper_id, "position": i, "name": name}
                    for i, name in enumerate(record.authors)
                ])
                has_authors = True
                updates["authors"] = record.authors
            changed = changed or bool(updates)
        if changed:
            row.updated_at = utcnow()
            report.merged += 1
            pending.append(paper_id)
        else:
            report.unchanged += 1
        report.paper_ids.append(paper_id)
        sources.append({"paper_id": paper_id, "batch_id": batch.id, "line": incoming[0].line})

    if cancel is not None:
        cancel.check()
    now = utcnow()
    if new:
        new_ids = list(session.scalars(
            insert(PaperRow).returning(PaperRow.id, sort_by_parameter_order=True),
            [_paper_values(r, now) for r in new],
        ))
        authors = [
            {"paper_id": pid, "position": i, "name": name}
            for pid, record in zip(new_ids, new, strict=True)
            for i, name in enumerate(record.authors)
        ]
        if authors:
            session.execute(insert(AuthorRow), authors)
        for pid, record in zip(new_ids, new, strict=True):
            sources.append({"paper_id": pid, "batch_id": batch.id, "line": record.line})
        report.added = len(new_ids)
        report.paper_ids.extend(new_ids)
        pending.extend(new_ids)
    if sources:
        session.execute(insert(PaperSourceRow).prefix_with("OR IGNORE"), sources)
    if pending:
        session.execute(insert(IndexPendingRow).prefix_with("OR IGNORE"),
                        [{"paper_id": pid} for pid in pending])
    batch.added, batch.merged = report.added, report.merged
    batch.unchanged, batch.skipped = report.unchanged, len(report.skipped)
    progress(total, total, f"Saved {report.added:,} new, {report.merged:,} merged")


def import_text(
    library: Library,
    text: str,
    source: str,
    *,
    format_name: str | None = None,
    dry_run: bool = False,
    progress: ProgressSink = no_progress,
    cancel: CancelToken | None = None,
) -> FileReport:
    """Import one text (a file's content, a pipe, the clipboard) as one transaction."""
    fmt: ImportFormat = import_format(format_name) if format_name else detect_format(text, source)
    progress(0, None, f"Reading {source} as {fmt.label}")
    parsed = fmt.parse(text, source)
    if not parsed.records and not parsed.skipped:
        raise InputError(f"{source}: no papers found in it as {fmt.label}")
    report = FileReport(source=source, format=fmt.name, skipped=list(parsed.skipped),
                        listing_date=parsed.listing_date, dry_run=dry_run)
    records = _dedupe([complete_links(r) for r in parsed.records])
    if cancel is not None:
        cancel.check()
    try:
        with library.write() as session:
            _merge_batch(session, records, report, progress, cancel)
            if dry_run:
                raise _DryRun
    except _DryRun:
        report.batch_id = None
        return report
    # The papers are saved; indexing follows. If it is interrupted, the pending marks
    # written with the papers let the next start finish it.
    library.sync_index()
    return report


def import_path(library: Library, path: Path, **options: object) -> FileReport:
    text = read_path(path)
    return import_text(library, text, str(path), **options)  # type: ignore[arg-type]
