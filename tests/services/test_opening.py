"""Opening a paper: the best link of the real seed papers, or one sentence why not."""

from __future__ import annotations

import dataclasses

from readerapp.core.records import Links
from readerapp.services import opening, search, triage
from readerapp.services.library import Library


def test_every_seed_paper_opens_its_best_link_or_says_why_not(seeded: Library) -> None:
    papers = triage.get_papers(seeded, search.search_ids(seeded, ""))
    found = {p.id: opening.best_link(p) for p in papers}
    with_link = [p for p in papers if any(p.links.as_dict().values())]
    assert with_link  # the seed has papers with code or project links and none with abs
    for paper in with_link:
        url = found[paper.id].url
        assert url is not None and url in paper.links.as_dict().values()
    for paper in papers:
        if not paper.links.as_dict() and not paper.arxiv_id and not paper.doi:
            result = found[paper.id]
            assert result.url is None and paper.title in result.why
            assert "no link, arXiv id or DOI" in result.why


def test_the_order_is_abstract_pdf_hf_project_code_then_ids(seeded: Library) -> None:
    (pid,) = search.search_ids(seeded, "title:kronecker")
    base = triage.get_paper(seeded, pid)
    paper = dataclasses.replace(
        base,
        links=Links(code="https://github.com/a/b", project="https://p.example/x"),
        arxiv_id="2106.09685",
        doi="10.1/x",
    )
    assert opening.best_link(paper).url == "https://p.example/x"
    paper = dataclasses.replace(paper, links=Links(code="https://github.com/a/b"))
    assert opening.best_link(paper).url == "https://github.com/a/b"
    paper = dataclasses.replace(paper, links=Links(pdf="https://arxiv.org/pdf/2106.09685"))
    assert opening.best_link(paper).url == "https://arxiv.org/pdf/2106.09685"
    paper = dataclasses.replace(paper, links=Links(abs="javascript:alert(1)"))
    assert opening.best_link(paper).url == "https://arxiv.org/abs/2106.09685"  # http(s) only
    paper = dataclasses.replace(paper, links=Links(), arxiv_id=None)
    assert opening.best_link(paper).url == "https://doi.org/10.1/x"
    assert opening.opening(seeded, pid) == opening.best_link(base)
