"""Search: ids for the table per query class, and more-like-this, on a warm library."""

from __future__ import annotations

import random

from benchmarks.queries import CLASSES
from benchmarks.sections import Context, section
from benchmarks.state import paper_ids
from benchmarks.stats import Figure, timed
from readerapp.services import search
from readerapp.services.library import Library

RELATED_PAPERS = 10


@section("search", "Search (ids for the table)")
def run(ctx: Context) -> list[Figure]:
    ref = ctx.reference  # None above REFERENCE_MAX: no reference beside the figures
    figures: list[Figure] = []
    ref_times: dict[str, list[float]] = {c: [] for c in CLASSES}
    for _ in range(ctx.repeats if ref is not None else 0):
        for query in ctx.queries:
            seconds, _ = timed(lambda q=query, ref=ref: ref.search(q))
            ref_times[query.cls].append(seconds)
    for engine in ctx.engines:
        with Library.open(ctx.libraries[engine]) as lib:
            ours: dict[str, list[float]] = {c: [] for c in CLASSES}
            for query in ctx.queries:  # warm-up: searcher, caches, sort orders
                found = search.search_ids(lib, query.text, sort=query.sort)
                theirs = f" (reference {len(ref.search(query))})" if ref is not None else ""
                ctx.log(f"    {engine} {query.cls:<9} {query.text!r}: {len(found)} papers{theirs}")
            for _ in range(ctx.repeats):
                for query in ctx.queries:
                    seconds, _ = timed(lambda q=query: search.search_ids(lib, q.text, sort=q.sort))
                    ours[query.cls].append(seconds)
            for cls in CLASSES:
                figures.append(Figure("search", cls, engine, ours[cls], ref_times[cls]))
            figures.append(_related(ctx, lib, engine))
        ctx.log("\n".join(f.describe() for f in figures if f.engine == engine))
    return figures


def _related(ctx: Context, lib: Library, engine: str) -> Figure:
    rng = random.Random(5)
    ours_ids = paper_ids(lib)
    sample = rng.sample(ctx.generated.arxiv_ids, min(RELATED_PAPERS, ctx.size))
    reference = ctx.reference
    ours, ref = [], []
    for _ in range(ctx.repeats):
        for arxiv_id in sample:
            seconds, _ = timed(lambda a=arxiv_id: search.related(lib, ours_ids[a], 10))
            ours.append(seconds)
            if reference is not None:
                seconds, _ = timed(
                    lambda a=arxiv_id, r=reference: r.related(r.ids[a], 10)  # type: ignore[misc]
                )
                ref.append(seconds)
    return Figure("search", "more-like-this (10 related papers)", engine, ours, ref)
