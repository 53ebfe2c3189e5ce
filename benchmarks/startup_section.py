"""Start-up: cold commands of the command line, and the window's launch to its first painted
table, each timed in fresh processes against `python -c pass` timed the same way.

A "cold" run is a new interpreter, as each command a user types is; the operating system's
file cache and Python's bytecode cache are warm, as they are from the second command on (an
installed readerapp has its bytecode compiled by pip). So that an environment without a
writable bytecode cache (PYTHONDONTWRITEBYTECODE, a read-only checkout) does not time
compiling, the children keep their bytecode in the run's own folder (PYTHONPYCACHEPREFIX),
and one untimed run of each command fills it first.

The runs go round-robin, every command and the reference once per round, so that other work
on the machine weighs on all of them alike; the figures are medians over the rounds.

papis, the reference the design names for `search`, is timed on the same library (written as
papis's own folders of info.yaml files, with its Whoosh database) and the same query when it
is installed: the `papis` on PATH, or $READERAPP_BENCH_PAPIS.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.gui_section import launch_seconds
from benchmarks.sections import Context, section
from benchmarks.state import paper_ids
from benchmarks.stats import Figure
from readerapp.services.library import Library

ROOT = Path(__file__).resolve().parent.parent
PAPIS_ENV = "READERAPP_BENCH_PAPIS"
# papis is timed at the budget's size only: its first search of a larger library builds its
# Whoosh database from every info.yaml, which takes minutes at 100k papers.
PAPIS_SIZE = 1000
TIMEOUT_S = 600
REFERENCE_NOTE = "reference: python -c pass"


def _env(cache: Path) -> dict[str, str]:
    """The children's environment: a user's, with a bytecode cache of the run's own."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(cache)
    # The library comes with --library, so the command builds its --help text (and its
    # default library path) as a user's does; it remembers its engine.
    env.pop("READERAPP_LIBRARY", None)
    env.pop("READERAPP_ENGINE", None)
    env["QT_QPA_PLATFORM"] = "offscreen"  # the window's launch; no display here
    return env


def _seconds(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(
        argv,
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        timeout=TIMEOUT_S,
        check=False,
    )
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed: {result.stderr.decode()[-2000:]}")
    return seconds


def _timer(argv: list[str], env: dict[str, str]) -> Callable[[], float]:
    return lambda: _seconds(argv, env)


def _launch_timer(library: Path, env: dict[str, str]) -> Callable[[], float]:
    return lambda: launch_seconds("launch", library, env)


def _rounds(commands: dict[str, Callable[[], float]], repeats: int) -> dict[str, list[float]]:
    """Each command once untimed (caches), then `repeats` rounds of all of them in turn."""
    for run in commands.values():
        run()
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeats):
        for name, run in commands.items():
            times[name].append(run())
    return times


def _search_word(ctx: Context) -> str:
    """A word of middling frequency (the query mix's second term query): a page of results
    at 1k papers, so that printing them does not decide the figure."""
    terms = [q.text for q in ctx.queries if q.cls == "term"]
    return terms[1] if len(terms) > 1 else terms[0]


def _papis() -> str | None:
    return os.environ.get(PAPIS_ENV) or shutil.which("papis")


def _papis_library(ctx: Context, home: Path) -> dict[str, str]:
    """The generated papers as a papis library (a folder per paper with its info.yaml, here
    JSON, which YAML reads), configured to use papis's Whoosh database; its environment."""
    library = home / "library"
    shutil.rmtree(home, ignore_errors=True)
    for number, record in enumerate(ctx.records):
        folder = library / f"{number:07d}"
        folder.mkdir(parents=True)
        info = {
            "ref": f"paper{number}",
            "title": record.title,
            "author": " and ".join(record.authors),
            "year": record.year,
            "abstract": record.abstract,
            "eprint": record.arxiv_id,
        }
        (folder / "info.yaml").write_text(json.dumps(info, ensure_ascii=False), "utf-8")
    config = home / "config" / "papis"
    config.mkdir(parents=True)
    (config / "config").write_text(
        "[settings]\ndefault-library = bench\ndatabase-backend = whoosh\n\n"
        f"[bench]\ndir = {library}\n",
        "utf-8",
    )
    return {
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_DATA_HOME": str(home / "data"),
    }


@section("startup", "Start-up (cold processes)")
def run(ctx: Context) -> list[Figure]:
    cache = ctx.workdir.parent / "pycache"  # shared by every size: compiled once
    env = _env(cache)
    python = sys.executable
    word = _search_word(ctx)
    commands = {
        "reference": _timer([python, "-c", "pass"], env),
        "--version": _timer([python, "-m", "readerapp", "--version"], env),
    }
    for engine in ctx.engines:
        library = ctx.libraries[engine]
        with Library.open(library) as lib:
            some_id = str(next(iter(paper_ids(lib).values())))
        cli = [python, "-m", "readerapp", "--library", str(library)]
        commands[f"search:{engine}"] = _timer([*cli, "search", word], env)
        commands[f"show:{engine}"] = _timer([*cli, "show", some_id], env)
        commands[f"launch:{engine}"] = _launch_timer(library, env)
    papis = _papis() if ctx.size <= PAPIS_SIZE else None
    if papis is not None:
        papis_env = {**env, **_papis_library(ctx, ctx.workdir / "papis")}
        commands["papis"] = _timer([papis, "list", "--all", word], papis_env)
    elif ctx.size <= PAPIS_SIZE:
        ctx.log("    papis is not installed: no papis figure")
    else:
        ctx.skip(
            f"papis (timed at {PAPIS_SIZE:,} papers only: its first search of a larger "
            "library builds its Whoosh database from every info.yaml)"
        )
    times = _rounds(commands, ctx.repeats)
    ref = times["reference"]

    def figure(key: str, name: str, engine: str = "-") -> Figure:
        return Figure("startup", name, engine, times[key], ref, note=REFERENCE_NOTE)

    figures = [figure("--version", "readerapp --version")]
    for engine in ctx.engines:
        figures += [
            figure(f"search:{engine}", f"readerapp search {word}", engine),
            figure(f"show:{engine}", "readerapp show ID", engine),
            figure(f"launch:{engine}", "launch to first paint of the table", engine),
        ]
    if papis is not None:
        figures.append(figure("papis", f"papis list --all {word}", "whoosh"))
    ctx.log("\n".join(f.describe() for f in figures))
    return figures
