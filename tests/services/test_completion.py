"""Completing papers from online sources, against a local server with recorded answers."""

from __future__ import annotations

import pytest

from readerapp.core.errors import NetworkError
from readerapp.core.progress import CancelToken
from readerapp.services import completion, editing, online, triage, undo
from readerapp.services.library import Library
from tests.fakes import FakeClock
from tests.plain_db import plain_db
from tests.scholarly_server import KnownPaper, ScholarlyWeb
from tests.user_rows import user_rows

# Five title-only papers of the seed, as the local server knows them. The arXiv ids and
# authors are made up for the test (the server hands out whatever it is given).
KNOWN = {
    "SwinFace": ("2308.11509", ("Lixiong Qin", "Mei Wang"), "2023-08-22"),
    "A Unified Generative Retriever": (
        "2304.14856",
        ("Jiangui Chen", "Ruqing Zhang"),
        "2023-04-28",
    ),
    "TaskExpert": ("2307.15324", ("Hanrong Ye", "Dan Xu"), "2023-07-28"),
    "Task-Specific Skill Localization": ("2302.06600", ("Abhishek Panigrahi",), "2023-02-13"),
    "Circuit Component Reuse": ("2310.08744", ("Jack Merullo", "Carsten Eickhoff"), "2023-10-12"),
}
LOOSE = "Enhancing Neural Subset Selection"


def _title(lib: Library, fragment: str) -> tuple[int, str]:
    with plain_db(lib) as conn:
        row = conn.execute(
            "SELECT id, title FROM papers WHERE title LIKE ?", (f"{fragment}%",)
        ).fetchone()
    assert row is not None, fragment
    return int(row[0]), str(row[1])


def _teach(web: ScholarlyWeb, lib: Library) -> dict[int, str]:
    ids = {}
    for fragment, (arxiv_id, authors, date) in KNOWN.items():
        pid, title = _title(lib, fragment)
        web.knows(title, KnownPaper(title, arxiv_id, authors, date))
        ids[pid] = arxiv_id
    pid, title = _title(lib, LOOSE)
    # The server's paper has one word more: close, but not surely the same paper.
    web.knows(
        title, KnownPaper(title + " Efficiently", "2402.03139", ("Binghui Xie",), "2024-02-05")
    )
    return ids


def _rows(lib: Library) -> dict[str, list[tuple[object, ...]]]:
    return user_rows(lib)


def test_complete_fills_what_the_server_knows_and_lists_the_loose_match(
    seeded: Library, scholarly_web: ScholarlyWeb
) -> None:
    taught = _teach(scholarly_web, seeded)
    everything = [p.id for p in triage.get_papers(seeded, range(1, 200))]
    todo = completion.incomplete_ids(seeded, everything)
    assert set(taught) <= set(todo)
    found = completion.look_up(seeded, todo)
    report = completion.apply(seeded, found)

    assert set(report.filled) == set(taught)
    for pid, arxiv_id in taught.items():
        paper = triage.get_paper(seeded, pid)
        assert paper.arxiv_id == arxiv_id
        assert paper.authors and paper.year and paper.date
        assert paper.links.abs == f"https://arxiv.org/abs/{arxiv_id}"
        assert paper.links.pdf == f"https://arxiv.org/pdf/{arxiv_id}"
        assert paper.links.hf == f"https://huggingface.co/papers/{arxiv_id}"
        assert not completion.missing_fields(paper)
    loose_id, _ = _title(seeded, LOOSE)
    assert [c.paper_id for c in found.candidates] == [loose_id]
    assert "title differs" in found.candidates[0].why
    assert triage.get_paper(seeded, loose_id).arxiv_id is None  # listed, not applied
    assert loose_id in found.not_found
    assert found.requests > 0


def test_undoing_a_completion_restores_the_library_exactly(
    seeded: Library, scholarly_web: ScholarlyWeb
) -> None:
    taught = _teach(scholarly_web, seeded)
    before = _rows(seeded)
    report = completion.apply(seeded, completion.look_up(seeded, list(taught)))
    assert report.filled
    undo.remember(seeded, report.applied())
    assert _rows(seeded) != before
    undo.undo_last(seeded)
    assert _rows(seeded) == before


