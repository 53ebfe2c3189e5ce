"""A throw-away PostgreSQL cluster for the tests: initdb in a temporary folder, a server on
127.0.0.1 at a free port, trust authentication, and no fsync (nothing in it outlives the run).

The cluster is started lazily, once per test process (pytest-xdist runs one per core), the
first time a test asks for it, and stopped when the process exits. The binaries come from
Debian's `postgresql` package (`.ci/run` installs it); when the tests run as root, as they do
in CI, the server runs as the unprivileged `postgres` user, since PostgreSQL refuses root.
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import threading
import uuid
from dataclasses import dataclass, field
from pathlib import Path

USER = "readerapp"


class ClusterUnavailable(RuntimeError):
    """PostgreSQL's server programs are not installed on this machine."""


def _bin_dir() -> Path:
    """The folder of initdb and pg_ctl: READERAPP_PG_BINDIR, else the newest Debian
    /usr/lib/postgresql/N/bin, else wherever initdb is on PATH."""
    configured = os.environ.get("READERAPP_PG_BINDIR")
    if configured:
        return Path(configured)
    debian = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: (
            int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0
        ),
    )
    if debian:
        return Path(debian[-1]).parent
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).resolve().parent
    raise ClusterUnavailable(
        "PostgreSQL's server is not installed: `apt-get install postgresql` (as .ci/run does), "
        "or set READERAPP_PG_BINDIR to the folder of initdb and pg_ctl"
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Cluster:
    """One running server. `url(db)` is a libpq URL for a database in it."""

    data_dir: Path
    port: int
    bin_dir: Path
    _as_postgres: bool
    # The tests' server skips fsync (nothing in it outlives the run); the benchmark's server
    # syncs as a real one does, so that its figures are a server's.
    durable: bool = False
    _log: Path = field(init=False)
    _template: str = ""
    _template_lock: threading.Lock = field(default_factory=threading.Lock)
    # Empty databases that a finished test never wrote to, handed to the next test that asks
    # for an empty one: every test of the PostgreSQL pass gets one for $READERAPP_LIBRARY and
    # most never open it, and a check costs a few milliseconds where CREATE and DROP DATABASE
    # cost 0.15 s.
    _spare: list[str] = field(default_factory=list)
    _public_acl: tuple[str | None] | None = None

    def __post_init__(self) -> None:
        self._log = self.data_dir.parent / "server.log"

    def _run(self, *args: str) -> None:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self._as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def url(self, database: str = "postgres", user: str = USER) -> str:
        return f"postgresql://{user}@127.0.0.1:{self.port}/{database}"

    def start(self) -> None:
        unsafe = (
            ""
            if self.durable
            else ("-c fsync=off -c synchronous_commit=off -c full_page_writes=off ")
        )
        options = f"-h 127.0.0.1 -p {self.port} -k {self.data_dir} {unsafe}-c max_connections=200"
        self._run(
            "pg_ctl", "-D", str(self.data_dir), "-l", str(self._log), "-o", options, "-w", "start"
        )

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data_dir), "-m", mode, "-w", "stop")

    def restart(self) -> None:
        """Stops the server, cutting every connection, and starts it again on the same port."""
        self.stop()
        self.start()

    def create_database(self, name: str | None = None, *, template: str | None = None) -> str:
        """A new database, empty or a copy of `template`; returns its URL."""
        import psycopg

        name = name or f"t_{uuid.uuid4().hex[:12]}"
        copy = f' TEMPLATE "{template}"' if template else ""
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"{copy}')  # type: ignore[arg-type]
        return self.url(name)

    def take_empty_database(self) -> str:
        """An empty database: one that a finished test handed back untouched, else a new one."""
        with self._template_lock:
            if self._spare:
                return self._spare.pop()
        return self.create_database()

    def give_back(self, url: str) -> None:
        """Ends a test's use of a database from take_empty_database or create_database: keeps
        it for the next test if nothing was made in it, else drops it."""
        if self._untouched(url):
            with self._template_lock:
                self._spare.append(url)
        else:
            self.drop_database(url)

    def _untouched(self, url: str) -> bool:
        """Whether the database is still as CREATE DATABASE made it, once every connection a
        test left to it is cut: no table, sequence, view, function, type, schema, extension,
        large object, grant or setting of its own."""
        import psycopg

        try:
            with psycopg.connect(url, autocommit=True) as conn:
                conn.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
                row = conn.execute(_MADE_IN_DATABASE, (self._public_grants(),)).fetchone()
        except psycopg.OperationalError:
            return False  # dropped or renamed by the test: nothing to hand on
        return row is not None and row[0] == 0

    def _public_grants(self) -> str | None:
        """The public schema's grants in a database no test touched."""
        import psycopg

        if self._public_acl is None:
            with psycopg.connect(self.url(), autocommit=True) as conn:
                row = conn.execute(
                    "SELECT nspacl::text FROM pg_namespace WHERE nspname = 'public'"
                ).fetchone()
            self._public_acl = (row[0] if row else None,)
        return self._public_acl[0]

    def create_library_database(self) -> str:
        """A new database holding an empty library at the current schema; returns its URL.

        A copy of a template migrated once per process: CREATE DATABASE ... TEMPLATE takes
        about 0.1 s, where creating the schema in each test's database would take longer.
        The template holds only the schema: a library's choices (its search engine) are
        made when the test opens it.
        """
        with self._template_lock:
            if not self._template:
                self._template = self._make_library_template()
        return self.create_database(template=self._template)

    def _make_library_template(self) -> str:
        from readerapp.core.location import ServerLocation
        from readerapp.db.migrations import ensure_server_schema
        from readerapp.db.server import make_server_engine

        name = "readerapp_template"
        url = self.create_database(name)
        engine = make_server_engine(ServerLocation(url))
        try:
            ensure_server_schema(engine, url)
        finally:
            engine.dispose()  # a template may have no open connection when it is copied
        return name

    def drop_database(self, url: str) -> None:
        """Drops a database made by create_database, cutting any connection a test left."""
        import psycopg

        name = url.rsplit("/", 1)[1]
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')  # type: ignore[arg-type]

    def admin_sql(self, sql: str, database: str = "postgres") -> None:
        """Runs one statement as the cluster's superuser (roles, grants, terminating sessions)."""
        import psycopg

        with psycopg.connect(self.url(database), autocommit=True) as conn:
            conn.execute(sql)  # type: ignore[arg-type]


