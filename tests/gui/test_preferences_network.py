"""Preferences ▸ Network: the switch, the contact and automatic look-ups, saved to
settings.json (which the command line reads too) only when the dialog is accepted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from readerapp.core.settings import Settings, load_settings, save_settings, settings_path
from readerapp.gui.preferences import PreferencesDialog, contact_problem
from tests.gui.conftest import WindowFactory, settle
from tests.gui.test_preferences import open_preferences

README = Path(__file__).parents[2] / "README.md"


def _ok(dialog: PreferencesDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    box.button(QDialogButtonBox.StandardButton.Ok).click()


def test_network_settings_are_saved_and_read_back(
    qtbot: QtBot, open_window: WindowFactory, seeded_dir: Path
) -> None:
    assert not settings_path().exists()
    window = open_window(seeded_dir)
    dialog = open_preferences(qtbot, window)
    assert dialog.network.isChecked() and dialog.contact.text() == ""
    assert not dialog.complete_imports.isChecked()

    qtbot.keyClicks(dialog.contact, "  ada@example.org ")
    dialog.complete_imports.click()
    dialog.network.click()  # off: the contact and the automatic look-ups mean nothing now
    assert not dialog.contact.isEnabled() and not dialog.complete_imports.isEnabled()
    _ok(dialog)
    settle(qtbot, window)

    # The dialog deletes itself when it closes: by now it may be gone, or only hidden.
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()
    assert load_settings() == Settings(
        network=False, contact="ada@example.org", complete_new_imports=True
    )
    assert json.loads(settings_path().read_text(encoding="utf-8"))["network"] is False
    assert window.library().engine == "whoosh"  # the engine was left as it was
    again = open_preferences(qtbot, window)
    assert not again.network.isChecked()
    assert again.contact.text() == "ada@example.org"
    assert again.complete_imports.isChecked()
    again.reject()


def test_cancel_saves_nothing(qtbot: QtBot) -> None:
    save_settings(Settings(contact="ada@example.org"))
    dialog = PreferencesDialog("whoosh", 10)
    qtbot.addWidget(dialog)
    dialog.network.setChecked(False)
    dialog.contact.setText("grace@example.org")
    dialog.reject()
    assert load_settings() == Settings(contact="ada@example.org")


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        ("", True),
        ("  ", True),
        ("ada@example.org", True),
        ("ada.lovelace+readerapp@maths.example.ac.uk", True),
        ("ada", False),
        ("ada@", False),
        ("@example.org", False),
        ("ada@example", False),
        ("ada lovelace@example.org", False),
        ("ada@example.org)", False),  # would end the User-Agent's comment
        ("ada@example.org\r\nX-Evil: 1", False),  # a header of its own
        ("adà@example.org", False),  # an HTTP header is ASCII
        ("ada@@example.org", False),
        ("ada@example..org", False),
    ],
)
def test_contact_must_look_like_an_email_address(text: str, valid: bool) -> None:
    assert (contact_problem(text) is None) is valid


def test_a_bad_contact_keeps_the_dialog_open_with_the_reason_under_the_field(
    qtbot: QtBot,
) -> None:
    dialog = PreferencesDialog("whoosh", 10)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.contact, "ada@")
    assert not dialog.contact_error.isVisible()  # not while typing
    _ok(dialog)
    assert dialog.isVisible()
    assert dialog.contact_error.isVisible()
    assert "“ada@” does not look like an e-mail address" in dialog.contact_error.text()
    # The dialog grew for the message: no wrapped text lost its last line.
    assert dialog.height() >= dialog.heightForWidth(dialog.width())
    assert not settings_path().exists()

    qtbot.keyClicks(dialog.contact, "example.org")
    assert not dialog.contact_error.isVisible()  # fixed: the message goes as you type
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.keyClick(dialog.contact, Qt.Key.Key_Return)
    assert dialog.chosen_settings().contact == "ada@example.org"


def test_the_dialog_says_what_is_sent_where_as_the_readme_does(qtbot: QtBot) -> None:
    dialog = PreferencesDialog("whoosh", 10)
    qtbot.addWidget(dialog)
    label = dialog.findChild(QLabel, "sentWhere")
    assert label is not None
    text = label.text()
    readme = README.read_text(encoding="utf-8")
    for host in (
        "export.arxiv.org",
        "huggingface.co",
        "api.crossref.org",
        "api.semanticscholar.org",
    ):
        assert host in text and host in readme
    for words in ("titles", "arXiv ids", "DOIs", "no notes, tags, stars or queues", "cached"):
        assert words in text
    assert "Answers are cached in the library folder" in text
    assert "kept in the library folder" in dialog.download_queued.toolTip()


def test_on_a_server_library_it_says_the_caches_are_this_machines(qtbot: QtBot) -> None:
    """A server library's look-up answers are in this machine's cache folder for it
    (Library.directory, ServerLocation.cache_dir), its PDFs on the server with a copy in that
    folder: it has no library folder to speak of."""
    dialog = PreferencesDialog("whoosh", 10, per_machine=True)
    qtbot.addWidget(dialog)
    label = dialog.findChild(QLabel, "sentWhere")
    assert label is not None
    text, tip = label.text(), dialog.download_queued.toolTip()
    assert "library folder" not in text and "library folder" not in tip
    assert "leaves the machine" not in text  # the library itself lives on the server
    assert "kept on the library's server, and sent nowhere else" in text
    assert "Answers are cached on this machine, in its cache folder for this library" in text
    assert "(not on the server)" in text
    assert "stored on the server with the library" in tip
    assert "this machine keeps a copy in its cache folder" in tip


def test_the_environment_forcing_offline_is_shown(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = PreferencesDialog("whoosh", 10)
    qtbot.addWidget(dialog)
    assert not dialog.offline_note.isVisibleTo(dialog)
    monkeypatch.setenv("READERAPP_OFFLINE", "1")
    forced = PreferencesDialog("whoosh", 10)
    qtbot.addWidget(forced)
    assert forced.offline_note.isVisibleTo(forced)
    assert "READERAPP_OFFLINE" in forced.offline_note.text()
    assert forced.network.isChecked()  # the setting itself is unchanged
