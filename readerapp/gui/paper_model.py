"""The paper table: a model that holds ids and loads rows a screenful at a time."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from readerapp.core.records import PaperSummary
from readerapp.gui.i18n import status_word

PAPER_IDS_MIME = "application/x-readerapp-paper-ids"
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class Column:
    """One column of the table, as data: its key (the sort it asks for, where one exists),
    its header, what a cell shows and its tooltip, and its alignment. Model: the Column
    objects of Anki's browser table."""

    key: str
    header: str
    text: Callable[[PaperSummary], str] = lambda _p: ""
    tooltip: Callable[[PaperSummary], str | None] = lambda _p: None
    align: Qt.AlignmentFlag | None = None
    header_tooltip: str | None = None


CENTER = Qt.AlignmentFlag.AlignCenter
PDF_TOOLTIP = QT_TRANSLATE_NOOP("PaperTableModel", "A PDF is kept in the library (O opens it)")
COLUMN_DEFS: tuple[Column, ...] = (
    Column("starred", "★", lambda p: "★" if p.starred else "", align=CENTER,
           header_tooltip=QT_TRANSLATE_NOOP("PaperTableModel", "Starred")),
    Column("position", "#", align=CENTER),  # the row's place in a queue (see data())
    Column("title", QT_TRANSLATE_NOOP("PaperTableModel", "Title"), lambda p: p.title,
           lambda p: p.title),
    Column("authors", QT_TRANSLATE_NOOP("PaperTableModel", "Authors"),
           lambda p: short_authors(p.authors), lambda p: ", ".join(p.authors)),
    Column("year", QT_TRANSLATE_NOOP("PaperTableModel", "Year"),
           lambda p: str(p.year) if p.year else "", align=CENTER),
    Column("status", QT_TRANSLATE_NOOP("PaperTableModel", "Status"),
           lambda p: status_word(p.status)),
    Column("queues", QT_TRANSLATE_NOOP("PaperTableModel", "Queues"),
           lambda p: ", ".join(p.queues)),
    Column("tags", QT_TRANSLATE_NOOP("PaperTableModel", "Tags"), lambda p: ", ".join(p.tags)),
    Column("added", QT_TRANSLATE_NOOP("PaperTableModel", "Added"),
           lambda p: p.added_at.strftime("%Y-%m-%d")),
    # Last, so a header layout saved before it keeps its columns where they were.
    Column("pdf", QT_TRANSLATE_NOOP("PaperTableModel", "PDF"),
           lambda p: "PDF" if p.has_pdf else "",
           lambda p: header_text(PDF_TOOLTIP) if p.has_pdf else None,
           align=CENTER,
           header_tooltip=QT_TRANSLATE_NOOP("PaperTableModel", "A PDF is kept in the library")),
)  # fmt: skip
# Headers are marked for lupdate above and translated where shown (header_text).
# (key, header) pairs: what the window and the benchmark index columns by.
COLUMNS: tuple[tuple[str, str], ...] = tuple((c.key, c.header) for c in COLUMN_DEFS)
COLUMN = {key: number for number, (key, _) in enumerate(COLUMNS)}
FETCH_BLOCK = 200
CACHE_ROWS = 5000
# The roles and flags as plain values, looked up once: a view asks data() for ~10 roles of
# every visible cell on each repaint (some 3,000 calls), and reading an enum member or
# or-ing flags is a Python call each time, 20-40 ms of GUI thread per repaint in all.
DISPLAY_ROLE = int(Qt.ItemDataRole.DisplayRole)
TOOLTIP_ROLE = int(Qt.ItemDataRole.ToolTipRole)
ALIGNMENT_ROLE = int(Qt.ItemDataRole.TextAlignmentRole)
USER_ROLE = int(Qt.ItemDataRole.UserRole)
ANSWERED_ROLES = frozenset((DISPLAY_ROLE, TOOLTIP_ROLE, ALIGNMENT_ROLE, USER_ROLE))
ALIGNMENTS = tuple(int(c.align) if c.align is not None else None for c in COLUMN_DEFS)
POSITION_COLUMN = COLUMN["position"]
ROW_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsDragEnabled
    | Qt.ItemFlag.ItemNeverHasChildren
)


def header_text(header: str) -> str:
    """A column's header (or its tooltip) in the window's language; a sign (★, #) is no
    word to translate."""
    if not any(c.isalpha() for c in header):
        return header
    return QCoreApplication.translate("PaperTableModel", header)


def short_authors(authors: Sequence[str]) -> str:
    """Surnames, shortened for a table cell: "Zhang, Li, … Wang"."""
    surnames = [name.split()[-1] if name.split() else name for name in authors]
    if len(surnames) <= 3:
        return ", ".join(surnames)
    return f"{surnames[0]}, {surnames[1]}, … {surnames[-1]}"


def ids_bytes(ids: Sequence[int]) -> bytes:
    """The private ids flavour's content."""
    return ",".join(map(str, ids)).encode("ascii")


def encode_ids(ids: Sequence[int]) -> QMimeData:
    mime = QMimeData()
    mime.setData(PAPER_IDS_MIME, ids_bytes(ids))
    return mime


def decode_ids(mime: QMimeData) -> list[int]:
    if not mime.hasFormat(PAPER_IDS_MIME):
        return []
    raw = bytes(mime.data(PAPER_IDS_MIME).data()).decode("ascii")
    return [int(part) for part in raw.split(",") if part.isdigit()]


