"""Is it a PDF? Judged by the bytes, not by a name or a Content-Type header.

A PDF starts with `%PDF-`; the standard lets up to 1024 bytes of junk come first, and some
generators write a byte-order mark or a blank line there. What arXiv sends while it is
rate-limiting is an HTML page with a 200 status and sometimes an application/pdf type: it
fails here, so it is never stored as a paper's PDF.
"""

from __future__ import annotations

from pathlib import Path

PDF_MAGIC = b"%PDF-"
# The standard's allowance for bytes before the header.
HEADER_WINDOW = 1024


def looks_like_pdf(head: bytes) -> bool:
    return PDF_MAGIC in head[:HEADER_WINDOW]


def what_it_is(head: bytes) -> str:
    """A few words on what a non-PDF start looks like, for the one-line report."""
    start = head[:HEADER_WINDOW].lstrip().lower()
    if start.startswith((b"<!doctype html", b"<html", b"<head", b"<body")) or b"<html" in start:
        return "a web page (HTML), not a PDF"
    if start.startswith((b"<?xml", b"<")):
        return "markup (XML or HTML), not a PDF"
    if start.startswith(b"{") or start.startswith(b"["):
        return "JSON, not a PDF"
    if not start:
        return "empty"
    return "not a PDF (it does not start with %PDF-)"


def file_head(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(HEADER_WINDOW)
