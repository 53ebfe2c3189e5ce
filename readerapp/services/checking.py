"""`readerapp check`: does the database hold together, and does the index agree with it?"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from readerapp.db import queries
from readerapp.db.models import QueueEntryRow
from readerapp.services.library import Library


@dataclass(slots=True)
class CheckReport:
    papers: int = 0
    indexed: int = 0
    files: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check(library: Library) -> CheckReport:
    report = CheckReport()
    with library.read() as session:
        # SQLite's own checks of the file. A PostgreSQL server checks its pages itself and
        # enforces every foreign key as rows are written (its constraints, and for the bulk
        # tables the statement-level triggers of db.server_keys): there is nothing to ask it.
        if library.server is None:
            _check_sqlite_file(session, report)
        ids = set(queries.all_paper_ids(session))
        gaps = session.execute(
            select(QueueEntryRow.queue_id, func.count(), func.max(QueueEntryRow.position)).group_by(
                QueueEntryRow.queue_id
            )
        ).all()
    for queue_id, count, highest in gaps:
        if count != highest:
            report.problems.append(f"queue {queue_id}: positions are not 1..{count}")
    # The marks in a folder library; this machine's index behind the journal on a server.
    pending = library.pending_count()
    _check_files(library, report)
    indexed = library.index.ids()
    report.papers, report.indexed = len(ids), len(indexed)
    if (docs := library.index.doc_count()) != len(indexed):
        report.problems.append(f"index: {docs - len(indexed)} duplicate entries")
    if pending:
        report.problems.append(f"index: {pending} papers changed but not yet indexed")
    if missing := ids - indexed:
        report.problems.append(
            f"index: {len(missing)} papers are not indexed (e.g. id {min(missing)})"
        )
    if extra := indexed - ids:
        report.problems.append(
            f"index: {len(extra)} entries for papers no longer in the "
            f"library (e.g. id {min(extra)})"
        )
    return report


def _check_sqlite_file(session: Session, report: CheckReport) -> None:
    integrity = session.execute(text("PRAGMA integrity_check")).scalars().all()
    if integrity != ["ok"]:
        report.problems.extend(f"database: {line}" for line in integrity[:20])
    for row in session.execute(text("PRAGMA foreign_key_check")).all()[:20]:
        report.problems.append(
            f"database: row {row[1]} in {row[0]} points to a missing {row[2]} row"
        )


# Past this many, the rest of a kind of file problem is counted, not listed.
LISTED_FILES = 20


def _check_files(library: Library, report: CheckReport) -> None:
    """Files the database names that are not on disk (a server library: not in the server),
    and files in files/ no paper claims (a server library: files in the server)."""
    from readerapp.services import paper_files  # only here: most checks have no files

    found = paper_files.check_files(library)
    report.files = found.total
    where = "on disk" if library.server is None else "on the server"
    for kind, lines in (
        (
            "missing",
            [f"{f.path} (paper {f.paper_id}) is not {where}" for f in found.missing],
        ),
        ("orphan", [f"{rel} belongs to no paper" for rel in found.orphans]),
        (
            "unused",
            [
                f"a {_megabytes(size)} PDF on the server belongs to no paper "
                f"(sha256 {digest[:16]}…)"
                for digest, size in found.unused
            ],
        ),
        ("partial", [f"{rel} is left from an interrupted download" for rel in found.partials]),
    ):
        for line in lines[:LISTED_FILES]:
            report.problems.append(f"files: {line}")
        if len(lines) > LISTED_FILES:
            report.problems.append(f"files: {len(lines) - LISTED_FILES} more {kind} files")
    if found.missing or found.orphans or found.partials or found.unused:
        what = "re-links or lists them" if library.server is None else "puts, removes or lists them"
        report.problems.append(f"files: `readerapp check --repair` {what}")


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):,.1f} MB"
