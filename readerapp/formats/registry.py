"""The one list of formats readerapp reads and writes, and the sniffing that picks one."""

from __future__ import annotations

from pathlib import PurePath

from readerapp.core.errors import InputError, UserError
from readerapp.formats import (
    arxiv_atom,
    bibtex_export,
    bibtex_import,
    csljson_export,
    csljson_import,
    csv_format,
    hf_daily_text,
    hf_json,
    html_export,
    json_export,
    markdown_export,
    markdown_list,
    medline_import,
    readerapp_json,
    ris_export,
    ris_import,
    semantic_scholar,
    wos_tagged,
)
from readerapp.formats.base import ExportFormat, ImportFormat

IMPORT_FORMATS: tuple[ImportFormat, ...] = (
    hf_daily_text.FORMAT,
    hf_json.FORMAT,
    arxiv_atom.FORMAT,
    semantic_scholar.FORMAT,
    ris_import.FORMAT,
    medline_import.FORMAT,
    wos_tagged.FORMAT,
    csljson_import.FORMAT,
    readerapp_json.FORMAT,
    markdown_list.FORMAT,
    csv_format.FORMAT,
    bibtex_import.FORMAT,
)
EXPORT_FORMATS: tuple[ExportFormat, ...] = (
    markdown_export.FORMAT,
    html_export.FORMAT,
    bibtex_export.FORMAT,
    ris_export.FORMAT,
    csljson_export.FORMAT,
    csv_format.EXPORT_FORMAT,
    json_export.FORMAT,
)

SNIFF_BYTES = 16384
MIN_CONFIDENCE = 0.3


def import_format(name: str) -> ImportFormat:
    for fmt in IMPORT_FORMATS:
        if fmt.name == name:
            return fmt
    known = ", ".join(f.name for f in IMPORT_FORMATS)
    raise UserError(f"unknown import format {name!r}; known formats: {known}")


def export_format(name: str) -> ExportFormat:
    for fmt in EXPORT_FORMATS:
        if fmt.name == name:
            return fmt
    known = ", ".join(f.name for f in EXPORT_FORMATS)
    raise UserError(f"unknown export format {name!r}; known formats: {known}")


def detect_format(text: str, source: str) -> ImportFormat:
    """The format whose sniff is surest of the text's start; the extension breaks ties."""
    head = text[:SNIFF_BYTES]
    if not head.strip():
        raise InputError(f"{source}: empty, nothing to import")
    suffix = PurePath(source).suffix.lower()
    best, best_score = None, 0.0
    for fmt in IMPORT_FORMATS:
        score = fmt.sniff(head) + (0.05 if suffix in fmt.extensions else 0.0)
        if score > best_score:
            best, best_score = fmt, score
    if best is None or best_score < MIN_CONFIDENCE:
        known = ", ".join(f.name for f in IMPORT_FORMATS)
        raise InputError(
            f"{source}:1: not a format readerapp recognises; if it is one of "
            f"{known}, name it with --format"
        )
    return best
