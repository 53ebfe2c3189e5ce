"""The library's own JSON: one object per paper, the same shape as the CLI's --json."""

from __future__ import annotations

import json
from collections.abc import Sequence

from readerapp.core.records import Paper
from readerapp.formats.base import ExportContext, ExportFormat


def export(papers: Sequence[Paper], context: ExportContext) -> str:
    return json.dumps([p.to_json() for p in papers], ensure_ascii=False, indent=2) + "\n"


FORMAT = ExportFormat(name="json", label="JSON", extension=".json", export=export)
