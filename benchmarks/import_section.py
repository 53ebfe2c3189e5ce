"""Import: parse, commit to SQLite, and fully indexed, in papers/s; and a re-import.

Parse and commit: each repeat imports the same dump into a fresh library with index=False
(what the GUI does so that papers are visible at once). Fully indexed: each repeat imports
the dump into a fresh library of each engine as `readerapp import` does (import_text with
index=True: the commit, then the indexing it triggers), timed end to end as one interval,
so that whatever overlaps the stages shows in the figure; the indexing's own part is the
time spent in Library.sync_index within it. The last library of each engine is kept, given
the user state, and handed to the search and edit sections.

From benchmarks.limits.SINGLE_IMPORT_MIN papers up (the million-paper run) the import runs
once per engine, end to end, and parse + commit is that run's time until its indexing
started: the separate parse, commit and re-import repeats are skipped (they would triple
the section's time).
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.limits import REFERENCE_MAX, SINGLE_IMPORT_MIN
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
    if ctx.size >= SINGLE_IMPORT_MIN:
        return 1
    if engine == "whoosh":
        return max(1, min(ctx.repeats, WHOOSH_INDEX_PAPERS // (ctx.size * 4) or 1))
    return ctx.repeats


@dataclass(slots=True)
class _Reference:
    """The reference's times for the same dump: json.loads, executemany, FTS5 build."""

    loads: list[float] = field(default_factory=list)
    bulk: list[float] = field(default_factory=list)
    fts: list[float] = field(default_factory=list)

    def visible(self) -> list[float]:
        return [a + b for a, b in zip(self.loads, self.bulk, strict=True)]

    def indexed(self) -> list[float]:
        return [a + b + c for a, b, c in zip(self.loads, self.bulk, self.fts, strict=True)]


@section("import", "Import")
def run(ctx: Context) -> list[Figure]:
    ref = _Reference()
    figures: list[Figure] = []
    if ctx.size < SINGLE_IMPORT_MIN:
        figures = _parse_and_commit(ctx, ref)
    else:
        ctx.skip(
            "the separately timed parse, commit and re-import (parse + commit comes from "
            "the one end-to-end import per engine)"
        )
    if ctx.size > REFERENCE_MAX:
        ctx.skip("the reference (json.loads, sqlite3 executemany and its FTS5 index)")
    for number, engine in enumerate(ctx.engines):
        engine_figures = _fully_indexed(ctx, engine, ref, with_visible=not figures and number == 0)
        ctx.log("\n".join(f.describe() for f in engine_figures))
        figures.extend(engine_figures)
    return figures


def _parse_and_commit(ctx: Context, ref_times: _Reference) -> list[Figure]:
    dump = ctx.generated.dump
    fmt = import_format(FORMAT)
    n = ctx.size
    parse_s, total_s = [], []
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
        if ctx.size > REFERENCE_MAX:
            continue
        # The reference: the same dump through json.loads and plain sqlite3.
        ref = Reference(ctx.workdir / f"reference-{rep}.sqlite")
        seconds, _ = timed(lambda: json.loads(dump))
        ref_times.loads.append(seconds)
        seconds, _ = timed(lambda ref=ref: ref.bulk_insert(ctx.records))
        ref_times.bulk.append(seconds)
        ref.apply_state(ctx.generated.state)
        seconds, _ = timed(ref.build_fts)
        ref_times.fts.append(seconds)
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
            ref_times.loads,
            n,
            "papers/s",
            "reference: json.loads of the same dump",
        ),
        Figure(
            "import",
            "commit to SQLite (identify, merge, insert)",
            "-",
            commit_s,
            ref_times.bulk,
            n,
            "papers/s",
            "reference: sqlite3 executemany of the same records",
        ),
        Figure(
            "import",
            "parse + commit (visible in the table)",
            "-",
            total_s,
            ref_times.visible(),
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
    return figures


def _fully_indexed(
    ctx: Context, engine: str, ref: _Reference, *, with_visible: bool
) -> list[Figure]:
    """Imports into fresh libraries of this engine as `readerapp import` does, timed end to
    end; the time spent in sync_index within it is the indexing's part. `with_visible`: also
    the figure parse + commit, from the time until the indexing started."""
    dump, n = ctx.generated.dump, ctx.size
    total_s: list[float] = []
    index_s: list[float] = []
    visible_s: list[float] = []
    directory = ctx.workdir / f"library-{engine}"
    for _ in range(_index_repeats(ctx, engine)):
        with open_fresh(directory, engine) as lib:
            indexing: list[tuple[float, float, int]] = []  # (start, seconds, papers)
            sync_index: Callable[..., int] = lib.sync_index

            def timed_sync(
                *args: Any,
                sync_index: Callable[..., int] = sync_index,
                indexing: list[tuple[float, float, int]] = indexing,
                **kwargs: Any,
            ) -> int:
                start = time.perf_counter()
                count = sync_index(*args, **kwargs)
                indexing.append((start, time.perf_counter() - start, count))
                return count

            lib.sync_index = timed_sync  # type: ignore[method-assign]
            start = time.perf_counter()
            report = importing.import_text(lib, dump, "dump.json", format_name=FORMAT, index=True)
            total_s.append(time.perf_counter() - start)
            assert report.added == n, report
            if indexing:  # else the import indexed as it committed: no separate stage
                index_s.append(sum(seconds for _, seconds, _ in indexing))
                visible_s.append(indexing[0][0] - start)
        with Library.open(directory) as check:
            assert check.sync_index() == 0, "the import left papers unindexed"
    with Library.open(directory) as lib:
        apply_state(lib, ctx.generated.state)
    ctx.libraries[engine] = directory
    figures = []
    if with_visible and visible_s:
        figures.append(
            Figure(
                "import",
                "parse + commit (visible in the table)",
                "-",
                visible_s,
                [],
                n,
                "papers/s",
                f"until the indexing started, in the end-to-end import ({engine})",
            )
        )
    if index_s:
        figures.append(
            Figure(
                "import",
                "text indexing (background, after commit)",
                engine,
                index_s,
                ref.fts,
                n,
                "papers/s",
                "time in sync_index within the import; reference: FTS5 index of the same text",
            )
        )
    return [
        *figures,
        Figure(
            "import",
            "fully indexed (parse + commit + index)",
            engine,
            total_s,
            ref.indexed(),
            n,
            "papers/s",
            "one import as `readerapp import` runs it, timed end to end",
        ),
    ]
