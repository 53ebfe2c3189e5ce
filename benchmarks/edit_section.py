"""Edits until visible in search: star, status, tag and note, each followed by the search
that must show it (tags and notes go through the text index; stars and statuses are SQL)."""

from __future__ import annotations

import random
import secrets
from functools import partial

from benchmarks.reference import Reference
from benchmarks.sections import Context, section
from benchmarks.state import paper_ids
from benchmarks.stats import Figure, timed
from readerapp.services import notes, search, triage
from readerapp.services.library import Library

EDITS = 10


def _ours(kind: str, lib: Library, pid: int, word: str) -> bool:
    """One edit, then the search that must show it; True when it does."""
    if kind == "star":
        triage.set_starred(lib, [pid], True)
        return pid in search.search_ids(lib, "is:starred")
    if kind == "status":
        triage.set_status(lib, [pid], "reading")
        return pid in search.search_ids(lib, "status:reading")
    if kind == "tag":
        triage.add_tag(lib, word, [pid])
        return pid in search.search_ids(lib, word)
    notes.add_note(lib, pid, f"{word}note Compare with the baseline.")
    return pid in search.search_ids(lib, f"{word}note")


def _theirs(kind: str, ref: Reference, rid: int, word: str) -> bool:
    if kind == "star":
        return ref.star(rid)
    if kind == "status":
        return ref.status(rid)
    if kind == "tag":
        return ref.text_edit(rid, "tags", word)
    return ref.text_edit(rid, "notes", f"{word}note")


@section("edits", "Edits until visible in search")
def run(ctx: Context) -> list[Figure]:
    ref = ctx.reference  # None above REFERENCE_MAX: our edits alone
    figures: list[Figure] = []
    # A new word each run: with --reuse, the same tag on the same paper as the last run would
    # already be there, and adding it would change nothing (and index nothing).
    salt = secrets.token_hex(3)
    for engine in ctx.engines:
        rng = random.Random(3)
        with Library.open(ctx.libraries[engine]) as lib:
            ids = paper_ids(lib)
            times: dict[str, list[float]] = {k: [] for k in ("star", "status", "tag", "note")}
            ref_times: dict[str, list[float]] = {k: [] for k in times}
            for i in range(EDITS * ctx.repeats):
                arxiv_id = rng.choice(ctx.generated.arxiv_ids)
                pid = ids[arxiv_id]
                word = f"benchedit{engine}{salt}x{i}"
                for kind in times:
                    seconds, visible = timed(partial(_ours, kind, lib, pid, word))
                    assert visible, (engine, kind)
                    times[kind].append(seconds)
                    if ref is None:
                        continue
                    seconds, visible = timed(partial(_theirs, kind, ref, ref.ids[arxiv_id], word))
                    assert visible, ("reference", kind)
                    ref_times[kind].append(seconds)
        engine_figures = [
            Figure("edits", f"{kind} until visible", engine, times[kind], ref_times[kind])
            for kind in times
        ]
        ctx.log("\n".join(f.describe() for f in engine_figures))
        figures.extend(engine_figures)
    return figures
