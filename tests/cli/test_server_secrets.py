"""A server library named with a password: the password is used to connect and appears in
no output, error, file or folder readerapp writes. And a server that cannot be reached at
start is one line and exit 2, from a real `readerapp` process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from readerapp.cli.main import main
from readerapp.core.location import ServerLocation
from tests.conftest import SEED, ServerDatabases
from tests.pg_cluster import _free_port

pytestmark = pytest.mark.own_backends  # makes its own folders and server databases

PASSWORD = "pw-Sesame-4711"
REPO = Path(__file__).resolve().parents[2]


def _with_password(location: ServerLocation) -> str:
    """The database's URL with a password (the test server trusts every login and ignores
    it, which is what lets it travel through every command)."""
    user = urlsplit(location.url).username
    return location.url.replace(f"{user}@", f"{user}:{PASSWORD}@", 1)


def _files_holding(folder: Path, secret: str) -> list[str]:
    found = []
    for path in folder.rglob("*"):
        if secret in path.name:
            found.append(f"name: {path}")
        elif path.is_file() and secret.encode() in path.read_bytes():
            found.append(f"content: {path}")
    return found


def test_no_command_shows_or_stores_the_password(
    server_databases: ServerDatabases,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    location = server_databases.new()
    url = _with_password(location)
    bib = tmp_path / "more.bib"
    bib.write_text("@article{k, title={Sesame opens the door}, year={2030}}\n")
    commands = [
        ["import", str(SEED), "--json"],
        ["import", str(bib), "--queue", "Week 1", "--tag", "door"],
        ["search", "door", "--json"],
        ["show", "74", "--json"],
        ["star", "74"],
        ["note", "74", "opened"],
        ["status", "reading", "74"],
        ["undo"],
        ["imports"],
        ["queue", "list"],
        ["tag", "list"],
        ["export", "--format", "json", "--query", "door"],
        ["reindex"],
        ["today"],
        ["history", "74"],
        ["backup", str(tmp_path / "backup.sqlite")],
        ["show", "9999"],  # an error that names nothing but the paper
        ["queue", "show", "No such queue"],
    ]
    seen = []
    for args in commands:
        code = main(["--library", url, *args])
        out, err = capsys.readouterr()
        seen.append(f"$ {' '.join(args)} -> {code}\n{out}{err}")
        assert code in (0, 1), seen[-1]
    assert main(["copy-library", url, str(tmp_path / "offline")]) == 0
    out, err = capsys.readouterr()
    seen.append(out + err)
    assert main(["copy-library", str(tmp_path / "offline"), url]) == 1  # it has papers
    out, err = capsys.readouterr()
    seen.append(out + err)
    assert "already holds a library" in err
    everything = "\n".join(seen)
    assert PASSWORD not in everything
    assert location.url in everything  # the library is named, without the password
    # Nothing written on this machine keeps it: settings, the cache folder (index, look-up
    # cache, backups), the copies.
    assert _files_holding(tmp_path, PASSWORD) == []


def test_a_libpq_service_file_opens_the_library_and_its_password_stays_there(
    server_databases: ServerDatabases,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`postgresql:///?service=lab` with $PGSERVICEFILE: libpq reads host, port, database,
    user and password from the file; readerapp keys the cache folder by the server and the
    database the service names, and shows the URL as written."""
    location = server_databases.new()
    secrets = tmp_path / "secrets"
    secrets.mkdir()
    service_file = secrets / "pg_service.conf"
    service_file.write_text(
        f"[lab]\nhost={location.host}\nport={location.port}\ndbname={location.database}\n"
        f"user={location.user}\npassword={PASSWORD}\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("PGSERVICEFILE", str(service_file))
    seen = []
    for url in ("postgresql:///?service=lab", "postgresql://?service=lab"):
        for args in (["import", str(SEED)], ["search", "lora", "--json"], ["check"]):
            code = main(["--library", url, *args])
            out, err = capsys.readouterr()
            seen.append(f"$ {' '.join(args)} -> {code}\n{out}{err}")
            assert code == 0, seen[-1]
    assert '"title"' in seen[1] and "73 papers, 73 indexed: ok" in seen[-1]
    assert main(["--library", "postgresql:///?service=lab", "show", "9999"]) == 1
    _, err = capsys.readouterr()
    seen.append(err)
    assert main(["--library", "postgresql:///?service=nowhere", "check"]) == 1
    _, err = capsys.readouterr()
    seen.append(err)
    assert "no service file names the service 'nowhere'" in err.splitlines()[-1]
    everything = "\n".join(seen)
    assert PASSWORD not in everything
    # One library, one cache folder, named by its server and database.
    servers = tmp_path / "xdg-cache" / "readerapp" / "servers"
    assert [p.name for p in servers.iterdir()] == [location.key]
    for folder in ("xdg-cache", "xdg-data", "xdg-config", "config"):
        if (tmp_path / folder).exists():
            assert _files_holding(tmp_path / folder, PASSWORD) == []


def test_an_unreachable_server_at_start_is_one_line_and_exit_2(tmp_path: Path) -> None:
    port = _free_port()
    url = f"postgresql://ana:{PASSWORD}@127.0.0.1:{port}/papers?sslmode=disable"
    env = dict(os.environ, READERAPP_LIBRARY=url, PYTHONPATH=str(REPO))
    for args in (["search", "x"], ["import", str(SEED)], ["backup"], ["star", "1"]):
        result = subprocess.run(
            [sys.executable, "-m", "readerapp", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
            cwd=tmp_path,
        )
        assert result.returncode == 2, (args, result.stderr)
        assert result.stdout == ""
        assert result.stderr.count("\n") == 1, result.stderr
        assert result.stderr.startswith(
            f"readerapp: postgresql://ana@127.0.0.1:{port}/papers?sslmode=disable: "
        )
        assert "cannot reach the library's server" in result.stderr
        assert PASSWORD not in result.stderr
