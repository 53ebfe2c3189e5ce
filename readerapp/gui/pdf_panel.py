"""The detail pane's PDF part: the paper's kept file (Open PDF) and, after a search, where
the words were found in it (a snippet with the words marked)."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from readerapp.services.snippets import Snippet

if TYPE_CHECKING:
    from readerapp.services.paper_files import PaperFile


def snippet_html(snippet: Snippet, background: str, foreground: str) -> str:
    """The snippet escaped, its marked spans bold in the palette's selection colours."""
    out, last = [], 0
    style = f"background-color:{background}; color:{foreground}"
    for start, end in snippet.marks:
        out.append(html.escape(snippet.text[last:start]))
        out.append(f'<b style="{style}">{html.escape(snippet.text[start:end])}</b>')
        last = end
    out.append(html.escape(snippet.text[last:]))
    return "".join(out)


class PdfPanel(QWidget):
    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPanel")
        self.paper_id: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.file_label = QLabel()
        self.file_label.setObjectName("pdfFile")
        self.file_label.setWordWrap(True)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QToolButton()
        self.open_button.setObjectName("openPdf")
        self.open_button.setText(self.tr("Open PDF"))
        self.open_button.setToolTip(self.tr("Open the kept PDF in the system viewer (O)"))
        self.open_button.setAccessibleName(self.tr("Open PDF"))
        self.open_button.clicked.connect(self.open_requested)
        row.addWidget(self.file_label, 1)
        row.addWidget(self.open_button)
        layout.addLayout(row)
        self.snippet_label = QLabel()
        self.snippet_label.setObjectName("pdfSnippet")
        self.snippet_label.setWordWrap(True)
        self.snippet_label.setTextFormat(Qt.TextFormat.RichText)
        self.snippet_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.snippet_label.setAccessibleName(self.tr("Where the search words were found"))
        layout.addWidget(self.snippet_label)
        self.clear()

    def clear(self) -> None:
        self.paper_id = None
        self.file_label.clear()
        self.snippet_label.clear()
        self.setVisible(False)

    def show_files(
        self, paper_id: int, files: Sequence[PaperFile], snippets: Sequence[Snippet]
    ) -> None:
        self.paper_id = paper_id
        if files:
            first = files[0]
            facts = [first.path.rpartition("/")[2]]
            if first.pages:
                facts.append(
                    self.tr("1 page")
                    if first.pages == 1
                    else self.tr("%1 pages").replace("%1", f"{first.pages:,}")
                )
            if first.text_status != "ok" and first.text_problem:
                facts.append(first.text_problem)
            more = (
                self.tr(" (and %1 more)").replace("%1", str(len(files) - 1))
                if len(files) > 1
                else ""
            )
            self.file_label.setText(self.tr("PDF: ") + " · ".join(facts) + more)
        self.file_label.setVisible(bool(files))
        self.open_button.setVisible(bool(files))
        palette = self.palette()
        background = palette.color(QPalette.ColorRole.Highlight).name()
        foreground = palette.color(QPalette.ColorRole.HighlightedText).name()
        lines = []
        for snippet in snippets:
            where = (
                self.tr("Found in the PDF:")
                if snippet.field == "fulltext"
                else self.tr("Found in the abstract:")
            )
            lines.append(
                f"<i>{html.escape(where)}</i> {snippet_html(snippet, background, foreground)}"
            )
        self.snippet_label.setText("<br>".join(lines))
        self.snippet_label.setVisible(bool(lines))
        self.setVisible(bool(files) or bool(lines))


def queued_pdfs_checkbox(checked: bool, *, on_server: bool = False) -> QCheckBox:
    """Preferences ▸ Network: download the PDF of each paper put on a queue. A server
    library keeps its PDFs on the server, and each machine a copy of those it downloads or
    opens in its cache folder (services.paper_files.store, db/file_store.py)."""
    box = QCheckBox(
        QCoreApplication.translate("Preferences", "&Download the PDF of papers put on a queue")
    )
    box.setObjectName("downloadQueuedPdfs")
    if on_server:
        where = QCoreApplication.translate(
            "Preferences",
            "From each paper's PDF link (arXiv papers have one), in the background, at "
            "arXiv's pace; the files are stored on the server with the library, and this "
            "machine keeps a copy in its cache folder",
        )
    else:
        where = QCoreApplication.translate(
            "Preferences",
            "From each paper's PDF link (arXiv papers have one), in the background, at "
            "arXiv's pace; the files are kept in the library folder",
        )
    box.setToolTip(where)
    box.setChecked(checked)
    return box
