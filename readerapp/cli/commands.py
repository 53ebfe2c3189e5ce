"""The commands that change the library or read more than a search does.

main.py imports this module only when one of them runs: together they need the ORM, the
formats and the online sources, over half a second of imports that `readerapp --version` and
`readerapp search` do without.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from readerapp.cli import lookup_commands, output, routine_commands
from readerapp.cli.edit_command import cmd_edit
from readerapp.cli.show_command import cmd_show
from readerapp.core.errors import UserError
from readerapp.core.location import LibraryLocation, ServerLocation, local_dir, parse_location
from readerapp.core.lockfile import LibraryLock
from readerapp.formats.text_input import decode
from readerapp.services import (
    backups,
    batches,
    checking,
    exporting,
    import_session,
    notes,
    overview,
    paper_files,
    queues,
    triage,
    undo,
)
from readerapp.services.changes import Applied
from readerapp.services.importing import FileReport
from readerapp.services.library import Library

EXIT_OK, EXIT_USER, EXIT_INPUT = 0, 1, 2


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
    if outcome.tagged_ids or outcome.rule_results:
        undo.remember(lib, outcome.applied())

    by_source: dict[str, list[FileReport | tuple[str, str]]] = {}
    for report in outcome.reports:
        by_source.setdefault(report.source, []).append(report)
    for error in outcome.errors:
        by_source.setdefault(error[0], []).append(error)
    results = [by_source[s.source].pop(0) for s in sources if by_source.get(s.source)]
    code = _print_import(
        results,
        args.json,
        outcome,
        verbose=args.verbose,
        created=_created(lib, args),
        rule_lines=_rule_lines(outcome),
    )
    return code


def _rule_lines(outcome: import_session.ImportOutcome) -> list[str]:
    """What each rule did to the import's new papers, one line per rule that matched."""
    return [r.summary() for r in outcome.rule_results]


def _created(lib: Library, args: argparse.Namespace) -> str | None:
    """The library's folder (or server URL, without password) if this command created the
    library (main() decides that)."""
    return lib.shown if getattr(args, "created_library", False) else None


