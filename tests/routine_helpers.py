"""Shared by the reading routine's tests: a fixed clock on a library, and small imports."""

from __future__ import annotations

import datetime as dt

from readerapp.services import import_session
from readerapp.services.import_session import ImportOutcome, ImportSource
from readerapp.services.library import Library
from tests.fakes import FakeClock

# Monday 3 August 2026, noon UTC: the same local day in any time zone from UTC-11 to UTC+11.
MONDAY = dt.datetime(2026, 8, 3, 12, 0, tzinfo=dt.UTC)
DAY = 86400.0


def fix_clock(library: Library, start: dt.datetime = MONDAY) -> FakeClock:
    clock = FakeClock(start)
    library.clock = clock
    return clock


def bibtex(*titles: str) -> str:
    return "\n".join(
        f"@article{{k{n}, title={{{title}}}, year={{2026}}, author={{Ada Lovelace}}}}"
        for n, title in enumerate(titles)
    )


def import_titles(
    library: Library, *titles: str, tag: str | None = None, queue: str | None = None
) -> ImportOutcome:
    """An import as both front ends run it: plan, run, index (which applies the rules)."""
    source = ImportSource.from_stdin(bibtex(*titles), "bibtex")
    plan = import_session.direct_plan([source], queue, tag)
    outcome = import_session.run_import(library, plan)
    import_session.index_import(library, outcome)
    return outcome
