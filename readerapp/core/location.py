"""Where a library is: a folder on this machine (SQLite, the default) or a database on a
PostgreSQL server, named by a libpq URL (`postgresql://user@host:5432/db?sslmode=require`).

Qt-free and SQLAlchemy-free: the command line decides here, before importing anything heavy,
which kind of library it opens. A server library still needs a folder on this machine for
what is derived or belongs to the machine: its search index, the look-up cache, backups, and
a cache of the PDFs it opened (the server keeps them: db.file_store). That folder is in the
user cache folder, keyed by server and database (`<cache>/servers/<host>-<port>-<db>/`), so
every machine keeps its own and deleting it loses nothing the server holds.

A password in the URL is used to connect and never shown: `shown` (what messages, logs and
window titles print) leaves it out.

A URL may name a libpq service instead (`postgresql:///?service=lab`): host, port, database
and user then come from the service file (`$PGSERVICEFILE`, else `~/.pg_service.conf`, else
`$PGSYSCONFDIR/pg_service.conf`), which libpq reads to connect. It is read here too, for
those four only, so that the cache folder is keyed by the server and database the service
names; its password is never read here, and never shown.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

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
            if self.service and not self._service:
                looked = ", ".join(str(p) for p in service_files())
                raise ValueError(
                    f"{self.shown}: no service file names the service {self.service!r} "
                    f"(looked in {looked})"
                )
            if self.service:
                raise ValueError(
                    f"{self.shown}: neither the URL nor the service {self.service!r} names a "
                    "database (dbname= in the service file, or …/DBNAME)"
                )
            raise ValueError(f"{self.shown}: the URL names no database (…/DBNAME)")

    @property
    def _options(self) -> dict[str, str]:
        """The URL's query: libpq's options (sslmode, service, dbname, ...)."""
        return dict(parse_qsl(urlsplit(self.url).query, keep_blank_values=True))

    @property
    def service(self) -> str:
        """The libpq service the URL names (`?service=lab`), or empty."""
        return self._options.get("service", "")

    @functools.cached_property
    def _service(self) -> dict[str, str]:
        """The service's host, port, dbname and user as its file sets them (nothing else is
        read); empty without a service, or when no file names it (libpq then says so)."""
        return read_service(self.service) if self.service else {}

    @property
    def _parts(self) -> tuple[str, str, int, str, str]:
        """(user, host, port, database, query) as libpq reads them: the URL's own parts,
        then its options, then its service's."""
        split = urlsplit(self.url)
        options, service = self._options, self._service
        try:
            port = split.port or int(options.get("port") or service.get("port") or DEFAULT_PORT)
        except ValueError as exc:
            raise ValueError(f"{self.shown}: {exc}") from None
        return (
            unquote(split.username or "") or options.get("user") or service.get("user", ""),
            unquote(split.hostname or "") or options.get("host") or service.get("host", ""),
            port,
            unquote(split.path.lstrip("/")) or options.get("dbname") or service.get("dbname", ""),
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
        # Not urlunsplit: it drops the empty authority of `postgresql:///?service=lab`.
        return "postgresql://" + self.url.partition("://")[2]

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
        """This machine's folder for the library: index, look-up cache, PDF cache, backups."""
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


def service_files() -> list[Path]:
    """Where libpq looks for a service, in its order: $PGSERVICEFILE (else
    ~/.pg_service.conf), then the system-wide file in $PGSYSCONFDIR."""
    user = os.environ.get("PGSERVICEFILE") or str(Path.home() / ".pg_service.conf")
    found = [Path(user)]
    if sysconf := os.environ.get("PGSYSCONFDIR"):
        found.append(Path(sysconf) / "pg_service.conf")
    return found


# The only keys of a service read here; a password in the file stays libpq's.
SERVICE_KEYS = ("host", "port", "dbname", "user")


def read_service(name: str) -> dict[str, str]:
    """A service's host, port, dbname and user, from the first file that names it."""
    import configparser  # here: a folder library (every `readerapp search`) never needs it

    for path in service_files():
        parser = configparser.ConfigParser(interpolation=None)
        try:
            parser.read(path, encoding="utf-8")
        except (OSError, configparser.Error, UnicodeDecodeError):
            continue
        if parser.has_section(name):
            section = parser[name]
            return {key: section[key].strip() for key in SERVICE_KEYS if key in section}
    return {}


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
