"""Schema versions, on both backends.

SQLite: the version lives in the file (PRAGMA user_version); old files migrate step by step
after a backup, newer files are refused untouched.

PostgreSQL: the version lives in the database, in the `meta` table under "schema_version".
A new database is created from models.py at the current version in one transaction (with the
NOCASE collation the models name, made case-insensitive through ICU); a database from a newer
readerapp is refused with one line, before anything writes to it. Creating and migrating take
an advisory lock, so two machines opening a new library at once create it once. A server
library is born at version 5: steps 1-4 are SQLite's history and never run there. Steps from
5 on (MIGRATIONS[5], ...) run on both backends in one transaction: write them with
SQLAlchemy's text() and named parameters (both drivers take them) and DDL both speak, and
where they must differ, branch on conn.dialect.name. A migration on the server is one
transaction, rolled back whole on failure; it makes no backup file (`readerapp backup` writes
one on request).

Why hand-written steps, not Alembic, now that there are two backends: five steps over a
dozen tables in a desktop app, applied by the app itself when it opens a library (never by
an administrator running a tool), where the SQLite side needs a backup first and a version
read without SQLAlchemy at every start. Alembic would add a dependency, a revision chain and
an env.py to express the same five functions, and its autogenerate does not write the data
steps (status history at version 5) that matter most. The cost is that each step is
written once for both backends by hand; the tests run every suite on both.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from readerapp.core.errors import LibraryError
from readerapp.db import reads
from readerapp.db.dbapi import DbConnection
from readerapp.db.engine import connect_read_only

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine

# Version 1 is the first release's schema. A change to models.py bumps this and adds a step.
# Version 2 records what each import did, so that it can be undone.
# Version 3 indexes year, star and status together with the date added (sorting the table).
# Version 4 keeps files (PDFs) with papers, and their text.
# Version 5 adds the reading routine: Inbox, snooze, re-reading, dated status history, rules.
# Version 6 adds the change journal (who changed which papers, in commit order) for libraries
# shared through a server, and the member who set each status.
# Version 7 keeps a server library's files (PDFs) in the server (db.file_store), and finds a
# paper file by its content hash (on both backends: deleting a file asks who else uses it).
# Version 8 records who imported each batch.
# Version 9 checks a server library's bulk foreign keys once per statement (db.server_keys);
# a folder library's schema does not change.
SCHEMA_VERSION = 9


def _v1_to_v2(conn: Connection) -> None:
    """Undo facts: which batch created a paper, what it filled, whether it was undone.

    The DDL is spelled out rather than taken from models.py, so that this step keeps making
    the version-2 shape when the models move on. Old provenance rows get created = NULL:
    nobody knows any more whether those batches created or merged their papers.
    """
    conn.exec_driver_sql("ALTER TABLE paper_sources ADD COLUMN created BOOLEAN")
    conn.exec_driver_sql("ALTER TABLE import_batches ADD COLUMN undone_at DATETIME")
    conn.exec_driver_sql(
        "CREATE TABLE batch_fills ("
        " batch_id INTEGER NOT NULL, paper_id INTEGER NOT NULL, field VARCHAR NOT NULL,"
        " value TEXT NOT NULL, previous TEXT NOT NULL,"
        " PRIMARY KEY (batch_id, paper_id, field),"
        " FOREIGN KEY(batch_id) REFERENCES import_batches (id) ON DELETE CASCADE,"
        " FOREIGN KEY(paper_id) REFERENCES papers (id) ON DELETE CASCADE)"
    )
    conn.exec_driver_sql("CREATE INDEX ix_batch_fills_paper_id ON batch_fills (paper_id)")


def _v2_to_v3(conn: Connection) -> None:
    """Single-column indexes on year, starred and status become (column, added_at) ones:
    the same filters, and the table's sorts by these columns without a sort step."""
    for column in ("year", "starred", "status"):
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS ix_papers_{column}")
        conn.exec_driver_sql(
            f"CREATE INDEX ix_papers_{column}_added ON papers ({column}, added_at)"
        )


def _v3_to_v4(conn: Connection) -> None:
    """Paper files (PDFs stored under the library folder) and the text read from them."""
    conn.exec_driver_sql(
        "CREATE TABLE paper_files ("
        " id INTEGER NOT NULL, paper_id INTEGER NOT NULL, path TEXT NOT NULL,"
        " original_name TEXT NOT NULL, size INTEGER NOT NULL, sha256 VARCHAR NOT NULL,"
        " pages INTEGER, text_status VARCHAR NOT NULL, text_problem TEXT NOT NULL,"
        " added_at DATETIME NOT NULL,"
        " PRIMARY KEY (id), UNIQUE (path),"
        " FOREIGN KEY(paper_id) REFERENCES papers (id) ON DELETE CASCADE)"
    )
    conn.exec_driver_sql("CREATE INDEX ix_paper_files_paper_id ON paper_files (paper_id)")
    conn.exec_driver_sql(
        "CREATE TABLE file_texts ("
        " file_id INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY (file_id),"
        " FOREIGN KEY(file_id) REFERENCES paper_files (id) ON DELETE CASCADE)"
    )


