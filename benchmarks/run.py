"""The benchmark, in one command:

    python -m benchmarks.run                       # 1k, 10k, 20k and 100k papers, both engines
    python -m benchmarks.run --sizes 1000,10000,100000 --repeats 5
    python -m benchmarks.run --quick               # 1k papers, 2 repeats: a smoke test
    python -m benchmarks.run --million --results million.json --output million.md
                                                   # 1,000,000 papers, tantivy only

Writes docs/benchmarks.md (or --output) and prints every figure with its ratio to the
SQLite/FTS5 reference as it goes, and how long each section took.

--million is --sizes 1000000 --engines tantivy (issue 17's million-paper budgets; not in
CI). Above 100,000 papers the run leaves out what makes no sense or would take hours there,
and says so in the log and on the page (benchmarks/limits.py): Whoosh, the FTS5 reference,
the server sections, the separately repeated parse and commit. Two runs' saved figures
render as one page with a growth table from 1k to 1M:

    python -m benchmarks.report full.json million.json -o docs/benchmarks.md
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sqlite3
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

from benchmarks.generate import cached
from benchmarks.limits import MILLION, REFERENCE_MAX, WHOOSH_MAX
from benchmarks.queries import query_mix
from benchmarks.reference import Reference
from benchmarks.report import Results, Run, render_run, save_run, write_page
from benchmarks.sections import Context, load_sections
from readerapp.formats.registry import import_format
from readerapp.search.factory import ENGINES

ROOT = Path(__file__).resolve().parent.parent
# Above this size every repeat of a slow step costs minutes; three are enough for a median.
LARGE = 50_000


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def _load() -> str:
    try:
        return " / ".join(f"{v:.1f}" for v in os.getloadavg())
    except OSError:
        return "unknown"


def header(args: argparse.Namespace, sizes: list[int], load_at_start: str) -> list[str]:
    command = "python -m benchmarks.run " + " ".join(sys.argv[1:])
    return [
        f"Written by `{command.strip()}` on {dt.date.today().isoformat()}: "
        f"{_cpu()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}, Whoosh-Reloaded {_version('whoosh-reloaded')}, "
        f"tantivy {_version('tantivy')}, {platform.system()}. Seed {args.seed}; "
        f"sizes {', '.join(f'{s:,}' for s in sizes)}.",
        "",
        "Every figure is a median and a p95 over repeated runs (nearest rank: with few "
        "repeats the p95 is the slowest run; for rates, the rate of the p95 time). "
        f"Searches and edits repeat {args.repeats} times (3 above {LARGE:,} papers) on a "
        "warm library; indexing 100k papers with Whoosh runs once. The reference is timed "
        "in the same process on the same records: plain sqlite3 (json.loads, executemany) "
        'and an SQLite FTS5 index answering the same query mix. "x reference time" is '
        "our median time divided by the reference's: 1 is as fast as plain SQLite, 10 is "
        "ten times slower.",
        "",
        "The libraries are generated (benchmarks/generate.py): words with the frequencies "
        "of the real titles and abstracts in tests/data, a quarter of them as real word "
        "pairs, plus a long tail of new terms that grows with the library; real author "
        "names; dates 2015-2025; arXiv ids; 8% of papers tagged, 3% with notes, 5% "
        "starred, statuses and three queues. The dump is Hugging Face papers JSON.",
        "",
        f"Load average (1 / 5 / 15 min) at the start: {load_at_start}; at the end: "
        f"{_load()}. Other processes on the same cores inflate every absolute time; the "
        "reference runs in the same process moments apart and suffers the same, so the "
        "ratios are the figures that compare across runs and machines.",
    ]


def reuse(ctx: Context) -> None:
    """The libraries and the last reference database an earlier run left in the workdir."""
    for engine in ctx.engines:
        library = ctx.workdir / f"library-{engine}"
        if not library.is_dir():
            raise SystemExit(f"{library}: no library from an earlier run to reuse")
        ctx.libraries[engine] = library
    if ctx.size > REFERENCE_MAX:
        return  # no reference at this size
    saved = sorted(ctx.workdir.glob("reference-[0-9]*.sqlite"), key=lambda p: p.stat().st_mtime)
    if not saved:
        raise SystemExit(f"{ctx.workdir}: no reference database from an earlier run to reuse")
    ctx.reference = Reference.reopen(saved[-1], ctx.records)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--sizes",
        default="1000,10000,20000,100000",
        help="library sizes, comma-separated (default: %(default)s)",
    )
    parser.add_argument("--quick", action="store_true", help="1,000 papers, 2 repeats")
    parser.add_argument(
        "--million",
        action="store_true",
        help=f"{MILLION:,} papers with tantivy only (issue 17's budgets; about 20 minutes)",
    )
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--engines", default=",".join(ENGINES))
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "benchmarks.md")
    parser.add_argument(
        "--workdir", type=Path, help="where libraries are built (default: a temporary folder)"
    )
    parser.add_argument(
        "--results",
        type=Path,
        help="also save the raw figures as JSON here (python -m benchmarks.report JSON "
        "[JSON...] -o MD renders them again, several runs as one page)",
    )
    parser.add_argument(
        "--sections",
        help="only these sections, comma-separated (names: "
        "import, startup, search, edits, gui, memory, sync, server); default all",
    )
    parser.add_argument(
        "--only-at",
        default="",
        metavar="SECTION=SIZE[/SIZE...],...",
        help="run these sections only at these sizes (e.g. sync=100000,server=100000: "
        "their budgets are set at 100k), to fit a run in an evening; the page lists the skips",
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="with --workdir: measure the "
        "libraries and reference a previous run left there instead of "
        "importing again (to re-run one section after a fix)",
    )
    args = parser.parse_args(argv)
    if args.reuse and args.workdir is None:
        parser.error("--reuse needs the --workdir of the run whose libraries it measures")
    if args.quick:
        args.sizes, args.repeats = "1000", 2
    if args.million:
        args.sizes, args.engines = str(MILLION), "tantivy"
    sizes = sorted(int(s.replace("_", "")) for s in args.sizes.split(","))
    engines = tuple(e for e in args.engines.split(",") if e)
    sections = load_sections()
    if args.sections:
        wanted = set(args.sections.split(","))
        unknown = wanted - {s.name for s in sections}
        if unknown:
            parser.error(f"unknown sections: {', '.join(sorted(unknown))}")
        sections = [s for s in sections if s.name in wanted]
    only_at: dict[str, set[int]] = {}
    for item in filter(None, args.only_at.split(",")):
        name, _, at = item.partition("=")
        if name not in {s.name for s in sections} or not at:
            parser.error(f"--only-at {item}: expected SECTION=SIZE[/SIZE...] of a section run")
        only_at[name] = {int(x.replace("_", "")) for x in at.split("/")}
    load_at_start = _load()
    results: Results = {}
    skipped: dict[int, list[str]] = {}
    walltime: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="readerapp-bench-") as tmp:
        root = args.workdir or Path(tmp)
        for size in sizes:
            started = time.perf_counter()
            print(f"== {size:,} papers: generating", flush=True)
            # Kept in the --workdir: a later run there (the lead's, after a trial) reads it back.
            generated = cached(args.workdir, size, args.seed)
            # The parsed records feed the reference (and papis's and the server's copies),
            # all left out above REFERENCE_MAX: a million of them would hold gigabytes.
            records = (
                import_format("hf-json").parse(generated.dump, "dump.json").records
                if size <= REFERENCE_MAX
                else []
            )
            workdir = root / f"size-{size}"
            workdir.mkdir(parents=True, exist_ok=True)
            ctx = Context(
                size,
                tuple(e for e in engines if e != "whoosh" or size <= WHOOSH_MAX),
                args.repeats if size <= LARGE else min(args.repeats, 3),
                workdir,
                generated,
                records,
                query_mix(generated),
                log=lambda line: print(line, flush=True),
            )
            if len(ctx.engines) < len(engines):
                ctx.skip(f"Whoosh (above {WHOOSH_MAX:,} papers tantivy is the engine to use)")
            results[size] = []
            times = walltime[size] = {"generate": time.perf_counter() - started}
            if args.reuse:
                reuse(ctx)
            for section in sections:
                if section.max_size is not None and size > section.max_size:
                    print(f"-- {section.title}", flush=True)
                    ctx.skip(f"{section.title}: {section.skip_reason}")
                    continue
                if section.name in only_at and size not in only_at[section.name]:
                    print(f"-- {section.title}", flush=True)
                    sizes_run = ", ".join(f"{s:,}" for s in sorted(only_at[section.name]))
                    ctx.skip(f"{section.title}: run only at {sizes_run} papers (--only-at)")
                    continue
                print(f"-- {section.title}", flush=True)
                began = time.perf_counter()
                results[size].extend(section.run(ctx))
                times[section.name] = time.perf_counter() - began
                print(f"   ({section.name}: {_minutes(times[section.name])})", flush=True)
            if ctx.reference is not None:
                ctx.reference.close()
            skipped[size] = ctx.skipped
            print(
                f"== {size:,} papers took {_minutes(time.perf_counter() - started)}: "
                + ", ".join(f"{name} {_minutes(s)}" for name, s in times.items()),
                flush=True,
            )
            del generated, records, ctx  # a million papers' dump before the next size's
    run = Run(results, header(args, sizes, load_at_start), skipped, walltime)
    if args.results is not None:
        save_run(args.results, run)
    write_page(args.output, render_run(run, sections))
    print(f"wrote {args.output}")
    return 0


def _minutes(seconds: float) -> str:
    return f"{seconds:.0f} s" if seconds < 90 else f"{seconds / 60:.1f} min"


if __name__ == "__main__":
    sys.exit(main())
