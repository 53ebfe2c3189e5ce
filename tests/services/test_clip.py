"""What Copy and a drag carry out of the window, in each flavour."""

from __future__ import annotations

from readerapp.services import clip, editing, search
from readerapp.services.library import Library
from tests.conftest import paper_id_by_title


def test_each_flavour_holds_the_papers_in_the_order_given(seeded: Library) -> None:
    swin = paper_id_by_title(seeded, "SwinFace")
    task = paper_id_by_title(seeded, "TaskExpert")
    text = clip.paper_text(seeded, [task, swin])
    assert text.plain.index("TaskExpert") < text.plain.index("SwinFace")
    assert len(text.plain.splitlines()) == 2
    assert text.markdown.splitlines()[0].startswith("- ") and "TaskExpert" in text.markdown
    assert text.bibtex.count("@") == 2 and "SwinFace" in text.bibtex
    assert text.html.startswith("<ul>") and text.html.count("<li>") == 2


def test_a_plain_line_reads_title_authors_year_link(seeded: Library) -> None:
    pid = paper_id_by_title(seeded, "SwinFace")
    editing.edit_paper(
        seeded,
        pid,
        authors=["Lixiong Qin", "Mei Wang"],
        year=2023,
        abs_url="https://arxiv.org/abs/2308.11509",
    )
    line = clip.paper_text(seeded, [pid]).plain.strip()
    assert line.startswith("SwinFace: A Multi-task Transformer")
    assert line.endswith(". Lixiong Qin, Mei Wang (2023). https://arxiv.org/abs/2308.11509")


def test_html_escapes_titles_and_links_only_to_the_web(seeded: Library) -> None:
    pid = search.search_ids(seeded, "")[0]
    editing.edit_paper(
        seeded,
        pid,
        title='<b>Bold</b> & "quoted"',
        abs_url=None,
        pdf_url=None,
        hf_url=None,
        project_url=None,
    )
    text = clip.paper_text(seeded, [pid])
    assert "<li>&lt;b&gt;Bold&lt;/b&gt; &amp; &quot;quoted&quot;</li>" in text.html
    assert "href" not in text.html  # no web link left: no anchor at all


def test_unknown_ids_are_left_out(seeded: Library) -> None:
    pid = paper_id_by_title(seeded, "SwinFace")
    assert len(clip.paper_text(seeded, [999_999, pid]).plain.splitlines()) == 1
