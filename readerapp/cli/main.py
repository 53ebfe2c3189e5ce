"""`readerapp`: the command line. A contract: extend it, never break it."""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from readerapp import __version__
from readerapp.cli import lookup_commands, output
from readerapp.cli.edit_command import add_edit_parser, cmd_edit
from readerapp.core import paths
from readerapp.core.errors import ReaderappError, UserError
from readerapp.core.lockfile import LibraryLock
from readerapp.core.records import STATUSES
from readerapp.formats.registry import EXPORT_FORMATS, IMPORT_FORMATS
from readerapp.formats.text_input import decode
from readerapp.search import syntax
from readerapp.search.factory import ENGINES
from readerapp.services import (
    backups,
    batches,
    checking,
    exporting,
    import_session,
    notes,
    overview,
    queues,
    search,
    triage,
    undo,
)
from readerapp.services.changes import Applied
from readerapp.services.importing import FileReport
from readerapp.services.library import Library

EXIT_OK, EXIT_USER, EXIT_INPUT = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # A mistyped command is a user error (1); 2 is kept for unreadable input.
        self.print_usage(sys.stderr)
        self.exit(EXIT_USER, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="readerapp",
        description="A local reading-list manager for "
        "research papers. With no command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"readerapp {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check that this installation "
        "imports, searches and opens its window, on a temporary library; exit 0 "
        "if it all works",
    )
    parser.add_argument(
        "--open",
        nargs="*",
        type=Path,
        default=[],
        metavar="FILE",
        help="open the desktop app and import these files into the library (what "
        "the desktop's Open With and a double-click on a .bib or .ris run)",
    )
    parser.add_argument(
        "--library",
        type=Path,
        metavar="DIR",
        help=f"library folder (default: ${paths.LIBRARY_ENV}, then {paths.default_library_dir()})",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("import", help="import paper dumps (files, or - for standard input)")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument(
        "--format", choices=[f.name for f in IMPORT_FORMATS], help="skip format detection"
    )
    p.add_argument(
        "--dry-run", action="store_true", help="report what would change, change nothing"
    )
    p.add_argument(
        "--queue",
        metavar="NAME",
        help="put every imported paper on this queue (created if needed; papers already on it "
        "keep their place)",
    )
    p.add_argument("--tag", metavar="TAG", help="tag every imported paper")
    p.add_argument(
        "--verbose",
        action="store_true",
        help=f"list every skipped entry (without it, the first {output.SKIPPED_SHOWN} of "
        "each file)",
    )
    p.add_argument("--json", action="store_true")

    p = sub.add_parser(
        "search",
        help="search the library (the query syntax: readerapp search --help)",
        epilog="query syntax, by example:\n" + syntax.as_text(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("query")
    p.add_argument("--limit", type=int, metavar="N")
    p.add_argument("--sort", choices=search.SORTS, default="relevance")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("show", help="show one paper")
    p.add_argument("ref", metavar="REF")
    p.add_argument("--json", action="store_true")

    for name, text in (("star", "star papers"), ("unstar", "remove stars")):
        p = sub.add_parser(name, help=text)
        p.add_argument("refs", nargs="+", metavar="REF")

    p = sub.add_parser("status", help="set the reading status")
    p.add_argument("status", choices=STATUSES)
    p.add_argument("refs", nargs="+", metavar="REF")

    p = sub.add_parser("tag", help="add, remove, rename or delete a tag, or list tags")
    tag_sub = p.add_subparsers(
        dest="tag_command", metavar="ACTION", required=True, parser_class=_Parser
    )
    for name in ("add", "remove"):
        t = tag_sub.add_parser(name)
        t.add_argument("tag")
        t.add_argument("refs", nargs="+", metavar="REF")
    tag_sub.add_parser("list")
    t = tag_sub.add_parser(
        "rename", help="rename a tag; to a tag that exists, merge the two into that one"
    )
    t.add_argument("tag")
    t.add_argument("new_name", metavar="NEW")
    t = tag_sub.add_parser("delete", help="take a tag off every paper")
    t.add_argument("tag")

    p = sub.add_parser("note", help="add a Markdown note to a paper (TEXT, or - for stdin)")
    p.add_argument("ref", metavar="REF")
    p.add_argument("text", metavar="TEXT")
    add_edit_parser(sub)

    p = sub.add_parser("queue", help="ordered reading queues")
    q_sub = p.add_subparsers(
        dest="queue_command", metavar="ACTION", required=True, parser_class=_Parser
    )
    q_sub.add_parser("list")
    q = q_sub.add_parser("show")
    q.add_argument("name")
    q.add_argument("--json", action="store_true")
    for name in ("add", "remove"):
        q = q_sub.add_parser(name)
        q.add_argument("name")
        q.add_argument("refs", nargs="+", metavar="REF")
    q = q_sub.add_parser("move")
    q.add_argument("name")
    q.add_argument("ref", metavar="REF")
    q.add_argument("position", type=int, metavar="POSITION")
    q = q_sub.add_parser("create")
    q.add_argument("name")
    q = q_sub.add_parser("rename")
    q.add_argument("name")
    q.add_argument("new_name")
    q = q_sub.add_parser("delete")
    q.add_argument("name")

    p = sub.add_parser("export", help="export papers as a reading list")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--query", metavar="Q")
    which.add_argument("--queue", metavar="NAME")
    which.add_argument("--starred", action="store_true")
    which.add_argument("--all", action="store_true")
    p.add_argument("--format", choices=[f.name for f in EXPORT_FORMATS], required=True)
    p.add_argument("-o", "--output", type=Path, metavar="FILE")

    p = sub.add_parser("imports", help="list import batches, newest first")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser(
        "undo-import",
        help="undo an import batch: remove the papers it added "
        "that you have not touched, clear the fields it filled",
    )
    p.add_argument("batch", type=int, metavar="BATCH", help="a batch id from `imports`")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser(
        "undo",
        help="undo the last change made with the command line (star, status, tag, note, "
        "queue, import); once",
    )
    p.add_argument("--json", action="store_true")

    p = sub.add_parser(
        "backup",
        help="write a consistent copy of the library, also while it "
        "is in use (default: backups/ in the library folder); prints its path",
    )
    p.add_argument("file", nargs="?", type=Path, metavar="FILE")
    p = sub.add_parser(
        "restore",
        help="replace the library with a backup (the current one is "
        "kept in backups/; the index rebuilds)",
    )
    p.add_argument("file", type=Path, metavar="FILE")

    lookup_commands.add_parsers(sub)
    sub.add_parser("check", help="check that the database and the index agree (exit 1 if not)")
    p = sub.add_parser("reindex", help="rebuild the search index from the database")
    p.add_argument(
        "--engine",
        choices=ENGINES,
        help="switch the library to this search "
        "engine (tantivy is faster for large libraries); remembered",
    )
    return parser


def _read_stdin() -> str:
    return decode(sys.stdin.buffer.read(), "<stdin>")


def _import_sources(args: argparse.Namespace) -> list[import_session.ImportSource]:
    return [
        import_session.ImportSource.from_stdin(_read_stdin(), args.format)
        if name == "-"
        else import_session.ImportSource.from_path(Path(name), args.format)
        for name in args.files
    ]


def cmd_import(lib: Library, args: argparse.Namespace) -> int:
    # The names are checked before anything is read or written.
    queue, tag = import_session.clean_options(args.queue, args.tag)
    sources = _import_sources(args)
    if args.dry_run:
        previews = import_session.preview_all(lib, sources)
        results: list[FileReport | tuple[str, str]] = [
            p.report if p.report is not None else (p.source.source, p.error or "") for p in previews
        ]
        return _print_import(results, args.json, verbose=args.verbose, created=_created(lib, args))
    plan = import_session.direct_plan(sources, queue, tag)
    outcome = import_session.run_import(lib, plan)
    # Kept for `readerapp undo` as soon as the papers are saved (an interrupted indexing
    # resumes on the next start; the import is done), and again once the tag is applied.
    # An import that changed nothing leaves the kept change as it was.
    if outcome.undo_step() is not None:
        undo.remember(lib, outcome.applied())
    import_session.index_import(lib, outcome)
    if outcome.tagged_ids:
        undo.remember(lib, outcome.applied())
    by_source: dict[str, list[FileReport | tuple[str, str]]] = {}
    for report in outcome.reports:
        by_source.setdefault(report.source, []).append(report)
    for error in outcome.errors:
        by_source.setdefault(error[0], []).append(error)
    results = [by_source[s.source].pop(0) for s in sources if by_source.get(s.source)]
    code = _print_import(
        results, args.json, outcome, verbose=args.verbose, created=_created(lib, args)
    )
    return code


def _created(lib: Library, args: argparse.Namespace) -> Path | None:
    """The library folder if this command created the library (main() decides that)."""
    return lib.directory if getattr(args, "created_library", False) else None


def _print_import(
    results: Sequence[FileReport | tuple[str, str]],
    as_json: bool,
    outcome: import_session.ImportOutcome | None = None,
    *,
    verbose: bool = False,
    created: Path | None = None,
) -> int:
    """Each source's report, or its error on stderr; exit 2 if any source was unreadable.

    `created`: the import created the library there; said once a file got in (an import that
    read nothing keeps its one error line)."""
    code = EXIT_OK
    listed: list[dict[str, object]] = []
    reported = False
    for result in results:
        if isinstance(result, tuple):
            # One unreadable file does not stop the others; the exit code remembers it.
            source, error = result
            print(f"readerapp: {error}", file=sys.stderr)
            code = EXIT_INPUT
            listed.append({"source": source, "error": error})
        elif as_json:
            listed.append(result.to_json())
        else:
            output.print_report(result, verbose=verbose)
            reported = True
    if as_json:
        output.print_json(listed)
    elif outcome is not None:
        if outcome.plan.queue:
            print(
                f"queue {outcome.plan.queue}: added {len(outcome.queued_ids):,} of "
                f"{len(outcome.paper_ids):,} papers (the others were on it already)"
            )
        if outcome.plan.tag:
            print(
                f"tag {outcome.plan.tag}: tagged {len(outcome.tagged_ids):,} of "
                f"{len(outcome.paper_ids):,} papers (the others had it already)"
            )
    if created is not None and reported:
        print(f"readerapp: created a new library in {created}", file=sys.stderr)
    return code


def cmd_search(lib: Library, args: argparse.Namespace) -> int:
    if args.limit is not None and args.limit < 1:
        raise UserError("--limit must be at least 1")
    papers = search.search(lib, args.query, sort=args.sort, limit=args.limit)
    if args.json:
        output.print_json([p.to_json() for p in papers])
    elif papers:
        output.print_papers(papers)
    else:
        # Nothing on stdout (scripts test for that); people get a word on stderr.
        output.print_no_match(args.query)
    return EXIT_OK


def cmd_show(lib: Library, args: argparse.Namespace) -> int:
    (paper_id,) = triage.resolve(lib, [args.ref])
    paper = triage.get_paper(lib, paper_id)
    if args.json:
        output.print_json(paper.to_json())
    else:
        output.print_paper(paper)
    return EXIT_OK


def _done(lib: Library, applied: Applied) -> int:
    """Every change on the command line is kept for `readerapp undo`."""
    undo.remember(lib, applied)
    return EXIT_OK


def cmd_star(lib: Library, args: argparse.Namespace) -> int:
    return _done(
        lib, triage.set_starred(lib, triage.resolve(lib, args.refs), args.command == "star")
    )


def cmd_status(lib: Library, args: argparse.Namespace) -> int:
    return _done(lib, triage.set_status(lib, triage.resolve(lib, args.refs), args.status))


def cmd_tag(lib: Library, args: argparse.Namespace) -> int:
    if args.tag_command == "list":
        for name, count in triage.list_tags(lib):
            print(f"{count:>6}  {name}")
    elif args.tag_command == "add":
        return _done(lib, triage.add_tag(lib, args.tag, triage.resolve(lib, args.refs)))
    elif args.tag_command == "rename":
        return _done(lib, triage.rename_tag(lib, args.tag, args.new_name))
    elif args.tag_command == "delete":
        return _done(lib, triage.delete_tag(lib, args.tag))
    else:
        return _done(lib, triage.remove_tag(lib, args.tag, triage.resolve(lib, args.refs)))
    return EXIT_OK


def cmd_note(lib: Library, args: argparse.Namespace) -> int:
    (paper_id,) = triage.resolve(lib, [args.ref])
    body = _read_stdin() if args.text == "-" else args.text
    applied = notes.add_note(lib, paper_id, body)
    print(f"note {applied.value} added to paper {paper_id}")
    return _done(lib, applied)


def cmd_queue(lib: Library, args: argparse.Namespace) -> int:
    action = args.queue_command
    if action == "list":
        for info in queues.list_queues(lib):
            print(f"{info.count:>6}  {info.name}")
    elif action == "show":
        papers = triage.get_papers(lib, queues.queue_ids(lib, args.name))
        if args.json:
            output.print_json([p.to_json() for p in papers])
        for position, paper in enumerate(papers, start=1):
            if not args.json:
                print(f"{position:>4}. {output.paper_line(paper)}")
    elif action == "add":
        return _done(lib, queues.add_to_queue(lib, args.name, triage.resolve(lib, args.refs)))
    elif action == "remove":
        refs = triage.resolve(lib, args.refs)
        return _done(lib, queues.remove_from_queue(lib, args.name, refs))
    elif action == "move":
        (paper_id,) = triage.resolve(lib, [args.ref])
        return _done(lib, queues.move_in_queue(lib, args.name, paper_id, args.position))
    elif action == "create":
        return _done(lib, queues.create_queue(lib, args.name))
    elif action == "rename":
        return _done(lib, queues.rename_queue(lib, args.name, args.new_name))
    elif action == "delete":
        return _done(lib, queues.delete_queue(lib, args.name))
    return EXIT_OK


def cmd_export(lib: Library, args: argparse.Namespace) -> int:
    selection = exporting.Selection(
        query=args.query, queue=args.queue, starred=args.starred, everything=args.all
    )
    text, count = exporting.export_text(lib, selection, args.format)
    if args.output is None:
        sys.stdout.write(text)
    else:
        try:
            args.output.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UserError(f"{args.output}: cannot write ({exc.strerror})") from exc
        print(f"exported {count} papers to {args.output}", file=sys.stderr)
    return EXIT_OK


def cmd_check(lib: Library, args: argparse.Namespace) -> int:
    report = checking.check(lib)
    for problem in report.problems:
        print(problem)
    state = "ok" if report.ok else f"{len(report.problems)} problems"
    print(f"{report.papers} papers, {report.indexed} indexed: {state}")
    return EXIT_OK if report.ok else EXIT_USER


def cmd_imports(lib: Library, args: argparse.Namespace) -> int:
    infos = overview.list_batches(lib)
    if args.json:
        output.print_json([output.batch_json(info) for info in infos])
    else:
        output.print_batches(infos)
    return EXIT_OK


def cmd_undo(lib: Library, args: argparse.Namespace) -> int:
    label, applied = undo.undo_last(lib)
    if args.json:
        output.print_json({"undone": label})
    else:
        print(f"undid: {label}")
        reports = applied.value if isinstance(applied.value, list) else []
        for report in reports:
            if isinstance(report, batches.UndoReport):
                print(report.summary())
    return EXIT_OK


def cmd_undo_import(lib: Library, args: argparse.Namespace) -> int:
    report = batches.undo_import(lib, args.batch)
    # The batch kept for `readerapp undo` may be this one: it is not undone twice.
    undo.remember(lib, Applied(report.summary(), report.changes))
    titles = {p.id: p.title for p in triage.get_papers(lib, [pid for pid, _ in report.kept])}
    if args.json:
        output.print_json(
            {
                "batch_id": report.batch_id,
                "removed": report.removed,
                "reverted": report.reverted,
                "kept": [
                    {"id": pid, "reason": why, "title": titles.get(pid, "")}
                    for pid, why in report.kept
                ],
            }
        )
        return EXIT_OK
    print(report.summary())
    for pid, why in report.kept:
        print(f"{pid:>6}  {why}: {titles.get(pid, '')}")
    return EXIT_OK


def cmd_reindex(lib: Library, args: argparse.Namespace) -> int:
    if args.engine is not None and args.engine != lib.engine:
        # Replacing the index folder under an open window would pull its index away: the
        # window's lock says whether one has the library open.
        with LibraryLock(lib.directory):
            count = lib.switch_engine(args.engine)
        print(f"indexed {count} papers with {args.engine}")
    elif args.engine is not None:
        print(f"indexed {lib.rebuild_index()} papers with {args.engine}")
    else:
        count = lib.rebuild_index()
        print(f"indexed {count} papers")
    return EXIT_OK


def cmd_backup(library_dir: Path, args: argparse.Namespace) -> int:
    """Runs with no Library open: a copy needs no repair, and a mistyped --library must not
    create an empty library to back up."""
    print(backups.backup(library_dir, args.file))
    return EXIT_OK


def cmd_restore(library_dir: Path, args: argparse.Namespace) -> int:
    """Runs with no Library open: the file is about to be replaced."""
    kept = backups.restore(library_dir, args.file)
    with Library.open(library_dir) as lib:  # migrates an older backup, rebuilds the index
        report = checking.check(lib)
    kept_text = (
        f"the replaced library is kept at {kept}"
        if kept is not None
        else "there was no library here before"
    )
    print(f"restored {args.file}: {report.papers} papers, {report.indexed} indexed; {kept_text}")
    return EXIT_OK if report.ok else EXIT_USER


COMMANDS: dict[str, Callable[[Library, argparse.Namespace], int]] = {
    "import": cmd_import,
    "search": cmd_search,
    "show": cmd_show,
    "star": cmd_star,
    "unstar": cmd_star,
    "status": cmd_status,
    "tag": cmd_tag,
    "note": cmd_note,
    "edit": cmd_edit,
    "queue": cmd_queue,
    "export": cmd_export,
    "check": cmd_check,
    "reindex": cmd_reindex,
    "imports": cmd_imports,
    "undo-import": cmd_undo_import,
    "undo": cmd_undo,
    "add": lookup_commands.cmd_add,
    "complete": lookup_commands.cmd_complete,
    "fetch": lookup_commands.cmd_fetch,
}


def _launch_gui(
    parser: argparse.ArgumentParser, library: Path | None, open_files: Sequence[Path] = ()
) -> int:
    try:
        from readerapp.gui.app import run
    except ModuleNotFoundError as exc:
        if exc.name is None or not exc.name.startswith("readerapp.gui"):
            raise
        parser.print_help()
        return EXIT_OK
    return int(run(library, open_files))


# Commands on the library folder itself, run without opening (and repairing) the library.
FOLDER_COMMANDS: dict[str, Callable[[Path, argparse.Namespace], int]] = {
    "backup": cmd_backup,
    "restore": cmd_restore,
}


# Commands that need a library already there: on a folder that holds none (a mistyped
# --library) they stop with one line and create nothing. Every other command creates one.
NEEDS_LIBRARY = {
    "search",
    "show",
    "export",
    "check",
    "imports",
    "undo",
    "undo-import",
    "complete",
}
NEEDS_LIBRARY_ACTIONS = {
    ("tag", "list"),
    ("tag", "rename"),  # a tag to rename or delete is in a library that exists
    ("tag", "delete"),
    ("queue", "list"),
    ("queue", "show"),
}


def _needs_library(args: argparse.Namespace) -> bool:
    if args.command in NEEDS_LIBRARY:
        return True
    action = getattr(args, "tag_command", None) or getattr(args, "queue_command", None)
    return (args.command, action) in NEEDS_LIBRARY_ACTIONS


def _no_library(library_dir: Path, args: argparse.Namespace) -> UserError:
    if args.library is not None:
        return UserError(
            f"{library_dir} holds no readerapp library (a mistyped --library?); "
            f"`readerapp --library {shlex.quote(str(library_dir))} import FILE` creates one"
        )
    # The same test as paths.default_library_dir: an empty variable is not set.
    why = f" (a mistyped ${paths.LIBRARY_ENV}?)" if os.environ.get(paths.LIBRARY_ENV) else " yet"
    return UserError(
        f"{library_dir} holds no readerapp library{why}; `readerapp import FILE` creates one"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, usage errors: return, do not exit
        return exc.code if isinstance(exc.code, int) else EXIT_USER
    try:
        if args.self_test:
            from readerapp import selftest

            return selftest.run()
        if args.command is None:
            return _launch_gui(parser, args.library, args.open)
        library_dir = args.library or paths.default_library_dir()
        if args.command in FOLDER_COMMANDS:
            return FOLDER_COMMANDS[args.command](library_dir, args)
        # Decided before opening: Library.open creates the folder and the database.
        had_library = paths.database_path(library_dir).exists()
        if not had_library and _needs_library(args):
            raise _no_library(library_dir, args)
        args.created_library = not had_library  # `import` says so
        with Library.open(library_dir) as lib:
            return COMMANDS[args.command](lib, args)
    except ReaderappError as exc:
        print(f"readerapp: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("readerapp: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `readerapp search x | head` closes the pipe early; that is not an error.
        return EXIT_OK
