"""The import preview: what an import would do, per file, before anything is written.

Each source (a file, the clipboard) gets a dry run of the real import (same parser, same
merge rules, rolled back), so the counts shown are the counts the import will produce. The
papers it would add, and those it would merge into, are listed with a check box each: the
unchecked ones are left out of the import (SourcePreview.leaving_out). The lists are Qt
models over the dry run's papers, so a 20,000-paper dump costs no more widgets than one of
ten.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QKeyEvent,
    QKeySequence,
    QPalette,
    QResizeEvent,
    QShortcut,
    QShowEvent,
)
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
    QListWidget,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from readerapp.core.errors import UserError
from readerapp.core.progress import CancelToken
from readerapp.core.records import PaperSummary
from readerapp.formats.registry import IMPORT_FORMATS
from readerapp.gui.i18n import arg, count, status_word
from readerapp.gui.tasks import ProgressRelay, TaskRunner
from readerapp.gui.theme import ERROR_RED, readable_on
from readerapp.services import queues, triage
from readerapp.services.import_session import (
    CLIPBOARD,
    LIST_LIMIT,
    STDIN,
    ImportPlan,
    ImportSource,
    PreviewCounts,
    Problem,
    SourcePreview,
    make_plan,
    preview_all,
)
from readerapp.services.importing import PlannedPaper
from readerapp.services.library import Library

Index = QModelIndex | QPersistentModelIndex

# The widest the dialog opens: it must fit a 1024-pixel screen with room to spare.
WIDTH = 900


def _valid(clean: Callable[[str], str], name: str) -> str | None:
    """The cleaned name, or None when the service would refuse it."""
    try:
        return clean(name)
    except UserError:
        return None


def _tr(text: str) -> str:
    """The module's texts, under the dialog's context (lupdate reads the literal calls of
    QCoreApplication.translate below; this only looks one up again)."""
    return QCoreApplication.translate("ImportPreviewDialog", text)


def totals_text(previews: Sequence[SourcePreview]) -> str:
    """The counts over every source, with the papers left out taken away. (Counts use the
    dialog's tr(): pyside6-lupdate marks plural forms only there.)"""
    counts = [p.counts() for p in previews if p.report is not None]
    reports = [p.report for p in previews if p.report is not None]
    added = sum(c.added for c in counts)
    merged = sum(c.merged for c in counts)
    known = merged + sum(c.unchanged for c in counts)
    left_out = sum(c.left_out for c in counts)
    skipped = sum(len(r.skipped) for r in reports)
    failed = sum(1 for p in previews if p.report is None)
    if not reports:
        if len(previews) == 1:
            return ImportPreviewDialog.tr("Nothing can be imported from it.")
        return ImportPreviewDialog.tr(
            "Nothing can be imported: none of the %Ln sources can be read.", "", len(previews)
        )
    parts = [
        arg(ImportPreviewDialog.tr("%1 new"), count(added)),
        arg(ImportPreviewDialog.tr("%1 already in the library"), count(known)),
        arg(ImportPreviewDialog.tr("%1 of them get new details"), count(merged)),
        arg(ImportPreviewDialog.tr("%1 skipped"), count(skipped)),
    ]
    if left_out:
        parts.append(arg(ImportPreviewDialog.tr("%1 left out"), count(left_out)))
    text = " · ".join(parts)
    if failed:
        text += " · " + ImportPreviewDialog.tr(
            "%Ln source(s) cannot be read (see below)", "", failed
        )
    if not failed and added == 0 and merged == 0:
        if left_out and known == 0:
            text += "\n" + ImportPreviewDialog.tr(
                "Every paper is left out: check the ones to import."
            )
        else:
            text += "\n" + ImportPreviewDialog.tr(
                "Nothing new: every paper is already in the library with these details. "
                "Importing only applies the queue and tag options below."
            )
    return text


def import_button_text(counts: Sequence[PreviewCounts]) -> str:
    added = sum(c.added for c in counts)
    if not added:
        return ImportPreviewDialog.tr("&Import")
    return ImportPreviewDialog.tr("&Import %Ln new paper(s)", "", added)


# -- messages written for the window (the command line keeps its own, SourceProblem.message)


def source_name(source: ImportSource) -> str:
    """The source as the window's user knows it: the file's name, or the clipboard."""
    if source.path is not None:
        return f"“{source.path.name}”"
    names = {
        CLIPBOARD: QCoreApplication.translate("ImportPreviewDialog", "the clipboard"),
        STDIN: QCoreApplication.translate("ImportPreviewDialog", "standard input"),
    }
    return names.get(source.source, source.label)


def problem_text(preview: SourcePreview, several: bool) -> str:
    """Why a source cannot be imported, in the window's words: the source by the name the
    user knows, no command-line advice, a format only where choosing one can help, and the
    other sources mentioned only when there are others."""
    problem = preview.problem
    assert problem is not None
    name = source_name(preview.source)
    subject = name[0].upper() + name[1:]
    why = problem.why.rstrip(".")
    texts = {
        Problem.MISSING: QCoreApplication.translate(
            "ImportPreviewDialog", "%1 cannot be found: it was moved, renamed or deleted."
        ),
        Problem.FOLDER: QCoreApplication.translate(
            "ImportPreviewDialog", "%1 is a folder. Import the files in it instead."
        ),
        Problem.NOT_ALLOWED: QCoreApplication.translate(
            "ImportPreviewDialog", "%1 cannot be opened: you are not allowed to read it."
        ),
        Problem.NOT_TEXT: QCoreApplication.translate(
            "ImportPreviewDialog",
            "%1 is not a text file (a PDF, an image or an archive, perhaps). readerapp "
            "imports lists of papers saved as text: BibTeX, RIS, JSON, Markdown and the like.",
        ),
        Problem.UNREADABLE: QCoreApplication.translate(
            "ImportPreviewDialog", "%1 cannot be read: %2."
        ),
        Problem.EMPTY: QCoreApplication.translate(
            "ImportPreviewDialog", "%1 holds no text: there is nothing to import."
        ),
        Problem.UNRECOGNISED: QCoreApplication.translate(
            "ImportPreviewDialog",
            "%1 does not look like any format readerapp knows. If it is one of them, choose "
            "it under Format.",
        ),
        Problem.OTHER: QCoreApplication.translate(
            "ImportPreviewDialog", "%1 cannot be imported: %2."
        ),
    }
    if problem.kind is Problem.NOT_IN_FORMAT:
        label = _format_label(problem.format_name or "")
        if problem.line is not None:
            text = QCoreApplication.translate(
                "ImportPreviewDialog",
                "%1 cannot be read as %2. Line %3: %4. Choose the format it is in under Format.",
            )
            text = arg(text, subject, label, count(problem.line), why)
        else:
            text = QCoreApplication.translate(
                "ImportPreviewDialog",
                "%1 cannot be read as %2. %3. Choose the format it is in under Format.",
            )
            text = arg(text, subject, label, why)
    else:
        text = arg(texts[problem.kind], subject, why)
    if several:
        text += " " + QCoreApplication.translate(
            "ImportPreviewDialog", "The other sources are imported without it."
        )
    return text


# What the sources table says of a source that cannot be imported, in its Format column.
PROBLEM_CELLS = {
    Problem.MISSING: QT_TRANSLATE_NOOP("ImportPreviewDialog", "not found"),
    Problem.FOLDER: QT_TRANSLATE_NOOP("ImportPreviewDialog", "a folder"),
    Problem.NOT_ALLOWED: QT_TRANSLATE_NOOP("ImportPreviewDialog", "not allowed"),
    Problem.NOT_TEXT: QT_TRANSLATE_NOOP("ImportPreviewDialog", "not text"),
    Problem.UNREADABLE: QT_TRANSLATE_NOOP("ImportPreviewDialog", "unreadable"),
    Problem.EMPTY: QT_TRANSLATE_NOOP("ImportPreviewDialog", "empty"),
    Problem.UNRECOGNISED: QT_TRANSLATE_NOOP("ImportPreviewDialog", "not recognised"),
    Problem.NOT_IN_FORMAT: QT_TRANSLATE_NOOP("ImportPreviewDialog", "not readable"),
    Problem.OTHER: QT_TRANSLATE_NOOP("ImportPreviewDialog", "not readable"),
}


def _format_label(name: str) -> str:
    return next((f.label for f in IMPORT_FORMATS if f.name == name), name)


class ElidedLabel(QLabel):
    """One line that shows as much of its text as fits, eliding in the middle (a path keeps
    its folder's start and its file name), with the whole text in its tooltip. It never asks
    for more width than a few characters: a long path does not widen the dialog."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def _elide(self) -> None:
        metrics = self.fontMetrics()
        super().setText(metrics.elidedText(self._full, Qt.TextElideMode.ElideMiddle, self.width()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        width = min(metrics.horizontalAdvance(self._full), metrics.averageCharWidth() * 40)
        return QSize(width, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().averageCharWidth() * 8, super().minimumSizeHint().height())


# -- the lists of papers, each with a check box


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a paper list: its title, its text and tooltip for a row's item, and
    its width in average characters (None: it takes the room left)."""

    title: str
    text: Callable[[Any], str]
    tip: Callable[[Any], str] | None = None
    chars: int | None = None


@dataclass(frozen=True, slots=True)
class KnownPaper:
    """A library paper that an import matches: the library's view of it (the first
    LIST_LIMIT have one) and the file's entry that matches it."""

    paper_id: int
    summary: PaperSummary | None
    planned: PlannedPaper | None
    fills: tuple[str, ...]

    @property
    def title(self) -> str:
        if self.summary is not None:
            return self.summary.title
        if self.planned is not None:
            return self.planned.record.title
        return arg(QCoreApplication.translate("ImportPreviewDialog", "Paper %1"), self.paper_id)

    @property
    def keys(self) -> tuple[str, ...]:
        return self.planned.keys if self.planned is not None else ()

    @property
    def tip(self) -> str:
        """The title, and the file's if it differs (a bare arXiv id the file names)."""
        theirs = self.planned.record.title if self.planned is not None else self.title
        if theirs == self.title:
            return self.title
        return f"{self.title}\n" + arg(
            QCoreApplication.translate("ImportPreviewDialog", "In the file: %1"), theirs
        )


def _keys(item: PlannedPaper | KnownPaper) -> tuple[str, ...]:
    return item.keys


def _first_author(paper: PlannedPaper) -> str:
    authors = paper.record.authors
    if not authors:
        return ""
    return (
        arg(QCoreApplication.translate("ImportPreviewDialog", "%1 et al."), authors[0])
        if len(authors) > 1
        else authors[0]
    )


def _status_text(summary: PaperSummary | None) -> str:
    if summary is None:
        return ""
    return ("★ " if summary.starred else "") + status_word(summary.status)


def _field_names(columns: Sequence[str]) -> str:
    return ", ".join(c.replace("_", " ") for c in columns)


# Titles are translated when shown (PaperChoiceModel.headerData).
NEW_COLUMNS = (
    Column(
        QT_TRANSLATE_NOOP("ImportPreviewDialog", "Title"),
        lambda p: p.record.title,
        lambda p: p.record.title,
    ),
    Column(
        QT_TRANSLATE_NOOP("ImportPreviewDialog", "First author"),
        _first_author,
        lambda p: "; ".join(p.record.authors),
        chars=22,
    ),
    Column(
        QT_TRANSLATE_NOOP("ImportPreviewDialog", "Year"),
        lambda p: str(p.record.year or ""),
        chars=5,
    ),
)
KNOWN_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("ImportPreviewDialog", "Paper"), lambda k: k.title, lambda k: k.tip),
    Column(
        QT_TRANSLATE_NOOP("ImportPreviewDialog", "Status"),
        lambda k: _status_text(k.summary),
        chars=10,
    ),
    Column(
        QT_TRANSLATE_NOOP("ImportPreviewDialog", "Queues"),
        lambda k: ", ".join(k.summary.queues) if k.summary else "",
        chars=14,
    ),
    Column(
        QT_TRANSLATE_NOOP("ImportPreviewDialog", "This import fills in"),
        lambda k: (
            _field_names(k.fills)
            if k.fills
            else QCoreApplication.translate("ImportPreviewDialog", "nothing new")
        ),
        lambda k: (
            _field_names(k.fills)
            if k.fills
            else QCoreApplication.translate("ImportPreviewDialog", "Nothing to fill in")
        ),
        chars=24,
    ),
)


