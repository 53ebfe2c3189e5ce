from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from readerapp.core import paths
from readerapp.core.location import LibraryLocation, ServerLocation
from readerapp.search.factory import ENGINES
from readerapp.services import importing
from readerapp.services.library import Library

# The local stand-in for the online APIs, as a fixture for every test folder.
from tests.scholarly_server import scholarly_web as scholarly_web

# CI runs hypothesis' default budget; READERAPP_FUZZ=long runs the fuzz tests for far longer
# (the command is in docs/reliability.md).
settings.register_profile("fuzz-long", max_examples=20_000, deadline=None)
if os.environ.get("READERAPP_FUZZ") == "long":
    settings.load_profile("fuzz-long")

DATA = Path(__file__).parent / "data"
SEED = DATA / "hf_daily_papers_seed.txt"
CORPUS = DATA / "corpus"


def _loopback_only(address: object) -> None:
    """Refuses a connection to anything but this machine: the tests' HTTP servers listen on
    127.0.0.1, and a test that names a real web API (a link, a recorded answer's URL) must
    never reach it, even by mistake."""
    if not isinstance(address, tuple):  # AF_UNIX paths and the like stay local
        return
    host = str(address[0])
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise ConnectionRefusedError(f"tests may not reach the internet (asked for {host})")


@pytest.fixture(autouse=True)
def _no_internet(monkeypatch: pytest.MonkeyPatch) -> None:
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex

    def connect(self: socket.socket, address: object) -> None:
        _loopback_only(address)
        real_connect(self, address)  # type: ignore[arg-type]

    def connect_ex(self: socket.socket, address: object) -> int:
        _loopback_only(address)
        return real_connect_ex(self, address)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)


# READERAPP_TEST_BACKEND=postgres runs the suites on PostgreSQL: every library a test gets
# from these fixtures (library_dir, library, $READERAPP_LIBRARY) is then a fresh database on
# this process's throw-away server (tests/pg_cluster.py), dropped after the test. A test
# about SQLite itself (its file, PRAGMAs, backups of the file, old-version files) is marked
# sqlite_only and keeps getting folders.
BACKEND = os.environ.get("READERAPP_TEST_BACKEND", "").strip().lower() or "sqlite"
if BACKEND not in ("sqlite", "postgres"):
    raise RuntimeError(f"READERAPP_TEST_BACKEND={BACKEND!r}: use sqlite or postgres")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The files marked slow run first, so that with -n the short files fill in beside them
    and both workers end together. (pyproject passes --no-loadscope-reorder: xdist would
    otherwise hand out the files with the most tests first, and the slow files, which have
    few, last: in CI one worker then ran a minute-long file alone at the end of each pass.)
    The order within a file stays the same.

    The PostgreSQL pass leaves out the tests marked own_backends (they make their own
    folders and server databases) and no_library (they open none): both ran whole in the
    SQLite pass, and would only run again, each with a server database it never opens."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)  # stable
    if BACKEND != "postgres":
        return
    again = [item for item in items if _same_on_every_backend(item)]
    if again:
        config.hook.pytest_deselected(items=again)
        items[:] = [item for item in items if not _same_on_every_backend(item)]


def _same_on_every_backend(item: pytest.Item) -> bool:
    return any(item.get_closest_marker(name) is not None for name in ("own_backends", "no_library"))


def on_server(request: pytest.FixtureRequest) -> bool:
    """Whether this test's libraries are server databases."""
    return BACKEND == "postgres" and request.node.get_closest_marker("sqlite_only") is None


class ServerDatabases:
    """The databases one test made on the server: dropped when it ends."""

    def __init__(self) -> None:
        self.urls: list[str] = []

    def new(self, *, with_library: bool = False) -> ServerLocation:
        """A new database: empty (a library is created when opened, as in an empty folder),
        or already holding an empty library at the current schema (quicker)."""
        from tests.pg_cluster import cluster

        made = cluster()
        url = made.create_library_database() if with_library else made.take_empty_database()
        self.urls.append(url)
        return ServerLocation(url)

    def copy_of(self, original: ServerLocation) -> ServerLocation:
        """A new database holding what `original` holds (CREATE DATABASE ... TEMPLATE: no
        connection to `original` may be open)."""
        from tests.pg_cluster import cluster

        url = cluster().create_database(template=original.database)
        self.urls.append(url)
        return ServerLocation(url)

    def drop_all(self) -> None:
        from tests.pg_cluster import cluster

        for url in self.urls:
            cluster().give_back(url)


