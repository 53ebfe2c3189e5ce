"""What an empty library shows: how to bring papers in, not a blank table."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)


def welcome_text() -> str:
    return QCoreApplication.translate(
        "StartPage",
        """<h2>Your library is empty</h2>
<p>Bring in the papers you follow, in any of these ways:</p>
<ul>
<li><b>Import files</b> with <i>File ▸ Import…</i> (Ctrl+I): BibTeX, RIS, CSL-JSON, arXiv
Atom, Hugging Face JSON, Markdown reading lists, CSV.</li>
<li><b>Drag files</b> from your file manager onto this window.</li>
<li><b>Paste</b> with <i>Edit ▸ Paste papers</i> (Ctrl+Shift+V): copy a Hugging Face Daily
Papers page, a BibTeX snippet or a list of arXiv links, then paste.</li>
</ul>
<p>Or <b>try the sample papers</b>: twelve papers from a Daily Papers page, to look around;
undo the import when you are done.</p>
<p>Papers that arrive twice are merged, and nothing you add (stars, notes, tags, queues) is
ever overwritten by an import.</p>""",
    )


# Wide enough for a comfortable line, narrow enough to read at a glance.
TEXT_WIDTH = 560


class StartPage(QScrollArea):
    """Scrolls rather than clips when the window is short: the closing paragraph (nothing
    is ever overwritten) is the one a cautious new user looks for."""

    import_clicked = Signal()
    paste_clicked = Signal()
    sample_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Not a Tab stop of its own: Tab goes from the search box to its buttons.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.text = QLabel(welcome_text())
        self.text.setObjectName("welcomeText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.sample_button = QPushButton(self.tr("Try the sample papers"))
        self.sample_button.setObjectName("sampleButton")
        self.sample_button.setToolTip(
            self.tr(
                "Import twelve papers from a Hugging Face Daily Papers page, shipped with "
                "readerapp, to look around (an import you can undo)"
            )
        )
        self.sample_button.clicked.connect(self.sample_clicked)
        import_button = QPushButton(self.tr("Import files…"))
        import_button.clicked.connect(self.import_clicked)
        paste_button = QPushButton(self.tr("Paste papers"))
        paste_button.clicked.connect(self.paste_clicked)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (import_button, paste_button, self.sample_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.buttons = (import_button, paste_button, self.sample_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.text, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(buttons)
        layout.addStretch(2)
        self.setWidget(page)
        self._fit_text(TEXT_WIDTH)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_text(self.viewport().width() - 40)

    def _fit_text(self, room: int) -> None:
        # A fixed width, not a maximum: a word-wrapped label given a range of widths is laid
        # out for one and drawn at another, and loses its last lines.
        # Its height too: the scroll area sizes the page by minimum sizes, which know
        # nothing of wrapping, so a short window would squeeze the text instead of scrolling.
        width = max(240, min(TEXT_WIDTH, room))
        self.text.setFixedWidth(width)
        self.text.setMinimumHeight(self.text.heightForWidth(width))