class PaperChoiceModel(QAbstractTableModel):
    """Papers in rows, each with a check box in its first column. A paper is unchecked when
    all of its identity keys are in `excluded`, the set the dialog keeps for its source and
    hands to the plan; checking and unchecking change that set."""

    checks_changed = Signal()

    def __init__(self, columns: Sequence[Column], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self.items: Sequence[Any] = ()
        self.excluded: set[str] = set()

    def reset(self, items: Sequence[Any], excluded: set[str]) -> None:
        self.beginResetModel()
        self.items, self.excluded = items, excluded
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(self.columns[section].title)
        return None

    def is_checked(self, row: int) -> bool:
        keys = _keys(self.items[row])
        return not (keys and self.excluded.issuperset(keys))

    def checked_count(self) -> int:
        return sum(1 for row in range(len(self.items)) if self.is_checked(row))

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid():
            return None
        item, column = self.items[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(item)
        if role == Qt.ItemDataRole.ToolTipRole and column.tip is not None:
            return column.tip(item)
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            checked = self.is_checked(index.row())
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
        if index.column() == 0 and _keys(self.items[index.row()]):
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = 0) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or index.column():
            return False
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)
        return self.set_checked([index.row()], checked)

    def set_checked(self, rows: Sequence[int], checked: bool) -> bool:
        """Checks or unchecks these rows; False if none of them can be."""
        rows = [row for row in rows if _keys(self.items[row])]
        if not rows:
            return False
        for row in rows:
            keys = _keys(self.items[row])
            if checked:
                self.excluded.difference_update(keys)
            else:
                self.excluded.update(keys)
        last = len(self.columns) - 1
        self.dataChanged.emit(
            self.index(min(rows), 0), self.index(max(rows), last), [Qt.ItemDataRole.CheckStateRole]
        )
        self.checks_changed.emit()
        return True

    def set_all(self, checked: bool) -> None:
        if self.items:
            self.set_checked(range(len(self.items)), checked)


