"""Another readerapp holding the search index's writer (its import's indexing holds it for
minutes) must not make a saved change fail: the change stays saved and marked, the command
says what is not yet searchable, and the next catch-up indexes it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from readerapp.cli.main import main
from readerapp.core import paths
from readerapp.core.errors import Cancelled, IndexBusy
from readerapp.core.progress import CancelToken, ProgressSink, no_progress
from readerapp.core.records import IndexDoc
from readerapp.search.tantivy_index import TantivyIndex
from readerapp.search.whoosh_index import WhooshIndex
from readerapp.services import import_session, rules, search
from readerapp.services.import_session import ImportOutcome
from readerapp.services.index_marks import mark_for_index
from readerapp.services.library import Library
from tests.reliability.helpers import REPO, Holder, child_env, make_user_library, readerapp

WORD = "zanzibarite"
DUMP = REPO / "tests/data/hf_papers_feed.json"
PAPER = 30


@pytest.fixture(params=["whoosh", "tantivy"])
def engine(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("READERAPP_ENGINE", request.param)
    return str(request.param)


@pytest.fixture
def held(tmp_path: Path, engine: str) -> Iterator[tuple[Path, Holder]]:
    library_dir = tmp_path / "library"
    make_user_library(library_dir)
    holder = Holder(library_dir, engine)
    try:
        yield library_dir, holder
    finally:
        holder.release()


def _found(library_dir: Path, text: str) -> list[int]:
    with Library.open(library_dir) as lib:
        return search.search_ids(lib, text)


def _run_import(lib: Library, progress: ProgressSink = no_progress) -> ImportOutcome:
    plan = import_session.direct_plan([import_session.ImportSource.from_path(DUMP)])
    return import_session.run_import(lib, plan, progress)


def test_the_engines_say_busy_when_another_process_holds_the_writer(
    held: tuple[Path, Holder], engine: str
) -> None:
    library_dir, _ = held
    index = {"whoosh": WhooshIndex, "tantivy": TantivyIndex}[engine](paths.index_dir(library_dir))
    index.writer_timeout = 0.2
    try:
        with pytest.raises(IndexBusy, match="busy in another readerapp"):
            index.delete([PAPER])
    finally:
        index.close()


def test_an_edit_is_saved_and_indexed_later_when_the_index_is_busy(
    held: tuple[Path, Holder], capsys: pytest.CaptureFixture[str]
) -> None:
    library_dir, holder = held
    code = main(["--library", str(library_dir), "note", str(PAPER), f"compare with {WORD}"])
    err = capsys.readouterr().err
    assert code == 0, err
    assert "1 changed paper(s) not yet searchable" in err
    assert "another readerapp is writing the search index" in err
    with Library.open(library_dir, repair=False) as lib:
        assert lib.pending_count() == 1  # the note's mark stays for the next catch-up
        with lib.snapshot() as conn:
            bodies = [
                r[0] for r in conn.execute(f"SELECT body FROM notes WHERE paper_id = {PAPER}")
            ]
        assert any(WORD in body for body in bodies)
    # A search meanwhile answers without the note, and says why.
    assert main(["--library", str(library_dir), "search", WORD]) == 0
    out, err = capsys.readouterr()
    assert str(PAPER) not in out.split()
    assert "not yet searchable" in err
    holder.release()
    # The next command catches up as it opens, and says nothing more.
    assert main(["--library", str(library_dir), "search", WORD]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert _found(library_dir, WORD) == [PAPER]
    with Library.open(library_dir, repair=False) as lib:
        assert lib.pending_count() == 0


def test_an_import_waits_for_the_index_then_applies_its_rules(
    held: tuple[Path, Holder],
) -> None:
    """The import's rules may search text, so an import waits (saying so) for the other
    process to finish with the index instead of running them on a stale one."""
    library_dir, holder = held
    messages: list[str] = []

    def progress(done: int, total: int | None, message: str) -> None:
        messages.append(message)
        if message.startswith("Waiting for another readerapp"):
            holder.release()

    with Library.open(library_dir) as lib:
        rules.save_rule(lib, rules.make_rule("llamas", "llama", tag="llama-papers"))
        outcome = _run_import(lib)
        import_session.index_import(lib, outcome, progress)
        assert not lib.index_behind
        assert lib.pending_count() == 0
        created = set(rules.created_by(lib, outcome.batch_ids))
        with lib.snapshot() as conn:
            llamas = {
                pid
                for pid, title in conn.execute("SELECT id, title FROM papers")
                if pid in created and "llama" in title.casefold()
            }
    assert any(m.startswith("Waiting for another readerapp") for m in messages)
    assert llamas  # the dump brings new papers about Llama
    [result] = outcome.rule_results
    assert set(result.tagged) == llamas
    assert llamas <= set(_found(library_dir, "llama"))


def test_a_cancel_while_waiting_keeps_the_import_saved_and_marked(
    held: tuple[Path, Holder],
) -> None:
    library_dir, _ = held
    cancel = CancelToken()

    def progress(done: int, total: int | None, message: str) -> None:
        if message.startswith("Waiting for another readerapp"):
            cancel.cancel()

    with Library.open(library_dir) as lib:
        outcome = _run_import(lib)
        with pytest.raises(Cancelled):
            import_session.index_import(lib, outcome, progress, cancel)
        assert outcome.paper_ids
        with lib.snapshot() as conn:
            marked = {r[0] for r in conn.execute("SELECT paper_id FROM index_pending")}
        assert set(rules.created_by(lib, outcome.batch_ids)) <= marked


def test_a_change_made_while_a_catch_up_indexes_keeps_its_mark(tmp_path: Path, engine: str) -> None:
    """A catch-up reads a paper, then another process changes it: that process's mark is
    already set (one per paper), and its own catch-up finds the index busy. Clearing the
    catch-up's marks must not take that change's mark with them, or the index would miss the
    change until a rebuild."""
    library_dir = tmp_path / "library"
    make_user_library(library_dir)
    with Library.open(library_dir) as lib:
        with lib.snapshot() as conn:
            ids = [r[0] for r in conn.execute("SELECT id FROM papers ORDER BY id")]
        assert PAPER in ids and len(ids) > 3 * 10
        with lib.write() as session:
            mark_for_index(session, ids)
        index_part = lib._index_part
        noted: list[int] = []

        def part_then_note(part: list[int], cancel: CancelToken | None) -> None:
            index_part(part, cancel)
            if PAPER in part:  # read and written; the catch-up goes on with later parts
                done = readerapp(
                    "note", str(PAPER), f"compare with {WORD}", env=child_env(library_dir)
                )
                assert done.returncode == 0, done.stderr
                assert "not yet searchable" in done.stderr  # the writer was ours
                noted.append(PAPER)

        lib._index_part = part_then_note  # type: ignore[method-assign]
        assert lib.sync_index(batch=10) == len(ids)
        assert noted == [PAPER]
        assert lib.pending_count() == 1  # the note's mark outlived the catch-up's clearing
        assert search.search_ids(lib, WORD) == []
        del lib._index_part
        assert lib.sync_index() == 1
        assert lib.pending_count() == 0
    assert _found(library_dir, WORD) == [PAPER]


def test_a_change_made_while_the_index_is_rebuilt_keeps_its_mark(
    tmp_path: Path, engine: str
) -> None:
    """The same for a rebuild (an upgrade, an engine switch, check --repair): it clears every
    mark when done, but not the mark of a change it did not read."""
    library_dir = tmp_path / "library"
    make_user_library(library_dir)
    with Library.open(library_dir) as lib:
        rebuild = lib.index.rebuild

        def rebuild_then_note(docs: Iterable[IndexDoc], *args: Any, **kwargs: Any) -> None:
            def read_then_note() -> Iterator[IndexDoc]:
                for doc in docs:
                    yield doc
                    if doc.id == PAPER:  # read; the rebuild holds the writer meanwhile
                        done = readerapp(
                            "note", str(PAPER), f"compare with {WORD}", env=child_env(library_dir)
                        )
                        assert "not yet searchable" in done.stderr, done.stderr

            rebuild(read_then_note(), *args, **kwargs)

        lib.index.rebuild = rebuild_then_note  # type: ignore[method-assign]
        lib.rebuild_index()
        del lib.index.rebuild
        assert lib.pending_count() == 1
        assert search.search_ids(lib, WORD) == []
        assert lib.sync_index() == 1
    assert _found(library_dir, WORD) == [PAPER]
