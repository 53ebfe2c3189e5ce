"""Where libraries live. Every path the app uses is resolved here, so tests can redirect it."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from readerapp.core.location import LibraryLocation

LIBRARY_ENV = "READERAPP_LIBRARY"
# The text engine a new library starts with (tests run the search suite under each engine).
ENGINE_ENV = "READERAPP_ENGINE"
DATABASE_NAME = "library.sqlite"
INDEX_DIR_NAME = "index"
# Twelve papers copied from a Hugging Face Daily Papers page; shipped with the app for the
# self-test and for a new user's first look ("Try the sample papers").
SAMPLE_PAPERS = Path(__file__).resolve().parent.parent / "samples" / "hf_daily_papers_sample.txt"


def default_library_dir() -> Path:
    """$READERAPP_LIBRARY if set, else the platform's per-user data folder."""
    env = os.environ.get(LIBRARY_ENV)
    if env:
        return Path(env).expanduser()
    # Imported here: with $READERAPP_LIBRARY set (scripts, tests) no command needs it, and
    # it costs a fifth of what `readerapp --version` may take.
    import platformdirs

    return Path(platformdirs.user_data_dir("readerapp", appauthor=False)) / "library"


def default_location() -> LibraryLocation:
    """$READERAPP_LIBRARY if set (a folder, or a server URL such as
    `postgresql://me@host/papers`), else the platform's per-user library folder."""
    from readerapp.core.location import parse_location

    env = os.environ.get(LIBRARY_ENV)
    if env:
        try:
            return parse_location(env)
        except ValueError as exc:
            from readerapp.core.errors import UserError

            raise UserError(f"${LIBRARY_ENV}: {exc}") from None
    return default_library_dir()


def database_path(library_dir: Path) -> Path:
    return library_dir / DATABASE_NAME


def index_dir(library_dir: Path) -> Path:
    return library_dir / INDEX_DIR_NAME
