"""The middle of the window: the search row (box, count, save as smart list), the inline
query error, a message bar, and the table or the start page below them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from readerapp.gui.dialogs import show_error
from readerapp.gui.i18n import arg
from readerapp.gui.search_box import SearchBox
from readerapp.gui.theme import set_tone
from readerapp.search import syntax
from readerapp.search.query import Node, QuerySyntaxError
from readerapp.services import listing
from readerapp.services.listing import ListRef

# Long enough to coalesce a burst of keys, short enough to leave most of the 150 ms
# keystroke-to-table budget to the search itself (docs/benchmarks.md).
SEARCH_DEBOUNCE_MS = 50


class SearchPanel(QWidget):
    search_requested = Signal()  # typing paused
    save_requested = Signal(str, str)  # smart list name, query

    def __init__(
        self,
        table: QAbstractItemView,
        start_page: QWidget,
        extras: tuple[QWidget, QWidget],
    ) -> None:
        """`extras`: a note shown beside the count, and a message bar above the table."""
        super().__init__()
        self.search_box = SearchBox()
        self.search_box.setObjectName("searchBox")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(
            self.tr('Search: words, "phrases", author:, tag:, is:starred, status:read, year:2023…')
        )
        tooltip = QCoreApplication.translate("SearchSyntax", syntax.TOOLTIP)
        more = self.tr("Help ▸ Search syntax (Shift+F1) has them all.")
        self.search_box.setToolTip(f"{tooltip}\n{more}")
        self.search_box.setAccessibleName(self.tr("Search"))
        self.search_box.setAccessibleDescription(tooltip)
        self.search_box.textChanged.connect(lambda _text: self.timer.start())
        self.search_box.results_requested.connect(self._go_to_results)
        self.table = table
        self._first_wanted = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DEBOUNCE_MS)
        self.timer.timeout.connect(self.search_requested)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.save_button = QPushButton(self.tr("Save as smart list"))
        self.save_button.clicked.connect(self._save)
        self.query_error = QLabel()
        self.query_error.setObjectName("queryError")
        set_tone(self.query_error, "error")
        self.query_error.hide()
        self.center = QStackedWidget()
        self.center.addWidget(start_page)
        self.center.addWidget(table)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.search_box, 1)
        for widget in (self.count_label, extras[0], self.save_button):
            row.addWidget(widget)
        layout.addLayout(row)
        layout.addWidget(self.query_error)
        layout.addWidget(extras[1])
        layout.addWidget(self.center, 1)

    def query(self, ref: ListRef) -> Node | None:
        """The search within the list, or None after showing what is wrong with it (the
        previous results stay)."""
        try:
            node = listing.list_query(ref, self.search_box.text())
        except QuerySyntaxError as error:
            self.show_error(arg(self.tr("%1 (at character %2)"), error.why, error.position + 1))
            return None
        self.query_error.hide()
        return node

    def show_error(self, text: str) -> None:
        self.query_error.setText(text)
        self.query_error.show()

    def show_count(self, count: int) -> None:
        self.count_label.setText(self.tr("%Ln paper(s)", "", count))

    def show_library(self, papers: int) -> None:
        """The start page for an empty library, else the table."""
        self.center.setCurrentIndex(0 if papers == 0 else 1)

    def _go_to_results(self) -> None:
        """Down or Enter in the search box: search now if typing has not paused yet, then
        put the keyboard on the results (on the first one once they arrive)."""
        if self.center.currentWidget() is not self.table:
            return
        self.table.setFocus(Qt.FocusReason.TabFocusReason)
        if self.timer.isActive():
            self.timer.stop()
            self._first_wanted = True
            self.search_requested.emit()
        elif not self.table.currentIndex().isValid() and self.table.model().rowCount() > 0:
            self.table.selectRow(0)

    def wants_first_result(self) -> bool:
        """Whether the results that just arrived should get their first row selected (the
        user pressed Down or Enter before they came), asked once per search."""
        wanted, self._first_wanted = self._first_wanted, False
        return wanted and self.table.hasFocus()

    def _save(self) -> None:
        text = self.search_box.text().strip()
        if not text:
            show_error(
                self, self.tr("Nothing to save"), self.tr("Type a search first, then save it.")
            )
            return
        name, ok = QInputDialog.getText(
            self, self.tr("Save as smart list"), self.tr("Name:"), text=text[:40]
        )
        if ok and name.strip():
            self.save_requested.emit(name, text)
