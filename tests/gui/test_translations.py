"""The translations: complete and in step with the code, and the window speaking German.

The .ts files are checked against a fresh pyside6-lupdate run over the code (to a copy), so
a text added, changed or removed in readerapp/gui without `packaging/update_translations.py`
fails here, as does a translation left unfinished or one that drops a placeholder.
"""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QLocale, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QGroupBox, QLabel, QMenu
from pytestqt.qtbot import QtBot

from readerapp.gui import i18n
from readerapp.gui.main_window import MainWindow
from readerapp.gui.preferences import PreferencesDialog
from readerapp.services import days, triage
from tests.gui.conftest import WindowFactory, on_worker, settle, translation_tools
from tests.gui.test_accessibility import mnemonic_problems

TOOLS = translation_tools()
LANGUAGES = (*TOOLS.LANGUAGES, TOOLS.PLURALS_ONLY)
PLACEHOLDER = re.compile(r"%L?\d|%L?n")
ACCELERATOR = re.compile(r"&([^&\s])")

Message = tuple[str, str, str]  # context, source, disambiguation


def messages(ts: Path) -> dict[Message, ET.Element]:
    tree = ET.parse(ts)
    found = {}
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            found[key] = message
    return found


def forms(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_ts_file_holds_every_text_of_the_code(language: str, tmp_path: Path) -> None:
    """lupdate over today's code adds nothing to the committed file and drops nothing."""
    committed = TOOLS.ts_file(language)
    fresh = tmp_path / committed.name
    shutil.copy(committed, fresh)
    TOOLS.lupdate(fresh, language)
    ours, theirs = messages(committed), messages(fresh)
    new = sorted(set(theirs) - set(ours))
    gone = sorted(set(ours) - set(theirs))
    assert not new, f"not in {committed.name} (run packaging/update_translations.py): {new}"
    assert not gone, f"no longer in the code, still in {committed.name}: {gone}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_translation_is_finished_and_keeps_its_placeholders(language: str) -> None:
    problems = []
    for (context, source, _), message in messages(TOOLS.ts_file(language)).items():
        where = f"{context}: {source[:60]!r}"
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type") is not None:  # unfinished, vanished, obsolete
            problems.append(f"{where} is {translation.get('type')}")
            continue
        texts = forms(message)
        if not all(texts):
            problems.append(f"{where} has an empty translation")
            continue
        wanted = set(PLACEHOLDER.findall(source))
        counts = {p for p in wanted if p.endswith("n")}
        for number, text in enumerate(texts):
            have = set(PLACEHOLDER.findall(text))
            # A singular may say "this paper" instead of "1 paper"; the plural keeps %n.
            needed = wanted - counts if number < len(texts) - 1 else wanted
            if not needed <= have:
                problems.append(f"{where}: form {number + 1} lacks {sorted(needed - have)}")
            if len(ACCELERATOR.findall(text)) > 1:
                problems.append(f"{where}: more than one & accelerator in {text!r}")
            if source.count("<") != text.count("<") and "<!--" not in source:
                problems.append(f"{where}: its HTML tags differ: {text!r}")
    assert not problems, "\n".join(problems)


@pytest.fixture
def german(qapp: QApplication, translations: Path) -> Iterator[None]:
    """The application in German for one test, in English again after."""
    installed = i18n.install_translators(qapp, "de", translations)
    assert len(installed) == 2  # readerapp's and Qt's own
    yield
    i18n.install_translators(qapp, "en", translations)


def _clashes(actions: list[QAction]) -> list[str]:
    seen: dict[str, str] = {}
    clashes = []
    for action in actions:
        for letter in ACCELERATOR.findall(action.text()):
            key = letter.casefold()
            if key in seen:
                clashes.append(f"{seen[key]!r} and {action.text()!r} share &{letter}")
            seen[key] = action.text()
    return clashes


def test_the_window_speaks_german(
    qtbot: QtBot, german: None, open_window: WindowFactory, seeded_dir: Path
) -> None:
    window = open_window(seeded_dir)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&Datei", "&Bearbeiten", "&Artikel", "&Leseliste", "A&nsicht",
                      "&Routine", "&Hilfe"]  # fmt: skip
    assert window.menu_actions.import_.text() == "&Importieren …"
    assert window.menu_actions.status[0].text() == "Als &ungelesen markieren"
    assert window.sidebar.model().index(0, 0).data() == "Bibliothek"
    assert window.size_label.text().endswith("Artikel in der Bibliothek")
    assert window.table.model().headerData(2, window.table.horizontalHeader().orientation()) == (
        "Titel"
    )
    window.table.selectRow(0)
    settle(qtbot, window)
    assert window.detail.edit_button.text() == "Angaben bearbeiten"
    assert window.detail.status.currentText() == "ungelesen"
    # The paper's history is the window's wording too, with the day in German.
    paper = window.model.id_at(1)  # not yet shown
    on_worker(window, lambda lib: triage.set_status(lib, [paper], "reading"))
    window.show_paper(paper)
    settle(qtbot, window)
    day = days.today(window.library())
    when = QLocale().toString(QDate(day.year, day.month, day.day), "d. MMM")
    assert window.routine.history.text() == f"hinzugefügt am {when}, begonnen am {when}"


