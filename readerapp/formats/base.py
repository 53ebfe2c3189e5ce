"""What every importer and exporter declares, and what a parse returns."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from readerapp.core.records import Paper, PaperRecord


@dataclass(frozen=True, slots=True)
class SkippedEntry:
    """An entry a parser could not use, with where it starts and why."""

    line: int | None
    reason: str


@dataclass(slots=True)
class ParseResult:
    records: list[PaperRecord] = field(default_factory=list)
    skipped: list[SkippedEntry] = field(default_factory=list)
    # What the source says about itself, e.g. the date of a Daily Papers listing ("Aug 7").
    listing_date: str | None = None

    def add(self, entry: PaperRecord | SkippedEntry) -> None:
        """Keep a record, or report an entry that was skipped."""
        if isinstance(entry, SkippedEntry):
            self.skipped.append(entry)
        else:
            self.records.append(entry)


@dataclass(frozen=True, slots=True)
class ImportFormat:
    name: str  # used by --format
    label: str  # shown to people
    extensions: tuple[str, ...]
    # How sure (0..1) this format is that a text's first kilobytes are its own.
    sniff: Callable[[str], float]
    # Parse a whole text; `source` names the file in errors and reports.
    parse: Callable[[str, str], ParseResult]


@dataclass(frozen=True, slots=True)
class ExportContext:
    """What an exporter may say about the list it writes."""

    title: str
    numbered: bool = False  # a queue: order matters and positions are shown


# (papers, how many there are, context) -> the text, in pieces: a header, one piece per
# paper, a footer. Written to a file as the papers are read, a whole library is never one
# string: copying a 70 MB string, or collecting 20,000 papers' objects at once, holds the GIL
# for a tenth of a second and freezes the window (services.exporting.export_to_file).
Pieces = Callable[[Iterable[Paper], int, ExportContext], Iterator[str]]


@dataclass(frozen=True, slots=True)
class ExportFormat:
    name: str
    label: str
    extension: str
    pieces: Pieces

    def export(self, papers: Sequence[Paper], context: ExportContext) -> str:
        """The whole text at once (a preview, the clipboard, the CLI)."""
        return "".join(self.pieces(papers, len(papers), context))
