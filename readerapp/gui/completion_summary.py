"""What "Complete details" did: what it filled per paper, what nobody knew, and the
candidates of uncertain matches, each with a box to apply it ("Apply chosen")."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from readerapp.gui.add_by_id_dialog import authors_text, record_id
from readerapp.gui.deferred import deferred
from readerapp.gui.i18n import arg

if TYPE_CHECKING:
    from readerapp.services import completion
    from readerapp.services.completion import Candidate, CompletionReport
else:  # imported at first use, not at launch: the ORM's services (gui.deferred)
    completion = deferred("completion")


def _tree(name: str, headers: list[str]) -> QTreeWidget:
    """A list whose first column takes the room the others (sized to their text) leave."""
    tree = QTreeWidget()
    tree.setObjectName(name)
    tree.setRootIsDecorated(False)
    tree.setHeaderLabels(headers)
    header = tree.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in range(1, len(headers)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return tree


class CompletionSummaryDialog(QDialog):
    """Non-modal: the window stays usable while it is open."""

    apply_requested = Signal(object)  # list[Candidate]

    def __init__(
        self,
        report: CompletionReport,
        titles: Mapping[int, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("completionSummary")
        self.setWindowTitle(self.tr("Details completed"))
        self.setWindowModality(Qt.WindowModality.NonModal)
        c = report.completion
        self.summary = QLabel(report.summary()[0].upper() + report.summary()[1:] + ".")
        self.summary.setObjectName("completionText")
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)

        # Each of your papers with a candidate is a row; its candidates are the rows under it,
        # each with a box: two titles side by side would not fit, one above the other do.
        self.candidates = _tree(
            "candidateList",
            [
                self.tr("Candidate"),
                self.tr("Authors"),
                self.tr("Year"),
                self.tr("Identifier"),
                self.tr("Source"),
                self.tr("Why unsure"),
            ],
        )
        # The end of a title is where a candidate tends to differ ("… Efficiently").
        self.candidates.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self._rows: list[tuple[QTreeWidgetItem, Candidate]] = []
        groups: dict[int, QTreeWidgetItem] = {}
        for cand in c.candidates:
            group = groups.get(cand.paper_id)
            if group is None:
                group = self._group(titles.get(cand.paper_id, cand.paper_title))
                groups[cand.paper_id] = group
            r = cand.record
            item = QTreeWidgetItem(
                [
                    r.title,
                    authors_text(r.authors, 2),
                    str(r.year or ""),
                    record_id(r),
                    cand.source,
                    cand.why,
                ]
            )
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Unchecked)
            item.setToolTip(0, r.title)
            item.setToolTip(1, "; ".join(r.authors))
            group.addChild(item)
            self._rows.append((item, cand))
        self.candidates.setRootIsDecorated(False)
        self.candidates.setItemsExpandable(False)
        self.candidates.itemChanged.connect(lambda _item, _column: self._set_buttons())
        self._section(
            layout,
            self.tr(
                "Check the candidates that are your paper (%Ln); Apply chosen fills the paper "
                "from them:",
                "",
                len(c.candidates),
            ),
            self.candidates,
            bool(c.candidates),
        )

        self.filled = _tree("filledList", [self.tr("Paper"), self.tr("Filled")])
        for pid, names in report.filled.items():
            title, filled = titles.get(pid, str(pid)), completion.field_names(names)
            item = QTreeWidgetItem([title, filled])
            item.setToolTip(0, title)
            self.filled.addTopLevelItem(item)
        filled_title = self.tr("Filled (%Ln):", "", len(report.filled))
        self._section(layout, filled_title, self.filled, bool(report.filled))

        self.missing = _tree("notFoundList", [self.tr("Paper")])
        for pid in report.missing:
            self.missing.addTopLevelItem(QTreeWidgetItem([titles.get(pid, str(pid))]))
        missing = self.tr("No source knew (%Ln):", "", len(report.missing))
        self._section(layout, missing, self.missing, bool(report.missing))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.apply_button: QPushButton = buttons.addButton(
            self.tr("&Apply chosen"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.apply_button.setVisible(bool(c.candidates))
        self.apply_button.clicked.connect(self._apply)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._set_buttons()
        self.resize(1040, 560)

    def _group(self, title: str) -> QTreeWidgetItem:
        group = QTreeWidgetItem([arg(self.tr("Your paper: %1"), title)])
        group.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = group.font(0)
        font.setBold(True)
        group.setFont(0, font)
        self.candidates.addTopLevelItem(group)
        group.setFirstColumnSpanned(True)
        group.setExpanded(True)
        return group

    def _section(self, layout: QVBoxLayout, title: str, tree: QTreeWidget, shown: bool) -> None:
        if not shown:
            tree.hide()
            return
        label = QLabel(title)
        label.setBuddy(tree)
        layout.addWidget(label)
        layout.addWidget(tree, 1)

    def chosen(self) -> list[Candidate]:
        return [
            cand
            for item, cand in self._rows
            if item.checkState(0) == Qt.CheckState.Checked and not item.isDisabled()
        ]

    def set_checked(self, row: int, checked: bool = True) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        self._rows[row][0].setCheckState(0, state)

    def _set_buttons(self) -> None:
        self.apply_button.setEnabled(bool(self.chosen()))

    def _apply(self) -> None:
        chosen = self.chosen()
        if chosen:
            self.apply_button.setEnabled(False)
            self.apply_requested.emit(chosen)

    def show_applied(self, chosen: list[Candidate], report: CompletionReport) -> None:
        """The chosen candidates were applied: their rows say so and cannot be applied again."""
        applied = {id(c) for c in chosen}
        for item, cand in self._rows:
            if id(cand) in applied:
                item.setDisabled(True)
                item.setText(5, self.tr("applied"))
        filled = len(report.filled)
        applied_text = self.tr("Applied %n candidate(s):", "", len(chosen))
        filled_text = self.tr("%n paper(s) filled (Ctrl+Z undoes it).", "", filled)
        self.summary.setText(f"{self.summary.text()}\n{applied_text} {filled_text}")
        self._set_buttons()
