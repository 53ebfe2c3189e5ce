"""The user's settings that both the command line and the window obey (network use, the
contact sent to APIs, automatic completion). A small JSON file in the per-user config folder;
the window's own layout state stays in QSettings."""

from __future__ import annotations

import getpass
import json
import os
from dataclasses import asdict, dataclass, replace
from pathlib import Path

CONFIG_ENV = "READERAPP_CONFIG_DIR"
# Set to 1 to forbid network use for one run, whatever the settings say.
OFFLINE_ENV = "READERAPP_OFFLINE"
# A contact (an e-mail address) for the APIs' polite pools, overriding the setting.
CONTACT_ENV = "READERAPP_CONTACT"
# The member name changes are recorded under, overriding the setting (tests, shared logins).
MEMBER_ENV = "READERAPP_MEMBER"


@dataclass(frozen=True, slots=True)
class Settings:
    network: bool = True  # look-ups, daily lists and downloads may use the network
    contact: str = ""  # sent in the User-Agent and as Crossref's mailto when set
    complete_new_imports: bool = False  # look up missing details after each import
    download_queued_pdfs: bool = False  # download the PDF of a paper put on a queue
    # Days after which a paper marked for re-reading comes due again, step after step.
    reread_steps: str = "1w, 1m, 3m"
    # Who this machine's changes are recorded as made by, in a shared library's journal and
    # history; empty: the user's login name.
    member: str = ""

    @property
    def online(self) -> bool:
        return self.network and os.environ.get(OFFLINE_ENV, "") not in ("1", "true", "yes")

    @property
    def effective_contact(self) -> str:
        return os.environ.get(CONTACT_ENV, "").strip() or self.contact.strip()

    @property
    def effective_member(self) -> str:
        named = os.environ.get(MEMBER_ENV, "").strip() or self.member.strip()
        return named or login_name()


def login_name() -> str:
    """The OS user, or "unknown" where none can be found (a container without a passwd
    entry): a name is only a label here, never a permission."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def settings_path() -> Path:
    folder = os.environ.get(CONFIG_ENV)
    if folder:
        return Path(folder) / "settings.json"
    import platformdirs  # only where the file is read or written: not for a search

    base = Path(platformdirs.user_config_dir("readerapp", False))
    return base / "settings.json"


def load_settings() -> Settings:
    """The saved settings; defaults for anything missing or unreadable (a hand-edited file
    with a typo must not stop the app)."""
    try:
        data = json.loads(settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(data, dict):
        return Settings()
    settings = Settings()
    for key, default in asdict(settings).items():
        value = data.get(key)
        if isinstance(value, type(default)):
            settings = replace(settings, **{key: value})
    return settings


def save_settings(settings: Settings) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(asdict(settings), indent=2) + "\n", encoding="utf-8")
    temporary.replace(path)
