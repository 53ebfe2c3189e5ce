"""File ▸ Fetch Daily Papers…: pick the day whose Hugging Face Daily Papers to import."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)


class DailyDialog(QDialog):
    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dailyDialog")
        self.setWindowTitle(self.tr("Fetch Daily Papers"))
        intro = QLabel(
            self.tr(
                "Imports the papers of Hugging Face's Daily Papers page of a day as one "
                "import, which Undo takes back. Papers already in the library gain only what "
                "they lack."
            )
        )
        intro.setWordWrap(True)
        self.date = QDateEdit()
        self.date.setObjectName("dailyDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        # No future days: there is no list for them yet ("today" is the service's, in UTC).
        self.date.setMaximumDate(_qdate(today))
        self.date.setDate(_qdate(today))
        form = QFormLayout()
        form.addRow(self.tr("&Day:"), self.date)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.fetch_button = buttons.addButton(
            self.tr("&Fetch"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.fetch_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def day(self) -> dt.date:
        d = self.date.date()
        return dt.date(d.year(), d.month(), d.day())


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)
