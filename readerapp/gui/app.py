"""Starting the desktop app."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtGui import QFileOpenEvent, QIcon, QPixmap
from PySide6.QtWidgets import QApplication

from readerapp import __version__
from readerapp.core import paths
from readerapp.core.errors import NoDisplay
from readerapp.core.location import LibraryLocation
from readerapp.gui import i18n, theme
from readerapp.gui.dialogs import CrashDialog
from readerapp.gui.main_window import MainWindow

# Package data, so the icon is there in a source tree, an installed wheel and a PyInstaller
# bundle alike (packaging/README.md explains where every icon file comes from).
ICON = Path(__file__).with_name("icons") / "readerapp.svg"
# The same drawing redrawn on the 16 px grid itself (a larger paper, no half-pixel notch):
# scaled down, the full drawing's ribbon tip and margins blur at menu and title-bar size.
ICON_16 = ICON.with_name("readerapp-16.svg")
# One id for the .desktop file, the AppStream component, the installed icons and the macOS
# bundle: Wayland compositors find the window's icon and launcher through it.
APP_ID = "io.github.readerapp.readerapp"


def make_settings() -> QSettings:
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, "readerapp", "readerapp"
    )


def application() -> QApplication:
    """The application object, named and with its icon (the app and the self-test share it)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("readerapp")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("readerapp")
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    return app


def app_icon() -> QIcon:
    """The SVG at every size, except exactly 16 device pixels, where the hinted variant is
    used (Qt's SVG icon engine returns an added pixmap only at its own size)."""
    icon = QIcon(str(ICON))
    icon.addPixmap(QPixmap(str(ICON_16)))
    return icon


def import_when_ready(window: MainWindow, files: Sequence[Path]) -> None:
    """Imports the files the desktop handed over (Open With, a double-click on a .bib) like
    files dropped on the window, as soon as the library is open."""
    paths = [Path(f).resolve() for f in files]
    if not paths:
        return

    def start() -> None:
        window.library_ready.disconnect(start)
        window.import_flow.import_paths(paths)

    window.library_ready.connect(start)


class FileOpenForwarder(QObject):
    """Imports the documents macOS opens with the app. The Finder (a double-click on a .bib,
    Open With, a drop on the Dock icon) hands them over as QFileOpenEvents to the running
    application, at launch too, instead of on the command line as Linux and Windows do."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.FileOpen or not isinstance(event, QFileOpenEvent):
            return False
        path = Path(event.file())
        if self._window.is_ready:
            self._window.import_flow.import_paths([path.resolve()])
        else:
            import_when_ready(self._window, [path])
        return True


def no_display(environ: Mapping[str, str], platform: str = sys.platform) -> str | None:
    """Why no window can open here, or None. On Linux without X or Wayland (a server, an
    SSH session) Qt aborts with a misleading hint about libxcb-cursor0; say it plainly."""
    if not platform.startswith("linux") or environ.get("QT_QPA_PLATFORM"):
        return None
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "no display found (neither DISPLAY nor WAYLAND_DISPLAY is set), so the window cannot "
        "open; start readerapp from a desktop session, or use the command line (readerapp --help)"
    )


def run(library: LibraryLocation | None = None, open_files: Sequence[Path] = ()) -> int:
    problem = no_display(os.environ)
    if problem is not None:
        raise NoDisplay(problem)
    app = application()
    settings = make_settings()
    # Before any window exists: every text is translated as it is made.
    i18n.install_translators(app, i18n.saved_language(settings))
    theme.apply_theme(app, theme.saved_theme(settings))
    theme.ThemeWatcher(app)  # "system" follows the desktop when it switches
    window = MainWindow(settings)
    import_when_ready(window, open_files)
    app.installEventFilter(FileOpenForwarder(window))

    def excepthook(
        kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        # A bug shows a dialog with details to copy instead of killing the app.
        sys.__excepthook__(kind, error, tb)
        CrashDialog(error.with_traceback(tb), window).open()

    sys.excepthook = excepthook
    window.show()
    window.open_library(library or paths.default_location())
    return app.exec()
