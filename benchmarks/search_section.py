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
    assert ctx.reference is not None
    ref = ctx.reference
    figures: list[Figure] = []
    ref_times: dict[str, list[float]] = {c: [] for c in CLASSES}
    for _ in range(ctx.repeats):
        for query in ctx.queries:
            seconds, _ = timed(lambda q=query: ref.search(q))
            ref_times[query.cls].append(seconds)
    for engine in ctx.engines:
        with Library.open(ctx.libraries[engine]) as lib:
            ours: dict[str, list[float]] = {c: [] for c in CLASSES}
            for query in ctx.queries:  # warm-up: searcher, caches, sort orders
                found = search.search_ids(lib, query.text, sort=query.sort)
                ctx.log(
                    f"    {engine} {query.cls:<9} {query.text!r}: {len(found)} papers "
                    f"(reference {len(ref.search(query))})"
                )
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
    assert ctx.reference is not None
    rng = random.Random(5)
    ours_ids = paper_ids(lib)
    sample = rng.sample(ctx.generated.arxiv_ids, min(RELATED_PAPERS, ctx.size))
    ours, ref = [], []
    for _ in range(ctx.repeats):
        for arxiv_id in sample:
            seconds, _ = timed(lambda a=arxiv_id: search.related(lib, ours_ids[a], 10))
            ours.append(seconds)
            seconds, _ = timed(
                lambda a=arxiv_id: ctx.reference.related(  # type: ignore[union-attr]
                    ctx.reference.ids[a], 10
                )
            )  # type: ignore[union-attr]
            ref.append(seconds)
    return Figure("search", "more-like-this (10 related papers)", engine, ours, ref)
