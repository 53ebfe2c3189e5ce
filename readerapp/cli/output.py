"""How the command line shows papers and reports to people (and to scripts with --json)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # types only: the import service needs the ORM, which a search does not
    from readerapp.core.records import Paper, PaperSummary
    from readerapp.formats.base import SkippedEntry
    from readerapp.services.importing import FileReport
    from readerapp.services.overview import BatchInfo


def print_json(value: object) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def paper_line(paper: Paper | PaperSummary) -> str:
    star = "★" if paper.starred else " "
    year = str(paper.year) if paper.year else "    "
    return f"{paper.id:>6} {star} {paper.status:<8} {year}  {paper.title}"


def print_papers(papers: Sequence[Paper | PaperSummary]) -> None:
    for paper in papers:
        print(paper_line(paper))


def print_paper(paper: Paper) -> None:
    print(paper.title)
    print("=" * min(len(paper.title), 100))
    rows = [
        ("id", str(paper.id)),
        ("authors", ", ".join(paper.authors)),
        ("date", paper.date or (str(paper.year) if paper.year else "")),
        ("venue", paper.venue or ""),
        ("arXiv", paper.arxiv_id or ""),
        ("DOI", paper.doi or ""),
        ("starred", "yes" if paper.starred else "no"),
        ("status", paper.status),
        ("tags", ", ".join(paper.tags)),
        ("queues", ", ".join(paper.queues)),
        ("added", paper.added_at.strftime("%Y-%m-%d %H:%M")),
    ]
    rows += [(kind, url) for kind, url in paper.links.as_dict().items()]
    if paper.suggested_tags:
        rows.append(("keywords", ", ".join(paper.suggested_tags)))
    for label, value in rows:
        if value:
            print(f"{label + ':':<9} {value}")
    if paper.abstract:
        print()
        print(paper.abstract)
    for note in paper.notes:
        print()
        print(f"--- note {note.id} ({note.updated_at:%Y-%m-%d %H:%M}) ---")
        print(note.body.rstrip())


def _skipped_line(source: str, entry: SkippedEntry) -> str:
    where = f"{source}:{entry.line}" if entry.line else source
    return f"  skipped {where}: {entry.reason}"


# A large import skips hundreds of entries: a file's report lists the first few, and
# `import --verbose` (or --json) all of them.
SKIPPED_SHOWN = 5


def print_report(report: FileReport, *, verbose: bool = False) -> None:
    verb = "would import" if report.dry_run else "imported"
    date = f", listing of {report.listing_date}" if report.listing_date else ""
    print(
        f"{report.source} ({report.format}{date}): {verb} {report.added} added, "
        f"{report.merged} merged, {report.unchanged} unchanged, "
        f"{len(report.skipped)} skipped"
    )
    shown = report.skipped if verbose else report.skipped[:SKIPPED_SHOWN]
    for entry in shown:
        print(_skipped_line(report.source, entry))
    if more := len(report.skipped) - len(shown):
        lines, them = ("line", "it") if more == 1 else ("lines", "them")
        print(f"  … and {more:,} more skipped {lines} (see {them} with --verbose)")


def print_no_match(query: str) -> None:
    """A search that found nothing: stdout stays empty, stderr says so."""
    if query.strip():
        print(f"readerapp: no papers match '{query}'", file=sys.stderr)
    else:
        print("readerapp: the library holds no papers", file=sys.stderr)


def _utc(value: dt.datetime) -> dt.datetime:
    """The library stores naive UTC times; scripts get them with their zone."""
    return value.replace(tzinfo=dt.UTC)


def _local(value: dt.datetime) -> str:
    return f"{_utc(value).astimezone():%Y-%m-%d %H:%M}"


def batch_json(info: BatchInfo) -> dict[str, object]:
    return {
        "id": info.id,
        "created_at": _utc(info.created_at).isoformat(timespec="seconds"),
        "source": info.source,
        "format": info.format,
        "added": info.added,
        "merged": info.merged,
        "unchanged": info.unchanged,
        "skipped": info.skipped,
        "papers": info.papers,
        "undone": info.undone_at is not None,
        "undone_at": (
            _utc(info.undone_at).isoformat(timespec="seconds")
            if info.undone_at is not None
            else None
        ),
    }


def print_batches(infos: Sequence[BatchInfo]) -> None:
    if not infos:
        print("no imports yet")
        return
    print(
        f"{'batch':>6}  {'when':<16}  {'format':<14} {'added':>6} {'merged':>6} "
        f"{'unchanged':>9} {'skipped':>7}  source"
    )
    for info in infos:
        undone = f"  (undone {_local(info.undone_at)})" if info.undone_at else ""
        print(
            f"{info.id:>6}  {_local(info.created_at)}  {info.format:<14} "
            f"{info.added:>6} {info.merged:>6} {info.unchanged:>9} {info.skipped:>7}  "
            f"{info.source}{undone}"
        )
