"""The statistics view: how the backlog is going, as charts drawn with QPainter.

Qt Charts is not in PySide6-Essentials, and three simple charts do not warrant a plotting
library: bars per week, a line over the weeks, horizontal bars by tag and queue. Colours come
from the palette in use (light, dark or the system's), and each chart's accessible
description says its figures in words. The figures are services.stats', computed on the
worker.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QDate, QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from readerapp.gui.host import Host
from readerapp.gui.i18n import arg
from readerapp.services import stats
from readerapp.services.library import Library

R = QPalette.ColorRole


@dataclass(frozen=True, slots=True)
class Series:
    name: str
    values: Sequence[float]
    role: QPalette.ColorRole


def _color(widget: QWidget, role: QPalette.ColorRole) -> QColor:
    return widget.palette().color(role)


def _nice_top(value: float) -> float:
    """A round upper bound for an axis whose four steps read well: 1, 2, 4, 8, 10, 20..."""
    scale = 1.0
    while True:
        for step in (1.0, 2.0, 4.0, 8.0):
            if step * scale >= value:
                return step * scale
        scale *= 10


class _Chart(QWidget):
    """What the charts share: a title, margins, a legend and the palette's colours."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.setAccessibleName(title)
        self.setToolTip(title)
        self.setMinimumSize(QSize(320, 190))
        self.legend: list[Series] = []

    def _frame(self, painter: QPainter) -> QRectF:
        """Draws the title and the legend; returns the plot's rectangle."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(_color(self, R.WindowText))
        metrics = painter.fontMetrics()
        line = metrics.height()
        x = float(self.width())
        for series in reversed(self.legend):
            width = metrics.horizontalAdvance(series.name)
            x -= width + 6
            painter.setPen(_color(self, R.WindowText))
            painter.drawText(QPointF(x, line - 3), series.name)
            x -= 14
            painter.fillRect(QRectF(x, line / 2 - 4, 10, 10), _color(self, series.role))
            x -= 10
        # The title takes the room the legend leaves, elided there (a longer language's
        # title would run under the legend); the tooltip has it whole.
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        room = max(0, int(x) - 8)
        title = painter.fontMetrics().elidedText(self.title, Qt.TextElideMode.ElideRight, room)
        painter.drawText(QRectF(0, 0, room, line + 4), Qt.AlignmentFlag.AlignLeft, title)
        font.setBold(False)
        painter.setFont(font)
        return QRectF(44, line + 12, self.width() - 52, self.height() - 2 * line - 22)

    def _axis(self, painter: QPainter, plot: QRectF, top: float) -> None:
        """Horizontal grid lines with their values on the left."""
        grid = QPen(_color(self, R.Mid))
        grid.setStyle(Qt.PenStyle.DotLine)
        for step in range(5):
            value = top * step / 4
            y = plot.bottom() - plot.height() * step / 4
            painter.setPen(grid)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(_color(self, R.WindowText))
            text = f"{value:g}" if value < 10 else f"{round(value):,}"
            painter.drawText(
                QRectF(0, y - 8, plot.left() - 6, 16),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                text,
            )

    def _labels(self, painter: QPainter, plot: QRectF, labels: Sequence[str]) -> None:
        """Category labels under the plot, thinned out to fit."""
        if not labels:
            return
        width = plot.width() / len(labels)
        every = max(1, int(painter.fontMetrics().horizontalAdvance("00 Mmm ") // max(width, 1)) + 1)
        painter.setPen(_color(self, R.WindowText))
        for n, label in enumerate(labels):
            if n % every:
                continue
            painter.drawText(
                QRectF(plot.left() + n * width - 20, plot.bottom() + 4, width + 40, 18),
                Qt.AlignmentFlag.AlignHCenter,
                label,
            )


class WeeklyBars(_Chart):
    """Grouped bars per week: one bar per series."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.labels: list[str] = []

    def set_data(self, labels: Sequence[str], series: Sequence[Series]) -> None:
        self.labels, self.legend = list(labels), list(series)
        week = self.tr("week of %1: %2")
        described = "; ".join(
            arg(week, label, ", ".join(f"{s.name.lower()} {s.values[n]:g}" for s in series))
            for n, label in enumerate(labels)
        )
        self.setAccessibleDescription(described)
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        plot = self._frame(painter)
        top = _nice_top(max((v for s in self.legend for v in s.values), default=1))
        self._axis(painter, plot, top)
        if self.labels and self.legend:
            slot = plot.width() / len(self.labels)
            bar = slot * 0.8 / len(self.legend)
            for n in range(len(self.labels)):
                for k, series in enumerate(self.legend):
                    height = plot.height() * series.values[n] / top
                    x = plot.left() + n * slot + slot * 0.1 + k * bar
                    painter.fillRect(
                        QRectF(x, plot.bottom() - height, bar - 1, height),
                        _color(self, series.role),
                    )
        self._labels(painter, plot, self.labels)
        painter.end()


