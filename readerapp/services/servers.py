"""A server library as the window's Open library ▸ Server tab asks for it: host, port,
database, user and SSL mode, turned into a libpq URL and back, and a connection test.

No password is ever part of it. libpq finds the password itself, in ~/.pgpass (or the file
$PGPASSFILE names), in a service file (~/.pg_service.conf, `?service=NAME`) or in
$PGPASSWORD; readerapp neither asks for one nor stores one. A URL typed with a password
(`--library postgresql://me:secret@host/db`) is used to connect and never remembered: what
the window keeps is ServerForm.url(), which has no place for one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, quote, unquote, urlsplit

from readerapp.core.errors import LibraryError
from readerapp.core.redact import scrub

# libpq's sslmode values offered in the window, weakest first; "prefer" is libpq's default
# (TLS when the server offers it). verify-full also checks the server's certificate and name
# against the CA in ~/.postgresql/root.crt.
SSL_MODES = ("disable", "prefer", "require", "verify-full")
DEFAULT_SSL_MODE = "prefer"
DEFAULT_PORT = 5432


@dataclass(frozen=True, slots=True)
class ServerForm:
    """The fields of the Server tab. An empty user is libpq's default (the OS user)."""

    host: str
    database: str
    user: str = ""
    port: int = DEFAULT_PORT
    sslmode: str = DEFAULT_SSL_MODE

    def problem(self) -> str | None:
        """What is missing before a connection can be tried, or None."""
        if not self.host.strip():
            return "host"
        if not self.database.strip():
            return "database"
        return None

    def url(self) -> str:
        """A libpq URL: `postgresql://user@host:port/database?sslmode=...`, every part
        escaped (an IPv6 host in brackets); never a password."""
        host = self.host.strip()
        host = f"[{host}]" if ":" in host and not host.startswith("[") else quote(host, safe="[]")
        user = self.user.strip()
        who = f"{quote(user, safe='')}@" if user else ""
        port = "" if self.port == DEFAULT_PORT else f":{self.port}"
        database = quote(self.database.strip(), safe="")
        query = "" if self.sslmode == DEFAULT_SSL_MODE else f"?sslmode={self.sslmode}"
        return f"postgresql://{who}{host}{port}/{database}{query}"

    @classmethod
    def from_url(cls, url: str) -> ServerForm | None:
        """The form a URL fills in (the last server opened), or None when it is not a
        server URL the form can show. A password in it is dropped."""
        try:
            parts = urlsplit(url)
            port = parts.port or DEFAULT_PORT
        except ValueError:
            return None
        if parts.scheme.lower() not in ("postgresql", "postgres", "postgresql+psycopg"):
            return None
        options = dict(parse_qsl(parts.query))
        sslmode = options.get("sslmode", DEFAULT_SSL_MODE)
        return cls(
            host=unquote(parts.hostname or ""),
            database=unquote(parts.path.lstrip("/")),
            user=unquote(parts.username or ""),
            port=port,
            sslmode=sslmode if sslmode in SSL_MODES else DEFAULT_SSL_MODE,
        )


@dataclass(frozen=True, slots=True)
class ServerProbe:
    """What a connection test found: the server's version, the user it logged in as, and
    the papers of the library in the database (None: no library there yet)."""

    version: str
    user: str
    papers: int | None


def probe(url: str) -> ServerProbe:
    """Connects to the server as `url` says (libpq finding the password) and looks around,
    with the connection settings a library uses (db.server). ServerUnreachable when it does
    not answer or refuses the login, a LibraryError for anything else the server says; in
    its own words, never with a password."""
    import psycopg

    from readerapp.core.location import ServerLocation
    from readerapp.db.server import connect

    try:
        location = ServerLocation(url)
    except ValueError as exc:
        raise LibraryError(str(exc)) from None
    conn = connect(location)
    try:
        version = str(_one(conn, "SHOW server_version")).split()[0]
        user = str(_one(conn, "SELECT current_user"))
        papers = None
        if _one(conn, "SELECT to_regclass('papers') IS NOT NULL"):
            papers = int(_one(conn, "SELECT count(*) FROM papers"))
    except psycopg.Error as exc:
        why = scrub(" ".join(str(exc).split())) or type(exc).__name__
        raise LibraryError(f"{location.shown}: {why}") from None
    finally:
        conn.close()
    return ServerProbe(version, user, papers)


def _one(conn: Any, sql: str) -> Any:
    row = conn.execute(sql).fetchone()
    return None if row is None else row[0]
