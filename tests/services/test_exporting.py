from __future__ import annotations

import json

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
