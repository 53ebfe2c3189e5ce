"""Import: parse, commit to SQLite, and fully indexed, in papers/s; and a re-import.

Each repeat imports the same dump into a fresh library with index=False (what the GUI does
so that papers are visible at once), then times the indexing that follows (sync_index, what
runs in the background). The last library of each engine is kept, given the user state, and
handed to the search and edit sections.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
from pathlib import Path

from benchmarks.reference import Reference
from benchmarks.sections import Context, section
from benchmarks.state import apply_state
from benchmarks.stats import Figure, timed
from readerapp.core import paths
from readerapp.core.gc_pause import gc_paused
from readerapp.formats.registry import import_format
from readerapp.services import importing
from readerapp.services.library import Library

FORMAT = "hf-json"
# Indexing 100k papers with Whoosh takes minutes: fewer repeats where it is slow.
WHOOSH_INDEX_PAPERS = 100_000


def open_fresh(directory: Path, engine: str) -> Library:
    shutil.rmtree(directory, ignore_errors=True)
    os.environ[paths.ENGINE_ENV] = engine  # a new library starts with this engine
    try:
        return Library.open(directory)
    finally:
        del os.environ[paths.ENGINE_ENV]


def _index_repeats(ctx: Context, engine: str) -> int:
    if engine == "whoosh":
        return max(1, min(ctx.repeats, WHOOSH_INDEX_PAPERS // (ctx.size * 4) or 1))
    return ctx.repeats


@section("import", "Import")
def run(ctx: Context) -> list[Figure]:
    dump = ctx.generated.dump
    fmt = import_format(FORMAT)
    n = ctx.size
    parse_s, total_s, loads_s, bulk_s, fts_s = [], [], [], [], []
    for rep in range(ctx.repeats):
        # As import_text parses (collector paused), so that commit = total - parse is the
        # commit's own time and not also what the pause saves the parse.
        with gc_paused():
            seconds, _ = timed(lambda: fmt.parse(dump, "dump.json"))
        parse_s.append(seconds)
        with open_fresh(ctx.workdir / "import-lib", "whoosh") as lib:
            seconds, report = timed(
                lambda lib=lib: importing.import_text(
                    lib, dump, "dump.json", format_name=FORMAT, index=False
                )
            )
            assert report.added == n, report
            total_s.append(seconds)
            if rep == ctx.repeats - 1:
                reimport, again = timed(
                    lambda lib=lib: importing.import_text(
                        lib, dump, "dump.json", format_name=FORMAT, index=False
                    )
                )
                assert again.added == 0 and again.merged == 0, again.to_json()
        # The reference: the same dump through json.loads and plain sqlite3.
        ref = Reference(ctx.workdir / f"reference-{rep}.sqlite")
        seconds, _ = timed(lambda: json.loads(dump))
        loads_s.append(seconds)
        seconds, _ = timed(lambda ref=ref: ref.bulk_insert(ctx.records))
        bulk_s.append(seconds)
        ref.apply_state(ctx.generated.state)
        seconds, _ = timed(ref.build_fts)
        fts_s.append(seconds)
        if ctx.reference is not None:
            ctx.reference.close()
        ctx.reference = ref
    commit_s = [t - p for t, p in zip(total_s, parse_s, strict=True)]
    figures = [
        Figure(
            "import",
            f"parse ({FORMAT})",
            "-",
            parse_s,
            loads_s,
            n,
            "papers/s",
            "reference: json.loads of the same dump",
        ),
        Figure(
            "import",
            "commit to SQLite (identify, merge, insert)",
            "-",
            commit_s,
            bulk_s,
            n,
            "papers/s",
            "reference: sqlite3 executemany of the same records",
        ),
        Figure(
            "import",
            "parse + commit (visible in the table)",
            "-",
            total_s,
            [a + b for a, b in zip(loads_s, bulk_s, strict=True)],
            n,
            "papers/s",
        ),
        Figure(
            "import",
            "re-import of the same dump (adds nothing)",
            "-",
            [reimport],
            [],
            n,
            "papers/s",
        ),
    ]
    ctx.log("\n".join(f.describe() for f in figures))
    total_median = statistics.median(total_s)  # the same median the figures report
    for engine in ctx.engines:
        index_s = []
        directory = ctx.workdir / f"library-{engine}"
        for _ in range(_index_repeats(ctx, engine)):
            with open_fresh(directory, engine) as lib:
                importing.import_text(lib, dump, "dump.json", format_name=FORMAT, index=False)
                seconds, count = timed(lib.sync_index)
                assert count == n
                index_s.append(seconds)
        with Library.open(directory) as lib:
            apply_state(lib, ctx.generated.state)
        ctx.libraries[engine] = directory
        engine_figures = [
            Figure(
                "import",
                "text indexing (background, after commit)",
                engine,
                index_s,
                fts_s,
                n,
                "papers/s",
                "reference: FTS5 index of the same text",
            ),
            Figure(
                "import",
                "fully indexed (parse + commit + index)",
                engine,
                [total_median + s for s in index_s],
                [a + b + c for a, b, c in zip(loads_s, bulk_s, fts_s, strict=True)],
                n,
                "papers/s",
            ),
        ]
        ctx.log("\n".join(f.describe() for f in engine_figures))
        figures.extend(engine_figures)
    return figures
