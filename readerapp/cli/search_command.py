"""`readerapp search QUERY`: the papers a query finds, one line each or as JSON.

It reads through the sqlite3 driver alone (services.search over db.reads): no ORM and no
formats, so that a search starts about as fast as Python and the text engine allow.
"""

from __future__ import annotations

import argparse

from readerapp.cli import output
from readerapp.core.errors import UserError
from readerapp.services import search, snippets
from readerapp.services.library import Library

EXIT_OK = 0


def cmd_search(lib: Library, args: argparse.Namespace) -> int:
    if args.limit is not None and args.limit < 1:
        raise UserError("--limit must be at least 1")
    if args.json:
        papers = search.search(lib, args.query, sort=args.sort, limit=args.limit)
        # Where the words were found: a passage of the full text or abstract, words marked.
        with lib.snapshot() as conn:
            found = snippets.snippets(conn, args.query, [p.id for p in papers])
        output.print_json(
            [
                {**p.to_json(), "snippets": [s.to_json() for s in found.get(p.id, [])]}
                for p in papers
            ]
        )
        return EXIT_OK
    # One line a paper needs none of the abstracts, notes and sources the JSON holds.
    lines = search.search_summaries(lib, args.query, sort=args.sort, limit=args.limit)
    if lines:
        output.print_papers(lines)
    else:
        # Nothing on stdout (scripts test for that); people get a word on stderr.
        output.print_no_match(args.query)
    return EXIT_OK
