"""Help ▸ Search syntax: the query language by example. Choosing an example runs it, so the
page teaches by doing rather than by reading."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from readerapp.search import syntax


class SearchSyntaxDialog(QDialog):
    example_chosen = Signal(str)  # the query to put in the search box

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchSyntaxDialog")
        self.setWindowTitle(self.tr("Search syntax"))
        intro = QLabel(
            self.tr(
                "One syntax in the search box and on the command line. Double-click an "
                "example (or press Enter on it) to search with it."
            )
        )
        intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("searchSyntaxExamples")
        self.tree.setAccessibleName(self.tr("Search examples"))
        self.tree.setHeaderLabels([self.tr("Query"), self.tr("Finds")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.TypeWriter)
        for title, examples in syntax.SECTIONS:
            section = QTreeWidgetItem([QCoreApplication.translate("SearchSyntax", title)])
            bold = section.font(0)
            bold.setBold(True)
            section.setFont(0, bold)
            section.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(section)
            section.setFirstColumnSpanned(True)  # only once it is in the tree
            for example in examples:
                finds = QCoreApplication.translate("SearchSyntax", example.finds)
                row = QTreeWidgetItem([example.query, finds])
                row.setFont(0, mono)
                row.setData(0, Qt.ItemDataRole.UserRole, example.query)
                row.setToolTip(0, self.tr("Search for %1").replace("%1", example.query))
                self.tree.addTopLevelItem(row)
        self.tree.resizeColumnToContents(0)
        self.tree.setColumnWidth(0, self.tree.columnWidth(0) + 24)
        self.tree.itemActivated.connect(self._activated)
        self.tree.setCurrentItem(self.tree.topLevelItem(1))  # the first example, not a title
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(720, 560)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        query = item.data(0, Qt.ItemDataRole.UserRole)
        if query:
            self.example_chosen.emit(str(query))
