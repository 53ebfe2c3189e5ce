"""The user's settings file: defaults, round trip, typos that must not stop the app, and the
environment overrides that scripts rely on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from readerapp.core.settings import (
    CONFIG_ENV,
    CONTACT_ENV,
    OFFLINE_ENV,
    Settings,
    load_settings,
    save_settings,
    settings_path,
)


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "config"
    monkeypatch.setenv(CONFIG_ENV, str(folder))
    monkeypatch.delenv(OFFLINE_ENV, raising=False)
    monkeypatch.delenv(CONTACT_ENV, raising=False)
    return folder


def test_the_settings_live_in_the_config_folder(config: Path) -> None:
    assert settings_path() == config / "settings.json"


def test_without_a_file_the_defaults_apply(config: Path) -> None:
    settings = load_settings()
    assert settings == Settings()
    assert settings.network and settings.online
    assert settings.effective_contact == ""
    assert not settings.complete_new_imports


def test_saved_settings_are_loaded_back(config: Path) -> None:
    saved = Settings(network=False, contact="ada@example.org", complete_new_imports=True)
    save_settings(saved)
    assert load_settings() == saved
    assert not list(config.glob("*.tmp")), "the temporary file is renamed into place"
    assert json.loads((config / "settings.json").read_text())["contact"] == "ada@example.org"


@pytest.mark.parametrize("text", ["{not json", "[1, 2]", "", "\x00\x01"])
def test_an_unreadable_file_gives_the_defaults(config: Path, text: str) -> None:
    config.mkdir()
    (config / "settings.json").write_text(text)
    assert load_settings() == Settings()


def test_a_value_of_the_wrong_type_is_ignored_and_the_rest_kept(config: Path) -> None:
    config.mkdir()
    (config / "settings.json").write_text(
        json.dumps({"network": "no", "contact": "bob@example.org", "unknown": 1})
    )
    assert load_settings() == Settings(network=True, contact="bob@example.org")


@pytest.mark.parametrize(("value", "online"), [("1", False), ("yes", False), ("0", True)])
def test_the_offline_variable_turns_the_network_off(
    config: Path, monkeypatch: pytest.MonkeyPatch, value: str, online: bool
) -> None:
    monkeypatch.setenv(OFFLINE_ENV, value)
    assert Settings().online is online


def test_the_switch_turns_the_network_off_whatever_the_environment(config: Path) -> None:
    assert not Settings(network=False).online


def test_the_contact_variable_wins_over_the_setting(
    config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(contact="  saved@example.org ")
    assert settings.effective_contact == "saved@example.org"
    monkeypatch.setenv(CONTACT_ENV, "env@example.org")
    assert settings.effective_contact == "env@example.org"
