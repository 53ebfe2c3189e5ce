"""A library's location: a folder, or a server URL whose password is never shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from readerapp.core import paths
from readerapp.core.errors import UserError
from readerapp.core.location import (
    ServerLocation,
    is_server_url,
    local_dir,
    parse_location,
    shown,
)


def test_a_path_is_a_folder_and_a_url_is_a_server() -> None:
    assert parse_location("~/papers") == Path("~/papers").expanduser()
    assert parse_location(Path("lib")) == Path("lib")
    server = parse_location("postgresql://me@db.lab:5433/papers?sslmode=require")
    assert isinstance(server, ServerLocation)
    assert (server.user, server.host, server.port, server.database) == (
        "me",
        "db.lab",
        5433,
        "papers",
    )
    assert server.driver_url == "postgresql://me@db.lab:5433/papers?sslmode=require"
    assert is_server_url("postgres://h/db") and is_server_url("postgresql+psycopg://h/db")
    # A folder that happens to contain "postgresql" or a colon is still a folder.
    assert not is_server_url("postgresql-backups/lib") and not is_server_url("C:\\lib")


def test_the_password_is_never_shown() -> None:
    server = ServerLocation("postgresql://me:s3cret@db.lab/papers")
    assert server.shown == "postgresql://me@db.lab/papers"
    assert str(server) == shown(server) == server.shown
    assert "s3cret" not in repr(server.key) and "s3cret" not in str(server.cache_dir())
    # It still reaches the driver.
    assert "s3cret" in server.driver_url
    with pytest.raises(ValueError) as caught:
        ServerLocation("postgresql://me:s3cret@db.lab/")
    assert "s3cret" not in str(caught.value) and "names no database" in str(caught.value)


def test_a_server_library_keeps_its_local_files_in_the_cache_by_server_and_database(
    tmp_path: Path,
) -> None:
    server = ServerLocation("postgresql://me@db.lab/papers")
    assert server.port == 5432
    assert server.cache_dir(tmp_path) == tmp_path / "servers" / "db.lab-5432-papers"
    other = ServerLocation("postgresql://you@db.lab:5432/papers")
    assert other.cache_dir(tmp_path) == server.cache_dir(tmp_path)  # the same library
    odd = ServerLocation("postgresql://me@db.lab/my%20papers%2F2")
    assert odd.cache_dir(tmp_path).name == "db.lab-5432-my_papers_2"
    assert local_dir(tmp_path / "lib") == tmp_path / "lib"
    assert local_dir(server).parent.name == "servers"


def test_the_library_variable_takes_a_server_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(paths.LIBRARY_ENV, "postgresql://me@db.lab/papers")
    assert paths.default_location() == ServerLocation("postgresql://me@db.lab/papers")
    monkeypatch.setenv(paths.LIBRARY_ENV, "postgresql://me@db.lab")
    with pytest.raises(UserError, match="READERAPP_LIBRARY"):
        paths.default_location()
    monkeypatch.setenv(paths.LIBRARY_ENV, "/srv/lib")
    assert paths.default_location() == Path("/srv/lib")
    monkeypatch.delenv(paths.LIBRARY_ENV)
    assert paths.default_location() == paths.default_library_dir()


def _service_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> Path:
    path = tmp_path / "pg_service.conf"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("PGSERVICEFILE", str(path))
    monkeypatch.delenv("PGSYSCONFDIR", raising=False)
    monkeypatch.delenv("PGHOST", raising=False)
    return path


def test_a_service_names_the_server_and_the_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _service_file(
        tmp_path,
        monkeypatch,
        "[lab]\nhost=db.lab\nport=5433\ndbname=papers\nuser=ana\npassword=pw-in-the-file\n",
    )
    for url in ("postgresql:///?service=lab", "postgresql://?service=lab"):
        server = parse_location(url)
        assert isinstance(server, ServerLocation) and server.service == "lab"
        assert (server.user, server.host, server.port, server.database) == (
            "ana",
            "db.lab",
            5433,
            "papers",
        )
        # The same folder as the URL that spells the service out: the same library.
        assert server.key == ServerLocation("postgresql://db.lab:5433/papers").key
        assert server.shown == url and "pw-in-the-file" not in server.driver_url
        # libpq gets the URL as written (with its empty authority), and reads the file.
        assert server.driver_url == url
    # The URL's own parts and options win over the service's.
    mixed = ServerLocation("postgresql://other.host/?service=lab&dbname=second")
    assert (mixed.host, mixed.port, mixed.database) == ("other.host", 5433, "second")


def test_a_service_without_a_database_or_file_is_refused_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _service_file(tmp_path, monkeypatch, "[lab]\nhost=db.lab\npassword=pw-in-the-file\n")
    with pytest.raises(ValueError) as caught:
        ServerLocation("postgresql:///?service=lab")
    assert "service 'lab' names a database" in str(caught.value)
    assert "pw-in-the-file" not in str(caught.value)
    with pytest.raises(ValueError, match="no service file names the service 'nowhere'"):
        ServerLocation("postgresql:///?service=nowhere")
    # The system-wide file is read when the user's does not name the service.
    system = tmp_path / "etc"
    system.mkdir()
    (system / "pg_service.conf").write_text("[shared]\ndbname=lab_papers\n", encoding="utf-8")
    monkeypatch.setenv("PGSYSCONFDIR", str(system))
    assert ServerLocation("postgresql:///?service=shared").key == "local-5432-lab_papers"
    (tmp_path / "pg_service.conf").write_bytes(b"\xff\xfe not a service file [")
    assert ServerLocation("postgresql:///?service=shared").database == "lab_papers"
