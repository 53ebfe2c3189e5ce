"""Two `readerapp` processes, each with its own cache folder (its own index), on one server
database: what one changes, the other finds in its searches, through the change journal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from readerapp.core import paths
from readerapp.core.settings import MEMBER_ENV
from readerapp.services import catch_up
from tests.conftest import ServerDatabases
from tests.reliability.helpers import child_env, readerapp
from tests.routine_helpers import bibtex


def _client(url: str, tmp_path: Path, name: str) -> dict[str, str]:
    """The environment of one machine: its cache folder, its member name."""
    env = child_env(tmp_path, XDG_CACHE_HOME=str(tmp_path / f"cache-{name}"))
    env[paths.LIBRARY_ENV] = url
    env[MEMBER_ENV] = name
    return env


def _found(env: dict[str, str], query: str) -> list[str]:
    done = readerapp("search", query, "--json", env=env)
    assert done.returncode == 0, done.stderr
    return [paper["title"] for paper in json.loads(done.stdout)]


# Five `readerapp` processes, each starting Python and connecting: tens of seconds. Its own
# server database, so the PostgreSQL pass of the suite leaves it to the first.
@pytest.mark.slow
@pytest.mark.own_backends
def test_an_edit_in_one_client_is_found_by_the_other(
    server_databases: ServerDatabases, tmp_path: Path
) -> None:
    url = server_databases.new(with_library=True).url
    ana, ben = _client(url, tmp_path, "ana"), _client(url, tmp_path, "ben")
    dump = tmp_path / "two.bib"
    dump.write_text(bibtex("Attention Revisited", "Sparse Mixtures"), encoding="utf-8")

    imported = readerapp("import", str(dump), env=ana)
    assert imported.returncode == 0, imported.stderr
    assert _found(ben, "sparse") == ["Sparse Mixtures"]  # ben's index: built at his start

    noted = readerapp("note", "1", "compare with the numbat baseline", env=ana)
    assert noted.returncode == 0, noted.stderr
    assert _found(ben, "numbat") == ["Attention Revisited"]  # caught up at his next start

    # Two indexes, each in its own cache folder with its own cursor.
    caches = [Path(env["XDG_CACHE_HOME"]) for env in (ana, ben)]
    indexes = [next(cache.rglob(paths.INDEX_DIR_NAME)) for cache in caches]
    assert all(catch_up.applied(index) is not None for index in indexes)
    history = readerapp("history", "1", "--json", env=ben)
    assert history.returncode == 0, history.stderr
    assert [e.get("member") for e in json.loads(history.stdout)] == ["ana"]


@pytest.mark.slow
@pytest.mark.own_backends
def test_a_pdf_attached_by_one_client_is_checked_and_found_by_the_other(
    server_databases: ServerDatabases, tmp_path: Path
) -> None:
    from tests import pdf_samples

    url = server_databases.new(with_library=True).url
    ana, ben = _client(url, tmp_path, "ana"), _client(url, tmp_path, "ben")
    dump = tmp_path / "one.bib"
    dump.write_text(bibtex("Attention Revisited"), encoding="utf-8")
    assert readerapp("import", str(dump), env=ana).returncode == 0
    pdf = pdf_samples.paper_pdf(tmp_path / "paper.pdf", "the wombat ablation")
    attached = readerapp("attach", "1", str(pdf), env=ana)
    assert attached.returncode == 0, attached.stderr

    # ben never had the file: the server has it (check finds nothing missing), and its text
    # is in ben's index (test_server_files opens it there).
    assert _found(ben, '"wombat ablation"') == ["Attention Revisited"]
    checked = readerapp("check", env=ben)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert not list(Path(ben["XDG_CACHE_HOME"]).rglob("*.pdf"))
