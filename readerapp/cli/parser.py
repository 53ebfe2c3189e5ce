"""The command line's parser: every command, option and help text (the contract).

Built only when a command runs (readerapp.cli.main): its choices and help come from modules
that `readerapp --version` need not import. A run of one known command builds only that
command's parser (build_parser(command)): argparse's ArgumentParser looks for its message
catalogue on disk at every one of its 50 subparsers and their options (gettext, over 600
stat calls), which cost `readerapp search` about 30 ms of its 0.15 s budget.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, NoReturn

from readerapp import __version__
from readerapp.cli import choices, output
from readerapp.core import paths
from readerapp.core.location import LibraryLocation, parse_location
from readerapp.core.records import STATUSES
from readerapp.search import syntax
from readerapp.search.factory import ENGINES

EXIT_USER = 1
# The commands that lookup_commands, routine_commands and edit_command describe: a run's
# parser imports a module of them only when it builds one of its commands (importing the
# three cost `readerapp search` about 8 ms). tests/cli/test_startup.py checks the lists.
LOOKUP_COMMANDS = ("add", "complete", "fetch")
ROUTINE_COMMANDS = ("today", "inbox", "archive", "snooze", "reread", "history", "rules", "stats")


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # A mistyped command is a user error (1); 2 is kept for unreadable input.
        self.print_usage(sys.stderr)
        self.exit(EXIT_USER, f"{self.prog}: error: {message}\n")


class _Unbuilt:
    """Stands for the parser of a command this run does not run: every call that would
    describe it (add_argument, add_subparsers, add_parser, ...) does nothing."""

    def __getattr__(self, name: str) -> Any:
        return self._ignore

    def _ignore(self, *args: object, **kwargs: object) -> _Unbuilt:
        return self


class _OneCommand(argparse._SubParsersAction):  # type: ignore[type-arg]
    """The main parser's subcommands when the command is known before the parse
    (readerapp.cli.main.command_word): only that command's parser is built. The main
    parser's options, usage and the command's parser are the same as in the whole parser;
    only the list of the other commands is missing, which such a parse never shows (an
    unknown or missing command gets the whole parser: build_parser)."""

    only: str | None = None
    built = False

    def add_parser(self, name: str, **kwargs: Any) -> Any:
        if self.only is None or name == self.only:
            self.built = name == self.only
            return super().add_parser(name, **kwargs)
        return _Unbuilt()


class _DefaultDir:
    """The default library folder, as --library's help writes it."""

    def __str__(self) -> str:
        return str(paths.default_library_dir())


def _location(text: str) -> LibraryLocation:
    """--library's value: a folder, or a server URL (core.location)."""
    try:
        return parse_location(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole parser; with `command`, one that only knows that command (the first word
    after the main options, main.command_word) when it is one, else the whole parser."""
    parser, sub = _build(command)
    if command is not None and not sub.built:  # not a command: the whole parser's error
        parser, sub = _build(None)
    return parser


def _build(command: str | None) -> tuple[argparse.ArgumentParser, _OneCommand]:
    parser = Parser(
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
    library = parser.add_argument(
        "--library",
        type=_location,
        metavar="DIR",
        help="library folder, or a PostgreSQL server's database as postgresql://USER@HOST/DB "
        f"(default: ${paths.LIBRARY_ENV}, then %(default_dir)s)",
    )
    # The default folder comes from platformdirs (an import of about 5 ms): only --help
    # shows it, so it is looked up when the help is written (argparse fills the %(...)s of
    # a help from the action's attributes then).
    library.default_dir = _DefaultDir()  # type: ignore[attr-defined]
    parser.register("action", "parsers", _OneCommand)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    assert isinstance(sub, _OneCommand)
    sub.only = command

    p = sub.add_parser("import", help="import paper dumps (files, or - for standard input)")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--format", choices=choices.IMPORT_FORMATS, help="skip format detection")
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
    p.add_argument("--sort", choices=choices.SORTS, default="relevance")
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
        dest="tag_command", metavar="ACTION", required=True, parser_class=Parser
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
    if sub.only in (None, "edit"):
        from readerapp.cli.edit_command import add_edit_parser

        add_edit_parser(sub)

    p = sub.add_parser("queue", help="ordered reading queues")
    q_sub = p.add_subparsers(
        dest="queue_command", metavar="ACTION", required=True, parser_class=Parser
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
    p.add_argument("--format", choices=choices.EXPORT_FORMATS, required=True)
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
        "queue, edit, import, add, complete, fetch, attach, archive, snooze, reread, "
        "rules); once",
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
    p = sub.add_parser(
        "copy-library",
        help="copy a whole library into an empty one: a folder, or a PostgreSQL database "
        "as postgresql://USER@HOST/DB (up to a server to share it, down for an offline "
        "copy); the copy builds its search index when first opened",
    )
    p.add_argument(
        "source", metavar="SRC", help="the library to copy (a folder, a backup file or a URL)"
    )
    p.add_argument(
        "destination", metavar="DEST", help="an empty or new library (a folder or a URL)"
    )

    if sub.only is None or sub.only in LOOKUP_COMMANDS:
        from readerapp.cli import lookup_commands

        lookup_commands.add_parsers(sub)
    if sub.only is None or sub.only in ROUTINE_COMMANDS:
        from readerapp.cli import routine_commands

        routine_commands.add_parsers(sub)
    p = sub.add_parser(
        "attach", help="keep a PDF with a paper (copied into the library; its text is indexed)"
    )
    p.add_argument("ref", metavar="REF")
    p.add_argument("file", type=Path, metavar="FILE")
    p = sub.add_parser(
        "download",
        help="download papers' PDFs from their PDF links (arXiv: its PDF) into the library",
    )
    p.add_argument("refs", nargs="*", metavar="REF")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--query", metavar="Q", help="the papers this search finds")
    which.add_argument("--queue", metavar="NAME", help="the papers on this queue")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser(
        "check",
        help="check that the database and the index agree, and that every PDF is there "
        "(exit 1 if not)",
    )
    p.add_argument(
        "--repair",
        action="store_true",
        help="re-link PDFs that were moved within files/, remove leftovers of interrupted "
        "downloads, list what cannot be repaired",
    )
    p = sub.add_parser("reindex", help="rebuild the search index from the database")
    p.add_argument(
        "--engine",
        choices=ENGINES,
        help="switch the library to this search "
        "engine (tantivy is faster for large libraries); remembered",
    )
    return parser, sub