def _v4_to_v5(conn: Connection) -> None:
    """The reading routine's columns and tables. Every paper's present status becomes one
    history event at the time of the migration, marked known = 0: when it was really set is
    lost, and statistics by date leave it out. No paper of an old library starts in the Inbox.
    """
    for column in (
        "inbox BOOLEAN DEFAULT 0 NOT NULL",
        "snoozed_until DATETIME",
        "reread_step INTEGER",
        "reread_due DATETIME",
    ):
        conn.exec_driver_sql(f"ALTER TABLE papers ADD COLUMN {column}")
    conn.exec_driver_sql(
        "CREATE INDEX ix_papers_inbox ON papers (inbox, status, starred, snoozed_until)"
    )
    conn.exec_driver_sql("CREATE INDEX ix_papers_snoozed ON papers (snoozed_until)")
    conn.exec_driver_sql("CREATE INDEX ix_papers_reread ON papers (reread_due)")
    conn.exec_driver_sql(
        "CREATE TABLE status_events ("
        " id INTEGER NOT NULL, paper_id INTEGER NOT NULL, status VARCHAR NOT NULL,"
        " at DATETIME NOT NULL, known BOOLEAN NOT NULL, PRIMARY KEY (id),"
        " FOREIGN KEY(paper_id) REFERENCES papers (id) ON DELETE CASCADE)"
    )
    conn.exec_driver_sql("CREATE INDEX ix_status_events_paper ON status_events (paper_id, at)")
    conn.exec_driver_sql("CREATE INDEX ix_status_events_status ON status_events (status, at)")
    conn.exec_driver_sql(
        "CREATE TABLE rules ("
        ' id INTEGER NOT NULL, name VARCHAR COLLATE "NOCASE" NOT NULL, query TEXT NOT NULL,'
        " tag VARCHAR, queue VARCHAR, star BOOLEAN NOT NULL, today BOOLEAN NOT NULL,"
        " created_at DATETIME NOT NULL, PRIMARY KEY (id), UNIQUE (name))"
    )
    conn.exec_driver_sql(
        "CREATE TABLE rule_hits ("
        " id INTEGER NOT NULL, rule_id INTEGER, rule VARCHAR NOT NULL,"
        " paper_id INTEGER NOT NULL, batch_id INTEGER, at DATETIME NOT NULL, tag VARCHAR,"
        " queue VARCHAR, starred BOOLEAN NOT NULL, today BOOLEAN NOT NULL, PRIMARY KEY (id),"
        " FOREIGN KEY(rule_id) REFERENCES rules (id) ON DELETE SET NULL,"
        " FOREIGN KEY(paper_id) REFERENCES papers (id) ON DELETE CASCADE,"
        " FOREIGN KEY(batch_id) REFERENCES import_batches (id) ON DELETE CASCADE)"
    )
    for column in ("rule_id", "paper_id", "batch_id"):
        conn.exec_driver_sql(f"CREATE INDEX ix_rule_hits_{column} ON rule_hits ({column})")
    # As the DateTime columns store times: naive UTC text.
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
    conn.exec_driver_sql(
        "INSERT INTO status_events (paper_id, status, at, known) "
        "SELECT id, status, ?, 0 FROM papers ORDER BY id",
        (now,),
    )


def _v5_to_v6(conn: Connection) -> None:
    """The change journal, empty: what happened before it is not known. Runs on both
    backends; only the type of a time differs (as create_all spells DateTime)."""
    stamp = "TIMESTAMP WITHOUT TIME ZONE" if conn.dialect.name == "postgresql" else "DATETIME"
    conn.exec_driver_sql(
        "CREATE TABLE journal ("
        f" seq INTEGER NOT NULL, member VARCHAR NOT NULL, changed_at {stamp} NOT NULL,"
        " PRIMARY KEY (seq))"
    )
    conn.exec_driver_sql(
        "CREATE TABLE journal_papers ("
        " seq INTEGER NOT NULL, paper_id INTEGER NOT NULL, indexed BOOLEAN NOT NULL,"
        " PRIMARY KEY (seq, paper_id),"
        " FOREIGN KEY(seq) REFERENCES journal (seq) ON DELETE CASCADE)"
    )
    conn.exec_driver_sql("CREATE INDEX ix_journal_papers_paper ON journal_papers (paper_id, seq)")
    conn.exec_driver_sql("ALTER TABLE status_events ADD COLUMN member VARCHAR")


