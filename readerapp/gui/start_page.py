"""What an empty library shows: how to bring papers in, not a blank table."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

WELCOME = """
<h2>Your library is empty</h2>
<p>Bring in the papers you follow, in any of these ways:</p>
<ul>
<li><b>Import files</b> with <i>File ▸ Import…</i> (Ctrl+I): BibTeX, RIS, CSL-JSON, arXiv
Atom, Hugging Face JSON, Markdown reading lists, CSV.</li>
<li><b>Drag files</b> from your file manager onto this window.</li>
<li><b>Paste</b> with <i>Edit ▸ Paste papers</i> (Ctrl+Shift+V): copy a Hugging Face Daily
Papers page, a BibTeX snippet or a list of arXiv links, then paste.</li>
</ul>
<p>Papers that arrive twice are merged, and nothing you add (stars, notes, tags, queues) is
ever overwritten by an import.</p>
"""


class StartPage(QWidget):
    import_clicked = Signal()
    paste_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        text = QLabel(WELCOME)
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setMaximumWidth(560)
        import_button = QPushButton("Import files…")
        import_button.clicked.connect(self.import_clicked)
        paste_button = QPushButton("Paste papers")
        paste_button.clicked.connect(self.paste_clicked)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(import_button)
        buttons.addWidget(paste_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(buttons)
        layout.addStretch(2)
