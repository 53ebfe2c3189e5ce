"""`add`, `complete` and `fetch daily`: the commands that ask online sources.

Each prints one line per outcome, `--json` gives the same as data, and a source that cannot
be reached stops the command with one line naming it (exit 2) before anything is written.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from readerapp.core.errors import UserError

if TYPE_CHECKING:
    from readerapp.services.completion import CompletionReport
    from readerapp.services.library import Library

EXIT_OK, EXIT_USER = 0, 1


def add_parsers(sub: Any) -> None:
    """Adds the commands to the main parser's subparsers (argparse's type is private)."""
    p = sub.add_parser(
        "add",
        help="add papers by arXiv id, DOI or their URLs (- reads one per line from stdin)",
    )
    p.add_argument("ids", nargs="+", metavar="ID")
    p.add_argument("--dry-run", action="store_true", help="report what would change")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser(
        "complete",
        help="look up missing details (authors, date, ids, links) of papers online",
    )
    p.add_argument("refs", nargs="*", metavar="REF")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--query", metavar="Q", help="the papers this search finds")
    which.add_argument("--all", action="store_true", help="every paper that misses details")
    p.add_argument("--dry-run", action="store_true", help="look up, report, change nothing")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("fetch", help="fetch a list from an online source")
    fetch_sub = p.add_subparsers(dest="fetch_command", metavar="LIST", required=True)
    f = fetch_sub.add_parser("daily", help="Hugging Face Daily Papers of a date (default today)")
    f.add_argument("--date", metavar="YYYY-MM-DD")
    f.add_argument("--dry-run", action="store_true", help="report what would change")
    f.add_argument("--json", action="store_true")


def _identifiers_text(items: list[str]) -> str:
    return "\n".join(sys.stdin.read() if item == "-" else item for item in items)


def cmd_add(lib: Library, args: argparse.Namespace) -> int:
    # The network stack (httpx) and the ORM load only for the commands that use them.
    from readerapp.cli import output
    from readerapp.core.identifiers import split_identifiers
    from readerapp.services import adding, undo

    idents, bad = split_identifiers(_identifiers_text(args.ids))
    if bad:
        raise UserError(f"{bad[0]!r} is not an arXiv id or a DOI")
    report = adding.add_identifiers(lib, idents, dry_run=args.dry_run)
    ruled: list[str] = []
    if not args.dry_run and report.undo_step() is not None:
        undo.remember(lib, report.applied())
        ruled = _apply_rules(lib, report.batch.batch_id if report.batch else None)
    if args.json:
        output.print_json(report.to_json())
    else:
        if report.batch is not None:
            output.print_report(report.batch)
        for line in ruled:
            print(line)
        for ident in report.not_found:
            print(f"readerapp: {ident}: no source knows it", file=sys.stderr)
    return EXIT_USER if report.not_found else EXIT_OK


def _targets(lib: Library, args: argparse.Namespace) -> list[int]:
    from readerapp.services import completion, search, triage

    if args.refs and (args.query or args.all):
        raise UserError("name papers, or use --query or --all, not both")
    if args.refs:
        return triage.resolve(lib, args.refs)  # asked by name: looked up whatever they miss
    if args.query:
        ids = search.search_ids(lib, args.query)
    elif args.all:
        ids = search.search_ids(lib, "")
    else:
        raise UserError("name the papers to complete, or use --query Q or --all")
    return completion.incomplete_ids(lib, ids)


def cmd_complete(lib: Library, args: argparse.Namespace) -> int:
    from readerapp.cli import output
    from readerapp.services import completion, undo

    ids = _targets(lib, args)
    if not ids:
        print("readerapp: no paper misses details", file=sys.stderr)
        return EXIT_OK
    found = completion.look_up(lib, ids, progress=_progress_line)
    report = completion.apply(lib, found, dry_run=args.dry_run)
    if not args.dry_run and report.undo_step() is not None:
        undo.remember(lib, report.applied())
    if args.json:
        output.print_json(report.to_json())
        return EXIT_OK
    _print_completion(lib, report)
    return EXIT_OK


def progress_line(done: int, total: int | None, message: str) -> None:
    if sys.stderr.isatty():
        print(f"\r\033[K{message}", end="", file=sys.stderr, flush=True)


_progress_line = progress_line


def clear_progress_line() -> None:
    if sys.stderr.isatty():
        print("\r\033[K", end="", file=sys.stderr)


def _print_completion(lib: Library, report: CompletionReport) -> None:
    from readerapp.services import triage

    if sys.stderr.isatty():
        print("\r\033[K", end="", file=sys.stderr)
    c = report.completion
    verb = "would fill" if report.dry_run else "filled"
    titles = {p.id: p.title for p in triage.get_papers(lib, c.looked_up)}
    for pid, names in report.filled.items():
        print(f"{pid}: {verb} {', '.join(names)} — {titles.get(pid, '')}")
    for cand in c.candidates:
        r = cand.record
        ident = f"arXiv:{r.arxiv_id}" if r.arxiv_id else (f"doi:{r.doi}" if r.doi else "")
        print(
            f"{cand.paper_id}: candidate from {cand.source} ({cand.why}): {r.title}"
            + (f" [{r.year}]" if r.year else "")
            + (f" {ident}" if ident else "")
        )
    print(report.summary(), file=sys.stderr)


def cmd_fetch(lib: Library, args: argparse.Namespace) -> int:
    from readerapp.cli import output
    from readerapp.services import adding, undo

    day = adding.parse_day(args.date)
    report = adding.fetch_daily(lib, day, dry_run=args.dry_run)
    if not args.dry_run and report.batch_id is not None and (report.added or report.merged):
        from readerapp.services.changes import Applied, Changes, Step

        step = Step("undo_import", {"batch_ids": [report.batch_id]})
        undo.remember(lib, Applied(f"Fetch Daily Papers {day}", Changes.everything(), step))
        ruled = _apply_rules(lib, report.batch_id)
    else:
        ruled = []
    if args.json:
        output.print_json(report.to_json())
    else:
        output.print_report(report)
        for line in ruled:
            print(line)
    return EXIT_OK


def _apply_rules(lib: Library, batch_id: int | None) -> list[str]:
    """The rules, applied to the papers a look-up or a daily list added, as an import's
    are; one line per rule that matched. Undoing the batch takes back what they did."""
    from readerapp.services import rules

    if batch_id is None:
        return []
    return [r.summary() for r in rules.apply_to_batches(lib, [batch_id]) if r.matched]
