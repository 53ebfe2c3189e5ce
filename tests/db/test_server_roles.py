"""The roles and grants README gives a lab, on the real server: the owner creates and
upgrades the library; a member reads and writes papers but cannot change the schema, and is
told who can when the library needs an upgrade."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

from readerapp.core.errors import LibraryError
from readerapp.core.location import ServerLocation
from readerapp.db.migrations import SCHEMA_VERSION
from readerapp.services import (
    copying,
    importing,
    notes,
    queues,
    rules,
    search,
    triage,
    undo,
)
from readerapp.services.library import Library
from tests.conftest import SEED
from tests.pg_cluster import cluster

pytestmark = pytest.mark.own_backends  # makes its own folders and server databases

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_lab_sql() -> tuple[list[str], list[str]]:
    """README's SQL for a lab ("A library on a server" ▸ For a lab): the statements run in
    the server's default database, and those after its \\connect, in the new one."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## A library on a server") :]
    block = section[
        section.index("```sql\n") + 7 : section.index("```", section.index("```sql") + 6)
    ]
    before, _, after = block.partition("\\connect papers\n")
    return _statements(before), _statements(after)


def _statements(sql: str) -> list[str]:
    lines = [line.split("--")[0] for line in sql.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def _named(statement: str, names: dict[str, str]) -> str:
    """A README statement with this test's names (roles are the cluster's, shared by every
    test in the process) and without the password (the test server trusts every login)."""
    statement = re.sub(r" PASSWORD '[^']*'", "", statement)
    for word in ("papers_owner", "papers_members"):
        statement = statement.replace(word, names[word])
    statement = re.sub(r"\bana\b", names["ana"], statement)
    return re.sub(r"\bDATABASE papers\b", f"DATABASE {names['papers']}", statement)


@dataclass(frozen=True)
class Lab:
    owner: ServerLocation
    member: ServerLocation
    db: str


@pytest.fixture
def lab() -> Iterator[Lab]:
    tag = uuid.uuid4().hex[:8]
    names = {
        "papers_owner": f"lab_owner_{tag}",
        "papers_members": f"lab_members_{tag}",
        "ana": f"ana_{tag}",
        "papers": f"lab_{tag}",
    }
    made = cluster()
    server_wide, in_database = readme_lab_sql()
    assert len(server_wide) == 4 and len(in_database) == 4
    for statement in server_wide:
        made.admin_sql(_named(statement, names))
    for statement in in_database:
        made.admin_sql(_named(statement, names), names["papers"])
    yield Lab(
        owner=ServerLocation(made.url(names["papers"], user=names["papers_owner"])),
        member=ServerLocation(made.url(names["papers"], user=names["ana"])),
        db=names["papers"],
    )
    made.drop_database(made.url(names["papers"]))
    for role in ("ana", "papers_members", "papers_owner"):
        made.admin_sql(f"DROP ROLE IF EXISTS {names[role]}")


@pytest.fixture
def seeded_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "mine"
    with Library.open(folder) as lib:
        importing.import_path(lib, SEED)
    return folder


def test_a_member_reads_and_writes_papers(lab: Lab, seeded_folder: Path, tmp_path: Path) -> None:
    copying.copy_library(seeded_folder, lab.owner)  # the owner puts the library up
    bib = tmp_path / "week.bib"
    bib.write_text(
        "@article{a, title={Sparse adapters for members}, year={2031}}\n"
        "@article{b, title={Grants and roles in practice}, year={2031}}\n"
    )
    with Library.open(lab.member) as lib:
        assert len(search.search(lib, "")) == 73
        report = importing.import_path(lib, bib)
        assert report.added == 2
        lib.sync_index()
        new = [p.id for p in search.search(lib, "adapters members")]
        assert new == [74]
        triage.set_starred(lib, [1, 74], True)
        triage.set_status(lib, [2], "reading")
        triage.add_tag(lib, "lab", [1, 2])
        notes.add_note(lib, 74, "Discussed on Monday")
        queues.add_to_queue(lib, "Reading group", [74, 1])
        rules.save_rule(lib, rules.make_rule("Grants", "grants", tag="admin"))
        starred = triage.set_starred(lib, [3], True)
        assert starred.undo is not None
        undo.apply(lib, starred.undo)  # Ctrl+Z
        assert not triage.get_paper(lib, 3).starred
        triage.delete_papers(lib, [75])
        assert queues.queue_ids(lib, "Reading group") == [74, 1]
    with Library.open(lab.owner) as lib:  # the owner sees what the member did
        assert triage.get_paper(lib, 74).starred
        assert [n.body for n in triage.get_paper(lib, 74).notes] == ["Discussed on Monday"]
        assert "lab" in triage.get_paper(lib, 2).tags
        assert [r.name for r in rules.list_rules(lib)] == ["Grants"]


def _as(location: ServerLocation, sql: str) -> str:
    """Runs one statement as the location's user; the server's error class, or 'ok'."""
    with psycopg.connect(location.driver_url, autocommit=True) as conn:
        try:
            conn.execute(sql)  # type: ignore[arg-type]
        except psycopg.errors.InsufficientPrivilege:
            return "refused"
    return "ok"


def test_a_member_cannot_change_the_schema(lab: Lab, seeded_folder: Path) -> None:
    copying.copy_library(seeded_folder, lab.owner)
    for sql in (
        "ALTER TABLE papers ADD COLUMN mine integer",
        "DROP TABLE notes",
        "CREATE TABLE mine (id integer)",
        "CREATE INDEX ix_mine ON papers (title)",
        "TRUNCATE papers CASCADE",
        "ALTER SEQUENCE papers_id_seq RESTART WITH 1",
    ):
        assert _as(lab.member, sql) == "refused", sql
    assert _as(lab.member, "SELECT count(*) FROM papers") == "ok"
    assert _as(lab.owner, "CREATE INDEX ix_owner_may ON papers (title)") == "ok"


def test_a_member_is_told_who_can_upgrade_or_create_the_library(
    lab: Lab, seeded_folder: Path
) -> None:
    with pytest.raises(LibraryError) as caught:  # nothing there yet: the owner makes it
        Library.open(lab.member)
    assert str(caught.value).startswith(
        f"{lab.member.shown}: there is no library in this database yet, and this user may "
        "not create its tables. Ask the library's owner to open it once"
    )
    copying.copy_library(seeded_folder, lab.owner)
    older = SCHEMA_VERSION - 1
    cluster().admin_sql(f"UPDATE meta SET value = '{older}' WHERE key = 'schema_version'", lab.db)
    with pytest.raises(LibraryError) as caught:
        Library.open(lab.member)
    assert str(caught.value) == (
        f"{lab.member.shown}: the library is at schema {older} and this readerapp needs "
        f"{SCHEMA_VERSION}; only the owner of its tables may upgrade it. Ask the library's "
        "owner to open it once with this readerapp "
        "(readerapp --library postgresql://OWNER@HOST/DB check)"
    )
    # Refused before anything changed: the version, and the papers, are as they were.
    with psycopg.connect(lab.owner.driver_url) as conn:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        assert row == (str(older),)
        assert conn.execute("SELECT count(*) FROM papers").fetchone() == (73,)


def test_a_member_copies_a_folder_into_the_owners_empty_library(
    lab: Lab, seeded_folder: Path, tmp_path: Path
) -> None:
    with Library.open(lab.owner):  # the owner makes the library, empty
        pass
    report = copying.copy_library(seeded_folder, lab.member)
    assert report.papers == 73
    with Library.open(lab.member) as lib:
        assert len(search.search(lib, "")) == 73
        bib = tmp_path / "more.bib"
        bib.write_text("@article{c, title={After the copy}, year={2031}}\n")
        assert importing.import_path(lib, bib).added == 1  # the sequences moved on
    with Library.open(lab.owner) as lib:
        assert len(search.search(lib, "")) == 74


def test_a_member_is_told_what_the_owner_must_do_before_a_copy(
    lab: Lab, seeded_folder: Path
) -> None:
    with pytest.raises(LibraryError) as caught:
        copying.copy_library(seeded_folder, lab.member)
    assert str(caught.value).startswith(
        f"{lab.member.shown}: there is no library in this database yet, and this user may "
        "not create its tables. Ask the library's owner to open it once"
    )
    with psycopg.connect(lab.owner.driver_url) as conn:  # nothing was made
        row = conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
        assert row.fetchone() == (0,)
