"""SIGKILL a real `readerapp import` of a large dump at named points (core.testhooks): the
library is then exactly as before or exactly as after, the next start repairs the index, and
nothing the user made is lost."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from unittest import mock

import pytest

from readerapp.core import paths
from readerapp.services import import_session, undo
from readerapp.services.library import Library
from tests.reliability.helpers import (
    UserMarks,
    assert_user_marks_kept,
    canonical_dump,
    child_env,
    hf_json_dump,
    make_user_library,
    readerapp,
    run_until_paused,
    sigkill,
)

pytestmark = pytest.mark.slow

# tantivy indexes 30k papers in seconds; Whoosh (500 papers/s) gets a smaller dump so that
# the repair after the kill stays within the CI budget. Both have several index batches.
SIZES = {"tantivy": 30_000, "whoosh": 3_000}


class Scenario:
    """A library with user marks, a dump, and the canonical state after importing it."""

    def __init__(self, root: Path, engine: str) -> None:
        self.engine = engine
        self.before_dir = root / "before"
        self.dump = root / "big dump ü.json"  # a path with a space and non-ASCII
        self.dump.write_text(hf_json_dump(SIZES[engine]), encoding="utf-8")
        with mock.patch.dict(os.environ, {paths.ENGINE_ENV: engine}):
            self.marks: UserMarks = make_user_library(self.before_dir)
        self.before = canonical_dump(paths.database_path(self.before_dir))
        after_dir = root / "after"
        shutil.copytree(self.before_dir, after_dir)
        with Library.open(after_dir) as lib:
            # What `readerapp import` saves: the papers, then the undo record of the import.
            plan = import_session.direct_plan([import_session.ImportSource.from_path(self.dump)])
            outcome = import_session.run_import(lib, plan)
            undo.remember(lib, outcome.applied())
            assert [r.added for r in outcome.reports] == [SIZES[engine]]
        self.after = canonical_dump(paths.database_path(after_dir))
        assert self.after != self.before

    def fresh_copy(self, target: Path) -> Path:
        shutil.copytree(self.before_dir, target)
        return target


@pytest.fixture(scope="module")
def scenarios(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Scenario]:
    return {engine: Scenario(tmp_path_factory.mktemp(engine), engine) for engine in SIZES}


@pytest.mark.parametrize(
    ("engine", "point", "expected"),
    [
        ("tantivy", "import-parsed", "before"),
        ("tantivy", "import-written", "before"),  # every row written, the commit not yet
        ("tantivy", "index-batch-written", "after"),  # committed; 1 of 3 index batches done
        ("whoosh", "index-batch-written", "after"),
    ],
)
def test_sigkill_during_import_leaves_before_or_after(
    scenarios: dict[str, Scenario],
    tmp_path: Path,
    engine: str,
    point: str,
    expected: str,
) -> None:
    scenario = scenarios[engine]
    library_dir = scenario.fresh_copy(tmp_path / "library")
    env = child_env(library_dir)
    proc = run_until_paused(["import", str(scenario.dump)], point, env)
    sigkill(proc)

    # The file as the crash left it (SQLite replays or drops the WAL on this first open).
    db_path = paths.database_path(library_dir)
    state = canonical_dump(db_path)
    assert state == (scenario.before if expected == "before" else scenario.after)

    # The next start repairs the index from the pending marks; then everything agrees.
    check = readerapp("check", env=env)
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.strip().endswith(": ok")
    assert canonical_dump(db_path) == state
    assert_user_marks_kept(library_dir, scenario.marks)

    # And the import can simply be run again: it ends exactly at the "after" state.
    if expected == "before":
        again = readerapp("import", str(scenario.dump), env=env)
        assert again.returncode == 0, again.stderr
        assert canonical_dump(db_path) == scenario.after
