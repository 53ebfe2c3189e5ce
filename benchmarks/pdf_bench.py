"""PDFs (issue 15): which library reads their text, what attaching one costs, and whether a
library whose papers all have a PDF keeps the search budgets.

    python -m benchmarks.pdf_bench                    # 2,000 papers with PDFs, 5 repeats
    python -m benchmarks.pdf_bench --papers 200 --repeats 2   # a smoke test

Prints Markdown (the "PDFs" section of docs/benchmarks.md) and every figure as it goes.

1. Text readers: pypdfium2, pypdf and pdfminer.six read the same generated PDFs in this
   process (a 20-page paper, a two-column paper, a 200-page thesis). Speed is the median
   and p95 over the repeats, with the same-run reference: inflating the file's compressed
   streams with zlib, the least any reader must do. Text quality is the share of the source
   words each returns in order (difflib's ratio over the word lists). Licences come from
   the installed packages' metadata.
2. Attaching: `services.paper_files.attach` on the 20-page paper (copy, text read in a child
   with its limits, commit, index) until the phrase is found, each engine; the reference is
   pypdfium2 reading the same file in this process.
3. Search with full text: the benchmark's query mix (benchmarks/queries.py) on a generated
   library of N papers, first without and then with a PDF's text for every paper, each
   engine. The ratio is "with" over "without", in the same run. The texts (about 5,000
   words a paper, with the corpus's word frequencies) are written to the library as the
   extraction would write them: reading 2,000 PDFs in child processes takes about 15 min
   here and is measured per file in 1 and 2 already.
"""

from __future__ import annotations

import argparse
import difflib
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import zlib
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

from benchmarks.generate import generate
from benchmarks.queries import CLASSES, query_mix
from benchmarks.state import apply_state
from benchmarks.stats import Figure, percentile, timed
from readerapp.core import paths
from readerapp.services import importing, paper_files, search
from readerapp.services.library import Library

WORDS_PER_PAGE = 320
FULLTEXT_WORDS = 5_000
# The design's search budgets (docs/benchmarks.md, "Budgets"), per engine and query class.
BUDGET_MS = {
    "whoosh": {cls: (300.0 if cls in ("prefix", "fuzzy") else 100.0) for cls in CLASSES},
    "tantivy": dict.fromkeys(CLASSES, 50.0),
}
ATTACH_BUDGET_MS = 1000.0

Reader = Callable[[Path], str]


def _pdfium(path: Path) -> str:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def _pypdf(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def _pdfminer(path: Path) -> str:
    from pdfminer.high_level import extract_text

    return str(extract_text(str(path)))


READERS: dict[str, tuple[str, Reader]] = {
    "pypdfium2": ("pypdfium2", _pdfium),
    "pypdf": ("pypdf", _pypdf),
    "pdfminer.six": ("pdfminer.six", _pdfminer),
}
_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.DOTALL)


def _inflate_streams(path: Path) -> int:
    """The reference: every compressed stream of the file inflated, nothing parsed."""
    total = 0
    for body in _STREAM.findall(path.read_bytes()):
        try:
            total += len(zlib.decompress(body))
        except zlib.error:
            total += len(body)
    return total


def _licence(package: str) -> str:
    try:
        meta = metadata.metadata(package)
    except metadata.PackageNotFoundError:
        return "not installed"
    expression = meta.get("License-Expression")
    if expression:
        return str(expression)
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or []]
    licences = [c for c in classifiers if "License" in c or "BSD" in c or "MIT" in c]
    return ", ".join(licences) or str(meta.get("License") or "?")[:40]


# -- generated PDFs -------------------------------------------------------------------------


def _words(rng: random.Random, vocabulary: list[tuple[str, int]], count: int) -> list[str]:
    words = [w for w, _ in vocabulary if w.isalpha()][:5000]
    weights = [n for w, n in vocabulary if w.isalpha()][:5000]
    return rng.choices(words, weights, k=count)


def _one_column(path: Path, pages: list[str]) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=10)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 4.5, text)
    pdf.output(str(path))


def _two_columns(path: Path, pages: list[tuple[str, str]]) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=9)
    for left, right in pages:
        pdf.add_page()
        top = pdf.get_y()
        pdf.multi_cell(90, 4, left)
        pdf.set_xy(110, top)
        pdf.multi_cell(90, 4, right)
    pdf.output(str(path))