def _v6_to_v7(conn: Connection) -> None:
    """Files by their hash, and on a server the tables that hold their bytes. A file
    attached before this is only on the machine that attached it: `readerapp check` lists it
    as missing from the server, and `check --repair` on that machine puts it there."""
    conn.exec_driver_sql("CREATE INDEX ix_paper_files_sha256 ON paper_files (sha256)")
    if conn.dialect.name == "postgresql":
        from readerapp.db import file_store

        file_store.create_tables(conn)


def _v7_to_v8(conn: Connection) -> None:
    """Who imported each batch, so that a paper's history names who added it once the
    journal entry is pruned (db.journal)."""
    conn.exec_driver_sql("ALTER TABLE import_batches ADD COLUMN member VARCHAR")
    backfill_batch_members(conn)


def backfill_batch_members(conn: Connection) -> None:
    """Names the member of each batch that has none from the journal, while it still holds
    the entry: the first entry, from the batch's time on, of a paper the batch created (as
    services.history read it before schema 8). A batch whose entries are pruned already, or
    from before the journal (schema 6), stays without one."""
    conn.exec_driver_sql(
        "UPDATE import_batches SET member = ("
        " SELECT j.member FROM journal j"
        " JOIN journal_papers jp ON jp.seq = j.seq"
        " JOIN paper_sources s ON s.paper_id = jp.paper_id"
        " WHERE s.batch_id = import_batches.id AND s.created = TRUE"
        " AND j.changed_at >= import_batches.created_at"
        " ORDER BY j.seq LIMIT 1)"
        " WHERE member IS NULL"
    )


def _v8_to_v9(conn: Connection) -> None:
    """On a server, the bulk tables' per-row foreign keys become statement-level triggers
    (db.server_keys), as a new server library has them. SQLite keeps its foreign keys."""
    if conn.dialect.name == "postgresql":
        from readerapp.db import server_keys

        server_keys.install(conn)


# MIGRATIONS[n] upgrades a version-n file to version n + 1, inside one transaction.
MIGRATIONS: dict[int, Callable[[Connection], None]] = {
    1: _v1_to_v2,
    2: _v2_to_v3,
    3: _v3_to_v4,
    4: _v4_to_v5,
    5: _v5_to_v6,
    6: _v6_to_v7,
    7: _v7_to_v8,
    8: _v8_to_v9,
}


# The meta key of a server database's version, and the advisory lock creating or migrating
# takes (any number fixed for readerapp; it only has to differ from other apps' locks).
SERVER_VERSION_KEY = "schema_version"
SERVER_SCHEMA_LOCK = 0x7265_6164  # "read"
# PostgreSQL's SQLSTATE for "permission denied" / "must be owner of table".
INSUFFICIENT_PRIVILEGE = "42501"
# tags, queues, saved searches and rules compare names without case, as SQLite's NOCASE:
# an ICU collation that ignores case (and only case) at the secondary strength.
NOCASE_COLLATION = (
    'CREATE COLLATION IF NOT EXISTS "NOCASE" '
    "(provider = icu, locale = 'und-u-ks-level2', deterministic = false)"
)


def schema_version(conn: Connection) -> int:
    return int(conn.exec_driver_sql("PRAGMA user_version").scalar_one())


def _has_tables(conn: Connection) -> bool:
    query = "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
    return bool(conn.exec_driver_sql(query).scalar_one())