class PaperTableModel(QAbstractTableModel):
    """Rows are paper ids; cells come from a small cache filled in blocks on demand."""

    # A queue view asks to move these papers so that they start at this 0-based row.
    reorder_requested = Signal(list, int)

    def __init__(self, load: Callable[[Sequence[int]], dict[int, PaperSummary]]) -> None:
        super().__init__()
        self._load = load
        self._ids: list[int] = []
        # Built when first asked for: a 100k-entry dict on every search would be 10 ms of
        # each keystroke, and most searches never look a row up by id.
        self._rows: dict[int, int] | None = {}
        self._cache: OrderedDict[int, PaperSummary] = OrderedDict()
        self.queue_mode = False
        # What a drag of papers carries; the window sets one that adds text and BibTeX.
        self.drag_data: Callable[[Sequence[int]], QMimeData] = encode_ids

    # -- what the window sets

    def set_ids(self, ids: Sequence[int], *, queue_mode: bool = False) -> bool:
        """Shows these papers; returns whether the rows were reset (the view's selection is
        then gone). The same papers as shown, in the same or another order (a list searched
        again after an edit, a move in a queue), keep their rows: a reset of 20,000 rows
        costs the GUI thread a full relayout and the selection rebuilt row by row, and
        drops the cache. Edited rows were already invalidated by whoever edited them."""
        new = list(ids)
        if queue_mode == self.queue_mode and len(new) == len(self._ids) and new:
            if new == self._ids:
                return False
            if set(new) == set(self._ids):
                self._reorder(new)
                return False
        self.beginResetModel()
        self._ids = new
        self._rows = None
        self.queue_mode = queue_mode
        self._cache.clear()
        self.endResetModel()
        return True

    def _reorder(self, ids: list[int]) -> None:
        """The same papers in a new order: the selection and the current row (persistent
        indexes) move with their papers, as a sort's do."""
        self.layoutAboutToBeChanged.emit()
        before = self._ids
        self._ids, self._rows = ids, None
        rows = self._row_of()
        kept = self.persistentIndexList()
        self.changePersistentIndexList(
            kept, [self.index(rows[before[index.row()]], index.column()) for index in kept]
        )
        self.layoutChanged.emit()

    def ids(self) -> list[int]:
        return list(self._ids)

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def _row_of(self) -> dict[int, int]:
        if self._rows is None:
            self._rows = {pid: row for row, pid in enumerate(self._ids)}
        return self._rows

    def row_of(self, paper_id: int) -> int | None:
        return self._row_of().get(paper_id)

    def invalidate(self, ids: Sequence[int] | None = None) -> None:
        """Forget cached rows (all, or these) and repaint them."""
        if not self._ids:
            return
        if ids is None:
            self._cache.clear()
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1)
            )
            return
        rows = self._row_of()
        for pid in ids:
            self._cache.pop(pid, None)
            row = rows.get(pid)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def summary(self, row: int) -> PaperSummary | None:
        pid = self._ids[row]
        found = self._cache.get(pid)
        if found is None:
            # Load the block around this row: scrolling asks for neighbours next.
            start = max(0, row - FETCH_BLOCK // 4)
            block = [p for p in self._ids[start : start + FETCH_BLOCK] if p not in self._cache]
            self._cache.update(self._load(block))
            while len(self._cache) > CACHE_ROWS:
                self._cache.popitem(last=False)
            found = self._cache.get(pid)
        return found

    # -- Qt model interface

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMN_DEFS):
            return None
        column = COLUMN_DEFS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return header_text(column.header)
        if role == Qt.ItemDataRole.ToolTipRole and column.header_tooltip:
            return header_text(column.header_tooltip)
        return None

    def data(self, index: Index, role: int = DISPLAY_ROLE) -> Any:
        # Most calls ask for a role no cell has (font, colours, decoration…): answered first.
        if role not in ANSWERED_ROLES:
            return None
        row = index.row()
        if not index.isValid() or row >= len(self._ids):
            return None
        if role == USER_ROLE:
            return self._ids[row]
        column = index.column()
        if role == ALIGNMENT_ROLE:
            return ALIGNMENTS[column]
        if column == POSITION_COLUMN:  # the row's own place, not the paper's
            return str(row + 1) if self.queue_mode else ""
        paper = self.summary(row)
        if paper is None:
            return "" if role == DISPLAY_ROLE else None
        if role == TOOLTIP_ROLE:
            return COLUMN_DEFS[column].tooltip(paper)
        return COLUMN_DEFS[column].text(paper)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled if self.queue_mode else Qt.ItemFlag.NoItemFlags
        return ROW_FLAGS

    # -- drag and drop: papers leave as ids; in a queue view they can be dropped to reorder

    def mimeTypes(self) -> list[str]:
        return [PAPER_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return self.drag_data([self._ids[r] for r in rows])

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return self.queue_mode and data.hasFormat(PAPER_IDS_MIME)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        ids = [pid for pid in decode_ids(data) if pid in self._row_of()]
        if not ids:
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self._ids)
        # The service renumbers the queue; the window then reloads it. Returning False keeps
        # Qt from removing the dragged rows itself.
        self.reorder_requested.emit(ids, row)
        return False
