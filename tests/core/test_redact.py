"""A connection string is shown without its password, wherever it is shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from readerapp.core.redact import is_server_location, safe_location, scrub

SECRET = "s3cr%40t:pw"


@pytest.mark.parametrize(
    ("location", "shown"),
    [
        (
            "postgresql://ana:hunter2@db.lab.org:5433/papers",
            "postgresql://ana@db.lab.org:5433/papers",
        ),
        ("postgres://ana:@db/papers", "postgres://ana@db/papers"),
        (
            "postgresql+psycopg://ana:x%2Fy@db/papers?sslmode=require",
            "postgresql+psycopg://ana@db/papers?sslmode=require",
        ),
        (
            "postgresql://ana@db/papers?password=hunter2&sslmode=verify-full&sslrootcert=/etc/ca.pem",
            "postgresql://ana@db/papers?sslmode=verify-full&sslrootcert=/etc/ca.pem",
        ),
        ("postgresql://ana@db/papers?password=hunter2", "postgresql://ana@db/papers"),
        ("postgresql://db.lab.org/papers", "postgresql://db.lab.org/papers"),
        ("postgresql:///papers?host=/run/postgresql", "postgresql:///papers?host=/run/postgresql"),
    ],
)
def test_a_url_keeps_everything_but_its_password(location: str, shown: str) -> None:
    assert safe_location(location) == shown


def test_a_folder_is_shown_as_it_is() -> None:
    assert safe_location(Path("/home/ana/library")) == "/home/ana/library"
    assert safe_location("/home/ana/my:library@2024") == "/home/ana/my:library@2024"


def test_keyword_connection_strings_lose_their_password() -> None:
    assert safe_location("host=db dbname=papers password=hunter2 user=ana") == (
        "host=db dbname=papers password=*** user=ana"
    )
    assert "hunter2" not in safe_location("host=db password='hun ter2' user=ana")


def test_scrub_removes_passwords_quoted_inside_a_message() -> None:
    message = (
        f'connection to "postgresql://ana:{SECRET}@db:5432/papers" failed; '
        "(dsn: host=db password=hunter2 dbname=papers)"
    )
    clean = scrub(message)
    assert SECRET not in clean and "hunter2" not in clean
    assert "postgresql://ana@db:5432/papers" in clean
    assert "host=db password=*** dbname=papers" in clean
    assert scrub("nothing to hide here: a:b@c") == "nothing to hide here: a:b@c"


def test_server_locations_are_told_from_folders() -> None:
    assert is_server_location("postgresql://ana@db/papers")
    assert is_server_location("postgres://db/papers")
    assert is_server_location("POSTGRESQL://db/papers")
    assert not is_server_location("/home/ana/library")
    assert not is_server_location(Path("postgresql:"))
    assert not is_server_location("sqlite:///x.sqlite")
