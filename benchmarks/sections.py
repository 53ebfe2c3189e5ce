"""The registry of benchmark sections. A section measures one area for one library size and
returns figures; the runner calls every registered section in order and the report prints
each section's figures under its title.

To add a section (the GUI figures, for instance): write a module with a function
`run(ctx: Context) -> list[Figure]`, decorate it with `@section("gui", "GUI")`, and add the
module's name to SECTION_MODULES. Sections that need a prepared library per engine read
`ctx.libraries[engine]` (a folder, imported and indexed by the import section).

A section that makes no sense above some size says so with `max_size` (the runner skips it
there and names the skip on the page); a step it leaves out inside goes to `ctx.skip(...)`.
`ctx.reference` is None above benchmarks.limits.REFERENCE_MAX: figures then have no
reference beside them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.generate import Library as Generated
from benchmarks.queries import Query
from benchmarks.reference import Reference
from benchmarks.stats import Figure
from readerapp.core.records import PaperRecord

SECTION_MODULES = (
    "benchmarks.import_section",
    "benchmarks.startup_section",
    "benchmarks.search_section",
    "benchmarks.edit_section",
    "benchmarks.gui_section",
    "benchmarks.memory_section",
    "benchmarks.sync_section",
    "benchmarks.server_section",
)


@dataclass(slots=True)
class Context:
    """One library size: the generated library, its reference, and prepared libraries."""

    size: int
    engines: tuple[str, ...]
    repeats: int
    workdir: Path
    generated: Generated
    records: list[PaperRecord]
    queries: list[Query]
    reference: Reference | None = None
    libraries: dict[str, Path] = field(default_factory=dict)
    log: Callable[[str], None] = print
    skipped: list[str] = field(default_factory=list)

    def skip(self, what: str) -> None:
        """A step left out at this size, with why: logged now and listed on the page."""
        self.skipped.append(what)
        self.log(f"    skipped: {what}")


@dataclass(frozen=True, slots=True)
class Section:
    name: str
    title: str
    run: Callable[[Context], list[Figure]]
    max_size: int | None = None  # above it, skipped (why: `skip_reason`)
    skip_reason: str = ""


SECTIONS: list[Section] = []


def section(
    name: str, title: str, *, max_size: int | None = None, skip_reason: str = ""
) -> Callable[[Callable[[Context], list[Figure]]], Callable[[Context], list[Figure]]]:
    def register(run: Callable[[Context], list[Figure]]) -> Callable[[Context], list[Figure]]:
        SECTIONS[:] = [s for s in SECTIONS if s.name != name]
        SECTIONS.append(Section(name, title, run, max_size, skip_reason))
        return run

    return register


def load_sections(names: tuple[str, ...] = SECTION_MODULES) -> list[Section]:
    for module in names:
        importlib.import_module(module)
    return list(SECTIONS)
