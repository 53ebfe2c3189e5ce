"""Preferences (the search engine), the suggestion to switch engines when a library outgrows
Whoosh, and the note that text matches may be incomplete while papers wait to be indexed.

The window owns one SearchEngineControl; it lends the control a Host (the worker, the status
bar's work display, the settings), and places the control's two widgets: the message bar
above the table and the note beside the result count.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from readerapp.core.errors import Cancelled
from readerapp.core.progress import CancelToken
from readerapp.gui.host import Host
from readerapp.search.factory import ENGINES
from readerapp.services import library as library_service
from readerapp.services import overview
from readerapp.services.library import Library

ENGINE_LABELS = {"whoosh": "Whoosh", "tantivy": "tantivy"}
ENGINE_HELP = {
    "whoosh": "Written in Python and the default. Fast for libraries up to about "
    "{limit:,} papers; beyond that, some searches take longer than a keystroke.",
    "tantivy": "A compiled engine (Rust). Stays fast at 100,000 papers and more and indexes "
    "about twenty times faster; recommended for large libraries.",
}
# Papers indexed per second on a 2-core laptop (docs/benchmarks.md), for the time estimate.
INDEX_RATE = {"whoosh": 500, "tantivy": 10_000}
DISMISSED_KEY = "engine_advice/dismissed"  # library folders whose suggestion was dismissed


def preferences_shortcut() -> QKeySequence:
    """The platform's Preferences key (Ctrl+, on macOS, Ctrl+Shift+, on KDE); Ctrl+, where
    the platform defines none (Windows, GNOME)."""
    standard = QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)
    return standard[0] if standard else QKeySequence("Ctrl+,")


def _duration(seconds: float) -> str:
    if seconds < 60:
        return "under a minute"
    minutes = round(seconds / 60)
    return f"about {minutes} minute{'s' if minutes != 1 else ''}"


class PreferencesDialog(QDialog):
    """Edit ▸ Preferences…: which engine searches this library."""

    def __init__(self, engine: str, paper_count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle("Preferences")
        self.current = engine
        layout = QVBoxLayout(self)
        box = QGroupBox("Search engine")
        box_layout = QVBoxLayout(box)
        intro = QLabel(
            f"This library has {paper_count:,} papers. The engine only changes how "
            "fast searches are; results, stars, notes, tags and queues stay the "
            "same."
        )
        intro.setWordWrap(True)
        box_layout.addWidget(intro)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for name in ENGINES:
            button = QRadioButton(ENGINE_LABELS[name])
            button.setObjectName(f"engine_{name}")
            button.setChecked(name == engine)
            self.group.addButton(button)
            self.buttons[name] = button
            text = ENGINE_HELP[name].format(limit=library_service.WHOOSH_COMFORT_LIMIT)
            help_label = QLabel(text)
            help_label.setWordWrap(True)
            help_label.setContentsMargins(24, 0, 0, 6)
            help_label.setStyleSheet("color: palette(placeholder-text);")
            box_layout.addWidget(button)
            box_layout.addWidget(help_label)
        self.cost = QLabel()
        self.cost.setObjectName("switchCost")
        self.cost.setWordWrap(True)
        box_layout.addWidget(self.cost)
        layout.addWidget(box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.paper_count = paper_count
        self.group.buttonToggled.connect(lambda *_args: self._update_cost())
        self._update_cost()
        self.setMinimumWidth(480)

    def chosen_engine(self) -> str:
        return next(name for name, button in self.buttons.items() if button.isChecked())

    def _update_cost(self) -> None:
        chosen = self.chosen_engine()
        if chosen == self.current:
            self.cost.setText(f"Searching with {ENGINE_LABELS[chosen]}.")
            return
        estimate = _duration(self.paper_count / INDEX_RATE[chosen])
        self.cost.setText(
            f"Switching rebuilds the search index once ({estimate} for this "
            "library) in the background; you can cancel it from the status "
            "bar, and the current engine keeps working until it is done."
        )


class EngineBar(QFrame):
    """A message bar above the table: the suggestion to switch, with a button and a close."""

    switch_clicked = Signal()
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("engineBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#engineBar { background: palette(alternate-base); "
            "border: 1px solid palette(mid); border-radius: 4px; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        self.text = QLabel()
        self.text.setObjectName("engineAdvice")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.switch_button = QPushButton("Switch to tantivy")
        self.switch_button.setObjectName("switchEngineButton")
        self.switch_button.clicked.connect(self.switch_clicked)
        self.close_button = QToolButton()
        self.close_button.setObjectName("dismissEngineAdvice")
        self.close_button.setText("✕")
        self.close_button.setToolTip(
            "Dismiss; this suggestion will not come back for this "
            "library (Edit ▸ Preferences… can switch at any time)"
        )
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.dismissed)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.switch_button)
        layout.addWidget(self.close_button)
        self.hide()


class SearchEngineControl(QObject):
    """Preferences, the switch in the background, the suggestion, and the pending note."""

    switched = Signal(str)  # the engine the library now uses (after a finished switch)

    def __init__(self, host: Host, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.dialog: PreferencesDialog | None = None
        self.bar = EngineBar()
        self.bar.switch_clicked.connect(lambda: self.switch("tantivy"))
        self.bar.dismissed.connect(self.dismiss)
        self.pending_label = QLabel()
        self.pending_label.setObjectName("pendingLabel")
        self.pending_label.setStyleSheet("color: palette(placeholder-text);")
        self.pending_label.hide()
        self._switching = False

    # -- Preferences

    def show_preferences(self) -> None:
        if self.host.is_ready:
            self.host.ops.call(
                lambda lib: (lib.engine, overview.counts(lib).total),
                lambda found: self._open_preferences(*found),
            )

    def _open_preferences(self, engine: str, paper_count: int) -> None:
        if not self.host.is_ready:
            return
        dialog = PreferencesDialog(engine, paper_count, self.host.widget())
        dialog.accepted.connect(lambda: self._chosen(dialog.chosen_engine()))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def _chosen(self, engine: str) -> None:
        if self.host.is_ready and engine != self.host.library().engine:
            self.switch(engine)

    # -- switching, on the library worker

    def switch(self, engine: str) -> None:
        host = self.host
        if self._switching or not host.is_ready:
            return
        self._switching = True
        self.bar.hide()
        cancel = CancelToken()
        relay = host.work.begin(f"Switching to {ENGINE_LABELS[engine]}…", cancel)

        def work(library: Library) -> int | None:
            try:
                return library.switch_engine(engine, relay, cancel)
            except Cancelled:
                return None  # the old index is untouched; say so instead of staying silent

        host.ops.call(work, lambda count: self._switch_done(engine, count), self._switch_failed)

    def _switch_done(self, engine: str, count: int | None) -> None:
        self._switching = False
        host = self.host
        host.work.end()
        if count is None:
            old = host.library().engine if host.is_ready else ""
            host.work.message(
                f"Switch cancelled; searches still use {ENGINE_LABELS.get(old, old)}.", 8000
            )
            return
        host.work.message(
            f"Searches now use {ENGINE_LABELS[engine]} ({count:,} papers indexed).", 8000
        )
        self.switched.emit(engine)

    def _switch_failed(self, error: BaseException) -> None:
        self._switching = False
        self.host.work.end()
        self.host.report_error(error)

    # -- the suggestion, once per library

    def library_size(self, count: int) -> None:
        """Called whenever the window learns the library's size (open, import, delete)."""
        host = self.host
        if not host.is_ready:
            self.bar.hide()
            return
        library = host.library()
        if (
            count <= library_service.WHOOSH_COMFORT_LIMIT
            or library.engine != "whoosh"
            or self._switching
            or self._dismissed(library)
        ):
            self.bar.hide()
            return
        if not self.bar.isVisible():
            host.ops.call(
                library_service.engine_advice, lambda advice: self._show_advice(library, advice)
            )

    def _show_advice(self, library: Library, advice: str | None) -> None:
        host = self.host
        if (
            advice is None
            or self._switching
            or not host.is_ready
            or (host.library() is not library)
        ):
            return
        # The service speaks to the command line too; in the window the button is the way.
        self.bar.text.setText(advice.split(" Switch with `")[0])
        self.bar.show()

    def _dismissed_list(self) -> list[str]:
        value = self.host.settings.value(DISMISSED_KEY, [])
        if isinstance(value, str):  # QSettings gives one string for a one-item list
            return [value]
        return [str(v) for v in value or []]  # type: ignore[union-attr]  # QSettings: object

    def _dismissed(self, library: Library) -> bool:
        return str(library.directory.resolve()) in self._dismissed_list()

    def dismiss(self) -> None:
        self.bar.hide()
        if self.host.is_ready:
            folder = str(self.host.library().directory.resolve())
            dismissed = self._dismissed_list()
            if folder not in dismissed:
                self.host.settings.setValue(DISMISSED_KEY, [*dismissed, folder])

    # -- results while papers wait for the text index

    def results_shown(self, has_query: bool) -> None:
        """After each search: whether its text matches may be incomplete (read on the
        worker, after the search)."""
        if not (self.host.is_ready and has_query):
            self.pending_label.hide()
            return
        self.host.ops.call(lambda lib: lib.pending_count(), self._show_pending)

    def _show_pending(self, pending: int) -> None:
        if pending:
            self.pending_label.setText(
                f"(indexing {pending:,} papers: text matches may be incomplete)"
            )
            self.pending_label.setToolTip(
                "Newly imported papers are listed and filterable at "
                "once; searching their text works when indexing "
                "finishes (progress in the status bar)."
            )
        self.pending_label.setVisible(bool(pending))
