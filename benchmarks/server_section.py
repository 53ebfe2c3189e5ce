"""Server: importing into a library on a PostgreSQL server on this machine, against SQLite in
the same run, and opening it again with a warm cache.

The server is a throw-away cluster of the benchmark's own (tests/pg_cluster.py, from
Debian's `postgresql` package) that syncs to disk as a real server does. Each repeat imports
the same parsed records into a new database and into a new SQLite folder, alternating, so
that both see the same moment of the machine: the ratio of the two is the figure to read on
a loaded machine. The commit is timed from parsed records (import_records with index=False,
as the window imports): parsing is the same Python on both backends.
"""

from __future__ import annotations

import os
import shutil

from benchmarks.sections import Context, section
from benchmarks.stats import Figure, timed
from readerapp.core import paths
from readerapp.core.location import LibraryLocation, ServerLocation
from readerapp.formats.base import ParseResult
from readerapp.services import importing
from readerapp.services.library import Library
from tests.pg_cluster import Cluster, ClusterUnavailable, start_cluster

FORMAT = "hf-json"
_cluster: Cluster | None = None


def _server() -> Cluster:
    global _cluster
    if _cluster is None:
        _cluster = start_cluster(durable=True)
    return _cluster


def _open_fresh(location: LibraryLocation) -> Library:
    os.environ[paths.ENGINE_ENV] = "tantivy"  # no Whoosh work in an import timed here
    try:
        return Library.open(location)
    finally:
        del os.environ[paths.ENGINE_ENV]


def _commit(lib: Library, parsed: ParseResult) -> float:
    seconds, report = timed(
        lambda: importing.import_records(lib, parsed, "dump.json", FORMAT, index=False)
    )
    assert report.added == len(parsed.records), report
    return seconds


@section("server", "Server library (PostgreSQL on this machine)")
def run(ctx: Context) -> list[Figure]:
    try:
        server = _server()
    except ClusterUnavailable as exc:
        ctx.log(f"skipped: {exc}")
        return []
    n = ctx.size
    parsed = ParseResult(records=list(ctx.records))
    server_s, sqlite_s, reimport_s, sqlite_reimport_s = [], [], [], []
    location: ServerLocation | None = None
    for rep in range(ctx.repeats):
        folder = ctx.workdir / "server-compare-sqlite"
        shutil.rmtree(folder, ignore_errors=True)
        with _open_fresh(folder) as lib:
            sqlite_s.append(_commit(lib, parsed))
            if rep == ctx.repeats - 1:
                sqlite_reimport_s.append(timed(lambda lib=lib: _reimport(lib, parsed))[0])
        location = ServerLocation(server.create_database())
        with _open_fresh(location) as lib:
            server_s.append(_commit(lib, parsed))
            if rep == ctx.repeats - 1:
                reimport_s.append(timed(lambda lib=lib: _reimport(lib, parsed))[0])
    figures = [
        Figure(
            "server",
            "commit to the server (identify, merge, insert)",
            "-",
            server_s,
            sqlite_s,
            n,
            "papers/s",
            "reference: the same commit to SQLite, alternating in the same run",
        ),
        Figure(
            "server",
            "re-import to the server (adds nothing)",
            "-",
            reimport_s,
            sqlite_reimport_s,
            n,
            "papers/s",
            "reference: the same re-import on SQLite",
        ),
    ]
    if location is not None and "tantivy" in ctx.engines:
        with Library.open(location) as lib:  # builds this machine's index once
            lib.sync_index()
        open_s = [timed(lambda: Library.open(location).close())[0] for _ in range(ctx.repeats)]
        figures.append(
            Figure(
                "server",
                "open with a warm cache (index up to date)",
                "tantivy",
                open_s,
                [],
                1,
                "ms",
            )
        )
    ctx.log("\n".join(f.describe() for f in figures))
    return figures


def _reimport(lib: Library, parsed: ParseResult) -> None:
    report = importing.import_records(lib, parsed, "dump.json", FORMAT, index=False)
    assert report.added == 0 and report.merged == 0, report.to_json()
