"""The window's language: which translation to load, and numbers written for it.

The window's own wording goes through Qt's translation (`self.tr` in QObject subclasses,
`QCoreApplication.translate("Context", ...)` elsewhere; a count uses `Class.tr(text, "", n)`
because pyside6-lupdate marks plural forms only on tr() calls). The .ts files live in
resources/translations/ and are compiled to .qm by the build (setup.py), next to this module
in `translations/`. What the services say (their error messages) stays English: they are
Qt-free and shared with the command line.

The language follows the system's unless View ▸ Language chose one (remembered in the
settings, used from the next start); READERAPP_LANG overrides both (tests, screenshots).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

LANGUAGE_KEY = "view/language"
ENV_VAR = "READERAPP_LANG"
# The choices of View ▸ Language: "system" follows QLocale.system().
LANGUAGES = ("system", "en", "de")
# The compiled translations: package data, built from resources/translations/*.ts.
TRANSLATIONS = Path(__file__).with_name("translations")

QT_TRANSLATIONS = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))

_installed: list[QTranslator] = []  # kept alive: Qt does not own an installed translator


def saved_language(settings: QSettings, environ: Mapping[str, str] = os.environ) -> str:
    """The language to start in: $READERAPP_LANG, else the saved choice, else the system's."""
    forced = environ.get(ENV_VAR, "").strip()
    if forced:
        return forced
    name = str(settings.value(LANGUAGE_KEY, "system"))
    return name if name in LANGUAGES else "system"


def ui_locale(language: str) -> QLocale:
    if language in ("", "system"):
        return QLocale.system()
    if language in ("en", "C"):
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return QLocale(language)


def install_translators(
    app: QCoreApplication, language: str, folder: Path = TRANSLATIONS
) -> list[QTranslator]:
    """Installs readerapp's translation for the language and Qt's own (its standard buttons
    and dialogs), where each is present; returns those installed. A language readerapp has
    no translation for, English included, gets the English plural forms ("1 paper",
    "2 papers" for "%n paper(s)"). Numbers follow the same locale (1,234 or 1.234)."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    locale = ui_locale(language)
    QLocale.setDefault(locale)
    write_numbers_in_english_under_c()
    english = locale.language() in (QLocale.Language.English, QLocale.Language.C)
    own = None if english else _load(locale, "readerapp", folder, app)
    if own is None:
        # English words, or a language readerapp does not speak: English, with Qt's own
        # buttons in English too (not half one language, half another).
        _load(ui_locale("en"), "readerapp", folder, app)
    else:
        _load(locale, "qtbase", QT_TRANSLATIONS, app)
    return list(_installed)


def _load(locale: QLocale, name: str, folder: Path, app: QCoreApplication) -> QTranslator | None:
    translator = QTranslator(app)
    if not translator.load(locale, name, "_", str(folder)):
        return None
    app.installTranslator(translator)
    _installed.append(translator)
    return translator


def write_numbers_in_english_under_c() -> None:
    """The C locale (a container, CI) groups no digits; the window's words are US English
    there, so its numbers are too (20,000, not 20000)."""
    if QLocale().language() == QLocale.Language.C:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def count(n: int) -> str:
    """A number as the window's language writes it (20,000 / 20.000)."""
    return QLocale().toString(n)


def arg(text: str, *values: object) -> str:
    """Qt's QString.arg for a translated text: %1, %2… replaced by the values (the highest
    one pass, so a value that holds "%2" is left as it is)."""

    def value(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return str(values[number - 1]) if 0 < number <= len(values) else match.group(0)

    return re.sub(r"%(\d+)", value, text)


def status_name(status: str) -> str:
    """A reading status as a list's name (the sidebar's "Unread"); the library stores the
    English key."""
    names = {
        "unread": QCoreApplication.translate("Status", "Unread"),
        "reading": QCoreApplication.translate("Status", "Reading"),
        "read": QCoreApplication.translate("Status", "Read"),
        "skimmed": QCoreApplication.translate("Status", "Skimmed"),
        "dropped": QCoreApplication.translate("Status", "Dropped"),
    }
    return names.get(status, status)


def status_word(status: str) -> str:
    """A reading status as a table cell or a sentence says it ("unread")."""
    words = {
        "unread": QCoreApplication.translate("Status", "unread"),
        "reading": QCoreApplication.translate("Status", "reading"),
        "read": QCoreApplication.translate("Status", "read"),
        "skimmed": QCoreApplication.translate("Status", "skimmed"),
        "dropped": QCoreApplication.translate("Status", "dropped"),
    }
    return words.get(status, status)