def _print_import(
    results: Sequence[FileReport | tuple[str, str]],
    as_json: bool,
    outcome: import_session.ImportOutcome | None = None,
    *,
    verbose: bool = False,
    created: str | None = None,
    rule_lines: Sequence[str] = (),
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
        for line in rule_lines:
            print(line)
    if created is not None and reported:
        print(f"readerapp: created a new library in {created}", file=sys.stderr)
    return code


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
    if args.output is None:
        text, _count = exporting.export_text(lib, selection, args.format)
        sys.stdout.write(text)
        return EXIT_OK
    # Streamed paper by paper, never held whole (the window's File ▸ Export does the same);
    # newline=None: the platform's line endings, as the file was written before.
    count = exporting.export_to_file(lib, selection, args.format, args.output, newline=None)
    print(f"exported {count} papers to {args.output}", file=sys.stderr)
    return EXIT_OK


def cmd_check(lib: Library, args: argparse.Namespace) -> int:
    if args.repair:
        _repair_files(lib)
    report = checking.check(lib)
    for problem in report.problems:
        print(problem)
    state = "ok" if report.ok else f"{len(report.problems)} problems"
    print(f"{report.papers} papers, {report.indexed} indexed: {state}")
    return EXIT_OK if report.ok else EXIT_USER


def _repair_files(lib: Library) -> None:
    repair = paper_files.repair_files(lib)
    for line in repair.relinked:
        print(f"re-linked {line}")
    for rel in repair.removed_partials:
        print(f"removed {rel} (left by an interrupted download or copy)")
    for put in repair.uploaded:
        print(f"put on the server: {put.path} (paper {put.paper_id}), from this machine's copy")
    for digest, size in repair.dropped:
        print(
            f"removed from the server: a {size / (1024 * 1024):,.1f} MB PDF no paper kept "
            f"(sha256 {digest[:16]}…)"
        )
    for missing in repair.still_missing:
        where = (
            "put it back"
            if lib.server is None
            else "run `readerapp check --repair` on the machine that attached it"
        )
        print(
            f"still missing: {missing.path} (paper {missing.paper_id}); {where}, or "
            f"`readerapp attach {missing.paper_id} FILE` a copy"
        )
    for rel in repair.orphans:
        print(f"not linked to any paper: {rel} (attach it with `readerapp attach REF {rel}`)")


def cmd_attach(lib: Library, args: argparse.Namespace) -> int:
    (paper_id,) = triage.resolve(lib, [args.ref])
    applied = paper_files.attach_applied(lib, paper_id, str(args.file.resolve()))
    print(applied.value.line())
    return _done(lib, applied)  # `readerapp undo` takes the copy back


def cmd_download(lib: Library, args: argparse.Namespace) -> int:
    from readerapp.cli.lookup_commands import clear_progress_line, progress_line
    from readerapp.services import pdf_download, search

    if args.refs and (args.query or args.queue):
        raise UserError("name papers, or use --query or --queue, not both")
    if args.refs:
        ids = triage.resolve(lib, args.refs)
    elif args.query:
        ids = search.search_ids(lib, args.query)
    elif args.queue:
        ids = queues.queue_ids(lib, args.queue)
    else:
        raise UserError("name the papers, or use --query Q or --queue NAME")
    report = pdf_download.download(lib, ids, progress=progress_line)
    clear_progress_line()
    if args.json:
        output.print_json([r.to_json() for r in report.results])
    else:
        for result in report.results:
            stream = sys.stderr if result.outcome == "failed" else sys.stdout
            print(result.line, file=stream)
        if len(ids) > 1 or report.stopped:  # one paper's line says it all
            print(report.summary(), file=sys.stderr)
    return EXIT_USER if report.count("failed") else EXIT_OK


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


def _folder_only(location: LibraryLocation, command: str) -> Path:
    """The folder of a SQLite library; a server library's database is not replaced whole."""
    if isinstance(location, ServerLocation):
        raise UserError(
            f"{location.shown}: `{command}` replaces a library folder; to put a backup on a "
            "server, copy it into an empty database with `readerapp copy-library FILE URL`"
        )
    return location


def cmd_backup(location: LibraryLocation, args: argparse.Namespace) -> int:
    """Runs with no Library open: a copy needs no repair, and a mistyped --library must not
    create an empty library to back up. A server library is copied from one snapshot."""
    print(backups.backup(location, args.file))
    if isinstance(location, ServerLocation):
        note = backups.server_files_note(location)
    else:
        note = backups.files_note(local_dir(location))
    if note:
        print(f"readerapp: {note}", file=sys.stderr)
    return EXIT_OK


def cmd_restore(library_dir: LibraryLocation, args: argparse.Namespace) -> int:
    """Runs with no Library open: the file is about to be replaced."""
    library_dir = _folder_only(library_dir, "restore")
    kept = backups.restore(library_dir, args.file)
    with Library.open(library_dir) as lib:  # migrates an older backup, rebuilds the index
        report = checking.check(lib)
    kept_text = (
        f"the replaced library is kept at {kept}"
        if kept is not None
        else "there was no library here before"
    )
    print(f"restored {args.file}: {report.papers} papers, {report.indexed} indexed; {kept_text}")
    for problem in report.problems:
        print(problem, file=sys.stderr)
    return EXIT_OK if report.ok else EXIT_USER


def _location(text: str) -> LibraryLocation:
    try:
        return parse_location(text)
    except ValueError as exc:
        raise UserError(str(exc)) from None


def cmd_copy_library(_library: LibraryLocation, args: argparse.Namespace) -> int:
    """Runs with no Library open: it opens neither library as the app does (no index, no
    repair); it reads one and writes the other through the database alone."""
    from readerapp.cli.lookup_commands import clear_progress_line, progress_line
    from readerapp.services import copying

    source, destination = _location(args.source), _location(args.destination)
    try:
        report = copying.copy_library(source, destination, progress=progress_line)
    finally:
        clear_progress_line()
    print(copying.describe(report))
    files, left_out = copying.describe_files(report)
    if files is not None:
        print(files)
    for line in left_out:
        print(line, file=sys.stderr)
    return EXIT_OK


# Every command on an open library but `search` (readerapp.cli.search_command).
COMMANDS: dict[str, Callable[[Library, argparse.Namespace], int]] = {
    "import": cmd_import,
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
    "attach": cmd_attach,
    "download": cmd_download,
    "reindex": cmd_reindex,
    "imports": cmd_imports,
    "undo-import": cmd_undo_import,
    "undo": cmd_undo,
    "add": lookup_commands.cmd_add,
    "complete": lookup_commands.cmd_complete,
    "fetch": lookup_commands.cmd_fetch,
    **routine_commands.COMMANDS,
}


# Commands on the library folder itself, run without opening (and repairing) the library.
FOLDER_COMMANDS: dict[str, Callable[[LibraryLocation, argparse.Namespace], int]] = {
    "backup": cmd_backup,
    "restore": cmd_restore,
    "copy-library": cmd_copy_library,
}
