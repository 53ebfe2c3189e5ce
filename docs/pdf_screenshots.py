"""Regenerates the PDF screenshots (issue 15) from the seed dump and generated PDFs.

    python docs/pdf_screenshots.py [OUT_DIR]          # default: docs/screenshots/

The library is the README screenshots' (docs/screenshots.py), with PDFs attached through the
command line to four papers: each made here with fpdf2 (never downloaded), one of them
saying "we ablate the KV cache" on its last page. Then the real window, offscreen:
- pdf-column.png: the table with its PDF column;
- pdf-search-hit.png: that phrase searched, the hit selected, the detail pane showing the
  PDF and the snippet with the words marked.
"""

from __future__ import annotations

import importlib.util
import sys
import tempfile
from pathlib import Path

from fpdf import FPDF
from PySide6.QtCore import QSettings

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("screenshots", HERE / "screenshots.py")
assert _spec is not None and _spec.loader is not None
screenshots = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(screenshots)

from readerapp.cli.main import main as cli  # noqa: E402
from readerapp.gui.app import application  # noqa: E402
from readerapp.gui.main_window import MainWindow  # noqa: E402

PHRASE = "we ablate the KV cache"
WITH_PDF = {
    "Singular Value Decomposition on Kronecker": (
        "Low-rank adapters are trained on top of frozen weights. "
        f"In Section 5 {PHRASE} and measure what each layer loses when its keys and values "
        "are dropped after the first 512 tokens."
    ),
    "Circuit Component Reuse": "Attention heads are reused across tasks.",
    "Twin-Merging": "Merging models keeps the shared knowledge and the exclusive one.",
    "TaskMatrix.AI": "Foundation models are connected with millions of APIs.",
}


def make_pdf(path: Path, title: str, closing: str) -> Path:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    filler = (
        "We study how large language models behave when they are fine-tuned on small data. " * 12
    )
    for page in range(1, 5):
        pdf.add_page()
        pdf.multi_cell(0, 5, f"{title}\n\nPage {page}. {filler}" + (closing if page == 4 else ""))
    pdf.output(str(path))
    return path


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else HERE / "screenshots"
    with tempfile.TemporaryDirectory(prefix="readerapp-pdf-screens-") as tmp:
        library = Path(tmp) / "library"
        ids = screenshots.build_library(library)
        for prefix, closing in WITH_PDF.items():
            title, pid = next((t, p) for t, p in ids.items() if t.startswith(prefix))
            pdf = make_pdf(Path(tmp) / f"{prefix.split()[0].lower()}.pdf", title, closing)
            if cli(["--library", str(library), "attach", str(pid), str(pdf)]) != 0:
                raise SystemExit("pdf screenshots: attach failed")
        application()
        window = MainWindow(QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat))
        window.resize(*screenshots.SIZE)
        window.show()
        window.open_library(library)
        screenshots.wait_until(lambda: window.is_ready and window.model.rowCount() == len(ids))
        first = next(p for t, p in ids.items() if t.startswith("Twin-Merging"))
        window.show_paper(first)
        screenshots.wait_until(
            lambda: window.detail.paper is not None and window.detail.paper.id == first
        )
        screenshots.shoot(window, out / "pdf-column.png")

        window.search_box.setFocus()
        window.search_box.setText(f'"{PHRASE}"')
        screenshots.wait_until(lambda: window.model.rowCount() == 1)
        window.table.setFocus()
        window.table.selectRow(0)
        screenshots.wait_until(lambda: window.detail.pdf_panel.snippet_label.isVisible())
        screenshots.shoot(window, out / "pdf-search-hit.png")
        window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
