"""Where a library is: a folder on this machine (SQLite, the default) or a database on a
PostgreSQL server, named by a libpq URL (`postgresql://user@host:5432/db?sslmode=require`).

Qt-free and SQLAlchemy-free: the command line decides here, before importing anything heavy,
which kind of library it opens. A server library still needs a folder on this machine for
what is derived or belongs to the machine: its search index, the look-up cache, the PDFs and
backups. That folder is in the user cache folder, keyed by server and database
(`<cache>/servers/<host>-<port>-<db>/`), so every machine keeps its own and deleting it loses
nothing the server holds but PDFs: those stay on the machine that attached them (the server
keeps their rows and text), and `readerapp check` on another machine lists them as missing.

A password in the URL is used to connect and never shown: `shown` (what messages, logs and
window titles print) leaves it out.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

from readerapp.core.redact import safe_location

# The URL schemes a server library is named by: libpq's two, and SQLAlchemy's spelling.
SERVER_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")
DEFAULT_PORT = 5432
# The cache folder of a server library is under this one ($XDG_CACHE_HOME on Linux).
SERVERS_DIR_NAME = "servers"


def is_server_url(text: str) -> bool:
    """True when `text` names a server library rather than a folder."""
    scheme, sep, _ = text.partition("://")
    return bool(sep) and scheme.lower() in SERVER_SCHEMES


@dataclass(frozen=True)
class ServerLocation:
    """A library in a PostgreSQL database. `url` is the URL as given (with any password)."""

    url: str

    def __post_init__(self) -> None:
        if not is_server_url(self.url):
            raise ValueError(f"not a PostgreSQL URL: {_hide_password(self.url)}")
        if not self.database:
            raise ValueError(f"{self.shown}: the URL names no database (…/DBNAME)")

    @property
    def _parts(self) -> tuple[str, str, int, str, str]:
        """(user, host, port, database, query) as libpq reads them."""
        split = urlsplit(self.url)
        try:
            port = split.port or DEFAULT_PORT
        except ValueError as exc:
            raise ValueError(f"{self.shown}: {exc}") from None
        return (
            unquote(split.username or ""),
            unquote(split.hostname or ""),
            port,
            unquote(split.path.lstrip("/")),
            split.query,
        )

    @property
    def user(self) -> str:
        """The user named in the URL; empty when libpq picks it (the OS user, PGUSER)."""
        return self._parts[0]

    @property
    def host(self) -> str:
        """The host; empty for libpq's default (a local socket, or PGHOST)."""
        return self._parts[1] or os.environ.get("PGHOST", "")

    @property
    def port(self) -> int:
        return self._parts[2]

    @property
    def database(self) -> str:
        return self._parts[3]

    @property
    def driver_url(self) -> str:
        """The URL as psycopg's connect() takes it: libpq's own scheme, every option kept."""
        split = urlsplit(self.url)
        return urlunsplit(("postgresql", *split[1:]))

    @property
    def shown(self) -> str:
        """The URL without its password: what messages, logs and titles print."""
        return _hide_password(self.url)

    @property
    def key(self) -> str:
        """A folder name for this server and database: `host-port-db`, made safe."""
        host = self.host or "local"
        return _safe(f"{host}-{self.port}-{self.database}")

    def cache_dir(self, cache_root: Path | None = None) -> Path:
        """This machine's folder for the library: index, look-up cache, PDFs, backups."""
        return (cache_root or user_cache_dir()) / SERVERS_DIR_NAME / self.key

    def __str__(self) -> str:
        return self.shown


# A folder (SQLite) or a server database.
LibraryLocation = Path | ServerLocation


def parse_location(text: str | Path) -> LibraryLocation:
    """A --library value or $READERAPP_LIBRARY: a server URL, else a folder."""
    if isinstance(text, str) and is_server_url(text.strip()):
        return ServerLocation(text.strip())
    return Path(text).expanduser()


def shown(location: LibraryLocation) -> str:
    """How messages name a library: its folder, or its URL without the password."""
    return location.shown if isinstance(location, ServerLocation) else str(location)


def local_dir(location: LibraryLocation) -> Path:
    """The folder on this machine that holds the library's local files."""
    return location.cache_dir() if isinstance(location, ServerLocation) else location


def user_cache_dir() -> Path:
    # Imported here: opening a folder library never needs it.
    import platformdirs

    return Path(platformdirs.user_cache_dir("readerapp", appauthor=False))


def _hide_password(url: str) -> str:
    """The URL without its password (core.redact, the one place that decides how)."""
    return safe_location(url)


def _safe(name: str) -> str:
    """Letters, digits, dot, dash and underscore only: a file name on every system."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name)
