from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from readerapp.core import paths
from readerapp.core.errors import UserError
from readerapp.db.migrations import SCHEMA_VERSION
from readerapp.services import (
    batches,
    checking,
    editing,
    importing,
    notes,
    overview,
    queues,
    search,
    triage,
)
from readerapp.services.library import Library
from tests.conftest import DATA, SEED, paper_id_by_title
from tests.plain_db import plain_db

SWINFACE = "SwinFace"
UGR = "Unified Generative Retriever"

# A second dump: two seed papers (matched by title; the seed has no year, so any year agrees)
# with fields the seed lacks, and one paper that is new.
MERGING_BIB = r"""
@article{qin2023swinface,
  title = {{SwinFace}: A Multi-task Transformer for Face Recognition, Expression Recognition,
           Age Estimation and Attribute Estimation},
  author = {Qin, Lixiong and Wang, Mei},
  journal = {IEEE Transactions on Circuits and Systems for Video Technology},
  year = {2023},
  doi = {10.1109/TCSVT.2023.3304724},
  eprint = {2308.11509},
  archiveprefix = {arXiv}
}
@inproceedings{chen2023ugr,
  title = {A Unified Generative Retriever for Knowledge-Intensive Language Tasks via Prompt
           Learning},
  author = {Chen, Jiangui and Zhang, Ruqing},
  booktitle = {SIGIR},
  year = {2023},
  doi = {10.1145/3539618.3591631}
}
@article{zzz2024new,
  title = {A Paper Only This Bibliography Knows About Zanzibar Lattices},
  author = {Nobody, Somebody},
  year = {2024}
}
"""


def _ids(lib: Library) -> set[int]:
    return set(search.search_ids(lib, ""))


def test_undo_removes_untouched_papers_and_keeps_starred_noted_queued(seeded: Library) -> None:
    batch = overview.list_batches(seeded)[0].id
    starred = paper_id_by_title(seeded, SWINFACE)
    noted = paper_id_by_title(seeded, UGR)
    queued = paper_id_by_title(seeded, "TaskExpert")
    triage.set_starred(seeded, [starred], True)
    notes.add_note(seeded, noted, "Compare with DSI.")
    queues.add_to_queue(seeded, "Week 32", [queued])

    report = batches.undo_import(seeded, batch)

    assert (report.removed, report.reverted) == (70, 0)
    assert sorted(report.kept) == sorted(
        [(starred, "starred"), (noted, "has notes"), (queued, "queued")]
    )
    assert _ids(seeded) == {starred, noted, queued}
    # The text index followed: a word from a removed abstract finds nothing any more.
    assert search.search_ids(seeded, "skill localization") == []
    assert checking.check(seeded).ok
    summary = report.summary()
    assert "removed 70 papers" in summary
    assert "Kept 3 papers: " in summary and "starred" in summary and "queued" in summary
    listed = overview.list_batches(seeded)[0]
    assert listed.undone_at is not None and listed.papers == 3


def test_every_kind_of_touch_keeps_a_paper(seeded: Library) -> None:
    batch = overview.list_batches(seeded)[0].id
    status = paper_id_by_title(seeded, SWINFACE)
    tagged = paper_id_by_title(seeded, UGR)
    edited = paper_id_by_title(seeded, "TaskExpert")
    triage.set_status(seeded, [status], "reading")
    triage.add_tag(seeded, "retrieval", [tagged])
    editing.edit_paper(seeded, edited, year=2023)

    report = batches.undo_import(seeded, batch)

    assert dict(report.kept) == {status: "status set", tagged: "tagged", edited: "edited by you"}
    assert _ids(seeded) == {status, tagged, edited}


def test_undo_of_a_merging_dump_clears_what_it_filled_and_keeps_hand_edits(
    seeded: Library, tmp_path: Path
) -> None:
    swinface = paper_id_by_title(seeded, SWINFACE)
    ugr = paper_id_by_title(seeded, UGR)
    before = {p.id: p for p in triage.get_papers(seeded, [swinface, ugr])}
    dump = tmp_path / "merge.bib"
    dump.write_text(MERGING_BIB, encoding="utf-8")
    imported = importing.import_path(seeded, dump)
    assert (imported.added, imported.merged) == (1, 2)
    assert "doi" in imported.filled[ugr] and "authors" in imported.filled[swinface]
    assert search.search_ids(seeded, "author:Lixiong") == [swinface]
    # A field the import filled, then the user changed by hand, is the user's now.
    editing.edit_paper(seeded, swinface, venue="TCSVT (my abbreviation)")

    report = batches.undo_import(seeded, imported.batch_id or 0)

    assert (report.removed, report.reverted) == (1, 2)
    assert report.kept == [(swinface, "edited by you (venue)")]
    after = {p.id: p for p in triage.get_papers(seeded, [swinface, ugr])}
    for pid in (swinface, ugr):
        paper = after[pid]
        assert (paper.year, paper.doi, paper.arxiv_id, paper.authors) == (None, None, None, ())
        assert paper.links.abs is None and paper.links.pdf is None  # came with the arXiv id
        assert paper.abstract == before[pid].abstract and paper.title == before[pid].title
    assert after[swinface].venue == "TCSVT (my abbreviation)"
    assert after[ugr].venue is None
    assert len(_ids(seeded)) == 73
    assert search.search_ids(seeded, "author:Lixiong") == []
    assert search.search_ids(seeded, "Zanzibar") == []
    assert checking.check(seeded).ok


