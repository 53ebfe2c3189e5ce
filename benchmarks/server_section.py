"""Server: importing into a library on a PostgreSQL server on this machine, against SQLite in
the same run, and opening it again with a warm cache.

The server is a throw-away cluster of the benchmark's own (tests/pg_cluster.py, from
Debian's `postgresql` package) that syncs to disk as a real server does. Each repeat imports
the same parsed records into a new database and into a new SQLite folder, alternating, so
that both see the same moment of the machine: the ratio of the two is the figure to read on
a loaded machine. The commit is timed from parsed records (import_records with index=False,
as the window imports): parsing is the same Python on both backends. Each repeat then
imports the same records again into the same library (a re-import: every record matches a
paper, nothing is added).

On a loaded machine the wall times say little, so the section also reports CPU seconds: this
process's during each commit (all of SQLite's work, and the client's share on the server),
and the server's (every process of the cluster, read from /proc; Linux only).
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.limits import SERVER_MAX
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


def _server_cpu(server: Cluster) -> float | None:
    """CPU seconds of every process of the cluster so far (the postmaster and its children:
    the backends, the WAL writer, the checkpointer); None where /proc cannot tell."""
    try:
        postmaster = int((server.data_dir / "postmaster.pid").read_text().split()[0])
        tick = os.sysconf("SC_CLK_TCK")
        total = 0.0
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue  # ended meanwhile
            if int(entry.name) == postmaster or int(fields[1]) == postmaster:
                total += (int(fields[11]) + int(fields[12])) / tick  # utime + stime
        return total
    except (OSError, ValueError, IndexError):
        return None


@dataclass(slots=True)
class _Times:
    """One kind of import's samples: wall seconds, this process's CPU, the server's CPU."""

    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    server_cpu: list[float] = field(default_factory=list)

    def measure(self, lib: Library, parsed: ParseResult, server: Cluster, new: bool) -> None:
        served, cpu = _server_cpu(server), time.process_time()
        seconds, report = timed(
            lambda: importing.import_records(lib, parsed, "dump.json", FORMAT, index=False)
        )
        self.cpu.append(time.process_time() - cpu)
        after = _server_cpu(server)
        if served is not None and after is not None:
            self.server_cpu.append(after - served)
        self.wall.append(seconds)
        if new:
            assert report.added == len(parsed.records), report
        else:
            assert report.added == 0 and report.merged == 0, report.to_json()


@section(
    "server",
    "Server library (PostgreSQL on this machine)",
    max_size=SERVER_MAX,
    skip_reason="importing into the server takes longer than the rest of the run",
)
def run(ctx: Context) -> list[Figure]:
    try:
        server = _server()
    except ClusterUnavailable as exc:
        ctx.log(f"skipped: {exc}")
        return []
    n = ctx.size
    parsed = ParseResult(records=list(ctx.records))
    on_server, on_sqlite = _Times(), _Times()
    again_server, again_sqlite = _Times(), _Times()
    location: ServerLocation | None = None
    for _ in range(ctx.repeats):
        folder = ctx.workdir / "server-compare-sqlite"
        shutil.rmtree(folder, ignore_errors=True)
        with _open_fresh(folder) as lib:
            on_sqlite.measure(lib, parsed, server, new=True)
            again_sqlite.measure(lib, parsed, server, new=False)
        location = ServerLocation(server.create_database())
        with _open_fresh(location) as lib:
            on_server.measure(lib, parsed, server, new=True)
            again_server.measure(lib, parsed, server, new=False)
    sqlite_cpu = "reference: SQLite's, all of its work in this process"
    figures = [
        Figure(
            "server",
            "commit to the server (identify, merge, insert)",
            "-",
            on_server.wall,
            on_sqlite.wall,
            n,
            "papers/s",
            "reference: the same commit to SQLite, alternating in the same run",
        ),
        Figure(
            "server",
            "re-import to the server (adds nothing)",
            "-",
            again_server.wall,
            again_sqlite.wall,
            n,
            "papers/s",
            "reference: the same re-import on SQLite",
        ),
        Figure(
            "server",
            "commit: this process's CPU",
            "-",
            on_server.cpu,
            on_sqlite.cpu,
            1,
            "ms",
            sqlite_cpu,
        ),
        Figure(
            "server",
            "re-import: this process's CPU",
            "-",
            again_server.cpu,
            again_sqlite.cpu,
            1,
            "ms",
            sqlite_cpu,
        ),
    ]
    if on_server.server_cpu:
        figures += [
            Figure("server", "commit: the server's CPU", "-", on_server.server_cpu, [], 1, "ms"),
            Figure(
                "server", "re-import: the server's CPU", "-", again_server.server_cpu, [], 1, "ms"
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
