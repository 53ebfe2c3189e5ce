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
from urllib.parse import parse_qsl, quote, unquote, urlsplit

from readerapp.core.errors import LibraryError
from readerapp.core.redact import safe_location, scrub

# libpq's sslmode values offered in the window, weakest first; "prefer" is libpq's default
# (TLS when the server offers it). verify-full also checks the server's certificate and name
# against the CA in ~/.postgresql/root.crt.
SSL_MODES = ("disable", "prefer", "require", "verify-full")
DEFAULT_SSL_MODE = "prefer"
DEFAULT_PORT = 5432
# Seconds a connection test waits for a server that does not answer (a host that is down
# drops packets rather than refusing).
CONNECT_TIMEOUT_S = 10


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


def probe(url: str, *, timeout_s: int = CONNECT_TIMEOUT_S) -> ServerProbe:
    """Connects to the server as `url` says (libpq finding the password) and looks around.
    A LibraryError in the server's own words, without a password, when it cannot."""
    try:
        import psycopg
    except ModuleNotFoundError as exc:
        raise LibraryError(
            "a library on a PostgreSQL server needs the psycopg driver: "
            "pip install 'readerapp[postgres]'"
        ) from exc
    shown = safe_location(url)
    try:
        with psycopg.connect(url, connect_timeout=timeout_s, autocommit=True) as conn:
            version = str(conn.execute("SHOW server_version").fetchone()[0]).split()[0]  # type: ignore[index]
            user = str(conn.execute("SELECT current_user").fetchone()[0])  # type: ignore[index]
            table = conn.execute("SELECT to_regclass('papers') IS NOT NULL").fetchone()
            papers = None
            if table is not None and table[0]:
                row = conn.execute("SELECT count(*) FROM papers").fetchone()
                papers = int(row[0]) if row is not None else 0
    except psycopg.Error as exc:
        why = scrub(" ".join(str(exc).split())) or type(exc).__name__
        raise LibraryError(f"{shown}: {why}") from None
    return ServerProbe(version, user, papers)
