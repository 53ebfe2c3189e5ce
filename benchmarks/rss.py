"""A child process whose peak resident memory is the figure: `python -m benchmarks.rss
open LIBRARY QUERIES.json` opens a library and runs the query mix (sorted and ranked),
`... import LIBRARY DUMP` imports a dump into a new library, `... reference DB QUERIES.json`
runs the query mix on the FTS5 reference. Prints the peak RSS in MB."""

from __future__ import annotations

import json
import resource
import sys
from pathlib import Path

from benchmarks.queries import Query


def _peak_mb() -> float:
    """Peak RSS of this process. On Linux VmHWM, because ru_maxrss survives exec() and so
    would report the (much larger) benchmark process this child was forked from."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str]) -> int:
    mode, target, data = argv
    if mode == "import":
        from readerapp.services import importing
        from readerapp.services.library import Library

        with Library.open(Path(target)) as lib:
            importing.import_path(lib, Path(data), format_name="hf-json", index=False)
    else:
        queries = [Query(**q) for q in json.loads(Path(data).read_text(encoding="utf-8"))]
        for q in queries:
            if q.fuzzy is not None:
                object.__setattr__(q, "fuzzy", tuple(q.fuzzy))
        if mode == "open":
            from readerapp.services import search, triage
            from readerapp.services.library import Library

            with Library.open(Path(target)) as lib:
                for q in queries:
                    ids = search.search_ids(lib, q.text, sort=q.sort)
                    triage.get_papers(lib, ids[:200])  # a screenful of rows and more
        else:
            from benchmarks.reference import Reference

            ref = Reference.reopen(Path(target), ())
            for q in queries:
                ref.search(q)
    print(f"{_peak_mb():.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
