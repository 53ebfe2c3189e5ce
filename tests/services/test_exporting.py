from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from readerapp.core.errors import Cancelled, UserError
from readerapp.core.progress import CancelToken
from readerapp.formats.registry import EXPORT_FORMATS
from readerapp.services import exporting, notes, queues, triage
from readerapp.services.library import Library
from tests.conftest import paper_id_by_title


def test_markdown_queue_export_keeps_order_status_and_notes(seeded: Library) -> None:
    a = paper_id_by_title(seeded, "SwinFace")
    b = paper_id_by_title(seeded, "TaskExpert")
    c = paper_id_by_title(seeded, "Kronecker")
    queues.add_to_queue(seeded, "Week 32", [a, b, c])
    queues.move_in_queue(seeded, "Week 32", c, 1)
    triage.set_status(seeded, [b], "reading")
    triage.set_starred(seeded, [c], True)
    notes.add_note(seeded, b, "Check the *gating* networks.\nThen section 4.")
    text, count = exporting.export_text(seeded, exporting.Selection(queue="Week 32"), "markdown")
    assert count == 3
    lines = text.splitlines()
    assert lines[0] == "# Reading queue: Week 32"
    numbered = [line for line in lines if line[:2] in ("1.", "2.", "3.")]
    assert numbered[0].startswith("1. **Singular Value Decomposition on Kronecker")
    assert numbered[1].startswith("2. **SwinFace")
    assert numbered[2].startswith("3. **TaskExpert")
    assert "   ★ starred · status: unread" in lines
    code = "[code](<https://github.com/prismformore/Multi-Task-Transformer>)"
    assert f"   status: reading · {code}" in lines
    assert "   > Check the *gating* networks." in lines and "   > Then section 4." in lines


def test_markdown_escapes_titles(library: Library, tmp_path: object) -> None:
    from readerapp.formats.markdown_export import escape

    assert escape("[x](javascript:alert(1)) <b>") == r"\[x\](javascript:alert(1)) \<b\>"


def test_json_export_of_starred_and_query(seeded: Library) -> None:
    a = paper_id_by_title(seeded, "SwinFace")
    triage.set_starred(seeded, [a], True)
    text, count = exporting.export_text(seeded, exporting.Selection(starred=True), "json")
    (obj,) = json.loads(text)
    assert count == 1 and obj["id"] == a and obj["starred"] is True
    assert set(obj) >= {
        "id",
        "title",
        "authors",
        "year",
        "arxiv_id",
        "doi",
        "starred",
        "status",
        "tags",
        "queues",
        "links",
    }
    assert obj["links"] == {"code": "https://github.com/lxq1000/SwinFace"}
    text, count = exporting.export_text(
        seeded, exporting.Selection(query="title:kronecker"), "json"
    )
    assert count == 1


@pytest.mark.parametrize("fmt", [f.name for f in EXPORT_FORMATS])
def test_a_file_export_is_the_text_export_written_a_chunk_at_a_time(
    seeded: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    monkeypatch.setattr(exporting, "CHUNK", 7)  # 73 papers: ten full chunks and a short one
    everything = exporting.Selection(everything=True)
    text, count = exporting.export_text(seeded, everything, fmt)
    reported: list[tuple[int, int | None]] = []
    (out := tmp_path / "out").mkdir()
    target = out / f"all{fmt}"
    written = exporting.export_to_file(
        seeded, everything, fmt, target, lambda done, total, _msg: reported.append((done, total))
    )
    assert written == count == 73
    assert target.read_bytes() == text.encode("utf-8")  # newlines too: RIS keeps its CRLF
    assert reported[0] == (0, 73) and reported[-1] == (73, 73)
    assert [done for done, _ in reported] == sorted(done for done, _ in reported)
    assert [p.name for p in out.iterdir()] == [target.name]  # no partial file left


def test_a_file_export_leaves_out_papers_deleted_since_they_were_chosen(
    seeded: Library, tmp_path: Path
) -> None:
    kept = [paper_id_by_title(seeded, "SwinFace"), paper_id_by_title(seeded, "TaskExpert")]
    selection = exporting.Selection(ids=(kept[0], 999_999, kept[1]), title="Mine")
    assert exporting.export_to_file(seeded, selection, "json", tmp_path / "mine.json") == 2
    assert [obj["id"] for obj in json.loads((tmp_path / "mine.json").read_text())] == kept


def test_a_cancelled_file_export_leaves_the_old_file_as_it_was(
    seeded: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(exporting, "CHUNK", 7)
    (out := tmp_path / "out").mkdir()
    target = out / "papers.bib"
    target.write_text("my own bibliography\n", encoding="utf-8")
    cancel = CancelToken()
    seen: list[int] = []

    def progress(done: int, total: int | None, _message: str) -> None:
        seen.append(done)
        if done:  # part of the file is written: the user presses Cancel now
            cancel.cancel()

    with pytest.raises(Cancelled):
        exporting.export_to_file(
            seeded, exporting.Selection(everything=True), "bibtex", target, progress, cancel
        )
    assert seen[-1] > 0
    assert target.read_text(encoding="utf-8") == "my own bibliography\n"
    assert [p.name for p in out.iterdir()] == [target.name]


def test_a_file_export_to_a_folder_that_cannot_hold_it_names_the_path(
    seeded: Library, tmp_path: Path
) -> None:
    target = tmp_path / "no such folder" / "all.md"
    with pytest.raises(UserError, match=re.escape(f"{target}: cannot write")):
        exporting.export_to_file(seeded, exporting.Selection(everything=True), "markdown", target)


def test_a_file_export_writes_through_a_link_and_keeps_the_files_permissions(
    seeded: Library, tmp_path: Path
) -> None:
    real = tmp_path / "shared" / "reading.md"
    real.parent.mkdir()
    real.write_text("old\n", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "reading.md"
    link.symlink_to(real)
    selection = exporting.Selection(everything=True)
    exporting.export_to_file(seeded, selection, "markdown", link)
    assert link.is_symlink() and link.resolve() == real
    text, _ = exporting.export_text(seeded, selection, "markdown")
    assert real.read_text(encoding="utf-8") == text
    assert real.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in real.parent.iterdir()) == ["reading.md"]


def test_a_file_export_to_a_pipe_writes_into_it(seeded: Library, tmp_path: Path) -> None:
    import os
    import threading

    (out := tmp_path / "out").mkdir()
    pipe = out / "pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    selection = exporting.Selection(everything=True)
    assert exporting.export_to_file(seeded, selection, "csv", pipe) == 73
    reader.join(timeout=30)
    text, _ = exporting.export_text(seeded, selection, "csv")
    assert received == [text.encode("utf-8")]
    assert [p.name for p in out.iterdir()] == ["pipe"]
