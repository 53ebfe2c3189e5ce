"""The window's actions, their shortcuts, and the menus and toolbar that show them.

Single keys (S, T, 1-5, Q, N) act on papers only while the table has focus, so they never
steal letters typed in the search box or a note. What each action does is the window's
business: it hands its handlers in as `Handlers`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from readerapp.core.records import STATUSES
from readerapp.gui.dialogs import SHORTCUT_NAME
from readerapp.gui.i18n import LANGUAGES

Slot = Callable[[], object]


@dataclass(frozen=True, slots=True)
class Handlers:
    import_files: Slot
    export: Slot
    copy_markdown: Slot
    copy_bibtex: Slot
    open_library: Slot
    paste: Slot
    find: Slot
    clear_search: Slot
    toggle_star: Slot
    set_status: Callable[[str], object]
    add_to_queue: Slot
    read_next: Slot
    remove_from_queue: Slot
    move_in_queue: Callable[[int], object]
    tag: Slot
    untag: Slot
    delete: Slot
    open_paper: Slot
    new_note: Slot
    edit_details: Slot
    new_queue: Slot
    shortcuts: Slot
    about: Slot
    preferences: Slot
    add_by_identifier: Slot
    complete_details: Slot
    fetch_daily: Slot
    search_help: Slot
    copy: Slot
    set_theme: Callable[[str], object]
    set_language: Callable[[str], object]
    attach_pdf: Slot
    download_pdf: Slot


class WindowActions(QObject):
    def __init__(
        self,
        window: QMainWindow,
        table: QWidget,
        search_box: QWidget,
        undo_stack: QUndoStack,
        do: Handlers,
        preferences_key: QKeySequence,
    ) -> None:
        super().__init__(window)
        self.window, self.table = window, table
        self.all: list[QAction] = []
        a = self._action
        self.import_ = a(self.tr("&Import…"), do.import_files, "Ctrl+I")
        self.export = a(self.tr("&Export…"), do.export, "Ctrl+E")
        self.fetch_daily = a(self.tr("Fetch &Daily Papers…"), do.fetch_daily, "Ctrl+Shift+F")
        self.add_by_id = a(self.tr("&Add by identifier…"), do.add_by_identifier, "Ctrl+Shift+A")
        self.complete = a(self.tr("&Complete details"), do.complete_details, "Ctrl+Shift+D")
        self.copy = a(self.tr("&Copy"), do.copy, QKeySequence.StandardKey.Copy, True)
        self.copy_md = a(self.tr("Copy as &Markdown links"), do.copy_markdown, "Ctrl+Shift+C", True)
        self.copy_bib = a(self.tr("Copy as &BibTeX"), do.copy_bibtex, "Ctrl+Alt+C", True)
        self.open = a(self.tr("&Open library…"), do.open_library, "Ctrl+O")
        self.quit = a(self.tr("&Quit"), window.close, QKeySequence.StandardKey.Quit)
        self.undo = undo_stack.createUndoAction(window, self.tr("&Undo"))
        self.undo.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo = undo_stack.createRedoAction(window, self.tr("&Redo"))
        self.redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action, name in ((self.undo, self.tr("Undo")), (self.redo, self.tr("Redo"))):
            action.setProperty(SHORTCUT_NAME, name)
            window.addAction(action)
            self.all.append(action)
        self.paste = a(self.tr("&Paste papers"), do.paste, "Ctrl+Shift+V")
        self.find = a(self.tr("&Find"), do.find, "Ctrl+F")
        self.clear = a(self.tr("Clear search"), do.clear_search, "Esc")
        self.clear.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        search_box.addAction(self.clear)
        window.removeAction(self.clear)
        self.star = a(self.tr("&Star / unstar"), do.toggle_star, "S", True)
        mark = {
            "unread": self.tr("Mark &unread"),
            "reading": self.tr("Mark r&eading"),
            "read": self.tr("Mark &read"),
            "skimmed": self.tr("Mark &skimmed"),
            "dropped": self.tr("Mark &dropped"),
        }
        self.status = [
            a(mark.get(status, status), lambda s=status: do.set_status(s), str(number), True)
            for number, status in enumerate(STATUSES, start=1)
        ]
        self.queue = a(self.tr("Add to &queue…"), do.add_to_queue, "Q", True)
        self.read_next = a(self.tr("Read ne&xt"), do.read_next, "N", True)
        self.unqueue = a(
            self.tr("Remove &from this queue"), do.remove_from_queue, "Backspace", True
        )
        self.up = a(self.tr("Move up &in queue"), lambda: do.move_in_queue(-1), "Alt+Up", True)
        self.down = a(self.tr("Move do&wn in queue"), lambda: do.move_in_queue(1), "Alt+Down", True)
        self.tag = a(self.tr("&Tag…"), do.tag, "T", True)
        self.untag = a(self.tr("Remo&ve tag…"), do.untag, "Shift+T", True)
        self.delete = a(self.tr("&Delete…"), do.delete, QKeySequence.StandardKey.Delete, True)
        self.open_paper = a(self.tr("&Open paper"), do.open_paper, "Ctrl+Return", True)
        # Enter and Return open too, as a double-click does (Ctrl+Return works in the
        # search box's neighbourhood as well; plain Enter only in the table).
        self.open_paper.setShortcuts(
            [
                QKeySequence("Ctrl+Return"),
                QKeySequence("Return"),
                QKeySequence("Enter"),
                QKeySequence("O"),
            ]
        )
        # PDFs (gui/pdf_actions.py).
        self.attach_pdf = a(self.tr("Attach &PDF…"), do.attach_pdf, "Ctrl+Shift+P")
        self.download_pdf = a(self.tr("Down&load PDF"), do.download_pdf, "Ctrl+Shift+W", True)
        self.new_note = a(self.tr("New &note"), do.new_note, "Ctrl+Shift+N")
        # F2 anywhere in the window, the detail pane's own fields included: it edits the
        # paper the pane shows, as F2 renames in a file manager.
        self.edit_details = a(self.tr("&Edit details…"), do.edit_details, "F2")
        self.new_queue = a(self.tr("&New queue…"), do.new_queue)
        self.shortcuts = a(self.tr("&Keyboard shortcuts"), do.shortcuts, "F1")
        self.about = a(self.tr("&About readerapp"), do.about)
        self.search_help = a(self.tr("&Search syntax"), do.search_help, "Shift+F1")
        self.preferences = a(self.tr("Pr&eferences…"), do.preferences, preferences_key)
        self.preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
        # View > Theme: one of three, checked; the window says which is in use.
        self.theme_group = QActionGroup(window)
        self.themes: dict[str, QAction] = {}
        theme_labels = (
            ("system", self.tr("&System")),
            ("light", self.tr("&Light")),
            ("dark", self.tr("&Dark")),
        )
        for name, label in theme_labels:
            action = QAction(label, window, checkable=True)
            action.triggered.connect(lambda _checked=False, n=name: do.set_theme(n))
            self.theme_group.addAction(action)
            self.themes[name] = action
        # View > Language: read at start, so a choice applies from the next start (the
        # window says so). Each language is named in itself, as everywhere else.
        self.language_group = QActionGroup(window)
        self.languages: dict[str, QAction] = {}
        language_labels = {
            "system": self.tr("&System language"),
            "en": "&English",
            "de": "&Deutsch",
        }
        for name in LANGUAGES:
            action = QAction(language_labels[name], window, checkable=True)
            action.triggered.connect(lambda _checked=False, n=name: do.set_language(n))
            self.language_group.addAction(action)
            self.languages[name] = action

    def _action(
        self,
        text: str,
        slot: Slot,
        shortcut: str | QKeySequence | QKeySequence.StandardKey = "",
        table_only: bool = False,
    ) -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        if table_only:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.table.addAction(action)
        else:
            self.window.addAction(action)
        self.all.append(action)
        return action

    def build_menus(self) -> None:
        bar = self.window.menuBar()
        menus = (
            ("file", self.tr("&File"), (self.import_, self.fetch_daily, self.export, self.open,
                                    None, self.quit)),
            ("edit", self.tr("&Edit"), (self.undo, self.redo, None, self.copy, self.paste,
                                    self.find, None, self.preferences)),
            ("paper", self.tr("&Paper"), ()),
            ("queue", self.tr("&Queue"), (self.new_queue, self.queue, self.read_next, self.unqueue,
                                      self.up, self.down)),
            ("view", self.tr("&View"), ()),
            ("help", self.tr("&Help"), (self.search_help, self.shortcuts, self.about)),
        )  # fmt: skip
        for key, title, actions in menus:
            menu = bar.addMenu(title)
            for action in actions:
                if action is None:
                    menu.addSeparator()
                else:
                    menu.addAction(action)
            if key == "view":
                theme_menu = menu.addMenu(self.tr("&Theme"))
                for action in self.themes.values():
                    theme_menu.addAction(action)
                language_menu = menu.addMenu(self.tr("&Language"))
                for action in self.languages.values():
                    language_menu.addAction(action)
            if key == "paper":
                menu.addAction(self.add_by_id)
                menu.addSeparator()
                self.fill_paper_menu(menu)
        toolbar = self.window.addToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        for action in (self.import_, self.star, self.queue, self.read_next, self.tag,
                       self.new_note):  # fmt: skip
            toolbar.addAction(action)

    def show_theme(self, name: str) -> None:
        self.themes[name].setChecked(True)

    def show_language(self, name: str) -> None:
        self.languages.get(name, self.languages["system"]).setChecked(True)

    def fill_paper_menu(self, menu: QMenu, *, in_queue: bool = False) -> None:
        """The Paper menu, and the table's context menu (with the queue's own actions when
        a queue is shown)."""
        menu.addAction(self.star)
        status_menu = menu.addMenu(self.tr("Set stat&us"))
        for action in self.status:
            status_menu.addAction(action)
        menu.addAction(self.edit_details)
        for action in (self.queue, self.read_next, self.tag, self.untag, self.new_note,
                       self.open_paper, self.attach_pdf, self.download_pdf, self.complete,
                       None, self.copy_md):  # fmt: skip
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        if self.copy_bib.isEnabled():
            menu.addAction(self.copy_bib)
        menu.addSeparator()
        menu.addAction(self.delete)
        if in_queue:
            menu.addSeparator()
            for action in (self.unqueue, self.up, self.down):
                menu.addAction(action)
