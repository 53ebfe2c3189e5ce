"""The Rules dialog: list the rules, add, edit and remove them, preview a rule on the whole
library (a dry run) and run it. Every change is an undoable command; what a rule does to an
import is in the import's summary (services.rules, services.import_session)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from readerapp.core.errors import UserError
from readerapp.gui import theme
from readerapp.gui.commands import ServiceCommand
from readerapp.gui.deferred import deferred
from readerapp.gui.host import Host
from readerapp.services.changes import Applied
from readerapp.services.library import Library

if TYPE_CHECKING:
    from readerapp.services import rules
else:  # imported at first use, not at launch: the ORM's services (gui.deferred)
    rules = deferred("rules")


class RuleEditor(QDialog):
    """One rule's name, query and actions; OK only with a query that parses and an action."""

    def __init__(self, rule: rules.Rule | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ruleEditor")
        self.setWindowTitle(self.tr("Edit rule") if rule else self.tr("New rule"))
        self.rule: rules.Rule | None = None
        form = QFormLayout(self)
        self.name = QLineEdit(rule.name if rule else "")
        self.query = QLineEdit(rule.query if rule else "")
        self.query.setPlaceholderText(self.tr("a search, e.g. tag:llm or title:diffusion"))
        self.tag = QLineEdit((rule.tag or "") if rule else "")
        self.queue = QLineEdit((rule.queue or "") if rule else "")
        self.star = QCheckBox(self.tr("&Star them"))
        self.star.setChecked(bool(rule and rule.star))
        self.today = QCheckBox(self.tr("Put them on &Today's list"))
        self.today.setChecked(bool(rule and rule.today))
        for widget, name in (
            (self.name, self.tr("Rule name")),
            (self.query, self.tr("Rule query")),
            (self.tag, self.tr("Tag to add")),
            (self.queue, self.tr("Queue to put them on")),
            (self.star, self.tr("Star them")),
            (self.today, self.tr("Put them on Today's list")),
        ):
            widget.setAccessibleName(name)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Query:"), self.query)
        form.addRow(self.tr("Add &tag:"), self.tag)
        form.addRow(self.tr("Put on &queue:"), self.queue)
        form.addRow("", self.star)
        form.addRow("", self.today)
        self.error = QLabel()
        self.error.setWordWrap(True)
        theme.set_tone(self.error, "error")
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _accept(self) -> None:
        try:
            self.rule = rules.make_rule(
                self.name.text(),
                self.query.text(),
                self.tag.text().strip() or None,
                self.queue.text().strip() or None,
                self.star.isChecked(),
                self.today.isChecked(),
            )
        except UserError as error:
            self.error.setText(str(error))
            return
        self.accept()


class RulesDialog(QDialog):
    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent or host.widget())
        self.host = host
        self.setObjectName("rulesDialog")
        self.setWindowTitle(self.tr("Rules"))
        self.resize(760, 420)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "A rule is a saved search with actions. It is applied to the new papers of "
                "every import; Preview and Run apply it to the whole library."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Query"), self.tr("Actions"), self.tr("Papers")]
        )
        self.table.setAccessibleName(self.tr("Rules"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # Each other column at least as wide as its title, in whatever language.
        for column in (0, 2, 3):
            self.table.setColumnWidth(
                column, max(header.sectionSize(column), header.sectionSizeHint(column))
            )
        self.table.doubleClicked.connect(lambda _i: self.edit_rule())
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
            ("add", self.tr("&Add…"), self.add_rule),
            ("edit", self.tr("&Edit…"), self.edit_rule),
            ("remove", self.tr("&Remove"), self.remove_rule),
            ("preview", self.tr("&Preview"), lambda: self.run_rule(dry_run=True)),
            ("run", self.tr("R&un on the library"), lambda: self.run_rule(dry_run=False)),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
            self.buttons[key] = button
        row.addStretch(1)
        layout.addLayout(row)
        self.outcome = QLabel()
        self.outcome.setObjectName("ruleResult")
        self.outcome.setWordWrap(True)
        self.outcome.setAccessibleName(self.tr("What the rule did"))
        layout.addWidget(self.outcome)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.rules: list[rules.Rule] = []
        self.table.itemSelectionChanged.connect(self._selection_changed)
        host.ops.changed.connect(lambda _changes: self.reload())
        self._selection_changed()

    def reload(self) -> None:
        if not self.host.is_ready:
            return

        def work(library: Library) -> tuple[list[rules.Rule], dict[str, int]]:
            return rules.list_rules(library), rules.hit_counts(library)

        self.host.ops.call(work, lambda found: self.show_rules(*found))

    def show_rules(self, found: list[rules.Rule], counts: dict[str, int]) -> None:
        keep = self.current()
        self.rules = found
        self.table.setRowCount(len(found))
        for n, rule in enumerate(found):
            cells = (
                rule.name,
                rule.query,
                ", ".join(rule.actions),
                f"{counts.get(rule.name, 0):,}",
            )
            for column, text in enumerate(cells):
                self.table.setItem(n, column, QTableWidgetItem(text))
        self.table.resizeColumnToContents(0)
        names = [r.name for r in found]
        if keep is not None and keep.name in names:
            self.table.selectRow(names.index(keep.name))
        elif found:
            self.table.selectRow(0)
        self._selection_changed()

    def current(self) -> rules.Rule | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.rules):
            return None
        return self.rules[rows[0].row()]

    def _selection_changed(self) -> None:
        chosen = self.current() is not None
        for key in ("edit", "remove", "preview", "run"):
            self.buttons[key].setEnabled(chosen)

    def add_rule(self) -> None:
        self._edit(None)

    def edit_rule(self) -> None:
        rule = self.current()
        if rule is not None:
            self._edit(rule)

    def _edit(self, rule: rules.Rule | None) -> None:
        editor = RuleEditor(rule, self)
        if editor.exec() != QDialog.DialogCode.Accepted or editor.rule is None:
            return
        new, old = editor.rule, rule.name if rule else None
        label = self.tr("Save rule “%1”").replace("%1", new.name)
        self.host.push(
            ServiceCommand(self.host.ops, label, lambda lib: rules.save_rule(lib, new, old))
        )

    def remove_rule(self) -> None:
        rule = self.current()
        if rule is None:
            return
        label = self.tr("Remove rule “%1”").replace("%1", rule.name)
        self.host.push(
            ServiceCommand(self.host.ops, label, lambda lib: rules.remove_rule(lib, rule.name))
        )

    def run_rule(self, *, dry_run: bool) -> None:
        rule = self.current()
        if rule is None:
            return
        if dry_run:
            self.host.ops.call(
                lambda lib: rules.run_rule(lib, rule.name, dry_run=True)[0],
                lambda result: self.outcome.setText(result.summary()),
                self.host.report_error,
            )
            return
        label = self.tr("Run rule “%1”").replace("%1", rule.name)

        def run(library: Library) -> Applied:
            return rules.run_rule(library, rule.name)[1]

        self.host.push(
            ServiceCommand(
                self.host.ops,
                label,
                run,
                on_first=lambda applied: self.outcome.setText(applied.value.summary()),
            )
        )
