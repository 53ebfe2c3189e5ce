"""Long work in the status bar: what is running, its progress, and Cancel."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QToolButton

from readerapp.core.progress import CancelToken
from readerapp.gui.tasks import ProgressRelay


class WorkStatus(QObject):
    """One piece of long work at a time: begin() it, feed progress() (or a relay()), end()."""

    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)
        self.bar = bar
        self.label = QLabel()
        self.label.setObjectName("workLabel")
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(200)
        self.progress.hide()
        self.cancel_button = QToolButton()
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(
            self.tr("Stop this work; what it has not saved is rolled back")
        )
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel)
        self._cancel: CancelToken | None = None
        bar.addPermanentWidget(self.label)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)

    def begin(self, text: str, cancel: CancelToken | None = None) -> ProgressRelay:
        """Shows the work (with Cancel when it can be cancelled); returns the progress sink
        to hand to the core, which reports at most ten times a second."""
        self._cancel = cancel
        self.label.setText(text)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.setVisible(cancel is not None)
        relay = ProgressRelay(self)
        relay.progressed.connect(self.show_progress)
        return relay

    def show_progress(self, done: int, total: int, message: str) -> None:
        self.label.setText(message)
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def show_text(self, text: str) -> None:
        self.label.setText(text)

    def end(self) -> None:
        self._cancel = None
        self.label.clear()
        self.progress.hide()
        self.cancel_button.hide()

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.cancel()
            self.label.setText(self.tr("Cancelling…"))

    def message(self, text: str, ms: int = 6000) -> None:
        self.bar.showMessage(text, ms)
