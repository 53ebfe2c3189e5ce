"""Preferences (the search engine, the network), the suggestion to switch engines when a
library outgrows Whoosh, and the note that text matches may be incomplete while papers wait
to be indexed.

The window owns one SearchEngineControl; it lends the control a Host (the worker, the status
bar's work display, the settings), and places the control's two widgets: the message bar
above the table and the note beside the result count.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from readerapp.core.errors import Cancelled, UserError
from readerapp.core.progress import CancelToken
from readerapp.core.settings import (
    CONTACT_ENV,
    MEMBER_ENV,
    OFFLINE_ENV,
    Settings,
    load_settings,
    login_name,
    save_settings,
    settings_path,
)
from readerapp.gui.deferred import deferred
from readerapp.gui.dialogs import show_error
from readerapp.gui.host import Host
from readerapp.gui.i18n import arg, count
from readerapp.gui.pdf_panel import queued_pdfs_checkbox
from readerapp.gui.theme import set_tone
from readerapp.search.factory import ENGINES
from readerapp.services import library as library_service
from readerapp.services.days import parse_steps
from readerapp.services.library import Library

if TYPE_CHECKING:
    from readerapp.services import overview
else:  # imported at first use, not at launch: the ORM's services (gui.deferred)
    overview = deferred("overview")

ENGINE_LABELS = {"whoosh": "Whoosh", "tantivy": "tantivy"}
ENGINE_HELP = {
    "whoosh": QT_TRANSLATE_NOOP(
        "PreferencesDialog",
        "Written in Python and the default. Fast for libraries up to about %1 papers; "
        "beyond that, some searches take longer than a keystroke.",
    ),
    "tantivy": QT_TRANSLATE_NOOP(
        "PreferencesDialog",
        "A compiled engine (Rust). Stays fast at 100,000 papers and more and indexes about "
        "twenty times faster; recommended for large libraries.",
    ),
}
# Papers indexed per second on a 2-core laptop (docs/benchmarks.md), for the time estimate.
INDEX_RATE = {"whoosh": 500, "tantivy": 10_000}
DISMISSED_KEY = "engine_advice/dismissed"  # library folders whose suggestion was dismissed

# What is sent where, as README ("Looking papers up online") says it, source by source.
SENT_WHERE = QT_TRANSLATE_NOOP(
    "PreferencesDialog",
    "<b>What is sent where.</b> Only when papers are looked up (Add by identifier, Complete "
    "details, Fetch Daily Papers, or after an import with the box above ticked): arXiv ids "
    "and titles to arXiv (export.arxiv.org); arXiv ids, titles and dates to Hugging Face "
    "(huggingface.co); DOIs and titles to Crossref (api.crossref.org); arXiv ids, DOIs and "
    "titles to Semantic Scholar (api.semanticscholar.org).",
)
# What else leaves the machine: nothing from a folder library; a server library's notes,
# tags, stars and queues live on its server, and go nowhere else.
NOTHING_ELSE_LOCAL = QT_TRANSLATE_NOOP(
    "PreferencesDialog",
    "Nothing else of your library leaves the machine: no notes, tags, stars or queues.",
)
NOTHING_ELSE_SERVER = QT_TRANSLATE_NOOP(
    "PreferencesDialog",
    "Nothing else of your library goes to these services: its notes, tags, stars and queues "
    "are kept on the library's server, and sent nowhere else.",
)
# Where the answers are kept: services/lookup_cache.py, in Library.directory, which is the
# library folder, or for a server library this machine's cache folder for it
# (ServerLocation.cache_dir), never the server.
CACHED_IN_FOLDER = QT_TRANSLATE_NOOP(
    "PreferencesDialog",
    "Answers are cached in the library folder, so asking again sends nothing.",
)
CACHED_ON_MACHINE = QT_TRANSLATE_NOOP(
    "PreferencesDialog",
    "Answers are cached on this machine, in its cache folder for this library (not on the "
    "server), so asking again from this machine sends nothing.",
)
# An address the APIs can write to: something@domain.tld, in ASCII (it goes into an HTTP
# header), without the characters that would end or split the User-Agent's comment.
_EMAIL = re.compile(r"[^@\s()<>,;:\"\\]+@[^@\s()<>,;:\"\\.]+(\.[^@\s()<>,;:\"\\.]+)+")


def preferences_shortcut() -> QKeySequence:
    """The platform's Preferences key (Ctrl+, on macOS, Ctrl+Shift+, on KDE); Ctrl+, where
    the platform defines none (Windows, GNOME)."""
    standard = QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)
    return standard[0] if standard else QKeySequence("Ctrl+,")


def contact_problem(text: str) -> str | None:
    """Why a contact cannot be sent to the APIs, or None when it can (empty sends none)."""
    contact = text.strip()
    if not contact or (contact.isascii() and _EMAIL.fullmatch(contact)):
        return None
    text = QCoreApplication.translate(
        "PreferencesDialog",
        "“%1” does not look like an e-mail address (such as name@example.org); leave the "
        "field empty to send none.",
    )
    return arg(text, contact)


def forced_offline() -> bool:
    """Whether READERAPP_OFFLINE keeps this run offline, whatever the settings say."""
    return not Settings(network=True).online


def _duration(seconds: float) -> str:
    if seconds < 60:
        return PreferencesDialog.tr("under a minute")
    return PreferencesDialog.tr("about %n minute(s)", "", round(seconds / 60))


def _help_label(text: str, indent: int = 24) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setContentsMargins(indent, 0, 0, 6)
    set_tone(label, "hint")
    return label


class PreferencesDialog(QDialog):
    """Edit ▸ Preferences…: which engine searches this library (a server library: this
    machine's index of it), and whether and how the app uses the network (settings.json,
    which the command line obeys too)."""

    def __init__(
        self,
        engine: str,
        paper_count: int,
        parent: QWidget | None = None,
        settings: Settings | None = None,
        *,
        per_machine: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.current = engine
        # A server library's index is each machine's own (docs/sharing.md), so its engine
        # is this machine's choice, not the library's: the texts say which.
        self.per_machine = per_machine
        self.settings = settings if settings is not None else load_settings()
        layout = QVBoxLayout(self)
        if per_machine:
            box = QGroupBox(self.tr("Search engine on this machine"))
            intro_text = self.tr(
                "This library has %Ln paper(s). Each machine searches it with its own index, "
                "so the engine chosen here is this machine's: other machines keep theirs. The "
                "engine only changes how fast searches are; results, stars, notes, tags and "
                "queues stay the same.",
                "",
                paper_count,
            )
        else:
            box = QGroupBox(self.tr("Search engine"))
            intro_text = self.tr(
                "This library has %Ln paper(s). The engine only changes how fast searches "
                "are; results, stars, notes, tags and queues stay the same.",
                "",
                paper_count,
            )
        box.setObjectName("engineBox")
        box_layout = QVBoxLayout(box)
        intro = QLabel(intro_text)
        intro.setObjectName("engineIntro")
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
            text = arg(self.tr(ENGINE_HELP[name]), count(library_service.WHOOSH_COMFORT_LIMIT))
            help_label = QLabel(text)
            help_label.setWordWrap(True)
            help_label.setContentsMargins(24, 0, 0, 6)
            set_tone(help_label, "hint")
            box_layout.addWidget(button)
            box_layout.addWidget(help_label)
        self.cost = QLabel()
        self.cost.setObjectName("switchCost")
        self.cost.setWordWrap(True)
        box_layout.addWidget(self.cost)
        layout.addWidget(box)
        layout.addWidget(self._network_box())
        layout.addWidget(self._routine_box())
        layout.addWidget(self._member_box())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.paper_count = paper_count
        self.group.buttonToggled.connect(lambda *_args: self._engine_toggled())
        self._update_cost()
        self.setMinimumWidth(600)
        self.resize(self.minimumWidth(), self.height())
        self._fit_height()

    def _network_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Network"))
        box.setObjectName("networkBox")
        layout = QVBoxLayout(box)
        self.network = QCheckBox(self.tr("&Use the network for look-ups"))
        self.network.setObjectName("useNetwork")
        self.network.setChecked(self.settings.network)
        layout.addWidget(self.network)
        layout.addWidget(
            _help_label(
                self.tr(
                    "Off: nothing is sent anywhere, by the window or the command line; "
                    "look-ups answer from the cache alone and say so."
                )
            )
        )
        self.offline_note = QLabel(
            arg(
                self.tr(
                    "%1 is set in the environment: this session stays offline whatever this "
                    "switch says."
                ),
                OFFLINE_ENV,
            )
        )
        self.offline_note.setObjectName("forcedOffline")
        self.offline_note.setWordWrap(True)
        self.offline_note.setContentsMargins(24, 0, 0, 6)
        self.offline_note.setVisible(forced_offline())
        layout.addWidget(self.offline_note)

        contact_row = QHBoxLayout()
        contact_row.setContentsMargins(24, 0, 0, 0)
        contact_label = QLabel(self.tr("Contact &e-mail:"))
        self.contact = QLineEdit(self.settings.contact)
        self.contact.setObjectName("contactEmail")
        self.contact.setPlaceholderText(self.tr("name@example.org (optional)"))
        self.contact.setClearButtonEnabled(True)
        contact_label.setBuddy(self.contact)
        contact_row.addWidget(contact_label)
        contact_row.addWidget(self.contact, 1)
        layout.addLayout(contact_row)
        self.contact_error = QLabel()
        self.contact_error.setObjectName("contactError")
        self.contact_error.setWordWrap(True)
        self.contact_error.setTextFormat(Qt.TextFormat.PlainText)  # it quotes what was typed
        self.contact_error.setContentsMargins(24, 0, 0, 0)
        set_tone(self.contact_error, "error")
        self.contact_error.hide()
        layout.addWidget(self.contact_error)
        contact_help = self.tr(
            "Sent in the User-Agent of every request, and to Crossref as mailto, so that the "
            "APIs can reach you instead of blocking you."
        )
        if os.environ.get(CONTACT_ENV, "").strip():
            overrides = arg(self.tr("%1 overrides it in this session."), CONTACT_ENV)
            contact_help += f" {overrides}"
        layout.addWidget(_help_label(contact_help))
        self.contact.textEdited.connect(lambda _text: self._check_contact(quiet=True))

        self.complete_imports = QCheckBox(self.tr("&Look up missing details after each import"))
        self.complete_imports.setObjectName("completeNewImports")
        self.complete_imports.setChecked(self.settings.complete_new_imports)
        layout.addWidget(self.complete_imports)
        layout.addWidget(
            _help_label(
                self.tr(
                    "New papers that miss authors, dates, ids or links are completed in the "
                    "background, as Complete details does; fields you edited are never "
                    "changed."
                )
            )
        )
        self.download_queued = queued_pdfs_checkbox(
            self.settings.download_queued_pdfs, on_server=self.per_machine
        )
        layout.addWidget(self.download_queued)
        if self.per_machine:  # a server library
            rest, cached = NOTHING_ELSE_SERVER, CACHED_ON_MACHINE
        else:
            rest, cached = NOTHING_ELSE_LOCAL, CACHED_IN_FOLDER
        sent = QLabel(" ".join(self.tr(text) for text in (SENT_WHERE, rest, cached)))
        sent.setObjectName("sentWhere")
        sent.setWordWrap(True)
        sent.setTextFormat(Qt.TextFormat.RichText)
        sent.setToolTip(arg(self.tr("Settings are saved in %1"), settings_path()))
        layout.addWidget(sent)
        # The contact and the automatic look-ups mean nothing with the network off.
        self.network.toggled.connect(self._network_toggled)
        self._network_toggled(self.network.isChecked())
        return box

    def _routine_box(self) -> QGroupBox:
        """The reading routine's preference: after how long a re-read comes due."""
        box = QGroupBox(self.tr("Reading routine"))
        box.setObjectName("routineBox")
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        label = QLabel(self.tr("&Re-read after:"))
        self.reread_steps = QLineEdit(self.settings.reread_steps)
        self.reread_steps.setObjectName("rereadSteps")
        self.reread_steps.setPlaceholderText(Settings().reread_steps)  # the default
        label.setBuddy(self.reread_steps)
        row.addWidget(label)
        row.addWidget(self.reread_steps, 1)
        layout.addLayout(row)
        self.steps_error = QLabel()
        self.steps_error.setObjectName("rereadStepsError")
        self.steps_error.setWordWrap(True)
        set_tone(self.steps_error, "error")
        self.steps_error.hide()
        layout.addWidget(self.steps_error)
        layout.addWidget(
            _help_label(
                self.tr(
                    "A paper marked for re-reading comes back to Today after the first "
                    "step, then after each next one: d days, w weeks, m months, y years."
                ),
                0,
            )
        )
        return box

    def _member_box(self) -> QGroupBox:
        """Who this machine's changes are recorded as made by, in a shared library."""
        box = QGroupBox(self.tr("Shared libraries"))
        box.setObjectName("memberBox")
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        label = QLabel(self.tr("Your &name:"))
        self.member = QLineEdit(self.settings.member)
        self.member.setObjectName("memberName")
        self.member.setPlaceholderText(login_name())  # the default
        self.member.setClearButtonEnabled(True)
        label.setBuddy(self.member)
        row.addWidget(label)
        row.addWidget(self.member, 1)
        layout.addLayout(row)
        help_text = self.tr(
            "Recorded with each change you make; a paper's history and the other members' "
            "windows show it. Empty: your login name."
        )
        if os.environ.get(MEMBER_ENV, "").strip():
            help_text += " " + arg(self.tr("%1 overrides it in this session."), MEMBER_ENV)
        layout.addWidget(_help_label(help_text, 0))
        return box

    def _check_steps(self) -> bool:
        try:
            parse_steps(self.reread_steps.text() or Settings().reread_steps)
        except UserError as error:
            self.steps_error.setText(f"⚠ {error}")
            self.steps_error.show()
            self._fit_height()
            return False
        self.steps_error.hide()
        return True

    def _fit_height(self) -> None:
        """As tall as the wrapped texts need at this width. Qt opens a window at most two
        thirds of the screen tall and does not grow it when a message appears; either cut
        off the last lines on a laptop screen."""
        needed = self.heightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    def _network_toggled(self, on: bool) -> None:
        self.contact.setEnabled(on)
        self.complete_imports.setEnabled(on)

    def _check_contact(self, *, quiet: bool = False) -> bool:
        """Shows why the contact cannot be used; while typing (quiet) it only clears an
        old message, so that a half-typed address is not scolded."""
        problem = contact_problem(self.contact.text())
        if problem is None or not quiet:
            self.contact_error.setText(f"⚠ {problem}" if problem else "")
            self.contact_error.setVisible(problem is not None)
            self._fit_height()
        return problem is None

    def accept(self) -> None:
        if not self._check_contact():
            self.contact.setFocus(Qt.FocusReason.OtherFocusReason)
            return  # the dialog stays open, the message under the field
        if not self._check_steps():
            self.reread_steps.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().accept()

    def chosen_engine(self) -> str:
        return next(name for name, button in self.buttons.items() if button.isChecked())

    def chosen_settings(self) -> Settings:
        """The settings as the dialog now shows them (the contact checked by accept)."""
        return replace(
            self.settings,
            network=self.network.isChecked(),
            contact=self.contact.text().strip(),
            complete_new_imports=self.complete_imports.isChecked(),
            reread_steps=self.reread_steps.text().strip() or Settings().reread_steps,
            download_queued_pdfs=self.download_queued.isChecked(),
            member=" ".join(self.member.text().split()),
        )

    def _engine_toggled(self) -> None:
        # "Searching with Whoosh." becomes three lines about the switch: grow to show them,
        # once the layouts have measured the new text (they do so on the next turn of the
        # event loop; measured now, the old text's height would come back).
        self._update_cost()
        QTimer.singleShot(0, self, self._fit_height)

    def _update_cost(self) -> None:
        chosen = self.chosen_engine()
        if chosen == self.current:
            self.cost.setText(arg(self.tr("Searching with %1."), ENGINE_LABELS[chosen]))
            return
        estimate = _duration(self.paper_count / INDEX_RATE[chosen])
        if self.per_machine:
            text = self.tr(
                "Switching rebuilds this machine's search index once (%1 for this library) "
                "in the background; you can cancel it from the status bar, and the current "
                "engine keeps working until it is done. Other machines are not affected."
            )
        else:
            text = self.tr(
                "Switching rebuilds the search index once (%1 for this library) in the "
                "background; you can cancel it from the status bar, and the current "
                "engine keeps working until it is done."
            )
        self.cost.setText(arg(text, estimate))


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
        self.switch_button = QPushButton(self.tr("Switch to tantivy"))
        self.switch_button.setObjectName("switchEngineButton")
        self.switch_button.clicked.connect(self.switch_clicked)
        self.close_button = QToolButton()
        self.close_button.setObjectName("dismissEngineAdvice")
        self.close_button.setText("✕")
        self.close_button.setAccessibleName(self.tr("Dismiss"))  # "✕" says nothing read aloud
        self.close_button.setToolTip(
            self.tr(
                "Dismiss; this suggestion will not come back for this library "
                "(Edit ▸ Preferences… can switch at any time)"
            )
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
        set_tone(self.pending_label, "hint")
        self.pending_label.hide()
        self._switching = False

    # -- Preferences

    def show_preferences(self) -> None:
        if self.host.is_ready:
            self.host.ops.call(
                lambda lib: (lib.engine, overview.counts(lib).total, lib.server is not None),
                lambda found: self._open_preferences(*found),
            )

    def _open_preferences(self, engine: str, paper_count: int, on_server: bool) -> None:
        if not self.host.is_ready:
            return
        dialog = PreferencesDialog(engine, paper_count, self.host.widget(), per_machine=on_server)
        dialog.accepted.connect(lambda: self._save_settings(dialog))
        dialog.accepted.connect(lambda: self._chosen(dialog.chosen_engine()))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def _save_settings(self, dialog: PreferencesDialog) -> None:
        chosen = dialog.chosen_settings()
        if chosen == dialog.settings:
            return
        try:
            save_settings(chosen)
            if self.host.is_ready:  # from the next change on
                self.host.library().member = chosen.effective_member
        except OSError as error:
            show_error(
                self.host.widget(),
                self.tr("Preferences"),
                arg(
                    self.tr("The network settings could not be saved to %1: %2"),
                    settings_path(),
                    error,
                ),
            )
            return
        self.host.work.message(self.tr("Preferences saved."), 4000)

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
        relay = host.work.begin(arg(self.tr("Switching to %1…"), ENGINE_LABELS[engine]), cancel)

        def work(library: Library) -> int | None:
            try:
                return library.switch_engine(engine, relay, cancel)
            except Cancelled:
                return None  # the old index is untouched; say so instead of staying silent

        host.ops.call(work, lambda done: self._switch_done(engine, done), self._switch_failed)

    def _switch_done(self, engine: str, indexed: int | None) -> None:
        self._switching = False
        host = self.host
        host.work.end()
        if indexed is None:
            old = host.library().engine if host.is_ready else ""
            host.work.message(
                arg(
                    self.tr("Switch cancelled; searches still use %1."), ENGINE_LABELS.get(old, old)
                ),
                8000,
            )
            return
        host.work.message(
            arg(
                self.tr("Searches now use %1 (%Ln paper(s) indexed).", "", indexed),
                ENGINE_LABELS[engine],
            ),
            8000,
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
        self.host.ops.call(lambda lib: (lib.pending_count(), lib.index_behind), self._show_pending)

    def _show_pending(self, state: tuple[int, bool]) -> None:
        pending, behind = state
        if pending:
            self.pending_label.setText(
                self.tr("(indexing %Ln paper(s): text matches may be incomplete)", "", pending)
            )
            self.pending_label.setToolTip(
                self.tr(
                    "Another readerapp is writing the search index (an import's indexing): "
                    "these papers are saved and listed, and their text is indexed as soon as "
                    "it has finished."
                )
                if behind
                else self.tr(
                    "Newly imported papers are listed and filterable at once; searching their "
                    "text works when indexing finishes (progress in the status bar)."
                )
            )
        self.pending_label.setVisible(bool(pending))
