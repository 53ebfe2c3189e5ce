"""A server library seen from two machines (issue 18's budgets): machine B catching up 1,000
changes machine A made (each its own transaction: stars, statuses, tags and notes, so about
half of them touch the text index), and opening the library again with a warm cache.

The server is the tests' throw-away PostgreSQL cluster on this machine (tests/pg_cluster.py);
the library on it is a copy of the section's prepared folder library (services.copying).
"Machines" are two Library objects with their own cache folders ($XDG_CACHE_HOME), so each
keeps its own index and journal cursor, as two computers would.
"""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from benchmarks.limits import SERVER_MAX
from benchmarks.sections import Context, section
from benchmarks.state import paper_ids
from benchmarks.stats import Figure, timed
from readerapp.core.location import ServerLocation
from readerapp.services import copying, notes, search, triage
from readerapp.services.library import Library

CHANGES = 1_000
KINDS = ("star", "status", "tag", "note")


@contextmanager
def _cache(folder: Path) -> Iterator[None]:
    """Libraries opened inside are one machine's: their cache folder (index and cursor)."""
    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(folder)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("XDG_CACHE_HOME", None)
        else:
            os.environ["XDG_CACHE_HOME"] = before


def _open(location: ServerLocation, cache: Path) -> Library:
    with _cache(cache):
        return Library.open(location)


def _open_time(location: ServerLocation, cache: Path) -> float:
    """Seconds Library.open takes (connect, check the schema, open the index, catch up)."""
    seconds, library = timed(lambda: _open(location, cache))
    library.close()
    return seconds


def _changes(library: Library, ids: list[int], rng: random.Random, word: str) -> int:
    """CHANGES transactions, a quarter of each kind; returns the paper the last note is on."""
    noted = ids[0]
    for number in range(CHANGES):
        pid = rng.choice(ids)
        kind = KINDS[number % len(KINDS)]
        if kind == "star":
            triage.set_starred(library, [pid], number % 8 == 0)
        elif kind == "status":
            triage.set_status(library, [pid], "reading")
        elif kind == "tag":
            triage.add_tag(library, f"sync{number % 5}", [pid])
        else:
            notes.add_note(library, pid, f"{word} remote note {number}")
            noted = pid
    return noted


@section(
    "sync",
    "Server library: catching up another machine's changes, warm open",
    max_size=SERVER_MAX,
    skip_reason="copying the library to the server takes longer than the rest of the run",
)
def run(ctx: Context) -> list[Figure]:
    from tests.pg_cluster import cluster  # the throw-away server, started on first use

    figures: list[Figure] = []
    for engine in ctx.engines:
        server = cluster()
        url = server.create_database()
        location = ServerLocation(url)
        try:
            copying.copy_library(ctx.libraries[engine], location)
            caches = ctx.workdir / f"sync-{engine}"
            catch_ups: list[float] = []
            a, b = _open(location, caches / "a"), _open(location, caches / "b")
            try:
                ids = sorted(paper_ids(a).values())
                rng = random.Random(18)
                for repeat in range(ctx.repeats):
                    word = f"syncword{engine}{repeat}"
                    noted = _changes(a, ids, rng, word)
                    seconds, _count = timed(b.sync_index)
                    catch_ups.append(seconds)
                    assert noted in search.search_ids(b, word), (engine, "caught up")
            finally:
                a.close()
                b.close()
            opens = [_open_time(location, caches / "b") for _ in range(ctx.repeats)]
        finally:
            server.drop_database(url)
        engine_figures = [
            Figure(
                "sync",
                f"catch up {CHANGES:,} remote changes",
                engine,
                catch_ups,
                note="budget 1 s",
            ),
            Figure("sync", "open with a warm cache", engine, opens, note="budget 2 s"),
        ]
        ctx.log("\n".join(f.describe() for f in engine_figures))
        figures.extend(engine_figures)
    return figures