def backup_file(db_path: Path, version: int) -> Path:
    """A consistent copy through SQLite's online backup, kept beside the library."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = db_path.with_name(f"{db_path.stem}.v{version}-{stamp}.bak.sqlite")
    with sqlite3.connect(db_path) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target


def _newer(db_path: Path, version: int) -> LibraryError:
    return LibraryError(
        f"{db_path}: made by a newer readerapp (schema {version}, this one knows "
        f"{SCHEMA_VERSION}); update readerapp to open it. The file was not changed."
    )


def refuse_newer(db_path: Path) -> None:
    """Refuse a file from a newer readerapp before anything writes to it: even switching
    its journal to WAL rewrites its header."""
    if not db_path.exists():
        return
    conn = connect_read_only(db_path)
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()
    if version > SCHEMA_VERSION:
        raise _newer(db_path, version)


def is_current(db_path: Path) -> bool:
    """True when the file already has the current schema, found out with a plain read.

    Every start passes here; a write transaction would wait for (and after busy_timeout fail
    on) another process's long write, such as an import in the desktop app. A read in WAL
    mode never waits. It needs no SQLAlchemy either: only a file to create or migrate does.
    """
    conn = sqlite3.connect(db_path)
    try:
        tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'")
        has_tables = bool(tables.fetchone()[0])
        return has_tables and conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        conn.close()


def ensure_schema(engine: Engine, db_path: Path) -> Path | None:
    """Create or upgrade the schema. Returns the backup made before a migration, if any."""
    if is_current(db_path):
        return None
    with engine.begin() as conn:
        if not _has_tables(conn):
            # Imported here: the models need the ORM, which opening a current file does not.
            from readerapp.db.models import Base

            Base.metadata.create_all(conn)
            conn.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
            return None
        version = schema_version(conn)
    if version == SCHEMA_VERSION:
        return None
    if version > SCHEMA_VERSION:
        raise _newer(db_path, version)
    if version < 1:
        raise LibraryError(f"{db_path}: not a readerapp library (schema version {version})")
    backup = backup_file(db_path, version)
    with engine.begin() as conn:
        for step in range(version, SCHEMA_VERSION):
            MIGRATIONS[step](conn)
        conn.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
    return backup


def _newer_server(shown: str, version: int) -> LibraryError:
    return LibraryError(
        f"{shown}: made by a newer readerapp (schema {version}, this one knows "
        f"{SCHEMA_VERSION}); update readerapp to open it. The database was not changed."
    )


def server_version(conn: DbConnection) -> int | None:
    """The version a server database records; None when it holds no readerapp library."""
    found = reads.scalar(conn, "SELECT to_regclass('meta') IS NOT NULL")
    if not found:
        return None
    value = reads.meta_value(conn, SERVER_VERSION_KEY)
    return None if value is None else int(value)


def server_is_current(conn: DbConnection, shown: str) -> bool:
    """True when the server database has the current schema, found out with a plain read;
    refuses a newer one."""
    version = server_version(conn)
    if version is not None and version > SCHEMA_VERSION:
        raise _newer_server(shown, version)
    return version == SCHEMA_VERSION


def ensure_server_schema(engine: Engine, shown: str) -> None:
    """Create or upgrade the schema of a server library, in one transaction."""
    from sqlalchemy import text

    from readerapp.db.models import Base

    with engine.begin() as conn:
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SERVER_SCHEMA_LOCK})
        has_meta = conn.execute(text("SELECT to_regclass('meta') IS NOT NULL")).scalar_one()
        version = None
        if has_meta:
            value = conn.execute(
                text("SELECT value FROM meta WHERE key = :key"), {"key": SERVER_VERSION_KEY}
            ).scalar()
            version = None if value is None else int(value)
        if version is None:
            tables = conn.execute(
                text(
                    "SELECT count(*) FROM information_schema.tables "
                    "WHERE table_schema = current_schema()"
                )
            ).scalar_one()
            if tables:
                raise LibraryError(
                    f"{shown}: the database holds other tables, not a readerapp library; "
                    "use a new, empty database"
                )
            with _owner_only(shown, None):
                conn.exec_driver_sql(NOCASE_COLLATION)
                Base.metadata.create_all(conn)
                # Not in models.py: a folder library keeps its files in its folder.
                from readerapp.db import file_store

                file_store.create_tables(conn)
                # The bulk tables' keys, checked per statement (schema 9, as upgraded).
                from readerapp.db import server_keys

                server_keys.install(conn)
            _set_server_version(conn)
            return
        if version > SCHEMA_VERSION:
            raise _newer_server(shown, version)
        with _owner_only(shown, version):
            for step in range(version, SCHEMA_VERSION):
                MIGRATIONS[step](conn)
        _set_server_version(conn)


@contextmanager
def _owner_only(shown: str, version: int | None) -> Iterator[None]:
    """A member of a lab's library may read and write papers but not change the schema
    (README, "A library on a server"): creating or upgrading it is its owner's. Refused in
    one line that says who can, with the transaction (and the database) left as it was."""
    from sqlalchemy.exc import DBAPIError

    try:
        yield
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) != INSUFFICIENT_PRIVILEGE:
            raise
        what = (
            "there is no library in this database yet, and this user may not create its tables"
            if version is None
            else f"the library is at schema {version} and this readerapp needs "
            f"{SCHEMA_VERSION}; only the owner of its tables may upgrade it"
        )
        raise LibraryError(
            f"{shown}: {what}. Ask the library's owner to open it once with this readerapp "
            "(readerapp --library postgresql://OWNER@HOST/DB check)"
        ) from None


def _set_server_version(conn: Connection) -> None:
    from sqlalchemy import text

    conn.execute(
        text(
            "INSERT INTO meta (key, value) VALUES (:key, :value) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
        ),
        {"key": SERVER_VERSION_KEY, "value": str(SCHEMA_VERSION)},
    )
