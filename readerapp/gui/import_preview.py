"""The import preview: what an import would do, per file, before anything is written.

Each source (a file, the clipboard) gets a dry run of the real import (same parser, same
merge rules, rolled back), so the counts shown are the counts the import will produce.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from readerapp.core.errors import UserError
from readerapp.core.progress import CancelToken
from readerapp.core.records import PaperSummary
from readerapp.formats.registry import IMPORT_FORMATS
from readerapp.gui.tasks import ProgressRelay, TaskRunner
from readerapp.services import queues, triage
from readerapp.services.import_session import (
    LIST_LIMIT,
    ImportPlan,
    ImportSource,
    SourcePreview,
    make_plan,
    preview_all,
)
from readerapp.services.library import Library


def _valid(clean: Callable[[str], str], name: str) -> str | None:
    """The cleaned name, or None when the service would refuse it."""
    try:
        return clean(name)
    except UserError:
        return None


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count:,} {one if count == 1 else (many or one + 's')}"


def totals_text(previews: Sequence[SourcePreview]) -> str:
    reports = [p.report for p in previews if p.report is not None]
    added = sum(r.added for r in reports)
    known = sum(r.merged + r.unchanged for r in reports)
    merged = sum(r.merged for r in reports)
    skipped = sum(len(r.skipped) for r in reports)
    failed = sum(1 for p in previews if p.report is None)
    parts = [
        f"{added:,} new",
        f"{known:,} already in the library",
        f"{merged:,} of them get new details",
        f"{skipped:,} skipped",
    ]
    text = " · ".join(parts)
    if failed:
        text += f" · {_plural(failed, 'source')} cannot be read (see below)"
    if reports and not failed and added == 0 and merged == 0:
        text += (
            "\nNothing new: every paper is already in the library with these details. "
            "Importing only applies the queue and tag options below."
        )
    return text


def _status_text(summary: PaperSummary) -> str:
    return ("★ " if summary.starred else "") + summary.status


def _field_names(columns: Sequence[str]) -> str:
    return ", ".join(c.replace("_", " ") for c in columns)


COLUMNS = ("File", "Format", "New", "In library", "Merged", "Skipped")


class ImportPreviewDialog(QDialog):
    """Lists each source with its detected format (changeable), what is new, what is already
    in the library (with status and queues), what merges fill in and what is skipped."""

    previews_ready = Signal()  # every source has a fresh preview (tests wait for it)
    failed = Signal(object)  # an unexpected error (a bug): the window shows its details

    def __init__(
        self,
        library: Library,
        runner: TaskRunner,
        sources: Sequence[ImportSource],
        *,
        queue_names: Sequence[str],
        tag_names: Sequence[str],
        last_queue: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importPreview")
        self.setWindowTitle("Import papers")
        self.library, self.runner = library, runner
        self.sources = list(sources)
        self.previews: list[SourcePreview | None] = [None] * len(self.sources)
        self._running = 0
        self._generation = [0] * len(self.sources)  # a newer preview of a row wins
        self._cancel = CancelToken()
        self.relay = ProgressRelay(self)
        self.relay.progressed.connect(self._progressed)

        self.heading = QLabel("Reading…")
        self.heading.setObjectName("previewHeading")
        self.heading.setWordWrap(True)
        self.table = QTableWidget(len(self.sources), len(COLUMNS))
        self.table.setObjectName("sourceTable")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for row, source in enumerate(self.sources):
            item = QTableWidgetItem(source.label)
            item.setToolTip(source.source)
            self.table.setItem(row, 0, item)
        # Tall enough for every source (up to a handful), and no more.
        rows_shown = min(len(self.sources), 5)
        self.table.setMaximumHeight(
            header.sizeHint().height()
            + 6
            + rows_shown * self.table.verticalHeader().defaultSectionSize()
        )
        self.table.currentCellChanged.connect(lambda row, *_: self._show_details(row))

        self.format_combo = QComboBox()
        self.format_combo.setObjectName("formatCombo")
        self.format_combo.setPlaceholderText("Not recognised: choose a format")
        for fmt in IMPORT_FORMATS:
            self.format_combo.addItem(fmt.label, fmt.name)
        self.format_combo.activated.connect(self._format_chosen)
        format_label = QLabel("&Format:")
        format_label.setBuddy(self.format_combo)
        self.source_label = QLabel()
        self.source_label.setObjectName("sourceLabel")
        self.source_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        format_row = QHBoxLayout()
        format_row.addWidget(format_label)
        format_row.addWidget(self.format_combo)
        format_row.addWidget(self.source_label, 1)

        self.tree = QTreeWidget()
        self.tree.setObjectName("previewTree")
        self.tree.setHeaderLabels(["Paper", "Status", "Queues", "This import fills in"])
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            self.tree.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.error_label = QLabel()
        self.error_label.setObjectName("previewError")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.setStyleSheet("color: #b3261e;")
        self.error_label.hide()

        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 0)
        self.progress_label = QLabel()
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_label, 1)
        progress_row.addWidget(self.progress_bar)

        self.queue_check = QCheckBox("Add all imported papers to the &queue:")
        self.queue_combo = QComboBox()
        self.queue_combo.setObjectName("queueCombo")
        self.queue_combo.setEditable(True)
        self.queue_combo.addItems(list(queue_names))
        self.queue_combo.setCurrentText(last_queue)
        self.queue_combo.setToolTip("An existing queue, or type a new name")
        self.tag_check = QCheckBox("Add the &tag:")
        self.tag_combo = QComboBox()
        self.tag_combo.setObjectName("tagCombo")
        self.tag_combo.setEditable(True)
        self.tag_combo.addItems(list(tag_names))
        self.tag_combo.setCurrentText("")
        self.tag_combo.setToolTip("An existing tag, or type a new one")
        for check, combo in (
            (self.queue_check, self.queue_combo),
            (self.tag_check, self.tag_combo),
        ):
            combo.setEnabled(False)
            check.toggled.connect(combo.setEnabled)
            check.toggled.connect(lambda on, c=combo: on and c.setFocus())
            combo.editTextChanged.connect(self._update_buttons)
            check.toggled.connect(self._update_buttons)
        options = QGridLayout()
        options.addWidget(self.queue_check, 0, 0)
        options.addWidget(self.queue_combo, 0, 1)
        options.addWidget(self.tag_check, 1, 0)
        options.addWidget(self.tag_combo, 1, 1)
        options.setColumnStretch(1, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button: QPushButton = self.buttons.addButton(
            "&Import", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("importButton")
        self.import_button.setEnabled(False)
        # Enter means Import wherever the focus is: no other button takes over as default.
        for button in self.buttons.buttons():
            button.setAutoDefault(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        # Ctrl+Return imports from anywhere in the dialog, also while a combo box has focus.
        shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        shortcut.activated.connect(self._import_if_ready)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table)
        layout.addLayout(format_row)
        layout.addWidget(self.error_label)
        layout.addWidget(self.tree, 1)
        layout.addLayout(progress_row)
        layout.addLayout(options)
        layout.addWidget(self.buttons)
        self.resize(900, 620)

        self.table.selectRow(0)
        self._preview(list(range(len(self.sources))))

    # -- running the dry runs (on the library worker)

    @property
    def busy(self) -> bool:
        return self._running > 0

    def _preview(self, rows: list[int]) -> None:
        library, relay, cancel = self.library, self.relay, self._cancel
        sources = [self.sources[row] for row in rows]
        generations = []
        for row in rows:
            self._generation[row] += 1
            generations.append(self._generation[row])
            self.previews[row] = None
            self._fill_row(row)
        self._running += 1
        self.progress_label.setText("Reading…")
        self.progress_bar.setRange(0, 0)
        self._show_progress(True)
        self._update_buttons()
        self._show_details(self.table.currentRow())
        self.runner.run(
            lambda: preview_all(library, sources, relay, cancel),
            lambda previews: self._previewed(rows, generations, previews),
            self._failed,
        )

    def _previewed(
        self, rows: list[int], generations: list[int], previews: list[SourcePreview]
    ) -> None:
        self._running -= 1
        for row, generation, preview in zip(rows, generations, previews, strict=True):
            if generation == self._generation[row]:
                self.previews[row] = preview
                self.sources[row] = preview.source
                self._fill_row(row)
        self._after_run()

    def _failed(self, error: BaseException) -> None:
        self._running -= 1
        self._after_run()
        self.heading.setText(f"The preview failed: {error}")
        self.failed.emit(error)

    def _after_run(self) -> None:
        if self._running:
            return
        self._show_progress(False)
        ready = [p for p in self.previews if p is not None]
        self.heading.setText(totals_text(ready))
        self._update_buttons()
        self._show_details(self.table.currentRow())
        if len(ready) == len(self.previews):
            self.previews_ready.emit()

    def _progressed(self, done: int, total: int, message: str) -> None:
        self.progress_label.setText(message)
        if total:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(done)

    def _show_progress(self, on: bool) -> None:
        self.progress_bar.setVisible(on)
        self.progress_label.setVisible(on)

    def _format_chosen(self, index: int) -> None:
        row = self.table.currentRow()
        name = self.format_combo.itemData(index)
        if row < 0 or name is None:
            return
        preview = self.previews[row]
        if preview is not None and preview.format_name == name:
            return
        self.sources[row] = dataclasses.replace(self.sources[row], format_name=str(name))
        self._preview([row])

    # -- showing the results

    def _fill_row(self, row: int) -> None:
        preview = self.previews[row]
        report = preview.report if preview is not None else None
        if preview is None:
            cells = ["…", "", "", "", ""]
        elif report is None:
            cells = ["not readable", "", "", "", ""]
        else:
            label = next(
                (f.label for f in IMPORT_FORMATS if f.name == report.format), report.format
            )
            cells = [
                label,
                f"{report.added:,}",
                f"{report.merged + report.unchanged:,}",
                f"{report.merged:,}",
                f"{len(report.skipped):,}",
            ]
        for column, text in enumerate(cells, start=1):
            item = QTableWidgetItem(text)
            if column > 1:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if preview is not None and preview.error:
                item.setToolTip(preview.error)
            self.table.setItem(row, column, item)

    def _show_details(self, row: int) -> None:
        self.tree.clear()
        self.error_label.hide()
        if not 0 <= row < len(self.sources):
            return
        source = self.sources[row]
        self.source_label.setText(source.source if source.path else "Text from the clipboard")
        preview = self.previews[row]
        wanted = preview.format_name if preview is not None else source.format_name
        self.format_combo.setCurrentIndex(self.format_combo.findData(wanted) if wanted else -1)
        if preview is None:
            return
        if preview.report is None:
            self.error_label.setText(
                f"{preview.error}\nChoose the format it is in, or leave "
                "it out: the other sources are imported without it."
            )
            self.error_label.show()
            return
        self._fill_tree(preview)

    def _section(self, title: str, tip: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem([title])
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        item.setToolTip(0, tip)
        item.setFirstColumnSpanned(True)
        self.tree.addTopLevelItem(item)
        return item

    def _fill_tree(self, preview: SourcePreview) -> None:
        report = preview.report
        assert report is not None
        self._section(f"New papers: {report.added:,}", "Added to the library as new papers")
        merged = f" ({report.merged:,} get details they lack)" if report.merged else ""
        known = self._section(
            f"Already in the library: {len(preview.existing_ids):,}{merged}",
            "Matched by arXiv id, DOI or title. Stars, status, tags, notes and queues stay "
            "as they are; only empty fields are filled in.",
        )
        for pid in preview.existing_ids[:LIST_LIMIT]:
            summary = preview.existing.get(pid)
            if summary is None:
                continue
            fills = report.filled.get(pid)
            item = QTreeWidgetItem(
                [
                    summary.title,
                    _status_text(summary),
                    ", ".join(summary.queues),
                    _field_names(fills) if fills else "nothing new",
                ]
            )
            item.setToolTip(0, summary.title)
            item.setData(0, Qt.ItemDataRole.UserRole, pid)
            if not fills:
                item.setForeground(3, self.palette().placeholderText())
            known.addChild(item)
        if len(preview.existing_ids) > LIST_LIMIT:
            known.addChild(
                QTreeWidgetItem([f"… and {len(preview.existing_ids) - LIST_LIMIT:,} more"])
            )
        skipped = self._section(
            f"Skipped: {len(report.skipped):,}",
            "Entries that cannot become papers, with where and why",
        )
        for entry in report.skipped[:LIST_LIMIT]:
            where = f"line {entry.line}" if entry.line is not None else "(no line)"
            item = QTreeWidgetItem([f"{where}: {entry.reason}"])
            item.setFirstColumnSpanned(True)
            item.setToolTip(0, entry.reason)
            skipped.addChild(item)
        if len(report.skipped) > LIST_LIMIT:
            skipped.addChild(QTreeWidgetItem([f"… and {len(report.skipped) - LIST_LIMIT:,} more"]))
        self.tree.expandAll()

    # -- options and the result

    # The services' own name rules, checked here: a name they refuse after the papers are
    # saved would leave the import half applied.
    def queue_name(self) -> str | None:
        return (
            _valid(queues.clean_name, self.queue_combo.currentText())
            if self.queue_check.isChecked()
            else None
        )

    def tag_name(self) -> str | None:
        return (
            _valid(triage.clean_tag, self.tag_combo.currentText())
            if self.tag_check.isChecked()
            else None
        )

    def _update_buttons(self) -> None:
        ready = [p for p in self.previews if p is not None and p.report is not None]
        options_ok = (not self.queue_check.isChecked() or self.queue_name() is not None) and (
            not self.tag_check.isChecked() or self.tag_name() is not None
        )
        self.import_button.setEnabled(not self.busy and bool(ready) and options_ok)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.import_button.setDefault(True)  # the button box picks its own default on show

    def _import_if_ready(self) -> None:
        if self.import_button.isEnabled():
            self.accept()

    def accept(self) -> None:
        if self.import_button.isEnabled():
            super().accept()

    def reject(self) -> None:
        self._cancel.cancel()  # a dry run still going stops at its next check
        super().reject()

    def plan(self) -> ImportPlan:
        previews = [p for p in self.previews if p is not None and p.report is not None]
        return make_plan(previews, queue=self.queue_name(), tag=self.tag_name())
