"""`readerapp show REF`: one paper, whole, as text or JSON.

It reads through the sqlite3 driver alone (services.paper_reads), as `search` does: no ORM,
so that looking at one paper starts about as fast as Python allows.
"""

from __future__ import annotations

import argparse

from readerapp.cli import output
from readerapp.services.library import Library
from readerapp.services.paper_reads import paper_by_ref

EXIT_OK = 0


def cmd_show(lib: Library, args: argparse.Namespace) -> int:
    paper = paper_by_ref(lib, args.ref)
    if args.json:
        output.print_json(paper.to_json())
    else:
        output.print_paper(paper)
    return EXIT_OK
