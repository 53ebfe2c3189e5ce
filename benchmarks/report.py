"""docs/benchmarks.md from one run, or several combined (the full run and the million-paper
run): the budgets of DESIGN.md and issue 17 that these figures can judge, each said to hold
or not, with the reason; how each headline figure grows with the library's size; how long
each section took; what was left out at which size; and the figures per size and section.

    python -m benchmarks.report full.json million.json -o docs/benchmarks.md [--note TEXT]
    python -m benchmarks.report full.json docs/benchmarks.md [NOTE]     (the older form)
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.limits import MILLION
from benchmarks.queries import CLASSES
from benchmarks.sections import Section, load_sections
from benchmarks.stats import Figure

Results = dict[int, list[Figure]]  # library size -> figures
# The size the import, search, edit and memory budgets of DESIGN.md are set for: they are
# judged at the largest measured size up to it, never at the million-paper run's.
BUDGET_SIZE = 100_000


@dataclass(slots=True)
class Run:
    """One run's saved figures (or several runs' combined): the figures per size, the page's
    opening paragraphs, what each size left out, and each section's wall time per size."""

    results: Results
    header: list[str]
    skipped: dict[int, list[str]] = field(default_factory=dict)
    walltime: dict[int, dict[str, float]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Verdict:
    budget: str
    measured: str
    holds: bool | None  # None: not measured in this run
    why: str


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "ms":
        return f"{value:,.1f} ms" if value < 100 else f"{value:,.0f} ms"
    if unit == "papers/s":
        return f"{value:,.0f}/s"
    if unit == "s":
        return f"{value:,.0f} s" if value < 90 else f"{value / 60:.1f} min"
    return f"{value:,.0f} MB"


def _find(results: Results, size: int, section: str, name: str, engine: str) -> Figure | None:
    for figure in results.get(size, []):
        if (figure.section, figure.name, figure.engine) == (section, name, engine):
            return figure
    return None


def table(figures: Sequence[Figure]) -> list[str]:
    lines = [
        "| measure | engine | median | p95 | reference median | reference p95 | x reference time |",
        "|---|---|--:|--:|--:|--:|--:|",
    ]
    for f in figures:
        ratio = f"{f.ratio:.2f}" if f.ratio is not None else "-"
        name = f"{f.name} ({f.note})" if f.note else f.name
        lines.append(
            f"| {name} | {f.engine} | {_fmt(f.median, f.unit)} | "
            f"{_fmt(f.p95, f.unit)} | {_fmt(f.ref_median, f.unit)} | "
            f"{_fmt(f.ref_p95, f.unit)} | {ratio} |"
        )
    return lines


# Why a query class misses its budget, per engine (from profiling these queries here).
SEARCH_REASONS_WHOOSH = {
    "prefix": "a prefix expands to up to 256 terms per field and each term's postings are "
    "read in Python",
    "fuzzy": "Whoosh finds the terms within the edit distance by walking its term "
    "dictionary in Python",
    "term": "a frequent word's posting list (tens of thousands of documents) is decoded in "
    "Python, and relevance scores the best 500 of the matches",
    "AND": "each word's posting list is decoded in Python (in every field and every segment "
    "the import left) before the sets are intersected, then relevance scores the matches",
    "boolean": "each word's posting list is decoded in Python (in every field and segment), "
    "then relevance scores the matches",
    "phrase": "phrases read positions through Whoosh's pure-Python matchers, once to match "
    "and once more to score",
    "field": "field queries decode posting lists in Python",
    "combined": "the text part is matched and ranked in Python before the SQL filter applies",
    "sort": "the ordered list is rebuilt from the cached sort order in Python",
    "filters": "the filter's ids come from SQLite row by row",
    "more-like-this (10 related papers)": "more-like-this scores an OR of the paper's key "
    "terms over the whole index",
}
# tantivy matches in Rust; what remains slow is the Python side of broad queries (profiled
# with cProfile on the 100k library).
SEARCH_REASONS_TANTIVY = {
    "prefix": "a short prefix matches much of the library (`gro*`: 64k of 100k papers); "
    "every hit crosses from Rust into Python as a paper id, then the newest-first "
    "order and relevance for the best 500 run over all of them",
    "fuzzy": "a fuzzy term matches many papers, and every hit crosses from Rust into Python "
    "before the order and relevance for the best 500 run over all of them",
    "combined": "the text part's hits cross into Python and go back into SQLite with the "
    "filters as one JSON array, then the result is ordered",
    "boolean": "an OR of common words: each word's hits (15-19k papers) cross into Python and "
    "are united, ordered and ranked there",
    "sort": "a sort of most papers (`status:unread`, 83k of 100k) reads their ids from "
    "SQLite as one JSON array and filters the cached order by them (a sort of every "
    "paper reuses the cached order as it is)",
}
SEARCH_REASONS = {"whoosh": SEARCH_REASONS_WHOOSH, "tantivy": SEARCH_REASONS_TANTIVY}


def _search_verdict(
    results: Results, size: int, engine: str, limit_ms: float, classes: Sequence[str], label: str
) -> Verdict:
    figures = [f for c in classes if (f := _find(results, size, "search", c, engine))]
    budget = f"search ids p95 ≤ {limit_ms:.0f} ms with {engine} at {size:,} ({label})"
    if not figures:
        return Verdict(
            budget,
            "not measured in this run",
            None,
            f"run with {size} in --sizes and {engine} in --engines",
        )
    worst = max(figures, key=lambda f: f.p95)
    measured = "; ".join(f"{f.name} {_fmt(f.p95, 'ms')}" for f in figures)
    over = [f for f in figures if f.p95 > limit_ms]
    if not over:
        return Verdict(budget, measured, True, f"slowest class: {worst.name}")
    reasons = SEARCH_REASONS.get(engine, {})

    def reason(f: Figure) -> str:
        slow = sum(f.value(seconds) > limit_ms for seconds in f.samples)
        # With few runs the p95 is the slowest one: say so when only one or two decided it
        # (one query slow in every round is slow, and gets the class's reason).
        if slow <= 2 and f.median <= limit_ms / 2:
            runs = "one run" if slow == 1 else f"{slow} runs"
            return (
                f"{runs} of {len(f.samples)} took longer than the budget; the median is "
                f"{_fmt(f.median, 'ms')}"
            )
        return reasons.get(f.name, "slower than the budget (not profiled)")

    why = "; ".join(f"{f.name}: {reason(f)}" for f in over)
    return Verdict(budget, measured, False, why)


def _rate_verdict(
    figure: Figure | None,
    budget: str,
    minimum: float,
    why_not: Callable[[Figure], str],
    why: str = "",
) -> Verdict:
    if figure is None:
        return Verdict(budget, "not measured in this run", None, "")
    holds = figure.median >= minimum
    return Verdict(
        budget,
        f"median {_fmt(figure.median, figure.unit)}, slow end {_fmt(figure.p95, figure.unit)}",
        holds,
        why if holds else why_not(figure),
    )


def verdicts(results: Results) -> list[Verdict]:
    budget_sizes = [size for size in results if size <= BUDGET_SIZE]
    out = _budget_verdicts(results, max(budget_sizes)) if budget_sizes else []
    out.extend(_startup_verdicts(results))
    if MILLION in results:
        out.extend(_million_verdicts(results))
    return out


def _budget_verdicts(results: Results, big: int) -> list[Verdict]:
    out: list[Verdict] = []
    total = _find(results, big, "import", "parse + commit (visible in the table)", "-")
    commit = _find(results, big, "import", "commit to SQLite (identify, merge, insert)", "-")
    parse = _find(results, big, "import", "parse (hf-json)", "-")

    def import_reason(f: Figure) -> str:
        # From profiling the import at 100k papers on this machine (cProfile and timings).
        parts = []
        if parse:
            parts.append(
                f"parsing runs at {_fmt(parse.median, parse.unit)}: every title, "
                "abstract, author and link of the Hugging Face JSON is cleaned in "
                "Python (readerapp/formats/record_fields.py, about 30 µs a paper)"
            )
        if commit:
            parts.append(
                f"the commit at {_fmt(commit.median, commit.unit)}: most of it is "
                "SQLite's own work (inserting into the papers table and its identity "
                "indexes, about four author rows a paper, the sources and the index "
                "marks, then the commit and its checkpoint)"
            )
        if f.ref_median:
            parts.append(
                f"the reference, json.loads and one plain executemany with no cleaning "
                f"and no identity matching, itself runs at {_fmt(f.ref_median, f.unit)}"
            )
        return "; ".join(parts) or "slower than the budget"

    out.append(
        _rate_verdict(
            total,
            f"import: parse and commit to SQLite ≥ 20,000 papers/s at {big:,}",
            20_000,
            import_reason,
        )
    )
    out.append(
        _rate_verdict(
            commit,
            f"import: commit alone (from parsed records) ≥ 20,000 papers/s at {big:,}",
            20_000,
            lambda f: (
                "SQLite's own inserts, commit and checkpoint take "
                "most of it; the identity look-ups and merge the rest"
            ),
        )
    )
    for engine, minimum in (("whoosh", 500), ("tantivy", 8_000)):
        figure = _find(results, big, "import", "fully indexed (parse + commit + index)", engine)
        index = _find(results, big, "import", "text indexing (background, after commit)", engine)

        def index_reason(
            f: Figure, index: Figure | None = index, engine: str = engine, minimum: float = minimum
        ) -> str:
            rate = _fmt(index.median, index.unit) if index else "?"
            if index is not None and index.median >= minimum and total is not None:
                return (
                    f"{engine} indexes at {rate} by itself; parse and commit "
                    f"({_fmt(total.median, total.unit)}) come first and cap the sum"
                )
            why = (
                f"{engine} itself indexes at {rate} (analysis and segment writing"
                f"{' in pure Python' if engine == 'whoosh' else ''})"
            )
            if total is not None and total.median < minimum:
                why += (
                    f", and parse and commit ({_fmt(total.median, total.unit)}) come "
                    "first: the sum is slower than either"
                )
            return why

        out.append(
            _rate_verdict(
                figure,
                f"import: fully indexed ≥ {minimum:,} papers/s with {engine} at {big:,}",
                minimum,
                index_reason,
            )
        )
    out.append(
        Verdict(
            "a re-import of the same dump adds nothing",
            "0 added, 0 merged",
            True,
            "asserted by every run",
        )
    )
    text_classes = ("term", "AND", "phrase", "field", "boolean", "filters", "combined", "sort")
    out.append(
        _search_verdict(results, 20_000, "whoosh", 100, text_classes, "all but prefix and fuzzy")
    )
    out.append(
        _search_verdict(results, 20_000, "whoosh", 300, ("prefix", "fuzzy"), "prefix and fuzzy")
    )
    out.append(
        _search_verdict(
            results, big, "tantivy", 50, (*text_classes, "prefix", "fuzzy"), "every class"
        )
    )
    out.append(
        _search_verdict(
            results,
            big,
            "whoosh",
            100,
            (*text_classes, "prefix", "fuzzy"),
            "not a budget: where Whoosh stops being enough",
        )
    )
    for engine in ("whoosh", "tantivy"):
        edits = [f for f in results.get(big, []) if f.section == "edits" and f.engine == engine]
        if edits:
            worst = max(edits, key=lambda f: f.p95)
            holds = worst.p95 <= 100
            why = (
                f"slowest: {worst.name}"
                if holds
                else f"{worst.name}: the edit commits to SQLite and then to the {engine} index "
                f"before the search can see it{EDIT_REASONS.get(engine, '')}"
            )
            out.append(
                Verdict(
                    f"an edit visible in search ≤ 100 ms with {engine} at {big:,}",
                    "; ".join(f"{f.name} p95 {_fmt(f.p95, 'ms')}" for f in edits),
                    holds,
                    why,
                )
            )
        rss = _find(results, big, "memory", "peak RSS, library open and searched (MB)", engine)
        if rss:
            out.append(
                Verdict(
                    f"memory under 400 MB with the library open ({engine}, {big:,})",
                    _fmt(rss.median, "MB"),
                    rss.median < 400,
                    "peak of a process that opened the library and ran the whole query mix",
                )
            )
    for engine in ("whoosh", "tantivy"):
        out.extend(_gui_verdicts(results, big, engine))
    return out


def _million_verdicts(results: Results) -> list[Verdict]:
    """Issue 17's budgets for a million papers with tantivy."""
    at = f"(tantivy, {MILLION:,})"
    out: list[Verdict] = []
    indexed = _find(results, MILLION, "import", "fully indexed (parse + commit + index)", "tantivy")
    budget = f"1M: imported and fully indexed ≤ 5 min {at}"
    if indexed is None:
        out.append(Verdict(budget, "not measured in this run", None, ""))
    else:
        seconds = indexed.per_op / indexed.median
        visible = _find(results, MILLION, "import", "parse + commit (visible in the table)", "-")
        index = _find(
            results, MILLION, "import", "text indexing (background, after commit)", "tantivy"
        )
        parts = [
            f"{label} {_fmt(f.per_op / f.median, 's')} ({_fmt(f.median, f.unit)})"
            for label, f in (("parse + commit", visible), ("indexing", index))
            if f is not None
        ]
        holds = seconds <= 300
        out.append(
            Verdict(
                budget,
                f"{_fmt(seconds, 's')} end to end ({_fmt(indexed.median, indexed.unit)})",
                holds,
                "; ".join(parts)
                + (
                    "" if holds else ": the two stages of one import, as `readerapp import` runs it"
                ),
            )
        )
    out.append(
        _search_verdict(results, MILLION, "tantivy", 100, (*CLASSES,), "1M budget: every class")
    )
    gui = [f for f in results.get(MILLION, []) if f.section == "gui" and f.engine == "tantivy"]
    launch = [f for f in gui if f.name.startswith("launch")] or [
        f
        for f in results.get(MILLION, [])
        if f.section == "startup" and f.engine == "tantivy" and f.name.startswith("launch")
    ]
    out += [
        _gui_verdict(
            launch, f"1M: launch to the first painted table ≤ 2 s {at}", 2000, statistic="median"
        ),
        _gui_verdict(
            [f for f in gui if f.name.startswith("keystroke")],
            f"1M: keystroke to updated table ≤ 200 ms {at}",
            200,
        ),
        _gui_verdict(
            [f for f in gui if f.name.startswith("peak RSS")],
            f"1M: the window's resident memory ≤ 1 GB {at}",
            1024,
            "MB",
            statistic="median",
        ),
    ]
    return out


# Why a start-up budget is missed (from `python -X importtime` and cProfile of these commands
# on the 2-core machine of docs/benchmarks.md).
STARTUP_REASONS = {
    "version": "readerapp.cli.main answers a bare --version before it imports anything, so "
    "what is left is Python's own start (the reference): it misses only where the machine's "
    "load makes python -c pass itself take most of 0.10 s",
    "search:whoosh": "Python's start (the reference), then importing Whoosh (about 0.05 s "
    "since search/whoosh_light.py keeps out the urllib.request, asyncio and "
    "whoosh.lang.morph_en it never uses here), "
    "readerapp's own imports (about 0.05 s, a third of it the frozen dataclasses of the "
    "records and the query tree), opening the index's segments and the search",
    "search:tantivy": "Python's start (the reference), then readerapp's own imports (about "
    "0.05 s, a third of it the frozen dataclasses of the records and the query tree) and "
    "tantivy's, opening the index and the search",
    "papis": "both start Python (the reference) and import Whoosh: those two alone are more "
    "than half of papis's time, so half of it is out of reach while both load Whoosh",
    "launch": "after the interpreter, Qt (the largest import left) and the window's own "
    "modules, the library opens, the sidebar is read and the first search lists every "
    "paper's id. No SQLAlchemy and no httpx before the first paint: the services that use "
    "them are imported after it, on the worker (gui/deferred.py, services/list_reads.py)",
}
# The size the launch budget is set for.
LAUNCH_SIZE = 100_000


def _startup_figure(results: Results, size: int, name: str, engine: str) -> Figure | None:
    for figure in results.get(size, []):
        if (
            figure.section == "startup"
            and figure.name.startswith(name)
            and (figure.engine == engine)
        ):
            return figure
    return None


def _startup_measured(figure: Figure) -> str:
    ratio = f", {figure.ratio:.1f}x python -c pass" if figure.ratio else ""
    return f"median {figure.median / 1000:.3f} s{ratio}"


def _startup_verdicts(results: Results) -> list[Verdict]:
    if not any(f.section == "startup" for figures in results.values() for f in figures):
        return []
    out: list[Verdict] = []
    small = min(results)
    version = _startup_figure(results, small, "readerapp --version", "-")
    budget = "start-up: `readerapp --version` ≤ 0.10 s"
    if version is None:
        out.append(Verdict(budget, "not measured in this run", None, ""))
    else:
        holds = version.median <= 100
        out.append(
            Verdict(
                budget,
                _startup_measured(version),
                holds,
                "" if holds else STARTUP_REASONS["version"],
            )
        )
    for engine in ("whoosh", "tantivy"):
        search = _startup_figure(results, 1000, "readerapp search", engine)
        budget = f"start-up: `readerapp search` on a 1,000-paper library ≤ 0.15 s ({engine})"
        if search is None:
            out.append(
                Verdict(budget, "not measured in this run", None, "run with 1000 in --sizes")
            )
            continue
        holds = search.median <= 150
        why = "" if holds else STARTUP_REASONS[f"search:{engine}"]
        out.append(Verdict(budget, _startup_measured(search), holds, why))
    search = _startup_figure(results, 1000, "readerapp search", "whoosh")
    papis = _startup_figure(results, 1000, "papis list", "whoosh")
    budget = "start-up: `readerapp search` at most half papis's time (1,000 papers, Whoosh)"
    if search is None or papis is None:
        out.append(
            Verdict(
                budget,
                "not measured in this run",
                None,
                "papis not installed (the `papis` on PATH or $READERAPP_BENCH_PAPIS)"
                if search is not None
                else "run with 1000 in --sizes",
            )
        )
    else:
        share = search.median / papis.median
        out.append(
            Verdict(
                budget,
                f"readerapp {search.median / 1000:.3f} s, papis {papis.median / 1000:.3f} s: "
                f"{share:.2f} of papis's time",
                share <= 0.5,
                "" if share <= 0.5 else STARTUP_REASONS["papis"],
            )
        )
    for engine in ("whoosh", "tantivy"):
        launch = _startup_figure(results, LAUNCH_SIZE, "launch to first paint", engine)
        if launch is None:
            continue
        holds = launch.median <= 1000
        out.append(
            Verdict(
                f"start-up: launch to the first painted table ≤ 1.0 s ({engine}, {LAUNCH_SIZE:,})",
                _startup_measured(launch),
                holds,
                "" if holds else STARTUP_REASONS["launch"],
            )
        )
    return out


# What an engine adds to an edit's time (from profiling the edits at 100k papers).
EDIT_REASONS = {
    "whoosh": "; Whoosh writes each edit as a new segment in Python, and once four tiny "
    "segments exist the edit also writes their papers again so that they can be dropped "
    "(up to 16 papers until 882c985, 8 since; about 4 ms each at 20k, their words written "
    "again): merging them would take 0.4-1.2 s",
}


# Why a GUI budget is missed, per figure (the run's own figures say which apply).
GUI_REASONS: dict[str, str] = {
    "launch to first paint of the table": "after the interpreter, Qt and the imports (the "
    "reference's time), opening the library checks the index against SQLite, reads the "
    "sidebar's counts, and the first search lists every paper's id",
    "sort by title (ascending)": "the first sort by a column builds its cached order (every "
    "paper's key read from SQLite and sorted in Python); later sorts reuse it",
    "sort by year (descending)": "the first sort by a column builds its cached order",
    "sort by added (descending)": "the first sort by a column builds its cached order",
    "longest event-loop stall: sort by title": "the cold sort's worker creates many Python "
    "objects at once; a garbage collection (which stops every thread) or a long "
    "C-level sort holding the GIL keeps the GUI thread waiting",
    "longest event-loop stall: sort by year": "as for sorting by title",
    "longest event-loop stall: sort by added": "as for sorting by title",
    "longest event-loop stall: typing": "Whoosh's search runs in Python on the worker and "
    "competes for the GIL with the GUI thread",
}


def _gui_verdict(
    figures: Sequence[Figure],
    budget: str,
    limit: float,
    unit: str = "ms",
    *,
    statistic: str = "p95",
) -> Verdict:
    if not figures:
        return Verdict(budget, "not measured in this run", None, "")

    def value(f: Figure) -> float:
        return f.p95 if statistic == "p95" else f.median

    worst = max(figures, key=value)
    measured = "; ".join(f"{f.name} {_fmt(value(f), unit)}" for f in figures)
    if len(figures) > 1:
        measured = f"{statistic}: {measured}"
    if value(worst) <= limit:
        return Verdict(budget, measured, True, f"slowest: {worst.name}" if len(figures) > 1 else "")
    over = [f for f in figures if value(f) > limit]
    why = "; ".join(f"{f.name}: {_gui_reason(f)}" for f in over)
    return Verdict(budget, measured, False, why)


# What the search on the worker does between a keystroke and the table, per engine.
KEYSTROKE_SEARCH = {
    "whoosh": "with Whoosh, the typed words' posting lists, tens of thousands of papers at "
    "100k, decoded in Python",
    "tantivy": "with tantivy, every paper the typed words match crosses from Rust into Python "
    "as an id and is ordered there, hundreds of thousands at 1M",
}


def _gui_reason(figure: Figure) -> str:
    if figure.name == "keystroke to updated table":
        search = KEYSTROKE_SEARCH.get(figure.engine, "the engine's search")
        return (
            f"the 50 ms typing pause, then the search on the worker ({search}), then the "
            "model reset and the first screenful of rows read from SQLite on the GUI thread"
        )
    return GUI_REASONS.get(figure.name, "over the budget")


def _gui_verdicts(results: Results, size: int, engine: str) -> list[Verdict]:
    gui = [f for f in results.get(size, []) if f.section == "gui" and f.engine == engine]
    if not gui:
        return []
    at = f"({engine}, {size:,})"

    def named(prefix: str) -> list[Figure]:
        return [f for f in gui if f.name.startswith(prefix)]

    return [
        _gui_verdict(named("launch"), f"GUI: interactive within 2 s of launch {at}", 2000),
        _gui_verdict(named("sort by"), f"GUI: sorting any column within 300 ms {at}", 300),
        _gui_verdict(
            named("keystroke"), f"GUI: keystroke to updated table within 150 ms {at}", 150
        ),
        _gui_verdict(
            named("longest event-loop stall"),
            f"GUI: the event loop never blocked for more than 100 ms {at}",
            100,
        ),
        _gui_verdict(
            named("peak RSS"),
            f"GUI: under 400 MB resident with the library open {at}",
            400,
            "MB",
            statistic="median",
        ),
    ]


def render(
    results: Results,
    sections: Sequence[Section],
    header: Sequence[str],
    skipped: dict[int, list[str]] | None = None,
    walltime: dict[int, dict[str, float]] | None = None,
) -> str:
    lines = [
        "# Benchmarks",
        "",
        *header,
        "",
        "## Budgets",
        "",
        "| budget | measured | holds | why |",
        "|---|---|---|---|",
    ]
    for v in verdicts(results):
        mark = {True: "yes", False: "**no**", None: "not measured"}[v.holds]
        lines.append(f"| {v.budget} | {v.measured} | {mark} | {v.why} |")
    if len(results) > 1:
        lines += ["", *growth_table(results)]
    if walltime:
        lines += ["", *walltime_table(walltime, sections)]
    if skipped and any(skipped.values()):
        lines += ["", "## Left out", ""]
        for size in sorted(skipped):
            lines += [f"- at {size:,} papers: {what}" for what in skipped[size]]
    for size in sorted(results):
        lines += ["", f"## {size:,} papers"]
        for sec in sections:
            figures = [f for f in results[size] if f.section == sec.name]
            if figures:
                lines += ["", f"### {sec.title}", "", *table(figures)]
    return "\n".join(lines) + "\n"


def render_run(run: Run, sections: Sequence[Section]) -> str:
    return render(run.results, sections, run.header, run.skipped, run.walltime)


# In docs/benchmarks.md, the hand-written sections (later, narrower runs and their reasoning)
# follow this line; writing the page again keeps them.
KEPT_MARKER = "<!-- Written by hand from here on: benchmarks.report keeps what follows. -->"


def write_page(path: Path, page: str) -> None:
    """Writes the rendered page, keeping what follows KEPT_MARKER in the file it replaces."""
    path.parent.mkdir(parents=True, exist_ok=True)
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    if KEPT_MARKER in old:
        page += "\n" + old[old.index(KEPT_MARKER) :]
    path.write_text(page, encoding="utf-8")


# -- the growth table: each headline figure at every size, and its factor per 10x of size


@dataclass(frozen=True, slots=True)
class _Row:
    label: str
    engine: str
    unit: str
    value: Callable[[list[Figure]], float | None]  # from one size's figures


def _pick(
    section: str, name: str, engine: str, statistic: str
) -> Callable[[list[Figure]], float | None]:
    def value(figures: list[Figure]) -> float | None:
        for f in figures:
            if (f.section, f.name, f.engine) == (section, name, engine) and f.samples:
                return f.median if statistic == "median" else f.p95
        return None

    return value


def _worst(section: str, prefix: str, engine: str) -> Callable[[list[Figure]], float | None]:
    def value(figures: list[Figure]) -> float | None:
        found = [
            f.p95
            for f in figures
            if f.section == section and f.engine == engine and f.name.startswith(prefix)
        ]
        return max(found) if found else None

    return value


def _growth_rows(results: Results) -> list[_Row]:
    engines = [
        e
        for e in ("whoosh", "tantivy")
        if any(f.engine == e for fs in results.values() for f in fs)
    ]
    rows = [
        _Row(
            "import: parse + commit (median)",
            "-",
            "papers/s",
            _pick("import", "parse + commit (visible in the table)", "-", "median"),
        )
    ]
    for engine in engines:
        rows.append(
            _Row(
                "import: fully indexed (median)",
                engine,
                "papers/s",
                _pick("import", "fully indexed (parse + commit + index)", engine, "median"),
            )
        )
    for engine in engines:
        rows += [
            _Row(f"search p95: {cls}", engine, "ms", _pick("search", cls, engine, "p95"))
            for cls in CLASSES
        ]
    for engine in engines:
        rows += [
            _Row(
                "edit visible in search (slowest kind, p95)",
                engine,
                "ms",
                _worst("edits", "", engine),
            ),
            _Row(
                "launch to first painted table (median)",
                engine,
                "ms",
                _pick("gui", "launch to first paint of the table", engine, "median"),
            ),
            _Row(
                "keystroke to updated table (p95)",
                engine,
                "ms",
                _pick("gui", "keystroke to updated table", engine, "p95"),
            ),
            _Row(
                "window's peak RSS",
                engine,
                "MB",
                _pick("gui", "peak RSS of the window (MB)", engine, "median"),
            ),
            _Row(
                "memory: library open and searched",
                engine,
                "MB",
                _pick("memory", "peak RSS, library open and searched (MB)", engine, "median"),
            ),
        ]
    rows.append(
        _Row(
            "memory: importing the dump",
            "-",
            "MB",
            _pick("memory", "peak RSS, importing the dump (MB)", "-", "median"),
        )
    )
    return rows


def per_decade(points: Sequence[tuple[int, float]]) -> float | None:
    """How much a figure multiplies per 10x of library size, between the smallest and the
    largest size where it was measured (a geometric mean over the decades between them)."""
    if len(points) < 2:
        return None
    (s0, v0), (s1, v1) = points[0], points[-1]
    if s1 <= s0 or v0 <= 0 or v1 <= 0:
        return None
    return float((v1 / v0) ** (1 / math.log10(s1 / s0)))


def growth_table(results: Results) -> list[str]:
    sizes = sorted(results)
    lines = [
        "## Growth with the library's size",
        "",
        "Each headline figure at every size measured, and how much it multiplies per 10x of "
        "papers (between the smallest and the largest size it was measured at): 1.0 does not "
        "grow; for rates (papers/s) below 1.0 means slower. A dash: not measured at that size "
        "(see Left out).",
        "",
        "| figure | engine | " + " | ".join(f"{s:,}" for s in sizes) + " | per 10x |",
        "|---|---|" + "--:|" * (len(sizes) + 1),
    ]
    for row in _growth_rows(results):
        values = [row.value(results[s]) for s in sizes]
        points = [(s, v) for s, v in zip(sizes, values, strict=True) if v is not None]
        if not points:
            continue
        factor = per_decade(points)
        cells = " | ".join(_fmt(v, row.unit) for v in values)
        lines.append(
            f"| {row.label} | {row.engine} | {cells} | "
            f"{'-' if factor is None else f'x{factor:.2f}'} |"
        )
    return lines


def walltime_table(walltime: dict[int, dict[str, float]], sections: Sequence[Section]) -> list[str]:
    sizes = sorted(walltime)
    names = ["generate", *(s.name for s in sections)]
    names += sorted({n for t in walltime.values() for n in t} - set(names))
    lines = [
        "## Run time per section",
        "",
        "Wall time of each section at each size (generate: the library's dump and its parsed "
        "records), so that the time of a run can be planned. A dash: skipped at that size.",
        "",
        "| section | " + " | ".join(f"{s:,}" for s in sizes) + " |",
        "|---|" + "--:|" * len(sizes),
    ]
    for name in names:
        if any(name in walltime[s] for s in sizes):
            cells = " | ".join(_fmt(walltime[s].get(name), "s") for s in sizes)
            lines.append(f"| {name} | {cells} |")
    totals = " | ".join(f"**{_fmt(sum(walltime[s].values()), 's')}**" for s in sizes)
    lines.append(f"| total | {totals} |")
    return lines


def save_run(path: Path, run: Run) -> None:
    """The raw figures of a run, so the report can be rendered again without re-running."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "header": list(run.header),
        "results": {
            str(size): [dataclasses.asdict(f) for f in figures]
            for size, figures in run.results.items()
        },
        "skipped": {str(size): what for size, what in run.skipped.items()},
        "walltime": {str(size): times for size, times in run.walltime.items()},
    }
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")


def load_run(path: Path) -> Run:
    """A saved run; files saved before skips and wall times were recorded have none."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return Run(
        {int(size): [Figure(**f) for f in figures] for size, figures in data["results"].items()},
        list(data["header"]),
        {int(size): list(what) for size, what in data.get("skipped", {}).items()},
        {int(size): dict(times) for size, times in data.get("walltime", {}).items()},
    )