def test_a_field_changed_since_the_import_stays(seeded: Library, tmp_path: Path) -> None:
    ugr = paper_id_by_title(seeded, UGR)
    dump = tmp_path / "merge.bib"
    dump.write_text(MERGING_BIB, encoding="utf-8")
    imported = importing.import_path(seeded, dump)
    # Not a hand edit through the app, but not the batch's value any more either.
    with plain_db(seeded) as conn:
        conn.execute("UPDATE papers SET year = 1999 WHERE id = ?", (ugr,))

    report = batches.undo_import(seeded, imported.batch_id or 0)

    assert (ugr, "changed since (year)") in report.kept
    paper = triage.get_paper(seeded, ugr)
    assert paper.year == 1999 and paper.doi is None


def test_a_paper_another_import_also_brought_stays_until_that_one_is_undone(
    seeded: Library,
) -> None:
    first = overview.list_batches(seeded)[0].id
    again = importing.import_path(seeded, SEED)
    assert (again.added, again.unchanged) == (0, 73)
    second = again.batch_id or 0

    report = batches.undo_import(seeded, first)
    assert report.removed == 0
    assert {reason for _, reason in report.kept} == {f"also imported by batch {second}"}
    assert len(report.kept) == 73

    # The second import is now the one that brought them: undoing it removes them.
    report = batches.undo_import(seeded, second)
    assert (report.removed, report.kept) == (73, [])
    assert _ids(seeded) == set()


def test_undo_twice_and_unknown_batch_are_clear_errors(seeded: Library) -> None:
    batch = overview.list_batches(seeded)[0].id
    batches.undo_import(seeded, batch)
    with pytest.raises(UserError, match=f"import batch {batch} was already undone on"):
        batches.undo_import(seeded, batch)
    with pytest.raises(UserError, match="no import batch 999"):
        batches.undo_import(seeded, 999)


def test_a_dry_run_records_nothing_to_undo(seeded: Library) -> None:
    report = importing.import_path(seeded, SEED, dry_run=True)
    assert report.batch_id is None
    assert [b.id for b in overview.list_batches(seeded)] == [1]


def _schema(db: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(db) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        shape = {t: conn.execute(f"PRAGMA table_info({t})").fetchall() for t in tables}
        shape["indexes"] = conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name"
        ).fetchall()
    return shape


def _make_v1(directory: Path) -> None:
    """The library the first release wrote (tests/data/library_v1.sqlite): the seed dump
    imported, no undo facts."""
    directory.mkdir(parents=True)
    shutil.copyfile(DATA / "library_v1.sqlite", paths.database_path(directory))


def test_a_v1_library_migrates_and_says_its_old_imports_cannot_be_undone(
    tmp_path: Path,
) -> None:
    old_dir, fresh_dir = tmp_path / "old", tmp_path / "fresh"
    _make_v1(old_dir)
    Library.open(fresh_dir).close()

    with Library.open(old_dir) as lib:
        assert lib.backup_path is not None and lib.backup_path.exists()
        with sqlite3.connect(lib.backup_path) as conn:
            assert conn.execute("PRAGMA user_version").fetchone() == (1,)
        assert _schema(lib.db_path) == _schema(paths.database_path(fresh_dir))
        with sqlite3.connect(lib.db_path) as conn:
            assert conn.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
        with pytest.raises(UserError, match=r"older readerapp.*cannot be undone"):
            batches.undo_import(lib, 1)
        assert len(_ids(lib)) == 73
        assert overview.list_batches(lib)[0].undone_at is None

        # Imports made after the migration record their facts and undo as usual.
        triage.delete_papers(lib, [paper_id_by_title(lib, SWINFACE)])
        report = importing.import_path(lib, SEED)
        assert report.added == 1
        undone = batches.undo_import(lib, report.batch_id or 0)
        assert (undone.removed, undone.kept) == (1, [])
        assert len(_ids(lib)) == 72


def test_sources_are_named_as_people_say_them() -> None:
    from readerapp.services.batches import source_name

    assert source_name("/home/ada/papers/dump.json") == "dump.json"
    assert source_name("C:\\Users\\ada\\refs.bib") == "refs.bib"
    assert source_name("<clipboard>") == "the clipboard"  # not the marker the batch records
    assert source_name("<stdin>") == "standard input"