@pytest.fixture
def server_databases() -> Iterator[ServerDatabases]:
    made = ServerDatabases()
    yield made
    made.drop_all()


class Machines:
    """One server library opened as several machines: machine("ana") opens it with ana's
    own cache folder (search index and journal cursor) and member name."""

    def __init__(self, location: ServerLocation, cache_root: Path, monkeypatch: pytest.MonkeyPatch):
        self.location = location
        self.url = location.url
        self._cache_root = cache_root
        self._monkeypatch = monkeypatch
        self.opened: list[Library] = []

    def __call__(self, name: str) -> Library:
        self._monkeypatch.setenv("XDG_CACHE_HOME", str(self._cache_root / f"cache-{name}"))
        library = Library.open(self.location)
        library.member = name
        self.opened.append(library)
        return library

    def close_all(self) -> None:
        for library in self.opened:
            library.close()


@pytest.fixture
def machine(
    server_databases: ServerDatabases, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Machines]:
    """A server database holding an empty library, to open as machines ana, ben, ..."""
    made = Machines(server_databases.new(with_library=True), tmp_path, monkeypatch)
    yield made
    made.close_all()


def new_location(
    request: pytest.FixtureRequest, folder: Path, *, with_library: bool = False
) -> LibraryLocation:
    """A place for a new library in this test's backend: `folder`, or a new database. From
    a fixture of a wider scope (a module's library), the database lives as long as it does."""
    if not on_server(request):
        return folder
    return scope_databases(request).new(with_library=with_library)


def scope_databases(request: pytest.FixtureRequest) -> ServerDatabases:
    """The databases of the requesting fixture's scope, dropped when that scope ends."""
    if request.scope == "function":
        databases: ServerDatabases = request.getfixturevalue("server_databases")
        return databases
    databases = ServerDatabases()
    request.addfinalizer(databases.drop_all)
    return databases


@pytest.fixture(autouse=True)
def _isolated_library_env(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    """No test ever touches the user's real library (or a real server)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    default = new_location(request, tmp_path / "default-library")
    monkeypatch.setenv("READERAPP_LIBRARY", str(default))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("READERAPP_CONFIG_DIR", str(tmp_path / "config"))
    # No test reaches the internet: every source points at a port where nothing listens
    # unless the test serves recorded responses there itself.
    for variable in ("READERAPP_ARXIV_URL", "READERAPP_HF_URL", "READERAPP_CROSSREF_URL"):
        monkeypatch.setenv(variable, "http://127.0.0.1:9")
    monkeypatch.setenv("READERAPP_S2_URL", "http://127.0.0.1:9")
    monkeypatch.delenv("READERAPP_OFFLINE", raising=False)
    monkeypatch.delenv("READERAPP_CONTACT", raising=False)


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Runs a test once per search engine: every library it creates (in this process or in a
    `readerapp` subprocess) starts with that engine. Search test modules use it with
    `pytestmark = pytest.mark.usefixtures("engine")`."""
    monkeypatch.setenv(paths.ENGINE_ENV, request.param)
    return str(request.param)


@pytest.fixture
def library_dir(tmp_path: Path, request: pytest.FixtureRequest) -> LibraryLocation:
    """Where the test's library is: a folder (SQLite), or with READERAPP_TEST_BACKEND=postgres
    a server database. Either holds no library until something opens or imports there; a
    test that opens it through the `library` fixture gets a database with the schema made."""
    return new_location(
        request, tmp_path / "library", with_library="library" in request.fixturenames
    )


@pytest.fixture
def library(library_dir: LibraryLocation) -> Iterator[Library]:
    lib = Library.open(library_dir)
    yield lib
    lib.close()


@pytest.fixture
def seeded(library: Library) -> Library:
    report = importing.import_path(library, SEED)
    assert report.added == 73
    return library


def paper_id_by_title(lib: Library, fragment: str) -> int:
    from readerapp.services import search

    matches = [p for p in search.search(lib, "") if fragment.lower() in p.title.lower()]
    assert len(matches) == 1, f"{fragment!r} matches {len(matches)} papers"
    return matches[0].id