def _samples(folder: Path, vocabulary: list[tuple[str, int]]) -> dict[str, tuple[Path, str]]:
    """name -> (PDF, the text it was written from)."""
    rng = random.Random(15)
    out: dict[str, tuple[Path, str]] = {}
    pages = [" ".join(_words(rng, vocabulary, WORDS_PER_PAGE)) for _ in range(20)]
    _one_column(folder / "paper20.pdf", pages)
    out["20-page paper"] = (folder / "paper20.pdf", " ".join(pages))
    halves = [
        (
            " ".join(_words(rng, vocabulary, WORDS_PER_PAGE // 2)),
            " ".join(_words(rng, vocabulary, WORDS_PER_PAGE // 2)),
        )
        for _ in range(4)
    ]
    _two_columns(folder / "columns.pdf", halves)
    out["two-column paper (4 pages)"] = (
        folder / "columns.pdf",
        " ".join(f"{a} {b}" for a, b in halves),
    )
    thesis = [" ".join(_words(rng, vocabulary, WORDS_PER_PAGE)) for _ in range(200)]
    _one_column(folder / "thesis200.pdf", thesis)
    out["200-page thesis"] = (folder / "thesis200.pdf", " ".join(thesis))
    return out


def _quality(source: str, text: str) -> float:
    ours = re.findall(r"[A-Za-z]+", text.lower())
    want = re.findall(r"[A-Za-z]+", source.lower())
    return difflib.SequenceMatcher(None, want, ours, autojunk=False).ratio()


# -- the three parts ------------------------------------------------------------------------


def readers(
    samples: dict[str, tuple[Path, str]], repeats: int, log: Callable[[str], None]
) -> list[str]:
    rows = [
        "| reader | licence | PDF | median | p95 | reference median | x reference time "
        "| words in order |",
        "|---|---|---|--:|--:|--:|--:|--:|",
    ]
    for name, (package, read) in READERS.items():
        for label, (path, source) in samples.items():
            times, ref = [], []
            text = ""
            # pdfminer.six takes over half a minute on the thesis: once is enough to see it.
            rounds = 1 if name == "pdfminer.six" and "thesis" in label else repeats
            for _ in range(rounds):
                seconds, text = timed(lambda p=path, r=read: r(p))  # type: ignore[misc]
                times.append(seconds)
                ref.append(timed(lambda p=path: _inflate_streams(p))[0])
            figure = Figure("pdf", f"{name}: {label}", "-", times, ref)
            quality = _quality(source, text) if "thesis" not in label else float("nan")
            log(figure.describe() + f", words in order {quality:.3f}")
            rows.append(
                f"| {name} | {_licence(package)} | {label} | {figure.median:,.0f} ms "
                f"| {figure.p95:,.0f} ms | {figure.ref_median:,.1f} ms | {figure.ratio:,.1f} "
                f"| {'-' if quality != quality else f'{quality:.3f}'} |"
            )
    return rows


def _open(directory: Path, engine: str) -> Library:
    shutil.rmtree(directory, ignore_errors=True)
    os.environ[paths.ENGINE_ENV] = engine
    try:
        return Library.open(directory)
    finally:
        del os.environ[paths.ENGINE_ENV]


def _search_times(lib: Library, queries: list, repeats: int) -> dict[str, list[float]]:  # type: ignore[type-arg]
    times: dict[str, list[float]] = {cls: [] for cls in CLASSES}
    for query in queries:  # warm-up
        search.search_ids(lib, query.text, sort=query.sort)
    for _ in range(repeats):
        for query in queries:
            seconds, _ = timed(lambda q=query: search.search_ids(lib, q.text, sort=q.sort))
            times[query.cls].append(seconds)
    return times


def _add_fulltext(lib: Library, vocabulary: list[tuple[str, int]], seed: int) -> float:
    """Gives every paper a file with a generated text; returns the seconds to index them."""
    rng = random.Random(seed)
    with lib.snapshot() as conn:
        ids = [row[0] for row in conn.execute("SELECT id FROM papers ORDER BY id")]
    with lib.write() as session:
        conn = session.connection()
        for pid in ids:
            text = " ".join(_words(rng, vocabulary, FULLTEXT_WORDS))
            file_id = conn.exec_driver_sql(
                "INSERT INTO paper_files (paper_id, path, original_name, size, sha256, pages, "
                "text_status, text_problem, added_at) VALUES (?, ?, '', 0, '', 16, 'ok', '', "
                "'2026-12-03 00:00:00') RETURNING id",
                (pid, f"files/{pid}.pdf"),
            ).scalar_one()
            conn.exec_driver_sql(
                "INSERT INTO file_texts (file_id, body) VALUES (?, ?)", (file_id, text)
            )
    seconds, _ = timed(lib.rebuild_index)
    return seconds


def library_with_pdfs(
    size: int, repeats: int, workdir: Path, log: Callable[[str], None]
) -> tuple[list[str], list[str]]:
    generated = generate(size)
    queries = query_mix(generated)
    dump = workdir / "dump.json"
    dump.write_text(generated.dump, encoding="utf-8")
    sample = workdir / "samples" / "paper20.pdf"
    rows = [
        "| engine | query class | p95 without PDFs | p95 with PDFs | x without | budget | holds |",
        "|---|---|--:|--:|--:|--:|---|",
    ]
    attach_rows = [
        "| engine | attach a 20-page PDF until searchable: median | p95 "
        "| reference (pypdfium2 in-process) | x reference time | budget | holds |",
        "|---|--:|--:|--:|--:|--:|---|",
    ]
    for engine in ("whoosh", "tantivy"):
        lib = _open(workdir / f"lib-{engine}", engine)
        try:
            importing.import_path(lib, dump)
            apply_state(lib, generated.state)
            without = _search_times(lib, queries, repeats)
            indexing = _add_fulltext(lib, generated.vocabulary, 15)
            log(f"  {engine}: {size:,} papers' full text indexed in {indexing:.1f} s")
            with_text = _search_times(lib, queries, repeats)
            for cls in CLASSES:
                p95_without = percentile(without[cls], 95) * 1000
                p95_with = percentile(with_text[cls], 95) * 1000
                ratio = statistics.median(with_text[cls]) / statistics.median(without[cls])
                budget = BUDGET_MS[engine][cls]
                holds = "yes" if p95_with <= budget else "**no**"
                log(f"  {engine} {cls}: p95 {p95_without:.1f} -> {p95_with:.1f} ms")
                rows.append(
                    f"| {engine} | {cls} | {p95_without:,.1f} ms | {p95_with:,.1f} ms "
                    f"| {ratio:.2f} | {budget:.0f} ms | {holds} |"
                )
            attach_rows.append(_attach(lib, engine, sample, repeats, log))
        finally:
            lib.close()
    return rows, attach_rows


def _attach(lib: Library, engine: str, pdf: Path, repeats: int, log: Callable[[str], None]) -> str:
    with lib.snapshot() as conn:
        pid = conn.execute("SELECT min(id) FROM papers").fetchone()[0]
    times, ref = [], []
    for _ in range(repeats):
        seconds, attached = timed(lambda: paper_files.attach(lib, pid, pdf))
        times.append(seconds)
        paper_files.detach(lib, attached.file.id, delete_file=True)
        ref.append(timed(lambda: _pdfium(pdf))[0])
    figure = Figure("pdf", "attach", engine, times, ref)
    log(figure.describe())
    holds = "yes" if figure.p95 <= ATTACH_BUDGET_MS else "**no**"
    return (
        f"| {engine} | {figure.median:,.0f} ms | {figure.p95:,.0f} ms | "
        f"{figure.ref_median:,.0f} ms | {figure.ratio:.1f} | {ATTACH_BUDGET_MS:.0f} ms | {holds} |"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--workdir", type=Path)
    args = parser.parse_args(argv)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="readerapp-pdf-bench-"))
    (workdir / "samples").mkdir(parents=True, exist_ok=True)

    def log(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    vocabulary = generate(200).vocabulary
    samples = _samples(workdir / "samples", vocabulary)
    log("text readers:")
    reader_rows = readers(samples, args.repeats, log)
    log(f"a library of {args.papers:,} papers with PDFs:")
    search_rows, attach_rows = library_with_pdfs(args.papers, args.repeats, workdir, log)
    command = "python -m benchmarks.pdf_bench " + " ".join(sys.argv[1:] if argv is None else argv)
    print(f"Written by `{command.strip()}`.\n")
    print("### Text readers\n")
    print("\n".join(reader_rows) + "\n")
    print("### Attaching a PDF\n")
    print("\n".join(attach_rows) + "\n")
    print(f"### Search with every paper's full text ({args.papers:,} papers)\n")
    print("\n".join(search_rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
