"""Paper ▸ Add by identifier…: paste ids, look them up, see what would change, import.

The dialog only shows; the look-up (network thread) and the import (library worker) are the
lookup flow's. It says live which pasted items it takes for identifiers and which not, then
lists what the sources found: new papers, papers already in the library (and what they would
gain), and the identifiers nobody knew.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from readerapp.core.identifiers import Identifier, split_identifiers
from readerapp.core.progress import CancelToken
from readerapp.core.records import PaperRecord
from readerapp.gui.deferred import deferred
from readerapp.gui.i18n import arg, count
from readerapp.gui.theme import set_tone

if TYPE_CHECKING:
    from readerapp.services import completion
    from readerapp.services.adding import AddPreview, PreviewRow
else:  # imported at first use, not at launch: the ORM's services (gui.deferred)
    completion = deferred("completion")

# Items listed by name in the live line; the rest are counted.
SHOWN_ITEMS = 6
PLACEHOLDER = (
    "2106.09685\n"
    "arXiv:1707.08567v1, https://arxiv.org/abs/astro-ph/0601001\n"
    "https://huggingface.co/papers/2305.14314\n"
    "10.1038/nature14539   https://doi.org/10.1145/3292500.3330701"
)


def authors_text(authors: tuple[str, ...] | list[str], limit: int = 3) -> str:
    if not authors:
        return QCoreApplication.translate("AddByIdDialog", "Authors unknown")
    shown = ", ".join(authors[:limit])
    if len(authors) <= limit:
        return shown
    return arg(
        QCoreApplication.translate("AddByIdDialog", "%1 and %2 more"), shown, len(authors) - limit
    )


def record_id(record: PaperRecord) -> str:
    if record.arxiv_id:
        return f"arXiv:{record.arxiv_id}"
    return f"doi:{record.doi}" if record.doi else ""


def _listed(items: list[str]) -> str:
    shown = ", ".join(items[:SHOWN_ITEMS])
    if len(items) <= SHOWN_ITEMS:
        return shown
    more = len(items) - SHOWN_ITEMS
    return arg(QCoreApplication.translate("AddByIdDialog", "%1 and %2 more"), shown, more)


class AddByIdDialog(QDialog):
    lookup_requested = Signal(object)  # list[Identifier]
    import_requested = Signal(object)  # AddPreview

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addByIdDialog")
        self.setWindowTitle(self.tr("Add papers by identifier"))
        self._idents: list[Identifier] = []
        self._preview: AddPreview | None = None
        self._cancel: CancelToken | None = None

        intro = QLabel(
            self.tr(
                "Paste arXiv ids, DOIs or their links (arXiv, Hugging Face, doi.org) in any "
                "mix, one per line or separated by spaces or commas."
            )
        )
        intro.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setObjectName("identifierText")
        self.text.setAccessibleName(self.tr("Identifiers"))
        self.text.setPlaceholderText(PLACEHOLDER)
        self.text.setTabChangesFocus(True)
        self.text.textChanged.connect(self._text_changed)
        self.recognised = QLabel()
        self.recognised.setObjectName("recognisedLabel")
        self.recognised.setWordWrap(True)
        self.not_ids = QLabel()
        self.not_ids.setObjectName("notIdentifiersLabel")
        self.not_ids.setWordWrap(True)
        set_tone(self.not_ids, "error")

        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress_label = QLabel()
        self.stop_button = QToolButton()
        self.stop_button.setText(self.tr("Cancel look-up"))
        self.stop_button.clicked.connect(self.stop)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_label, 1)
        progress_row.addWidget(self.progress)
        progress_row.addWidget(self.stop_button)
        self.progress_box = QWidget()
        self.progress_box.setLayout(progress_row)
        progress_row.setContentsMargins(0, 0, 0, 0)
        self.progress_box.hide()

        self.found_label = QLabel()
        self.found_label.setObjectName("foundLabel")
        self.found_label.setWordWrap(True)
        self.table = QTreeWidget()
        self.table.setObjectName("foundPapers")
        self.table.setAccessibleName(self.tr("Papers found"))
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels(
            [
                self.tr("Title"),
                self.tr("Authors"),
                self.tr("Year"),
                self.tr("Identifier"),
                self.tr("In the library"),
            ]
        )
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # A long author list would push the title out of sight: its own width, elided.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(1, 200)
        self.not_found = QLabel()
        self.not_found.setObjectName("notFoundLabel")
        self.not_found.setWordWrap(True)
        self.not_found.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for widget in (self.found_label, self.table, self.not_found):
            widget.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.lookup_button: QPushButton = buttons.addButton(
            self.tr("&Look up"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.import_button: QPushButton = buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.lookup_button.clicked.connect(self._look_up)
        self.import_button.clicked.connect(self._import)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.recognised)
        layout.addWidget(self.not_ids)
        layout.addWidget(self.progress_box)
        layout.addWidget(self.found_label)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.not_found)
        layout.addWidget(buttons)
        self.resize(860, 600)
        self._text_changed()

    # -- the pasted text, read live

    def identifiers(self) -> list[Identifier]:
        return list(self._idents)

    def _text_changed(self) -> None:
        self._idents, bad = split_identifiers(self.text.toPlainText())
        n = len(self._idents)
        if n:
            self.recognised.setText(
                arg(
                    self.tr("%n identifier(s) recognised: %1", "", n),
                    _listed([str(i) for i in self._idents]),
                )
            )
        else:
            self.recognised.setText(self.tr("No identifier recognised yet."))
        self.not_ids.setText(
            arg(self.tr("Not identifiers, left out: %1"), _listed(bad)) if bad else ""
        )
        self.not_ids.setVisible(bool(bad))
        self._clear_preview()
        self._set_buttons()

    def _set_buttons(self) -> None:
        looking = self._cancel is not None
        self.lookup_button.setEnabled(bool(self._idents) and not looking)
        preview = self._preview
        ready = preview is not None and preview.changes_library and not looking
        self.import_button.setEnabled(ready)
        # Enter looks up until there is something to import, then imports.
        (self.import_button if ready else self.lookup_button).setDefault(True)

    # -- looking up

    def _look_up(self) -> None:
        if self._idents and self._cancel is None:
            self._clear_preview()
            self._cancel = CancelToken()
            self.progress_label.setText(
                self.tr("Looking up %n identifier(s)…", "", len(self._idents))
            )
            self.progress.setRange(0, 0)
            self.progress_box.show()
            self.text.setReadOnly(True)
            self._set_buttons()
            self.lookup_requested.emit(self.identifiers())

    @property
    def cancel_token(self) -> CancelToken | None:
        """The running look-up's cancel flag (the flow hands it to the network)."""
        return self._cancel

    def show_progress(self, done: int, total: int, message: str) -> None:
        self.progress_label.setText(message)
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def stop(self) -> None:
        """Cancel look-up: the dialog is editable again at once; what the network thread
        still delivers for it is dropped."""
        if self._cancel is not None:
            self._cancel.cancel()
        self._looked_up()
        self.found_label.setText(self.tr("Look-up cancelled."))
        self.found_label.show()

    def _looked_up(self) -> None:
        self._cancel = None
        self.progress_box.hide()
        self.text.setReadOnly(False)
        self._set_buttons()

    def show_failure(self, message: str) -> None:
        self._looked_up()
        self.found_label.setText(message)
        self.found_label.show()

    def reject(self) -> None:
        if self._cancel is not None:
            self._cancel.cancel()
        super().reject()

    # -- the preview

    def _clear_preview(self) -> None:
        self._preview = None
        self.table.clear()
        for widget in (self.found_label, self.table, self.not_found):
            widget.hide()

    def show_preview(self, preview: AddPreview) -> None:
        self._looked_up()
        self._preview = preview
        for row in preview.rows:
            self.table.addTopLevelItem(self._item(row))
        rows = len(preview.rows)
        existing = rows - preview.new
        if rows:
            if existing:
                text = arg(
                    self.tr("Found %Ln paper(s): %1 new, %2 already in the library.", "", rows),
                    count(preview.new),
                    count(existing),
                )
            else:
                text = arg(self.tr("Found %Ln paper(s): %1 new.", "", rows), count(preview.new))
            if not preview.changes_library:
                text += " " + self.tr(
                    "Nothing to import: the library has them all, with every detail."
                )
        else:
            text = self.tr("No source knows any of these identifiers.")
        self.found_label.setText(text)
        self.found_label.show()
        self.table.setVisible(bool(rows))
        missing = [str(i) for i in preview.fetched.not_found]
        if missing:
            self.not_found.setText(arg(self.tr("No source knows: %1"), ", ".join(missing)))
            self.not_found.show()
        papers = preview.new + sum(1 for r in preview.rows if r.fills)
        self.import_button.setText(self.tr("&Import %Ln paper(s)", "", papers))
        self._set_buttons()

    def _item(self, row: PreviewRow) -> QTreeWidgetItem:
        record = row.record
        if row.is_new:
            where = self.tr("New")
            why = self.tr("Not in the library yet: imported as a new paper")
        elif row.fills:
            where = self.tr("Yes; gains %n detail(s)", "", len(row.fills))
            why = arg(
                self.tr("In the library; the import fills its %1"),
                completion.field_names(row.fills),
            )
        else:
            where = self.tr("Yes")
            why = self.tr("In the library with all of these details: nothing to add")
        item = QTreeWidgetItem(
            [
                record.title,
                authors_text(record.authors),
                str(record.year or ""),
                record_id(record),
                where,
            ]
        )
        item.setToolTip(0, record.title)
        item.setToolTip(1, "; ".join(record.authors))
        item.setToolTip(4, why)
        return item

    def _import(self) -> None:
        if self._preview is not None and self._preview.changes_library:
            self.import_requested.emit(self._preview)
            self.accept()