class WeeklyLine(_Chart):
    """A line per series over the weeks, with a dot on each week."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.labels: list[str] = []

    def set_data(self, labels: Sequence[str], series: Series) -> None:
        self.labels, self.legend = list(labels), [series]
        self.setAccessibleDescription(
            "; ".join(
                arg(self.tr("week of %1: %2"), label, f"{series.values[n]:g}")
                for n, label in enumerate(labels)
            )
        )
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        plot = self._frame(painter)
        top = _nice_top(max((v for s in self.legend for v in s.values), default=1))
        self._axis(painter, plot, top)
        if self.labels and self.legend:
            slot = plot.width() / len(self.labels)
            for series in self.legend:
                color = _color(self, series.role)
                pen = QPen(color)
                pen.setWidthF(2.0)
                painter.setPen(pen)
                points = [
                    QPointF(
                        plot.left() + slot * (n + 0.5),
                        plot.bottom() - plot.height() * value / top,
                    )
                    for n, value in enumerate(series.values)
                ]
                for a, b in pairwise(points):
                    painter.drawLine(a, b)
                painter.setBrush(color)
                for point in points:
                    painter.drawEllipse(point, 3.0, 3.0)
        self._labels(painter, plot, self.labels)
        painter.end()


class CountBars(_Chart):
    """Horizontal bars with their names: papers read by tag or by queue."""

    SHOWN = 8

    def __init__(self, title: str, empty: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.empty = empty
        self.counts: list[tuple[str, int]] = []

    def set_data(self, counts: dict[str, int]) -> None:
        self.counts = list(counts.items())[: self.SHOWN]
        self.setAccessibleDescription(
            "; ".join(f"{name}: {n}" for name, n in self.counts) or self.empty
        )
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        plot = self._frame(painter)
        painter.setPen(_color(self, R.WindowText))
        if not self.counts:
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.empty)
            painter.end()
            return
        metrics = painter.fontMetrics()
        names = max(metrics.horizontalAdvance(name) for name, _ in self.counts)
        left = plot.left() - 40 + min(names, plot.width() / 3) + 8
        row = min(plot.height() / len(self.counts), metrics.height() + 8)
        top = max(n for _, n in self.counts)
        for k, (name, count) in enumerate(self.counts):
            y = plot.top() + k * row
            painter.setPen(_color(self, R.WindowText))
            painter.drawText(
                QRectF(plot.left() - 40, y, left - plot.left() + 32, row),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(name, Qt.TextElideMode.ElideRight, int(left - plot.left() + 32)),
            )
            width = (plot.right() - left - 40) * count / top
            painter.fillRect(QRectF(left, y + 3, width, row - 6), _color(self, R.Highlight))
            painter.drawText(
                QRectF(left + width + 4, y, 40, row), Qt.AlignmentFlag.AlignVCenter, str(count)
            )
        painter.end()


def _week_label(day: dt.date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), "d MMM")


class StatsView(QDialog):
    """Papers added and read per week, the backlog's size and age, days to read, and what
    was read by tag and by queue."""

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent or host.widget())
        self.host = host
        self.setObjectName("statisticsView")
        self.setWindowTitle(self.tr("Statistics"))
        self.setAccessibleName(self.tr("Reading statistics"))
        self.resize(900, 680)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        since_label = QLabel(self.tr("&Since:"))
        self.since = QDateEdit()
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("yyyy-MM-dd")
        self.since.setAccessibleName(self.tr("Statistics since"))
        since_label.setBuddy(self.since)
        self.summary = QLabel()
        self.summary.setObjectName("statsSummary")
        self.summary.setWordWrap(True)
        top.addWidget(since_label)
        top.addWidget(self.since)
        top.addStretch(1)
        layout.addLayout(top)
        # Under the date, not beside it: a row of a box layout gives a wrapped label one
        # line's height, and a longer language's summary needs two.
        layout.addWidget(self.summary)
        grid = QGridLayout()
        self.weekly = WeeklyBars(self.tr("Papers added and read per week"))
        self.backlog = WeeklyLine(self.tr("Backlog at the end of each week"))
        self.age = WeeklyLine(self.tr("Median days the backlog had waited"))
        self.by_tag = CountBars(self.tr("Read by tag"), self.tr("Nothing read with a tag yet"))
        self.by_queue = CountBars(
            self.tr("Read by queue"), self.tr("Nothing read from a queue yet")
        )
        grid.addWidget(self.weekly, 0, 0, 1, 2)
        grid.addWidget(self.backlog, 1, 0)
        grid.addWidget(self.age, 1, 1)
        grid.addWidget(self.by_tag, 2, 0)
        grid.addWidget(self.by_queue, 2, 1)
        for row, stretch in enumerate((3, 2, 2)):
            grid.setRowStretch(row, stretch)
        layout.addLayout(grid, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.figures: stats.Stats | None = None
        self.since.dateChanged.connect(lambda _d: self.reload())

    def reload(self, since: dt.date | None = None) -> None:
        """Computes the figures on the worker and shows them when they arrive."""
        if since is None and self.figures is not None:
            since = self.since.date().toPython()  # type: ignore[assignment]

        def work(library: Library) -> stats.Stats:
            return stats.compute(library, since)

        self.host.ops.call(work, self.show_figures)

    def show_figures(self, figures: stats.Stats) -> None:
        self.figures = figures
        self.since.blockSignals(True)
        self.since.setDate(QDate(figures.since.year, figures.since.month, figures.since.day))
        self.since.blockSignals(False)
        median = figures.median_days_to_read
        self.summary.setText(
            self.tr(
                "%1 papers; %2 in the backlog. Since %3: %4 added, %5 read; median %6 days "
                "from added to read."
            )
            .replace("%1", f"{figures.papers:,}")
            .replace("%2", f"{figures.backlog:,}")
            .replace("%3", _week_label(figures.since))
            .replace("%4", f"{figures.added:,}")
            .replace("%5", f"{figures.read:,}")
            .replace("%6", "-" if median is None else f"{median:g}")
        )
        labels = [_week_label(w.start) for w in figures.weeks]
        self.weekly.set_data(
            labels,
            [
                Series(self.tr("Added"), [w.added for w in figures.weeks], R.Mid),
                Series(self.tr("Read"), [w.read for w in figures.weeks], R.Highlight),
            ],
        )
        self.backlog.set_data(
            labels,
            Series(self.tr("Papers"), [w.backlog for w in figures.weeks], R.Highlight),
        )
        self.age.set_data(
            labels,
            Series(self.tr("Days"), [w.backlog_age or 0 for w in figures.weeks], R.Link),
        )
        self.by_tag.set_data(figures.read_by_tag)
        self.by_queue.set_data(figures.read_by_queue)
