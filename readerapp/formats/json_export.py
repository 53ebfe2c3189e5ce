"""The library's own JSON: one object per paper, the same shape as the CLI's --json."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence

from readerapp.core.records import Paper
from readerapp.formats.base import ExportContext, ExportFormat


def array_pieces(items: Iterable[object]) -> Iterator[str]:
    """`json.dumps(list(items), ensure_ascii=False, indent=2) + "\n"`, one item a piece.

    An item's own lines are indented one level more; JSON strings hold no raw newline
    (it is escaped), so every newline in an item's text starts one of its lines."""
    first = True
    for item in items:
        text = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        yield ("[\n  " if first else ",\n  ") + text
        first = False
    yield "[]\n" if first else "\n]\n"


def pieces(papers: Iterable[Paper], count: int, context: ExportContext) -> Iterator[str]:
    return array_pieces(paper.to_json() for paper in papers)


def export(papers: Sequence[Paper], context: ExportContext) -> str:
    return FORMAT.export(papers, context)


FORMAT = ExportFormat(name="json", label="JSON", extension=".json", pieces=pieces)
