"""`readerapp edit REF`: set a paper's fields by hand (services.editing).

Each option sets one field and an empty value clears it (`--venue ""`). A field edited here is
the user's from then on: no import fills it again, even when it was cleared. The edit is one
change for `readerapp undo`.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, TypeVar

from readerapp.cli import output
from readerapp.core.errors import UserError
from readerapp.core.records import LINK_KINDS

if TYPE_CHECKING:
    from readerapp.services.library import Library

EXIT_OK = 0
_P = TypeVar("_P", bound=argparse.ArgumentParser)

# Option dest -> the field it sets; --authors and --link are read apart.
_OPTIONS: dict[str, str] = {
    "title": "title",
    "year": "year",
    "date": "date",
    "venue": "venue",
    "arxiv": "arxiv_id",
    "doi": "doi",
    "abstract": "abstract",
}


def add_edit_parser(sub: argparse._SubParsersAction[_P]) -> None:
    """Adds `edit` to the main parser's subcommands (of whichever parser class they make)."""
    p = sub.add_parser(
        "edit",
        help="edit a paper's title, authors, year, date, venue, ids, abstract or links by hand "
        '(an empty value clears a field: --venue "")',
    )
    p.add_argument("ref", metavar="REF")
    p.add_argument("--title", metavar="T")
    p.add_argument("--authors", metavar='"A; B"', help="names separated by semicolons")
    p.add_argument("--year", metavar="Y")
    p.add_argument("--date", metavar="D", help="YYYY, YYYY-MM or YYYY-MM-DD")
    p.add_argument("--venue", metavar="V")
    p.add_argument("--arxiv", metavar="ID", help="an arXiv id, arXiv: reference or arxiv.org URL")
    p.add_argument("--doi", metavar="DOI", help="a DOI, doi: reference or doi.org URL")
    p.add_argument("--abstract", metavar="TEXT", help="the abstract, or - to read standard input")
    p.add_argument(
        "--link",
        action="append",
        default=[],
        metavar="KIND=URL",
        help=f"an http(s) link; KIND is one of {', '.join(LINK_KINDS)} (repeatable)",
    )
    p.add_argument("--json", action="store_true", help="print the paper as `show --json` does")


def edit_values(args: argparse.Namespace) -> dict[str, object]:
    """The fields the options set, as given (services.editing cleans and checks them)."""
    # Imported here, not at the top: main.py builds its parser with add_edit_parser, and
    # the services need the ORM (half a second), which only an edit uses. So does reading
    # the abstract from standard input, below.
    from readerapp.services import editing

    values: dict[str, object] = {
        field: getattr(args, option)
        for option, field in _OPTIONS.items()
        if getattr(args, option) is not None
    }
    if args.authors is not None:
        values["authors"] = editing.parse_authors(args.authors)
    if values.get("abstract") == "-":
        from readerapp.formats.text_input import decode

        values["abstract"] = decode(sys.stdin.buffer.read(), "<stdin>")
    for item in args.link:
        kind, equals, url = str(item).partition("=")
        kind = kind.strip().lower()
        if not equals or kind not in editing.LINK_FIELDS:
            raise UserError(
                f"--link {item!r}: write KIND=URL with KIND one of "
                f"{', '.join(editing.LINK_FIELDS)} (an empty URL clears the link)"
            )
        field = editing.LINK_FIELDS[kind]
        if field in values:
            raise UserError(f"--link {kind}= is given twice")
        values[field] = url
    if not values:
        raise UserError(
            "nothing to edit: give --title, --authors, --year, --date, --venue, --arxiv, "
            "--doi, --abstract or --link"
        )
    return values


def cmd_edit(lib: Library, args: argparse.Namespace) -> int:
    from readerapp.services import editing, triage, undo  # as in edit_values

    values = edit_values(args)  # a mistyped option fails before anything is read or written
    (paper_id,) = triage.resolve(lib, [args.ref])
    applied = editing.edit_paper(lib, paper_id, **values)
    undo.remember(lib, applied)
    if args.json:
        output.print_json(triage.get_paper(lib, paper_id).to_json())
    else:
        print(f"Edited {paper_id}: {', '.join(applied.value)}")
    return EXIT_OK
