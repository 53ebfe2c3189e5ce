"""Library locations fit to show: a server's connection string never with its password.

A server library is named by a libpq URL (`postgresql://user:secret@host/db`) or, in libpq's
other spelling, by `key=value` words (`host=h dbname=d password=secret`). Either may carry a
password, and both end up in error messages, the window title, settings and `--json` output.
Every place that shows a location goes through safe_location(); every message that may quote
one (a driver's error text) goes through scrub(). readerapp itself never asks for a password:
libpq finds it in ~/.pgpass, a service file or $PGPASSWORD.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

# postgresql://, postgres:// and SQLAlchemy's postgresql+psycopg:// (any scheme with a
# userinfo part): "user:secret@" becomes "user@".
_URL_PASSWORD = re.compile(r"(?P<head>\b[a-z][a-z0-9+.-]*://[^\s/:@]*):[^\s/@]*@", re.IGNORECASE)
# A password in a URL's query (?password=...) or among libpq's key=value words, quoted or not.
_KEYWORD_PASSWORD = re.compile(
    r"(?P<sep>^|[\s?&;])password\s*=\s*(?:'(?:[^'\\]|\\.)*'|[^\s&;]*)", re.IGNORECASE
)
_HIDDEN = "password=***"


def is_server_location(location: str | Path) -> bool:
    """True for a PostgreSQL URL (postgresql:// or postgres://), False for a folder."""
    return isinstance(location, str) and location.lower().startswith(
        ("postgresql://", "postgres://", "postgresql+")
    )


def safe_location(location: str | Path) -> str:
    """The location as the user may see it: a folder as it is, a URL without its password
    (user, host, port, database and options such as sslmode stay)."""
    if isinstance(location, Path) or "://" not in location:
        return scrub(str(location))
    parts = urlsplit(location)
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, _, hostport = netloc.rpartition("@")
        netloc = f"{userinfo.partition(':')[0]}@{hostport}"
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    if netloc == parts.netloc and all(key != "password" for key, _ in pairs):
        return location  # nothing to hide: shown exactly as written
    query = urlencode([(k, v) for k, v in pairs if k != "password"], safe="/:")
    shown = f"{parts.scheme}://{netloc}{parts.path}"
    return shown + (f"?{query}" if query else "") + (f"#{parts.fragment}" if parts.fragment else "")


def scrub(text: str) -> str:
    """`text` with every password it quotes removed: in URLs (user:secret@host) and in
    key=value words (password=secret). For messages that may quote a connection string."""
    text = _URL_PASSWORD.sub(r"\g<head>@", text)
    return _KEYWORD_PASSWORD.sub(lambda m: f"{m.group('sep')}{_HIDDEN}", text)