CELL_PADDING = 8  # pixels either side of a cell's text, about what the styles draw


class PaperChoiceView(QTableView):
    """A paper list: rows, no grid, one line each. Space checks or unchecks every selected
    paper at once (as the current one goes), wherever in the row the cursor is."""

    def __init__(self, model: PaperChoiceModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setShowGrid(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        vertical = self.verticalHeader()
        vertical.hide()
        # Rows are never measured one by one: 20,000 of them cost what a screenful costs.
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        char = self.fontMetrics().averageCharWidth()
        for number, column in enumerate(model.columns):
            if column.chars is None:
                header.setSectionResizeMode(number, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(number, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(number, column.chars * char + 2 * CELL_PADDING)

    def choices(self) -> PaperChoiceModel:
        model = self.model()
        assert isinstance(model, PaperChoiceModel)
        return model

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Select) and self.currentIndex().isValid():
            model = self.choices()
            rows = sorted({i.row() for i in self.selectionModel().selectedRows()})
            current = self.currentIndex().row()
            model.set_checked(rows or [current], not model.is_checked(current))
            return
        super().keyPressEvent(event)


class PaperChoicePane(QWidget):
    """A paper list with its count and the Check all / Check none pair."""

    def __init__(
        self, columns: Sequence[Column], name: str, noun: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.noun = noun
        self.model = PaperChoiceModel(columns, self)
        self.view = PaperChoiceView(self.model)
        self.view.setObjectName(f"{name}View")
        self.summary = QLabel()
        self.summary.setObjectName(f"{name}Summary")
        self.summary.setWordWrap(True)
        self.check_all = QPushButton(self.tr("Check &all"))
        self.check_all.setObjectName(f"{name}CheckAll")
        self.check_none = QPushButton(self.tr("Check n&one"))
        self.check_none.setObjectName(f"{name}CheckNone")
        for button in (self.check_all, self.check_none):
            button.setAutoDefault(False)
        self.check_all.clicked.connect(lambda: self.model.set_all(True))
        self.check_none.clicked.connect(lambda: self.model.set_all(False))
        self.model.checks_changed.connect(self._count)
        self.model.modelReset.connect(self._count)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.check_all)
        row.addWidget(self.check_none)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)

    def _count(self) -> None:
        total = self.model.rowCount()
        checked = self.model.checked_count()
        self.summary.setText(
            arg(self.tr("%1 of %2 checked. %3"), count(checked), count(total), self.noun)
            if total
            else self.tr("None.")
        )
        for button in (self.check_all, self.check_none):
            button.setEnabled(total > 0)


COLUMNS = (
    QT_TRANSLATE_NOOP("ImportPreviewDialog", "File"),
    QT_TRANSLATE_NOOP("ImportPreviewDialog", "Format"),
    QT_TRANSLATE_NOOP("ImportPreviewDialog", "New"),
    QT_TRANSLATE_NOOP("ImportPreviewDialog", "In library"),
    QT_TRANSLATE_NOOP("ImportPreviewDialog", "Merged"),
    QT_TRANSLATE_NOOP("ImportPreviewDialog", "Skipped"),
)


class ImportPreviewDialog(QDialog):
    """Lists each source with its detected format (changeable), what is new, what is already
    in the library (with status and queues), what merges fill in and what is skipped; the
    new and the matched papers have check boxes, and the unchecked ones stay out."""

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
        self.setWindowTitle(self.tr("Import papers"))
        self.library, self.runner = library, runner
        self.sources = list(sources)
        self.previews: list[SourcePreview | None] = [None] * len(self.sources)
        # Per source, the identity keys of the papers the user unchecked.
        self.excluded: list[set[str]] = [set() for _ in self.sources]
        self._running = 0
        self._generation = [0] * len(self.sources)  # a newer preview of a row wins
        self._cancel = CancelToken()
        self.relay = ProgressRelay(self)
        self.relay.progressed.connect(self._progressed)

        self.heading = QLabel(self.tr("Reading…"))
        self.heading.setObjectName("previewHeading")
        self.heading.setWordWrap(True)
        self.table = QTableWidget(len(self.sources), len(COLUMNS))
        self.table.setObjectName("sourceTable")
        self.table.setAccessibleName(self.tr("Sources"))
        self.table.setTabKeyNavigation(False)  # Tab moves on; the arrows move within
        self.table.setHorizontalHeaderLabels([_tr(title) for title in COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
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
        for fmt in IMPORT_FORMATS:
            self.format_combo.addItem(fmt.label, fmt.name)
        self.format_combo.activated.connect(self._format_chosen)
        format_label = QLabel(self.tr("&Format:"))
        format_label.setBuddy(self.format_combo)
        self.source_label = ElidedLabel()
        self.source_label.setObjectName("sourceLabel")
        format_row = QHBoxLayout()
        format_row.addWidget(format_label)
        format_row.addWidget(self.format_combo)
        format_row.addWidget(self.source_label, 1)

        self.error_label = QLabel()
        self.error_label.setObjectName("previewError")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._colour_error()

        self.new_pane = PaperChoicePane(
            NEW_COLUMNS, "new", self.tr("Unchecked papers are not added to the library.")
        )
        self.known_pane = PaperChoicePane(
            KNOWN_COLUMNS,
            "known",
            self.tr(
                "Matched by arXiv id, DOI or title; only fields they lack are filled in, and "
                "stars, status, tags, notes and queues stay as they are. Unchecked papers are "
                "left as they are and the options below skip them."
            ),
        )
        self.skipped_list = QListWidget()
        self.skipped_list.setObjectName("skippedList")
        self.skipped_list.setAccessibleName(self.tr("Skipped entries"))
        self.skipped_list.setUniformItemSizes(True)
        self.skipped_list.setToolTip(
            self.tr("Entries that cannot become papers, with where and why")
        )
        self.tabs = QTabWidget()
        self.tabs.setObjectName("detailTabs")
        self.tabs.tabBar().setAccessibleName(self.tr("Papers of the source"))
        self.tab_titles = (
            self.tr("New papers"),
            self.tr("Already in the library"),
            self.tr("Skipped"),
        )
        self.tabs.addTab(self.new_pane, self.tab_titles[0])
        self.tabs.addTab(self.known_pane, self.tab_titles[1])
        self.tabs.addTab(self.skipped_list, self.tab_titles[2])
        self.new_pane.view.setAccessibleName(self.tr("New papers"))
        self.known_pane.view.setAccessibleName(self.tr("Papers already in the library"))
        for pane in (self.new_pane, self.known_pane):
            pane.model.checks_changed.connect(self._checks_changed)
        # The lists of the current source, or why it cannot be imported in their place.
        self.error_page = error_page = QWidget()
        error_layout = QVBoxLayout(error_page)
        error_layout.setContentsMargins(0, 6, 0, 0)
        error_layout.addWidget(self.error_label)
        error_layout.addStretch(1)
        self.details = QStackedWidget()
        self.details.setObjectName("previewDetails")
        self.details.addWidget(self.tabs)
        self.details.addWidget(error_page)

        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 0)
        # Elided: "<long file name> (2 of 2): Saved 73 new papers…" must not widen the dialog.
        self.progress_label = ElidedLabel()
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_label, 1)
        progress_row.addWidget(self.progress_bar)

        self.queue_check = QCheckBox(self.tr("Add all imported papers to the &queue:"))
        self.queue_combo = QComboBox()
        self.queue_combo.setObjectName("queueCombo")
        self.queue_combo.setAccessibleName(self.tr("Queue"))
        self.queue_combo.setEditable(True)
        self.queue_combo.addItems(list(queue_names))
        self.queue_combo.setCurrentText(last_queue)
        self.queue_combo.setToolTip(self.tr("An existing queue, or type a new name"))
        self.tag_check = QCheckBox(self.tr("Add the &tag:"))
        self.tag_combo = QComboBox()
        self.tag_combo.setObjectName("tagCombo")
        self.tag_combo.setAccessibleName(self.tr("Tag"))
        self.tag_combo.setEditable(True)
        self.tag_combo.addItems(list(tag_names))
        self.tag_combo.setCurrentText("")
        self.tag_combo.setToolTip(self.tr("An existing tag, or type a new one"))
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
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("importButton")
        self.import_button.setEnabled(False)
        # Enter means Import wherever the focus is: no other button takes over as default.
        for button in self.buttons.buttons():
            if isinstance(button, QPushButton):
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
        layout.addWidget(self.details, 1)
        layout.addLayout(progress_row)
        layout.addLayout(options)
        layout.addWidget(self.buttons)
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(min(WIDTH, screen.width() - 40), min(620, screen.height() - 40))

        self.table.selectRow(0)
        self._preview(list(range(len(self.sources))))

    # -- colours

    def _colour_error(self) -> None:
        """The error text in red that is readable on this dialog's background, light or
        dark (the palette has no error colour of its own)."""
        palette = self.palette()
        background = palette.color(QPalette.ColorRole.Window)
        red = readable_on(ERROR_RED, background, palette.color(QPalette.ColorRole.WindowText))
        own = self.error_label.palette()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            own.setColor(group, QPalette.ColorRole.WindowText, red)
        self.error_label.setPalette(own)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._colour_error()

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
            self.excluded[row] = set()  # another read of it: other papers, other keys
            self._fill_row(row)
        self._running += 1
        self.progress_label.set_full_text(self.tr("Reading…"))
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
        self.heading.setText(arg(self.tr("The preview failed: %1"), error))
        self.failed.emit(error)

    def _after_run(self) -> None:
        if self._running:
            return
        self._show_progress(False)
        self._update_totals()
        self._show_details(self.table.currentRow())
        if all(p is not None for p in self.previews):
            self.previews_ready.emit()

    def _progressed(self, done: int, total: int, message: str) -> None:
        self.progress_label.set_full_text(message)
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

    # -- what the user chose

    def planned(self, row: int) -> SourcePreview | None:
        """A source's preview with the papers the user unchecked left out."""
        preview = self.previews[row]
        if preview is None or preview.report is None:
            return preview
        return preview.leaving_out(self.excluded[row])

    def _ready(self) -> list[SourcePreview]:
        return [
            p
            for p in (self.planned(row) for row in range(len(self.sources)))
            if p is not None and p.report is not None
        ]

    def _checks_changed(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.sources):
            self._fill_row(row)
        self._update_totals()

    def _update_totals(self) -> None:
        if self._running:
            return
        self.heading.setText(
            totals_text([p for p in map(self.planned, range(len(self.sources))) if p])
        )
        self._update_buttons()

    # -- showing the results

    def _fill_row(self, row: int) -> None:
        preview = self.planned(row)
        report = preview.report if preview is not None else None
        if preview is None:
            cells = ["…", "", "", "", ""]
        elif report is None:
            assert preview.problem is not None
            cells = [_tr(PROBLEM_CELLS[preview.problem.kind]), "", "", "", ""]
        else:
            counts = preview.counts()
            cells = [
                _format_label(report.format),
                count(counts.added),
                count(counts.merged + counts.unchanged),
                count(counts.merged),
                count(len(report.skipped)),
            ]
        for column, text in enumerate(cells, start=1):
            item = QTableWidgetItem(text)
            if column > 1:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if preview is not None and preview.problem is not None:
                item.setToolTip(problem_text(preview, False))
            self.table.setItem(row, column, item)

    def _show_details(self, row: int) -> None:
        self.details.setCurrentWidget(self.tabs)
        if not 0 <= row < len(self.sources):
            self._fill_lists(None, set())
            return
        source = self.sources[row]
        self.source_label.set_full_text(
            str(source.path) if source.path is not None else self.tr("Text from the clipboard")
        )
        preview = self.previews[row]
        wanted = preview.format_name if preview is not None else source.format_name
        self.format_combo.setCurrentIndex(self.format_combo.findData(wanted) if wanted else -1)
        problem = preview.problem if preview is not None else None
        # A format is offered only where one can help: not for a folder or a missing file.
        can_choose = problem is None or problem.kind.format_may_help
        self.format_combo.setEnabled(can_choose)
        if preview is None:
            self.format_combo.setPlaceholderText(self.tr("Detecting…"))
        else:
            self.format_combo.setPlaceholderText(self.tr("Choose a format") if can_choose else "—")
        if preview is None or preview.report is None:
            self._fill_lists(None, self.excluded[row])
            if preview is not None:
                self.error_label.setText(problem_text(preview, len(self.sources) > 1))
                self.details.setCurrentWidget(self.error_page)
            return
        self._fill_lists(preview, self.excluded[row])

    def _fill_lists(self, preview: SourcePreview | None, excluded: set[str]) -> None:
        report = preview.report if preview is not None else None
        self.skipped_list.clear()
        if preview is None or report is None:
            self.new_pane.model.reset((), excluded)
            self.known_pane.model.reset((), excluded)
            for tab, title in enumerate(self.tab_titles):
                self.tabs.setTabText(tab, title)
            return
        self.new_pane.model.reset(preview.new_papers, excluded)
        # A column no paper has anything in (the Daily Papers text has no authors) is hidden.
        records = [p.record for p in preview.new_papers]
        self.new_pane.view.setColumnHidden(1, not any(r.authors for r in records))
        self.new_pane.view.setColumnHidden(2, not any(r.year for r in records))
        known = [
            KnownPaper(
                pid,
                preview.existing.get(pid),
                preview.planned(pid),
                tuple(report.filled.get(pid, ())),
            )
            for pid in preview.existing_ids
        ]
        self.known_pane.model.reset(known, excluded)
        for entry in report.skipped[:LIST_LIMIT]:
            where = (
                arg(self.tr("line %1"), count(entry.line))
                if entry.line is not None
                else self.tr("(no line)")
            )
            self.skipped_list.addItem(f"{where}: {entry.reason}")
            self.skipped_list.item(self.skipped_list.count() - 1).setToolTip(entry.reason)
        if len(report.skipped) > LIST_LIMIT:
            more = count(len(report.skipped) - LIST_LIMIT)
            self.skipped_list.addItem(arg(self.tr("… and %1 more"), more))
        sizes = (len(preview.new_papers), len(known), len(report.skipped))
        for tab, (title, size) in enumerate(zip(self.tab_titles, sizes, strict=True)):
            self.tabs.setTabText(tab, f"{title} ({count(size)})")
        # The first list that has something in it, unless the user is looking at one.
        if sizes[self.tabs.currentIndex()] == 0:
            self.tabs.setCurrentIndex(next((n for n, size in enumerate(sizes) if size), 0))

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
        ready = self._ready()
        counts = [p.counts() for p in ready]
        options_ok = (not self.queue_check.isChecked() or self.queue_name() is not None) and (
            not self.tag_check.isChecked() or self.tag_name() is not None
        )
        kept = sum(c.added + c.merged + c.unchanged for c in counts)
        everything_left_out = kept == 0 and any(c.left_out for c in counts)
        self.import_button.setText(import_button_text(counts))
        self.import_button.setEnabled(
            not self.busy and bool(ready) and options_ok and not everything_left_out
        )

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
        return make_plan(self._ready(), queue=self.queue_name(), tag=self.tag_name())
