"""Shared by the reliability tests: child `readerapp` processes, canonical table dumps, dumps."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from readerapp.core import paths
from readerapp.core.testhooks import PAUSE_ENV, PAUSED_PREFIX
from readerapp.services import importing, notes, queues, triage
from readerapp.services.library import Library
from tests.conftest import SEED

REPO = Path(__file__).resolve().parents[2]
# Derived or bookkeeping data that may differ between two runs of the same work: the pending
# marks (a crash leaves them for the next start) and wall-clock times.
DERIVED_TABLES = {"index_pending"}


def canonical_dump(db_path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows, sorted, without time columns: equal dumps mean equal libraries."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        dump: dict[str, list[tuple[object, ...]]] = {}
        for table in sorted(set(tables) - DERIVED_TABLES):
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
            kept = [c for c in columns if not c.endswith("_at")]
            rows = conn.execute(f"SELECT {', '.join(kept)} FROM {table}").fetchall()
            dump[table] = sorted(rows, key=repr)
        return dump
    finally:
        conn.close()


@dataclass(frozen=True, slots=True)
class UserMarks:
    """What the user did before the import, to look for afterwards."""

    starred: frozenset[int]
    notes: dict[int, str]
    queue: tuple[int, ...]
    tag: frozenset[int]


QUEUE = "Week 32"
TAG = "peft"


def make_user_library(directory: Path) -> UserMarks:
    """A library with the seed dump imported and stars, tags, notes and a queue on it."""
    with Library.open(directory) as lib:
        importing.import_path(lib, SEED)
        ids = triage.resolve(lib, [str(i) for i in range(1, 11)])
        triage.set_starred(lib, ids[:4], True)
        triage.set_status(lib, ids[4:6], "reading")
        triage.add_tag(lib, TAG, ids[2:7])
        bodies = {pid: f"Note on {pid}: compare with **LoRA**, ünïcode ✓" for pid in ids[:3]}
        for pid, body in bodies.items():
            notes.add_note(lib, pid, body)
        queues.add_to_queue(lib, QUEUE, [ids[5], ids[1], ids[8]])
    return UserMarks(frozenset(ids[:4]), bodies, (ids[5], ids[1], ids[8]), frozenset(ids[2:7]))


def assert_user_marks_kept(directory: Path, marks: UserMarks) -> None:
    with Library.open(directory) as lib:
        papers = {p.id: p for p in triage.get_papers(lib, list(range(1, 11)))}
        assert {pid for pid, p in papers.items() if p.starred} == marks.starred
        assert {pid for pid, p in papers.items() if "peft" in p.tags} == marks.tag
        for pid, body in marks.notes.items():
            assert [n.body for n in papers[pid].notes] == [body]
        assert tuple(queues.queue_ids(lib, QUEUE)) == marks.queue


def hf_json_dump(count: int, *, start: int = 0) -> str:
    """A Hugging Face Daily Papers JSON of `count` distinct papers, quick to write and parse."""
    papers = []
    for i in range(start, start + count):
        month, number = 1 + (i // 90000) % 12, i % 90000 + 1
        papers.append(
            {
                "paper": {
                    "id": f"24{month:02d}.{number:05d}",
                    "title": f"Synthetic study number {i} of sparse adapters",
                    "summary": f"We study case {i}: adapters, retrieval and token budgets "
                    f"for model {i}.",
                    "authors": [{"name": f"Author {i % 997}"}, {"name": "Ada Lovelace"}],
                    "publishedAt": "2024-05-01T00:00:00.000Z",
                    "upvotes": i % 50,
                }
            }
        )
    return json.dumps(papers)


def child_env(library_dir: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.pop(PAUSE_ENV, None)
    env[paths.LIBRARY_ENV] = str(library_dir)
    env["PYTHONPATH"] = str(REPO)
    env.update(extra)
    return env


def readerapp(
    *args: str, env: dict[str, str], stdin: bytes | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Runs `python -m readerapp ARGS` to the end."""
    return subprocess.run(
        [sys.executable, "-m", "readerapp", *args],
        env=env,
        input=stdin,
        capture_output=True,
        timeout=timeout,
        cwd=REPO,
        check=False,
        text=stdin is None,
    )


def run_until_paused(
    args: list[str], point: str, env: dict[str, str], timeout: float = 90
) -> subprocess.Popen[str]:
    """Starts `readerapp ARGS` paused at the named point; returns it, still running there."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "readerapp", *args],
        cwd=REPO,
        env={**env, PAUSE_ENV: point},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stderr is not None
    lines = []
    for line in proc.stderr:  # blocks until the line comes or the child ends
        lines.append(line)
        if line.startswith(PAUSED_PREFIX):
            assert line.strip() == PAUSED_PREFIX + point
            return proc
    proc.wait(timeout)
    raise AssertionError(
        f"readerapp ended (exit {proc.returncode}) before pausing at {point}: {''.join(lines)}"
    )


def sigkill(proc: subprocess.Popen[str]) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    assert proc.returncode == -signal.SIGKILL
    if proc.stderr is not None:
        proc.stderr.close()


@dataclass(frozen=True, slots=True)
class Measured:
    code: int
    stdout: str
    stderr: str
    peak_rss_mb: float


# Runs a command and writes its peak RSS (ru_maxrss of wait4) to argv[1]. Linux carries a
# process's peak RSS over exec, so a child forked straight from a big pytest process would
# report pytest's size; forked from this small launcher it reports (nearly) only its own.
_LAUNCHER = """
import os, subprocess, sys
proc = subprocess.Popen(sys.argv[2:])
_pid, status, usage = os.wait4(proc.pid, 0)
with open(sys.argv[1], "w") as out:
    out.write(f"{os.waitstatus_to_exitcode(status)} {usage.ru_maxrss}")
"""


def readerapp_measured(*args: str, env: dict[str, str], workdir: Path) -> Measured:
    """Runs `readerapp ARGS` and measures that one child's peak resident memory."""
    out, err, rss = workdir / "child.out", workdir / "child.err", workdir / "child.rss"
    with out.open("wb") as o, err.open("wb") as e:
        subprocess.run(
            [sys.executable, "-c", _LAUNCHER, str(rss), sys.executable, "-m", "readerapp", *args],
            env=env,
            cwd=REPO,
            stdin=subprocess.DEVNULL,
            stdout=o,
            stderr=e,
            check=True,
            timeout=300,
        )
    code, maxrss = (int(v) for v in rss.read_text().split())
    # ru_maxrss is in KiB on Linux, bytes on macOS.
    peak = maxrss / (2**20 if sys.platform == "darwin" else 1024)
    return Measured(
        code, out.read_text("utf-8", "replace"), err.read_text("utf-8", "replace"), peak
    )


# A child process that takes the index's writer, says so, and keeps it until its stdin ends.
_HOLDER = """
import sys
from pathlib import Path
from readerapp.search.factory import open_text_index
index = open_text_index(Path(sys.argv[1]), sys.argv[2])
writer = index._writer()
print("held", flush=True)
sys.stdin.readline()
"""


class Holder:
    """A child process holding a library's search index writer until release()."""

    def __init__(self, library_dir: Path, engine: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", _HOLDER, str(paths.index_dir(library_dir)), engine],
            cwd=REPO,
            env=child_env(library_dir),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        assert self.proc.stdout.readline().strip() == "held"

    def release(self) -> None:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        if not self.proc.stdin.closed:
            self.proc.stdin.close()
            assert self.proc.wait(timeout=60) == 0
            self.proc.stdout.close()
