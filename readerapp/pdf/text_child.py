"""The child process that reads a PDF's text: `python -m readerapp.pdf.text_child FILE MB`.

It limits its own memory before the PDF library is even imported, then prints one JSON
object on stdout: {"pages": n, "text": "..."} or {"error": "why"}. A file that makes the
library run out of memory or crash kills only this process; the parent (readerapp.pdf.text)
turns that, and a time-out, into one line of a report.

Text comes from pypdfium2 (PDFium, the PDF engine of Chrome); docs/benchmarks.md says why.
"""

from __future__ import annotations

import json
import sys

# Past this many characters a file is not a paper any more (a 200-page thesis has ~1M):
# the rest is left out of the index rather than filling the library file.
MAX_CHARS = 4_000_000


def limit_memory(megabytes: int) -> bool:
    """Caps this process's address space (Linux, BSDs). Returns False where the platform has
    no such limit (Windows) or ignores it (macOS): there only the time limit holds."""
    try:
        import resource
    except ImportError:  # Windows
        return False
    if sys.platform == "darwin":  # RLIMIT_AS is accepted but not enforced
        return False
    limit = megabytes * 1024 * 1024
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ValueError, OSError):
        return False
    return True


def extract(path: str) -> dict[str, object]:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        why = str(exc)
        if "password" in why.lower():
            return {"error": "encrypted: it needs a password to open"}
        return {"error": f"damaged or not a readable PDF ({why.split(':')[-1].strip(' ).')})"}
    parts: list[str] = []
    size = 0
    pages = len(document)
    for number in range(pages):
        page = document[number]
        try:
            text = page.get_textpage().get_text_range()
        finally:
            page.close()
        parts.append(text)
        size += len(text)
        if size >= MAX_CHARS:
            break
    document.close()
    text = "\n\f".join(parts)[:MAX_CHARS]
    # PDFium ends lines with \r\n; one form keeps snippets and offsets simple.
    return {"pages": pages, "text": text.replace("\r\n", "\n").replace("\r", "\n")}


def main(argv: list[str]) -> int:
    path, megabytes = argv[0], int(argv[1])
    limit_memory(megabytes)
    try:
        result = extract(path)
    except MemoryError:
        result = {"error": f"needs more than {megabytes} MB of memory to read"}
    sys.stdout.write(json.dumps(result))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
