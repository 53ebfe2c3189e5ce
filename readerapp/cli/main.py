"""`readerapp`: the command line. A contract: extend it, never break it."""

from __future__ import annotations

import sys

from readerapp import __version__

# What this module imports is what every command pays before it starts, `readerapp --version`
# included (about 0.1 s of budget, most of it Python's own start): nothing beyond sys here.
# The parser (readerapp.cli.parser) imports what its choices and help text come from, and a
# command's own module is imported when it runs (see _command): `search` must not pay for
# SQLAlchemy, the formats and the services, half a second or more.
TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (mypy knows the name)
if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Sequence
    from pathlib import Path

    from readerapp.core.errors import UserError
    from readerapp.core.location import LibraryLocation
    from readerapp.services.library import Library

EXIT_OK, EXIT_USER = 0, 1


def _launch_gui(
    parser: argparse.ArgumentParser,
    library: LibraryLocation | None,
    open_files: Sequence[Path] = (),
) -> int:
    try:
        from readerapp.gui.app import run
    except ModuleNotFoundError as exc:
        if exc.name is None or not exc.name.startswith("readerapp.gui"):
            raise
        parser.print_help()
        return EXIT_OK
    return int(run(library, open_files))


# Commands on the library folder itself, run without opening (and repairing) the library
# (readerapp.cli.commands.FOLDER_COMMANDS).
FOLDER_COMMANDS = {"backup", "restore", "copy-library"}


def _command(name: str) -> Callable[[Library, argparse.Namespace], int]:
    """The function that runs a command on an open library, its module imported now.

    `search` and `show` read through the sqlite3 driver alone; every other command needs the
    ORM, the formats or the online sources, over half a second of imports they do without.
    """
    if name == "search":
        from readerapp.cli.search_command import cmd_search

        return cmd_search
    if name == "show":
        from readerapp.cli.show_command import cmd_show

        return cmd_show
    from readerapp.cli.commands import COMMANDS

    return COMMANDS[name]


# Commands that need a library already there: on a folder that holds none (a mistyped
# --library) they stop with one line and create nothing. Every other command creates one.
NEEDS_LIBRARY = {
    "search",
    "show",
    "export",
    "check",
    "attach",
    "download",
    "imports",
    "undo",
    "undo-import",
    "complete",
    # They name papers by REF: on a folder with no library there is none to name.
    "edit",
    "star",
    "unstar",
    "status",
    "note",
    # The reading routine reads (or names papers of) a library that exists.
    "today",
    "inbox",
    "archive",
    "snooze",
    "reread",
    "history",
    "stats",
}
NEEDS_LIBRARY_ACTIONS = {
    ("tag", "list"),
    ("tag", "rename"),  # a tag to rename or delete is in a library that exists
    ("tag", "delete"),
    ("queue", "list"),
    ("queue", "show"),
    ("rules", "list"),
    ("rules", "remove"),
    ("rules", "run"),
}


def _needs_library(args: argparse.Namespace) -> bool:
    if args.command in NEEDS_LIBRARY:
        return True
    action = (
        getattr(args, "tag_command", None)
        or getattr(args, "queue_command", None)
        or getattr(args, "rules_command", None)
    )
    return (args.command, action) in NEEDS_LIBRARY_ACTIONS


def _has_library(location: LibraryLocation) -> bool:
    """Whether the folder or the server database holds a library. A server that cannot be
    reached says so here (ServerUnreachable: one line, exit 2)."""
    from readerapp.core import paths
    from readerapp.core.location import ServerLocation

    if isinstance(location, ServerLocation):
        from readerapp.db.server import holds_library

        return holds_library(location)
    return paths.database_path(location).exists()


def _no_library(library_dir: LibraryLocation, args: argparse.Namespace) -> UserError:
    import os
    import shlex

    from readerapp.core import paths
    from readerapp.core.errors import UserError

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


def _index_rebuild_line(done: int, total: int | None, message: str) -> None:
    """Opening a library can rebuild its search index (after an upgrade that changed it, or
    when it is damaged): one line on stderr says so before the wait, none after."""
    if done == 0:
        print(f"readerapp: {message}…", file=sys.stderr, flush=True)


def _index_behind_line(lib: Library) -> None:
    """Another readerapp held the search index's writer (its import's indexing): what this
    command saved is saved, and one line says what searches do not find yet."""
    if lib.rebuild_behind:
        print(
            "readerapp: papers not yet searchable by text: another readerapp is rebuilding "
            "the search index; searches find every paper once it has finished",
            file=sys.stderr,
        )
        return
    count = lib.pending_count()
    print(
        f"readerapp: {count:,} changed paper(s) not yet searchable by text: another readerapp "
        "is writing the search index; the next readerapp command after it has finished "
        "indexes them",
        file=sys.stderr,
    )


def command_word(words: Sequence[str]) -> str | None:
    """The word argparse will take for the command, read before the parse so that only its
    parser is built (cli.parser.build_parser), or None where that is not certain: any main
    option but `--library DIR` before it (abbreviated options, --open's list of files,
    --help, --) gets the whole parser."""
    i = 0
    while i < len(words):
        word = words[i]
        if word == "--library" and i + 1 < len(words) and not words[i + 1].startswith("-"):
            i += 2
        elif word.startswith("--library="):
            i += 1
        elif word.startswith("-"):
            return None
        else:
            return word
    return None


def main(argv: Sequence[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else list(argv)
    if words == ["--version"]:
        # Answered before anything else is imported: the parser's --version says the same.
        print(f"readerapp {__version__}")
        return EXIT_OK
    from readerapp.cli.parser import build_parser
    from readerapp.core import paths
    from readerapp.core.errors import ReaderappError

    parser = build_parser(command_word(words))
    try:
        args = parser.parse_args(words)
    except SystemExit as exc:  # --help, --version, usage errors: return, do not exit
        return exc.code if isinstance(exc.code, int) else EXIT_USER
    try:
        if args.self_test:
            from readerapp import selftest

            return selftest.run()
        if args.command is None:
            return _launch_gui(parser, args.library, args.open)
        library_dir = args.library or paths.default_location()
        if args.command in FOLDER_COMMANDS:
            from readerapp.cli import commands

            return commands.FOLDER_COMMANDS[args.command](library_dir, args)
        # Decided before opening: Library.open creates the folder and the database.
        had_library = _has_library(library_dir)
        if not had_library and _needs_library(args):
            raise _no_library(library_dir, args)
        args.created_library = not had_library  # `import` says so
        command = _command(args.command)
        from readerapp.services.library import Library  # after the parse: see the top

        with Library.open(library_dir, progress=_index_rebuild_line) as lib:
            code = command(lib, args)
            if lib.index_behind:
                _index_behind_line(lib)
            return code
    except ReaderappError as exc:
        print(f"readerapp: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("readerapp: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `readerapp search x | head` closes the pipe early; that is not an error.
        return EXIT_OK
