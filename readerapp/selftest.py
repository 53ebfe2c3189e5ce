"""`readerapp --self-test`: proves that this installation works, end to end, on this machine.

It is what the .deb CI step and a user with a broken install run. Every check uses the code
paths a user does (the sniffing registry, the import service, the search engine, the real
main window), on a throwaway library, so a module or data file that a PyInstaller bundle or a
wheel left out shows up as a failed check instead of a crash on a user's first import.

The sample is the first twelve papers of a Hugging Face Daily Papers page as a user copies it
(the header of `tests/data/hf_daily_papers_seed.txt` and its first twelve title/abstract
pairs), shipped as package data.
"""

from __future__ import annotations

import importlib
import os
import platform
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from readerapp import __version__
from readerapp.core import paths
from readerapp.core.errors import CheckFailed

SAMPLE = paths.SAMPLE_PAPERS
SAMPLE_FORMAT = "hf-daily-text"
SAMPLE_PAPERS = 12
# A title word of exactly one sample paper, and a word in most of them.
ONE_PAPER_QUERY, ONE_PAPER_TITLE = "title:kronecker", "Singular Value Decomposition on Kronecker"
COMMON_QUERY = "model"
WINDOW_TIMEOUT_S = 60.0


# Read back from a one-page PDF that the self-test writes: the PDF reader (PDFium, native
# code) and the child process that runs it are what a bundle most easily leaves out.
PDF_PHRASE = "Kronecker adapters ablate the cache"