def test_a_hand_edit_is_never_overwritten_by_a_completion(
    seeded: Library, scholarly_web: ScholarlyWeb
) -> None:
    taught = _teach(scholarly_web, seeded)
    pid = next(iter(taught))
    editing.edit_paper(seeded, pid, year=None, date=None)  # the user cleared them on purpose
    report = completion.apply(seeded, completion.look_up(seeded, [pid]))
    paper = triage.get_paper(seeded, pid)
    assert "authors" in report.filled[pid]
    assert paper.authors and paper.year is None and paper.date is None


def test_a_candidate_the_user_accepts_is_applied(
    seeded: Library, scholarly_web: ScholarlyWeb
) -> None:
    _teach(scholarly_web, seeded)
    loose_id, _ = _title(seeded, LOOSE)
    found = completion.look_up(seeded, [loose_id])
    report = completion.accept(seeded, found.candidates)
    assert report.filled[loose_id]
    assert triage.get_paper(seeded, loose_id).arxiv_id == "2402.03139"


def test_a_dry_run_reports_and_changes_nothing(
    seeded: Library, scholarly_web: ScholarlyWeb
) -> None:
    taught = _teach(scholarly_web, seeded)
    before = _rows(seeded)
    report = completion.apply(seeded, completion.look_up(seeded, list(taught)), dry_run=True)
    assert set(report.filled) == set(taught)
    assert "arxiv_id" in next(iter(report.filled.values()))
    assert report.undo_step() is None
    assert _rows(seeded) == before


def test_a_dry_run_names_exactly_the_fields_the_real_run_fills(
    seeded: Library, scholarly_web: ScholarlyWeb
) -> None:
    taught = _teach(scholarly_web, seeded)
    pid = next(iter(taught))
    editing.edit_paper(seeded, pid, year=None, date=None)  # cleared by hand: stays empty
    found = completion.look_up(seeded, list(taught))
    dry = completion.apply(seeded, found, dry_run=True)
    assert "year" not in dry.filled[pid] and "date" not in dry.filled[pid]
    real = completion.apply(seeded, found)
    assert dry.filled == real.filled


def test_a_repeated_look_up_is_answered_from_the_cache(
    seeded: Library, scholarly_web: ScholarlyWeb
) -> None:
    taught = _teach(scholarly_web, seeded)
    completion.look_up(seeded, list(taught))
    asked = len(scholarly_web.log)
    again = completion.look_up(seeded, list(taught))
    assert len(scholarly_web.log) == asked
    assert again.requests == 0 and set(again.found) == set(taught)


def test_with_the_server_stopped_one_clear_error_and_nothing_changes(
    seeded: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(online, "CLOCK", FakeClock())  # the sources point at a dead port
    before = _rows(seeded)
    pid, _ = _title(seeded, "SwinFace")
    with pytest.raises(NetworkError) as caught:
        completion.look_up(seeded, [pid])
    assert str(caught.value).startswith("Hugging Face: could not connect")
    assert "\n" not in str(caught.value)
    assert _rows(seeded) == before


def test_cancel_half_way_keeps_what_was_found_and_writes_whole_rows(
    seeded: Library, scholarly_web: ScholarlyWeb
) -> None:
    taught = _teach(scholarly_web, seeded)
    cancel = CancelToken()
    seen: list[int] = []

    def progress(done: int, total: int | None, message: str) -> None:
        seen.append(done)
        if len(seen) == 4:  # two papers looked up, the third about to be
            cancel.cancel()

    found = completion.look_up(seeded, list(taught), progress=progress, cancel=cancel)
    assert found.stopped
    assert 1 <= len(found.found) < len(taught)
    report = completion.apply(seeded, found)
    for pid in report.filled:
        paper = triage.get_paper(seeded, pid)
        assert paper.arxiv_id == taught[pid] and paper.authors
    for pid in set(taught) - set(report.filled):
        assert triage.get_paper(seeded, pid).arxiv_id is None