def test_no_two_entries_of_a_german_menu_share_an_accelerator(
    german: None, open_window: WindowFactory, seeded_dir: Path
) -> None:
    window = open_window(seeded_dir)
    problems = mnemonic_problems(window.menuBar())
    context = QMenu(window)
    window.menu_actions.fill_paper_menu(context, in_queue=True)
    window.routine.fill_paper_menu(context)
    problems += [f"context menu: {c}" for c in _clashes(context.actions())]
    assert not problems, "\n".join(problems)


def test_the_language_is_chosen_in_the_view_menu_and_kept_for_the_next_start(
    open_window: WindowFactory, seeded_dir: Path, tmp_path: Path
) -> None:
    window = open_window(seeded_dir)
    assert window.menu_actions.languages["system"].isChecked()
    window.menu_actions.languages["de"].trigger()
    assert window.menu_actions.languages["de"].isChecked()
    assert "next" in window.statusBar().currentMessage()
    window.settings.sync()
    again = QSettings(window.settings.fileName(), QSettings.Format.IniFormat)
    assert i18n.saved_language(again, {}) == "de"
    # READERAPP_LANG wins over the saved choice (screenshots, tests).
    assert i18n.saved_language(again, {"READERAPP_LANG": "en"}) == "en"
    assert (
        i18n.saved_language(QSettings(str(tmp_path / "none.ini"), QSettings.Format.IniFormat), {})
        == "system"
    )


def test_a_language_without_a_translation_gets_english_plurals(
    qapp: QApplication, translations: Path
) -> None:
    try:
        installed = i18n.install_translators(qapp, "fr", translations)
        assert len(installed) == 1  # readerapp_en: "1 paper", not "1 paper(s)"
        assert MainWindow.tr("%Ln paper(s) in the library", "", 1) == "1 paper in the library"
    finally:
        i18n.install_translators(qapp, "en", translations)


def test_preferences_of_a_server_library_speak_german_of_this_machine(
    qtbot: QtBot, german: None
) -> None:
    dialog = PreferencesDialog("whoosh", 73, per_machine=True)
    qtbot.addWidget(dialog)
    dialog.buttons["tantivy"].setChecked(True)
    box = dialog.findChild(QGroupBox, "engineBox")
    intro = dialog.findChild(QLabel, "engineIntro")
    assert box is not None and intro is not None
    assert box.title() == "Suchmaschine auf diesem Rechner"
    assert intro.text().startswith("Diese Bibliothek hat 73 Artikel. Jeder Rechner")
    assert "Suchindex dieses Rechners" in dialog.cost.text()
    assert dialog.cost.text().endswith("Andere Rechner sind nicht betroffen.")
    sent = dialog.findChild(QLabel, "sentWhere")
    assert sent is not None
    assert "Bibliotheksordner" not in sent.text() + dialog.download_queued.toolTip()
    assert "auf diesem Rechner zwischengespeichert, in seinem Cache-Ordner" in sent.text()
    assert "auf dem Server gespeichert" in dialog.download_queued.toolTip()