def one_page_pdf(text: str) -> bytes:
    """A minimal, valid PDF with `text` (ASCII, no parentheses) in Helvetica on one page."""
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _fail_unless(condition: bool, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


class SelfTest:
    def __init__(self, out: TextIO) -> None:
        self.out = out

    def step(self, name: str, check: Callable[[], str]) -> None:
        """Runs one check and prints one line; raises CheckFailed to stop at the first failure
        (later checks need what earlier ones built)."""
        started = time.perf_counter()
        try:
            detail = check()
        except Exception as exc:
            why = str(exc) if isinstance(exc, CheckFailed) else f"{type(exc).__name__}: {exc}"
            print(f"FAIL  {name}: {why}", file=self.out, flush=True)
            if not isinstance(exc, CheckFailed):
                # An unexpected error is a bug or a packaging hole: keep the traceback.
                traceback.print_exc(file=sys.stderr)
            raise CheckFailed(f"{name}: {why}") from exc
        took = time.perf_counter() - started
        print(f"ok    {name}: {detail} ({took:.2f} s)", file=self.out, flush=True)


def run(out: TextIO = sys.stdout) -> int:
    """Runs every check; 0 if all passed, 1 (after saying which failed and why) if not."""
    frozen = "PyInstaller bundle" if getattr(sys, "frozen", False) else "Python package"
    print(
        f"readerapp {__version__} self-test: {frozen} at {Path(__file__).parent}, Python "
        f"{platform.python_version()} on {platform.system()} {platform.machine()}",
        file=out,
        flush=True,
    )
    test = SelfTest(out)
    try:
        with tempfile.TemporaryDirectory(prefix="readerapp-selftest-") as temp:
            _run_checks(test, Path(temp))
    except CheckFailed as exc:
        print(f"self-test FAILED: {exc}", file=out, flush=True)
        return 1
    print("self-test passed", file=out, flush=True)
    return 0


_MODULES = (
    "readerapp.formats.registry",
    "readerapp.search.engine",
    "readerapp.search.factory",
    "readerapp.search.query",
    "readerapp.services.checking",
    "readerapp.services.exporting",
    "readerapp.services.importing",
    "readerapp.services.library",
    "readerapp.services.search",
)


def _run_checks(test: SelfTest, temp: Path) -> None:
    library_dir = temp / "library"
    text = ""

    def load_modules() -> str:
        # Imported in a step, so that a broken bundle fails a named check, not with a bare
        # traceback; the imports below then find them loaded.
        for name in _MODULES:
            importlib.import_module(name)
        return f"{len(_MODULES)} modules: importers, exporters, search engines, services"

    test.step("modules", load_modules)
    from readerapp.core.records import IndexDoc
    from readerapp.formats.registry import EXPORT_FORMATS, detect_format
    from readerapp.search.factory import ENGINES, open_text_index
    from readerapp.search.query import parse_query
    from readerapp.services import checking, exporting, importing, search
    from readerapp.services.library import Library

    def every_engine() -> str:
        # A library uses one engine; the other must load too, or switching to it would fail.
        for engine in ENGINES:
            index = open_text_index(temp / f"index-{engine}", engine)
            try:
                index.upsert([IndexDoc(7, "Kronecker adapters", "Ada Lovelace", "", "", "")])
                found = index.search(parse_query("kronecker"))
                _fail_unless(found == {7}, f"{engine} found {found}, not paper 7")
            finally:
                index.close()
        return ", ".join(ENGINES)

    def read_sample() -> str:
        nonlocal text
        text = SAMPLE.read_text(encoding="utf-8")
        fmt = detect_format(text, SAMPLE.name)
        _fail_unless(
            fmt.name == SAMPLE_FORMAT,
            f"{SAMPLE.name} was sniffed as {fmt.name}, not {SAMPLE_FORMAT}",
        )
        return f"{SAMPLE.name}, {len(text):,} characters, sniffed as {fmt.name}"

    def read_pdf() -> str:
        from readerapp.pdf.text import OK, extract_text

        pdf = temp / "selftest.pdf"
        pdf.write_bytes(one_page_pdf(PDF_PHRASE))
        result = extract_text(pdf)
        _fail_unless(
            result.status == OK and PDF_PHRASE in result.text,
            f"reading {pdf.name} gave {result.status}: {result.problem or result.text[:80]!r}",
        )
        return f"a one-page PDF read back in a child process ({result.describe()})"

    test.step("bundled sample", read_sample)
    test.step("search engines", every_engine)
    test.step("PDF text", read_pdf)
    opened: list[Library] = []

    def open_library() -> str:
        opened.append(Library.open(library_dir))
        return f"a new library in {library_dir}"

    test.step("open library", open_library)
    library = opened[0]
    try:

        def import_sample() -> str:
            report = importing.import_text(library, text, SAMPLE.name)
            _fail_unless(
                report.added == SAMPLE_PAPERS and not report.skipped,
                f"imported {report.added} papers and skipped {len(report.skipped)}, "
                f"expected {SAMPLE_PAPERS} and none",
            )
            again = importing.import_text(library, text, SAMPLE.name)
            _fail_unless(again.added == 0, f"importing again added {again.added} papers")
            return f"{report.added} papers into a new library in {library_dir}"

        def search_library() -> str:
            hits = search.search(library, ONE_PAPER_QUERY)
            _fail_unless(
                len(hits) == 1 and hits[0].title.startswith(ONE_PAPER_TITLE),
                f"{ONE_PAPER_QUERY!r} found {[p.title for p in hits]}",
            )
            common = search.search_ids(library, COMMON_QUERY)
            _fail_unless(
                0 < len(common) <= SAMPLE_PAPERS, f"{COMMON_QUERY!r} found {len(common)} papers"
            )
            report = checking.check(library)
            _fail_unless(report.ok, "; ".join(report.problems))
            return (
                f"{library.engine} index: {ONE_PAPER_QUERY!r} finds 1 paper, "
                f"{COMMON_QUERY!r} finds {len(common)}; database and index agree"
            )

        def export_library() -> str:
            everything = exporting.Selection(everything=True)
            for fmt in EXPORT_FORMATS:
                _exported, count = exporting.export_text(library, everything, fmt.name)
                _fail_unless(count == SAMPLE_PAPERS, f"{fmt.name} exported {count} papers")
            return ", ".join(fmt.name for fmt in EXPORT_FORMATS)

        test.step("import", import_sample)
        test.step("search", search_library)
        test.step("export", export_library)
    finally:
        # The window takes the library's lock; this process must let go of it first.
        library.close()

    def open_window() -> str:
        try:
            from readerapp.gui.selftest import check_window
        except ImportError as exc:
            raise CheckFailed(f"the desktop window cannot be loaded ({exc})") from exc
        return str(
            check_window(
                library_dir, temp / "settings.ini", SAMPLE_PAPERS, ONE_PAPER_TITLE, WINDOW_TIMEOUT_S
            )
        )

    # Offscreen unless the caller asked for a platform: a check should not flash a window
    # on the user's desktop, and CI has no display. QT_QPA_PLATFORM=xcb tests the real one.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    test.step("main window", open_window)