# Counts what a test can have made in a database; 0 for a database as CREATE DATABASE makes
# it. The public schema's grants are compared with those in the database `postgres`, the
# database's own grants and settings with none. (No LIKE '%': the query takes a parameter.)
_MADE_IN_DATABASE = """
SELECT
  (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
      AND n.nspname !~ '^pg_(toast|temp)')
  + (SELECT count(*) FROM pg_namespace
      WHERE nspname NOT IN ('public', 'pg_catalog', 'information_schema')
        AND nspname !~ '^pg_')
  + (SELECT count(*) FROM pg_proc WHERE pronamespace = 'public'::regnamespace)
  + (SELECT count(*) FROM pg_type WHERE typnamespace = 'public'::regnamespace)
  + (SELECT count(*) FROM pg_extension WHERE extname <> 'plpgsql')
  + (SELECT count(*) FROM pg_largeobject_metadata)
  + (SELECT count(*) FROM pg_default_acl)
  + (SELECT count(*) FROM pg_namespace WHERE nspname = 'public'
      AND nspacl::text IS DISTINCT FROM %s)
  + (SELECT count(*) FROM pg_database WHERE datname = current_database()
      AND (datacl IS NOT NULL OR datallowconn IS NOT TRUE))
  + (SELECT count(*) FROM pg_db_role_setting s JOIN pg_database d ON d.oid = s.setdatabase
      WHERE d.datname = current_database())
"""

_lock = threading.Lock()
_cluster: Cluster | None = None


def cluster() -> Cluster:
    """This process's cluster, started on first use."""
    global _cluster
    with _lock:
        if _cluster is None:
            _cluster = _start_new()
            atexit.register(_stop_quietly, _cluster)
        return _cluster


def start_cluster(*, durable: bool) -> Cluster:
    """A cluster of the caller's own (the benchmark's), stopped and removed at exit."""
    made = _start_new(durable=durable)
    atexit.register(_stop_quietly, made)
    return made


def _start_new(*, durable: bool = False) -> Cluster:
    bin_dir = _bin_dir()
    as_postgres = os.geteuid() == 0
    root = Path(tempfile.mkdtemp(prefix="readerapp-pg-"))
    data_dir = root / "data"
    data_dir.mkdir()
    if as_postgres:
        owner = pwd.getpwnam("postgres")
        for path in (root, data_dir):
            os.chown(path, owner.pw_uid, owner.pw_gid)
    made = Cluster(
        data_dir=data_dir,
        port=_free_port(),
        bin_dir=bin_dir,
        _as_postgres=as_postgres,
        durable=durable,
    )
    made._run(
        "initdb",
        "-D",
        str(data_dir),
        "-U",
        USER,
        "-A",
        "trust",
        "-E",
        "UTF8",
        "--locale=C",
        "--no-sync",
    )
    made.start()
    return made


def _stop_quietly(made: Cluster) -> None:
    with contextlib.suppress(OSError, subprocess.CalledProcessError):
        made.stop("immediate")
    shutil.rmtree(made.data_dir.parent, ignore_errors=True)