def save_results(path: Path, results: Results, header: Sequence[str]) -> None:
    save_run(path, Run(results, list(header)))


def load_results(path: Path) -> tuple[Results, list[str]]:
    run = load_run(path)
    return run.results, run.header


def merge_runs(runs: Sequence[Run]) -> Run:
    """Several runs as one page: every size of every run; where two runs measured the same
    size, the later run's figure replaces the earlier's of the same section, name and
    engine. The first run's opening paragraphs lead, the others' first lines follow."""
    merged = Run({}, list(runs[0].header))
    for number, run in enumerate(runs):
        for size, figures in run.results.items():
            fresh = {(f.section, f.name, f.engine) for f in figures}
            kept = [
                f
                for f in merged.results.get(size, [])
                if (f.section, f.name, f.engine) not in fresh
            ]
            merged.results[size] = [*kept, *figures]
        merged.skipped.update(run.skipped)
        merged.walltime.update(run.walltime)
        if number and run.header:
            merged.header += ["", f"**Also from another run.** {run.header[0]}"]
    return merged


def main(argv: list[str]) -> int:
    """python -m benchmarks.report RUN.json [RUN.json ...] -o OUTPUT.md [--note NOTE]: render
    saved runs again as one page, with NOTE (what was observed about the runs, e.g. the
    machine's load) as a paragraph. The older form RUN.json OUTPUT.md [NOTE] still works."""
    old_form = len(argv) in (2, 3) and argv[1].endswith(".md")
    if old_form and not any(a.startswith("-") for a in argv):
        argv = [argv[0], "-o", argv[1], *(["--note", argv[2]] if len(argv) == 3 else [])]
    parser = argparse.ArgumentParser(prog="python -m benchmarks.report", description=main.__doc__)
    parser.add_argument("runs", nargs="+", type=Path, help="saved runs (--results of the run)")
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--note", help="a paragraph added after the opening ones")
    args = parser.parse_args(argv)
    run = merge_runs([load_run(path) for path in args.runs])
    if args.note:
        run.header += ["", args.note]
    write_page(args.output, render_run(run, load_sections()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
