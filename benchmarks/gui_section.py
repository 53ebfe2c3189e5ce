"""GUI: launch to first paint, model reset, sort by each column, keystroke to updated table,
scrolling, the longest event-loop stall during each, and the window's peak RSS.

Every GUI figure is taken in a child process (`python -m benchmarks.gui_child ...`) with
the real MainWindow offscreen on the library the import section built, so that launch is a
real cold start and the peak RSS is the window's alone. An operation counts as done when the
table's viewport has painted after it (for searches and sorts: after the worker's answer
reached the table), which is what the user sees. A 10 ms QTimer heartbeat runs meanwhile;
the longest gap between its ticks is the longest time the event loop did not run.

This is the only benchmark module that imports Qt, and only inside the child-side functions,
so that the runner itself never creates a QApplication.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from benchmarks.gui_child import (
    SCROLL_PAGES,
    SORTED_COLUMNS,
    TIMEOUT_S,
)
from benchmarks.queries import Query
from benchmarks.reference import Reference
from benchmarks.sections import Context, section
from benchmarks.stats import Figure, timed

ROOT = Path(__file__).resolve().parent.parent


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("READERAPP_ENGINE", None)  # the library remembers its engine
    return env


def launch_seconds(mode: str, library: Path, env: dict[str, str] | None = None) -> float:
    """Wall time from spawning a child to its report that the table (or, for the bare
    reference, an empty window) has painted: interpreter start, imports, opening the
    library, the first search and the first paint. `env` replaces the child's environment
    (the start-up section's, with a bytecode cache)."""
    with tempfile.TemporaryDirectory(prefix="readerapp-gui-") as tmp:
        start = time.perf_counter()
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "benchmarks.gui_child",
                mode,
                str(library),
                str(Path(tmp) / "settings.ini"),
            ],
            cwd=ROOT,
            env=_child_env() if env is None else env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert process.stdout is not None
        # A child stuck before its report would block readline() for ever: kill it instead.
        watchdog = threading.Timer(TIMEOUT_S, process.kill)
        watchdog.start()
        try:
            line = process.stdout.readline()
            seconds = time.perf_counter() - start
            _out, err = process.communicate(timeout=TIMEOUT_S)
        finally:
            watchdog.cancel()
        if not line.startswith("painted") or process.returncode != 0:
            raise RuntimeError(f"GUI launch child ({mode}) failed: {line!r}\n{err}")
    return seconds


def _measure_child(library: Path, repeats: int, words: list[str]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="readerapp-gui-") as tmp:
        try:
            result = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "benchmarks.gui_child",
                    "measure",
                    str(library),
                    str(Path(tmp) / "settings.ini"),
                    str(repeats),
                    json.dumps(words),
                ],
                cwd=ROOT,
                env=_child_env(),
                capture_output=True,
                text=True,
                timeout=TIMEOUT_S,
            )
        except subprocess.TimeoutExpired as error:
            raise RuntimeError(f"GUI measuring child timed out: {error}") from error
        if result.returncode != 0:
            raise RuntimeError(f"GUI measuring child failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def _reference_times(ref: Reference, repeats: int, words: list[str]) -> dict[str, list[float]]:
    """The same work on the FTS5 reference: the ordered ids for each sort, the ids for each
    typed word, and a screenful of rows (40, with authors) for each scroll step."""
    out: dict[str, list[float]] = {}
    for column, _ in SORTED_COLUMNS:
        query = Query("sort", "", sort=column)
        out[f"sort:{column}"] = [timed(lambda q=query: ref.search(q))[0] for _ in range(repeats)]
    out["keystroke"] = [
        timed(lambda w=word: ref.search(Query("term", w, w)))[0]
        for _ in range(repeats)
        for word in words
    ]
    ids = [i for (i,) in ref.conn.execute("SELECT id FROM papers ORDER BY added DESC, id DESC")]
    screens = []
    for n in range(repeats * SCROLL_PAGES):
        page = ids[(n * 997) % max(1, len(ids) - 40) :][:40]
        marks = ",".join("?" * len(page))
        screens.append(
            timed(
                lambda p=page, m=marks: ref.conn.execute(
                    "SELECT p.id, p.title, p.year, p.status, "
                    f"(SELECT group_concat(name, ', ') FROM "
                    f"authors WHERE paper_id = p.id) FROM papers p WHERE p.id IN ({m})",
                    p,
                ).fetchall()
            )[0]
        )
    out["scroll"] = screens
    return out


@section("gui", "GUI (main window, offscreen)")
def run(ctx: Context) -> list[Figure]:
    words = [q.text for q in ctx.queries if q.cls == "term"]
    any_library = next(iter(ctx.libraries.values()))
    bare = [launch_seconds("bare", any_library) for _ in range(ctx.repeats)]
    # Above REFERENCE_MAX there is no reference: the sorts and keystrokes stand alone.
    refs: dict[str, list[float]] = (
        _reference_times(ctx.reference, ctx.repeats, words)
        if ctx.reference is not None
        else defaultdict(list)
    )
    figures: list[Figure] = []
    for engine in ctx.engines:
        library = ctx.libraries[engine]
        launch = [launch_seconds("launch", library) for _ in range(ctx.repeats)]
        engine_figures = [
            Figure(
                "gui",
                "launch to first paint of the table",
                engine,
                launch,
                bare,
                note="reference: an empty Qt window, same way",
            ),
        ]
        try:
            measured = _measure_child(library, ctx.repeats, words)
        except RuntimeError as error:
            # A crash of the window is a finding, not a reason to lose the whole run.
            ctx.log(
                f"  the window crashed while being measured ({engine}): "
                f"{str(error).splitlines()[-1] if str(error) else error}"
            )
            ctx.log(str(error)[-3000:])
            figures.extend(engine_figures)
            continue
        ops, stalls = measured["ops"], measured["stalls"]
        engine_figures.append(Figure("gui", "model reset (all papers)", engine, ops["reset"]))
        for column, direction in SORTED_COLUMNS:
            engine_figures.append(
                Figure(
                    "gui",
                    f"sort by {column} ({direction})",
                    engine,
                    ops[f"sort:{column}"],
                    refs[f"sort:{column}"],
                    note="reference: ORDER BY in SQLite",
                )
            )
        engine_figures += [
            Figure(
                "gui",
                "keystroke to updated table",
                engine,
                ops["keystroke"],
                refs["keystroke"],
                note="includes the 50 ms typing pause; reference: the FTS5 query",
            ),
            Figure(
                "gui",
                "scroll one page",
                engine,
                ops["scroll"],
                refs["scroll"],
                note="reference: one screenful of rows from SQLite",
            ),
        ]
        for name, label in (
            ("launch", "opening the library"),
            ("reset", "model reset"),
            *((f"sort:{c}", f"sort by {c}") for c, _ in SORTED_COLUMNS),
            ("keystroke", "typing"),
            ("scroll", "scrolling"),
        ):
            if stalls.get(name):
                engine_figures.append(
                    Figure("gui", f"longest event-loop stall: {label}", engine, stalls[name])
                )
        engine_figures.append(
            Figure(
                "gui",
                "peak RSS of the window (MB)",
                engine,
                [measured["rss_mb"]],
                unit="MB",
                note="after every step above",
            )
        )
        ctx.log("\n".join(f.describe() for f in engine_figures))
        figures.extend(engine_figures)
    return figures
