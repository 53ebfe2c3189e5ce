"""File ▸ Open library…: a library folder on this machine, or a database on a PostgreSQL
server (host, port, database, user, SSL mode), with a connection test; and the dialog that
offers to retry, or to open a local library, when a server library's server does not answer.

The dialog only asks; opening is the window's (MainWindow.open_library). It never asks for a
password and keeps none: libpq finds it in ~/.pgpass, a service file or $PGPASSWORD, and the
Server tab says so. It remembers the last server it opened as a URL without a password.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from readerapp.core import paths
from readerapp.core.errors import ServerUnreachable
from readerapp.core.location import LibraryLocation, ServerLocation, parse_location
from readerapp.core.redact import scrub
from readerapp.gui.i18n import arg, count
from readerapp.gui.tasks import TaskRunner
from readerapp.gui.theme import set_tone
from readerapp.services import servers
from readerapp.services.servers import DEFAULT_PORT, SSL_MODES, ServerForm, ServerProbe

# QSettings keys: the last server opened (a URL without password) and the tab last used.
LAST_SERVER_KEY = "library/last_server"
LAST_TAB_KEY = "library/open_tab"
# The folder library opened last: what "Open a local library" opens when a server is away.
LAST_FOLDER_KEY = "library/last_folder"
FOLDER_TAB, SERVER_TAB = 0, 1

Probe = Callable[[str], ServerProbe]


class OpenLibraryDialog(QDialog):
    """Emits folder_chosen(Path) or server_chosen(url) when Open is pressed. With
    copying=True it asks where File ▸ Copy library to… copies the open library, with a
    Copy button instead."""

    folder_chosen = Signal(object)  # Path
    server_chosen = Signal(str)  # a libpq URL, never with a password

    def __init__(
        self,
        settings: QSettings,
        probe: Probe,
        parent: QWidget | None = None,
        *,
        copying: bool = False,
    ) -> None:
        super().__init__(parent)
        self.copying = copying
        self.setObjectName("copyLibraryDialog" if copying else "openLibraryDialog")
        self.setWindowTitle(self.tr("Copy library to") if copying else self.tr("Open library"))
        self.settings = settings
        self._probe = probe
        # Connection tests run here, not on the library's worker: a server that does not
        # answer must not hold up the open library's work, nor the window.
        self._tests = TaskRunner(self, name="connection-test")
        self._test_generation = 0

        self.tabs = QTabWidget()
        self.tabs.setObjectName("openLibraryTabs")
        self.tabs.setAccessibleName(self.tr("Where the library is"))
        self.tabs.tabBar().setAccessibleName(self.tr("Library on this machine or on a server"))
        self.tabs.addTab(self._folder_tab(), self.tr("&Folder"))
        self.tabs.addTab(self._server_tab(), self.tr("&Server"))
        self.tabs.currentChanged.connect(lambda _i: self._update_open())

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        self.open_button = self.buttons.button(QDialogButtonBox.StandardButton.Open)
        self.open_button.setObjectName("openLibraryButton")
        if copying:
            self.open_button.setText(self.tr("&Copy"))
        self.buttons.accepted.connect(self._open)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        # The dialog grows with a long answer of the connection test instead of clipping it.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        if copying:
            intro = QLabel(
                self.tr(
                    "Copies the open library, with its stars, notes, tags, queues, rules and "
                    "history, into an empty folder or an empty database. The copy builds its "
                    "search index when it is first opened."
                )
            )
            intro.setWordWrap(True)
            layout.addWidget(intro)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)
        self._restore()
        self.resize(520, self.sizeHint().height())

    # -- the Folder tab

    def _folder_tab(self) -> QWidget:
        page = QWidget()
        page.setObjectName("folderTab")
        self.folder_edit = QLineEdit()
        self.folder_edit.setObjectName("folderEdit")
        self.folder_edit.setAccessibleName(self.tr("Library folder"))
        self.folder_edit.textChanged.connect(lambda _t: self._update_open())
        browse = QPushButton(self.tr("&Browse…"))
        browse.setObjectName("browseFolderButton")
        browse.setAccessibleName(self.tr("Browse for a library folder"))
        browse.clicked.connect(self._browse)
        self.browse_button = browse
        label = QLabel(self.tr("&Library folder:"))
        label.setBuddy(self.folder_edit)
        row = QHBoxLayout()
        row.addWidget(self.folder_edit, 1)
        row.addWidget(browse)
        hint = QLabel(
            self.tr("An empty folder, or a new one: the copy is made there.")
            if self.copying
            else self.tr(
                "A folder that holds a library, or an empty folder to start a new library in."
            )
        )
        hint.setWordWrap(True)
        set_tone(hint, "hint")
        layout = QVBoxLayout(page)
        layout.addWidget(label)
        layout.addLayout(row)
        layout.addWidget(hint)
        layout.addStretch(1)
        return page

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Open or create a library folder"), self.folder_edit.text()
        )
        if folder:
            self.folder_edit.setText(folder)

    # -- the Server tab

    def _server_tab(self) -> QWidget:
        page = QWidget()
        page.setObjectName("serverTab")
        self.host_edit = self._line("hostEdit", self.tr("Host"), "db.example.org")
        self.port_spin = QSpinBox()
        self.port_spin.setObjectName("portSpin")
        self.port_spin.setAccessibleName(self.tr("Port"))
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(DEFAULT_PORT)
        self.port_spin.valueChanged.connect(lambda _v: self._form_changed())
        self.database_edit = self._line("databaseEdit", self.tr("Database"), "papers")
        self.user_edit = self._line(
            "userEdit", self.tr("User"), self.tr("your login name if left empty")
        )
        self.ssl_combo = QComboBox()
        self.ssl_combo.setObjectName("sslModeCombo")
        self.ssl_combo.setAccessibleName(self.tr("SSL mode"))
        descriptions = {
            "disable": self.tr("disable: no encryption"),
            "prefer": self.tr("prefer: encrypt when the server offers it"),
            "require": self.tr("require: always encrypt"),
            "verify-full": self.tr("verify-full: encrypt and check the server's certificate"),
        }
        for mode in SSL_MODES:
            self.ssl_combo.addItem(descriptions[mode], mode)
        self.ssl_combo.currentIndexChanged.connect(lambda _i: self._form_changed())

        form = QFormLayout()
        form.addRow(self.tr("&Host:"), self.host_edit)
        form.addRow(self.tr("&Port:"), self.port_spin)
        form.addRow(self.tr("&Database:"), self.database_edit)
        form.addRow(self.tr("&User:"), self.user_edit)
        form.addRow(self.tr("SSL &mode:"), self.ssl_combo)

        self.password_hint = QLabel(
            self.tr(
                "readerapp stores no password. PostgreSQL's client finds it in ~/.pgpass "
                "(on Windows %APPDATA%\\postgresql\\pgpass.conf), in a service file or in "
                "the PGPASSWORD variable."
            )
        )
        self.password_hint.setObjectName("passwordHint")
        self.password_hint.setWordWrap(True)
        set_tone(self.password_hint, "hint")

        self.test_button = QPushButton(self.tr("&Test connection"))
        self.test_button.setObjectName("testConnectionButton")
        self.test_button.clicked.connect(self.test_connection)
        self.test_result = QLabel()
        self.test_result.setObjectName("connectionResult")
        self.test_result.setWordWrap(True)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)

        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(self.password_hint)
        layout.addLayout(test_row)
        # Below the button, the full width: the server's words on a failure can be long.
        layout.addWidget(self.test_result)
        layout.addStretch(1)
        return page

    def _line(self, name: str, accessible: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(lambda _t: self._form_changed())
        return edit

    def server_form(self) -> ServerForm:
        return ServerForm(
            host=self.host_edit.text().strip(),
            database=self.database_edit.text().strip(),
            user=self.user_edit.text().strip(),
            port=self.port_spin.value(),
            sslmode=str(self.ssl_combo.currentData()),
        )

    def _form_changed(self) -> None:
        self._test_generation += 1  # an answer for other fields no longer applies
        self.test_result.clear()
        self.test_button.setEnabled(self.server_form().problem() is None)
        self._update_open()

    def test_connection(self) -> None:
        """Tries the server in the background; the answer (or the server's own words on why
        not) shows beside the button."""
        form = self.server_form()
        if form.problem() is not None:
            return
        self._test_generation += 1
        generation = self._test_generation
        self.test_result.setText(arg(self.tr("Connecting to %1…"), form.host))
        set_tone(self.test_result, "hint")
        self.test_button.setEnabled(False)
        url = form.url()
        self._tests.run(
            lambda: self._probe(url),
            lambda probe: self._tested(generation, probe, None),
            lambda error: self._tested(generation, None, error),
        )

    def _tested(
        self, generation: int, probe: ServerProbe | None, error: BaseException | None
    ) -> None:
        self.test_button.setEnabled(self.server_form().problem() is None)
        if generation != self._test_generation:
            return  # the fields changed while it ran
        if probe is None:
            # The server's (or libpq's) words alone: the dialog already names the server.
            why = error.why if isinstance(error, ServerUnreachable) else str(error)
            self.test_result.setText(
                arg(self.tr("Cannot connect: %1"), scrub(" ".join(why.split())))
            )
            set_tone(self.test_result, "error")
            return
        if probe.papers is None:
            what = self.tr("the database is empty; opening it starts a new library there")
        else:
            what = arg(self.tr("it holds a library of %1 papers"), count(probe.papers))
        self.test_result.setText(
            arg(self.tr("Connected to PostgreSQL %1 as %2: %3."), probe.version, probe.user, what)
        )
        set_tone(self.test_result, "")

    # -- Open

    def _update_open(self) -> None:
        if self.tabs.currentIndex() == SERVER_TAB:
            enabled = self.server_form().problem() is None
        else:
            enabled = bool(self.folder_edit.text().strip())
        self.open_button.setEnabled(enabled)

    def _open(self) -> None:
        self.settings.setValue(LAST_TAB_KEY, self.tabs.currentIndex())
        if self.tabs.currentIndex() == SERVER_TAB:
            form = self.server_form()
            if form.problem() is not None:
                return
            url = form.url()
            self.settings.setValue(LAST_SERVER_KEY, url)
            self.accept()
            self.server_chosen.emit(url)
            return
        text = self.folder_edit.text().strip()
        if text:
            self.accept()
            self.folder_chosen.emit(Path(text).expanduser())

    def _restore(self) -> None:
        """The last server and tab used; the folder field starts at the open library."""
        saved = ServerForm.from_url(str(self.settings.value(LAST_SERVER_KEY, "") or ""))
        if saved is not None:
            self.show_server(saved)
        tab = self.settings.value(LAST_TAB_KEY, FOLDER_TAB)
        self.tabs.setCurrentIndex(SERVER_TAB if str(tab) == str(SERVER_TAB) else FOLDER_TAB)
        self._form_changed()

    def show_server(self, form: ServerForm) -> None:
        self.host_edit.setText(form.host)
        self.port_spin.setValue(form.port)
        self.database_edit.setText(form.database)
        self.user_edit.setText(form.user)
        self.ssl_combo.setCurrentIndex(max(0, self.ssl_combo.findData(form.sslmode)))

    def show_folder(self, folder: Path | None) -> None:
        self.folder_edit.setText(str(folder) if folder is not None else "")


class ServerUnreachableDialog(QMessageBox):
    """The library's server did not answer (at start, or when opened): retry, or open a
    library on this machine instead. Non-blocking; the window behind stays usable."""

    def __init__(self, error: ServerUnreachable, local: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("serverUnreachableDialog")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Cannot reach the server"))
        self.setText(arg(self.tr("The library's server does not answer: %1"), error.shown))
        # The server's (or libpq's) own words: they say whether it is down, refused the
        # login or named no such database. Never with a password (core.redact).
        self.setInformativeText(scrub(error.why))
        self.retry_button = self.addButton(self.tr("&Retry"), QMessageBox.ButtonRole.AcceptRole)
        self.local_button = self.addButton(
            self.tr("Open a &local library"), QMessageBox.ButtonRole.ActionRole
        )
        self.local_button.setToolTip(str(local))
        self.local_button.setAccessibleDescription(str(local))
        self.close_button = self.addButton(QMessageBox.StandardButton.Close)
        self.setDefaultButton(self.retry_button)
        self.setEscapeButton(self.close_button)


class LibraryChooser(QObject):
    """What the window does about where its library is: File ▸ Open library…, and the
    dialog when a server library cannot be reached. It remembers the last folder library,
    to offer it when the server is away."""

    def __init__(
        self,
        window: QWidget,
        settings: QSettings,
        open_library: Callable[[LibraryLocation], None],
        probe: Probe = servers.probe,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self._open_library = open_library
        self._probe = probe
        self.dialog: OpenLibraryDialog | None = None  # made when first asked for
        self.copy_dialog: OpenLibraryDialog | None = None
        self.unreachable: ServerUnreachableDialog | None = None

    def choose_copy(self, copy_to: Callable[[LibraryLocation], None]) -> OpenLibraryDialog:
        """Shows File ▸ Copy library to…: where to copy the open library (copy_to runs it)."""
        if self.copy_dialog is None:
            dialog = OpenLibraryDialog(self.settings, self._probe, self.window, copying=True)
            dialog.folder_chosen.connect(copy_to)
            dialog.server_chosen.connect(lambda url: copy_to(parse_location(url)))
            self.copy_dialog = dialog
        self.copy_dialog.show_folder(None)
        self.copy_dialog.open()
        return self.copy_dialog

    def choose(self, current: LibraryLocation | None) -> OpenLibraryDialog:
        """Shows File ▸ Open library…, the folder field at the open (or last) folder."""
        if self.dialog is None:
            self.dialog = OpenLibraryDialog(self.settings, self._probe, self.window)
            self.dialog.folder_chosen.connect(self._open_library)
            self.dialog.server_chosen.connect(lambda url: self._open_library(parse_location(url)))
        self.dialog.show_folder(current if isinstance(current, Path) else self.local_folder())
        self.dialog.open()
        return self.dialog

    def local_folder(self) -> Path:
        """The folder library opened last, else the default one."""
        saved = str(self.settings.value(LAST_FOLDER_KEY, "") or "")
        return Path(saved) if saved else paths.default_library_dir()

    def opened(self, location: LibraryLocation) -> None:
        if isinstance(location, Path):
            self.settings.setValue(LAST_FOLDER_KEY, str(location))

    def failed(self, error: BaseException, location: LibraryLocation) -> bool:
        """Offers Retry or a local library when a server did not answer; False for any
        other error (the window reports those as it always does)."""
        if not isinstance(error, ServerUnreachable) or not isinstance(location, ServerLocation):
            return False
        local = self.local_folder()
        dialog = ServerUnreachableDialog(error, local, self.window)
        dialog.retry_button.clicked.connect(lambda: self._open_library(location))
        dialog.local_button.clicked.connect(lambda: self._open_library(local))
        dialog.finished.connect(dialog.deleteLater)
        self.unreachable = dialog
        dialog.open()
        return True
