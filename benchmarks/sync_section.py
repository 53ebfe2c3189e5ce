"""A server library seen from two machines (issue 18's budgets): machine B catching up 1,000
changes machine A made (each its own transaction: stars, statuses, tags and notes, so about
half of them touch the text index), and opening the library again with a warm cache.

The server is the tests' throw-away PostgreSQL cluster on this machine (tests/pg_cluster.py);
the library on it is a copy of the section's prepared folder library (services.copying).
"Machines" are two Library objects with their own cache folders ($XDG_CACHE_HOME), so each
keeps its own index and journal cursor, as two computers would.

Each machine's first open would build its index of the whole library (with Whoosh at
100,000 papers, about 9 minutes each). That build is not what the section measures, so it
runs once per prepared library: machine A's first open builds it, and the index (with its
engine and journal cursor) is kept beside the library (`sync-seed-<engine>`) and copied into
machine B's cache folder, and into both in later runs on the same library. A copy is what a
build would have written: the same papers copied from the same library into a new database
get the same ids and the same journal numbers (checked: the copied cursor must be the new
database's latest change).
"""

from __future__ import annotations

import os
import random
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from benchmarks.limits import SERVER_MAX
from benchmarks.sections import Context, section
from benchmarks.state import paper_ids
from benchmarks.stats import Figure, timed
from readerapp.core.location import ServerLocation
from readerapp.db import journal
from readerapp.services import catch_up, copying, notes, search, triage
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


# What a machine's cache folder holds of its index: the index, its engine, its cursor.
_INDEX_FILES = ("index", "index.engine", "index" + catch_up.CURSOR_SUFFIX)


def _fingerprint(library: Path) -> str:
    """Which state of the prepared library a seed was built from."""
    database = library / "library.sqlite"
    stat = database.stat()
    return f"{stat.st_size} {stat.st_mtime_ns}"


def _seed_dir(library: Path, engine: str) -> Path:
    return library.parent / f"sync-seed-{engine}"


def _save_seed(location: ServerLocation, cache: Path, library: Path, engine: str) -> None:
    """Keeps the index machine A's first open built, for the next machines and runs."""
    with _cache(cache):
        folder = location.cache_dir()
    seed = _seed_dir(library, engine)
    shutil.rmtree(seed, ignore_errors=True)
    seed.mkdir(parents=True)
    for name in _INDEX_FILES:
        if (folder / name).is_dir():
            shutil.copytree(folder / name, seed / name)
        else:
            shutil.copy2(folder / name, seed / name)
    (seed / "fingerprint").write_text(_fingerprint(library), encoding="ascii")


def _seed(location: ServerLocation, cache: Path, library: Path, engine: str) -> bool:
    """Copies a kept index into this machine's cache folder; False when there is none for
    this state of the library."""
    seed = _seed_dir(library, engine)
    try:
        if (seed / "fingerprint").read_text(encoding="ascii") != _fingerprint(library):
            return False
    except OSError:
        return False
    with _cache(cache):
        folder = location.cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    for name in _INDEX_FILES:
        if (seed / name).is_dir():
            shutil.copytree(seed / name, folder / name)
        else:
            shutil.copy2(seed / name, folder / name)
    return True


def _check_seeded(library: Library) -> None:
    """A copied index's cursor must be where a build would have left it."""
    cursor = catch_up.read_cursor(library._index_dir())
    with library.snapshot() as conn:
        latest = journal.latest(conn)
    assert cursor is not None and cursor.whole == latest, (cursor, latest)


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
            shutil.rmtree(caches, ignore_errors=True)  # a new database: new cache folders
            library = ctx.libraries[engine]
            catch_ups: list[float] = []
            cpu: list[float] = []
            seeded = _seed(location, caches / "a", library, engine)
            a = _open(location, caches / "a")
            if not seeded:
                _save_seed(location, caches / "a", library, engine)
            _seed(location, caches / "b", library, engine)
            b = _open(location, caches / "b")
            try:
                _check_seeded(b)
                ids = sorted(paper_ids(a).values())
                rng = random.Random(18)
                for repeat in range(ctx.repeats):
                    word = f"syncword{engine}{repeat}"
                    noted = _changes(a, ids, rng, word)
                    started = time.process_time()
                    seconds, _count = timed(b.sync_index)
                    cpu.append(time.process_time() - started)
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
            Figure(
                "sync",
                f"catch up {CHANGES:,} remote changes: this process's CPU",
                engine,
                cpu,
            ),
            Figure("sync", "open with a warm cache", engine, opens, note="budget 2 s"),
        ]
        ctx.log("\n".join(f.describe() for f in engine_figures))
        figures.extend(engine_figures)
    return figures
