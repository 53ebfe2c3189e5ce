"""The search engine of a server library is each machine's: its index is in that machine's
cache folder, so one machine switching engines leaves the others' indexes and engines alone.
The library's own choice is the first choice of a machine that has none yet.

Two machines here are two cache folders ($XDG_CACHE_HOME) on one server database, each
opening the library in turn in this process."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from readerapp.core import paths
from readerapp.core.location import ServerLocation
from readerapp.services import importing, search
from readerapp.services.library import ENGINE_KEY, Library
from tests.conftest import SEED, ServerDatabases
from tests.plain_db import plain_db

# Its own server database under either backend: the PostgreSQL pass leaves it to the first.
pytestmark = pytest.mark.own_backends

QUERY = "title:kronecker OR diffusion"


@contextmanager
def on_machine(
    name: str, location: ServerLocation, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Library]:
    """The library as the machine `name` opens it: with its own cache folder."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / f"cache-{name}"))
    with Library.open(location) as library:
        yield library


def library_engine(location: ServerLocation) -> str | None:
    with plain_db(location) as conn:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (ENGINE_KEY,)).fetchone()
    return None if row is None else str(row[0])


@pytest.fixture
def shared(
    server_databases: ServerDatabases, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> ServerLocation:
    """A server library holding the seed, made by machine "ana" with Whoosh."""
    monkeypatch.setenv(paths.ENGINE_ENV, "whoosh")
    location = server_databases.new(with_library=True)
    with on_machine("ana", location, tmp_path, monkeypatch) as library:
        assert importing.import_path(library, SEED).added == 73
    monkeypatch.delenv(paths.ENGINE_ENV)
    return location


def test_a_switch_on_one_machine_leaves_the_other_machine_s_engine(
    shared: ServerLocation, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with on_machine("ben", shared, tmp_path, monkeypatch) as ben:
        assert ben.engine == "whoosh"  # the library's choice: ben had none
        expected = search.search_ids(ben, QUERY, sort="title")
        assert expected
    with on_machine("ana", shared, tmp_path, monkeypatch) as ana:
        assert ana.switch_engine("tantivy") == 73
        assert search.search_ids(ana, QUERY, sort="title") == expected
    assert library_engine(shared) == "whoosh"  # the library's first choice is unchanged

    with on_machine("ben", shared, tmp_path, monkeypatch) as ben:
        assert ben.engine == "whoosh"
        assert not ben.index_needs_rebuild()
        assert search.search_ids(ben, QUERY, sort="title") == expected
    with on_machine("ana", shared, tmp_path, monkeypatch) as ana:
        assert ana.engine == "tantivy"
        assert not ana.index_needs_rebuild()
        assert search.search_ids(ana, QUERY, sort="title") == expected

    # And the other way round: ben's switch leaves ana on tantivy.
    with on_machine("ben", shared, tmp_path, monkeypatch) as ben:
        ben.switch_engine("tantivy")
        ben.switch_engine("whoosh")
    with on_machine("ana", shared, tmp_path, monkeypatch) as ana:
        assert ana.engine == "tantivy"


def test_a_new_machine_starts_with_the_library_s_engine_whatever_its_environment(
    shared: ServerLocation, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(paths.ENGINE_ENV, "tantivy")  # only a new library takes it
    with on_machine("cleo", shared, tmp_path, monkeypatch) as cleo:
        assert cleo.engine == "whoosh"
        cleo.switch_engine("tantivy")


def test_a_deleted_cache_falls_back_to_the_library_s_engine(
    shared: ServerLocation, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with on_machine("ben", shared, tmp_path, monkeypatch) as ben:
        ben.switch_engine("tantivy")
        cache = ben.directory
        expected = search.search_ids(ben, QUERY, sort="title")
    shutil.rmtree(cache)
    with on_machine("ben", shared, tmp_path, monkeypatch) as ben:
        assert ben.engine == "whoosh"  # nothing lost: the index is rebuilt from the server
        assert search.search_ids(ben, QUERY, sort="title") == expected


def test_a_folder_library_remembers_its_engine_in_the_library(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder library has one index: its engine is the library's, as before."""
    folder = tmp_path / "library"
    with Library.open(folder) as library:
        importing.import_path(library, SEED)
        library.switch_engine("tantivy")
    assert not list(folder.glob("*.engine"))
    with plain_db(folder) as conn:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (ENGINE_KEY,)).fetchone()
    assert row == ("tantivy",)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "another-cache"))
    with Library.open(folder) as again:
        assert again.engine == "tantivy"
