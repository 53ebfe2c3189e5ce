"""Peak resident memory, each in a fresh child process so that nothing else the benchmark
holds (the generated dump, the other engine) is counted: the library open and searched, an
import of the dump, and the FTS5 reference answering the same queries."""

from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
import sys
from pathlib import Path

from benchmarks.limits import SINGLE_IMPORT_MIN
from benchmarks.sections import Context, section
from benchmarks.stats import Figure

ROOT = Path(__file__).resolve().parent.parent


def _child(*args: str) -> float:
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.rss", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return float(result.stdout.strip().splitlines()[-1])


@section("memory", "Memory")
def run(ctx: Context) -> list[Figure]:
    queries = ctx.workdir / "queries.json"
    queries.write_text(json.dumps([dataclasses.asdict(q) for q in ctx.queries]), encoding="utf-8")
    ref_mb: list[float] = []
    if ctx.reference is not None:
        reference = ctx.workdir / "reference-rss.sqlite"
        ctx.reference.conn.commit()
        reference.unlink(missing_ok=True)
        ctx.reference.conn.execute("VACUUM INTO ?", (str(reference),))  # a copy for the child
        ref_mb.append(_child("reference", str(reference), str(queries)))
    figures: list[Figure] = []
    if ctx.size < SINGLE_IMPORT_MIN:
        dump = ctx.workdir / "dump.json"
        dump.write_text(ctx.generated.dump, encoding="utf-8")
        target = ctx.workdir / "rss-import"
        shutil.rmtree(target, ignore_errors=True)
        figures.append(
            Figure(
                "memory",
                "peak RSS, importing the dump (MB)",
                "-",
                [_child("import", str(target), str(dump))],
                ref_mb,
                unit="MB",
            )
        )
        shutil.rmtree(target, ignore_errors=True)
    else:
        ctx.skip("the peak memory of a second import of the dump, in a child process")
    for engine in ctx.engines:
        figures.append(
            Figure(
                "memory",
                "peak RSS, library open and searched (MB)",
                engine,
                [_child("open", str(ctx.libraries[engine]), str(queries))],
                ref_mb,
                unit="MB",
            )
        )
    ctx.log("\n".join(f.describe() for f in figures))
    return figures
