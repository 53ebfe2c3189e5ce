"""CrossrefSource against a local server serving Crossref's recorded answers byte for byte
(tests/data/api/crossref, MANIFEST.md), with the headers Crossref sends."""

from __future__ import annotations

import json

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request

from readerapp.core.errors import NetworkError
from readerapp.core.identifiers import Identifier, parse_identifier
from readerapp.core.records import Links
from readerapp.sources.crossref import CrossrefSource, crossref_work_record, jats_text
from readerapp.sources.http import Http, Politeness
from tests.fakes import FakeClock, recorded
from tests.sources.test_http import MemoryCache

CONTACT = "me@example.org"
JSON = "application/json"
# What Crossref's polite pool said in 2026-06 (habanero cassettes, API-NOTES section 2).
RATE = {"X-Rate-Limit-Limit": "10", "X-Rate-Limit-Interval": "1s", "X-Api-Pool": "polite"}

PLOS = Identifier("doi", "10.1371/journal.pone.0033693")
ICDCSW = Identifier("doi", "10.1109/icdcsw.2003.1203662")
NOT_A_DOI = Identifier("doi", "10.1371/notarealdoi")


def source_for(
    server: HTTPServer,
    clock: FakeClock,
    *,
    contact: str = CONTACT,
    cache: MemoryCache | None = None,
) -> CrossrefSource:
    http = Http(
        "Crossref", server.url_for(""), Politeness(), contact=contact, clock=clock, cache=cache
    )
    return CrossrefSource(http)


@pytest.fixture
def crossref(httpserver: HTTPServer, clock: FakeClock) -> CrossrefSource:
    return source_for(httpserver, clock)


def serve(
    server: HTTPServer, path: str, name: str, status: int = 200, content_type: str = JSON
) -> None:
    server.expect_request(path).respond_with_data(
        recorded(f"crossref/{name}"), status=status, content_type=content_type, headers=RATE
    )


def serve_404(server: HTTPServer, path: str) -> None:
    serve(server, path, "habanero_works_10.1371_notarealdoi_404.txt", 404, "text/plain")


def asked(server: HTTPServer) -> list[Request]:
    return [request for request, _ in server.log]


# -- identifiers ----------------------------------------------------------------------------


def test_handles_dois_but_not_arxiv_ids_or_arxiv_dois(crossref: CrossrefSource) -> None:
    assert crossref.handles(PLOS)
    assert not crossref.handles(Identifier("arxiv", "2106.09685"))
    # core/identifiers turns arXiv's DataCite DOIs into arXiv ids; one built by hand is
    # still not Crossref's (it answers 404 for every one, API-NOTES section 2).
    assert not crossref.handles(Identifier("doi", "10.48550/arxiv.2312.07559"))
    assert parse_identifier("10.48550/arXiv.2312.07559") == Identifier("arxiv", "2312.07559")


def test_by_ids_reads_a_journal_article(httpserver: HTTPServer, crossref: CrossrefSource) -> None:
    serve(
        httpserver,
        "/works/10.1371/journal.pone.0033693",
        "habanero_works_10.1371_journal.pone.0033693_journal-article.json",
    )
    record = crossref.by_ids([PLOS])[PLOS]
    assert record.title == (
        "Methylphenidate Exposure Induces Dopamine Neuron Loss and Activation of Microglia "
        "in the Basal Ganglia of Mice"
    )
    assert record.authors == (
        "Shankar Sadasivan",
        "Brooks B. Pond",
        "Amar K. Pani",
        "Chunxu Qu",
        "Yun Jiao",
        "Richard J. Smeyne",
    )  # not the editor, Cesario V. Borlongan
    assert (record.year, record.date) == (2012, "2012-03-21")
    assert record.venue == "PLoS ONE"
    assert record.doi == "10.1371/journal.pone.0033693"
    assert record.arxiv_id is None
    assert record.abstract == ""  # this work has none
    assert record.links == Links(abs="https://doi.org/10.1371/journal.pone.0033693")
    assert record.line is None
    # The polite pool: the contact goes along as mailto.
    assert asked(httpserver)[0].args.to_dict() == {"mailto": CONTACT}


def test_a_proceedings_paper_without_any_date(
    httpserver: HTTPServer, crossref: CrossrefSource
) -> None:
    serve(
        httpserver,
        "/works/10.1109/icdcsw.2003.1203662",
        "habanero_works_10.1109_icdcsw.2003.1203662_proceedings-article.json",
    )
    record = crossref.by_ids([ICDCSW])[ICDCSW]
    assert record.title == "Accurate and explicit differentiation of wireless and congestion losses"
    assert record.authors == ("V. Arya", "T. Turletti")
    # `issued` is [[null]] and there is no `published`: no date, not a crash or year 0.
    assert (record.year, record.date) == (None, None)
    assert record.venue == (
        "23rd International Conference on Distributed Computing Systems Workshops, 2003. "
        "Proceedings."
    )
    # Its one link is Similarity Check's copy on an IEEE staging host, of no stated type.
    assert record.links.pdf is None


def test_an_unknown_doi_is_absent_and_arxiv_dois_are_not_asked(
    httpserver: HTTPServer, crossref: CrossrefSource
) -> None:
    serve(
        httpserver,
        "/works/10.1109/icdcsw.2003.1203662",
        "habanero_works_10.1109_icdcsw.2003.1203662_proceedings-article.json",
    )
    serve_404(httpserver, "/works/10.1371/notarealdoi")
    arxiv_doi = Identifier("doi", "10.48550/arxiv.2312.07559")
    found = crossref.by_ids([NOT_A_DOI, ICDCSW, arxiv_doi, Identifier("arxiv", "2106.09685")])
    assert list(found) == [ICDCSW]
    assert [r.path for r in asked(httpserver)] == [
        "/works/10.1371/notarealdoi",
        "/works/10.1109/icdcsw.2003.1203662",
    ]


def test_the_datacite_404_body_is_read_as_absent_too(
    httpserver: HTTPServer, crossref: CrossrefSource
) -> None:
    # Identical bytes to the 404 above (MANIFEST checksums): Crossref has one "not found".
    doi = Identifier("doi", "10.1234/elsewhere")
    serve(
        httpserver,
        "/works/10.1234/elsewhere",
        "paperqa_works_10.48550_arxiv.2312.07559_404_datacite_doi.txt",
        404,
        "text/plain",
    )
    assert crossref.by_ids([doi]) == {}


def test_no_mailto_without_a_contact(httpserver: HTTPServer, clock: FakeClock) -> None:
    serve_404(httpserver, "/works/10.1371/notarealdoi")
    assert source_for(httpserver, clock, contact="").by_ids([NOT_A_DOI]) == {}
    assert asked(httpserver)[0].args.to_dict() == {}


def test_a_doi_with_reserved_characters_is_escaped_in_the_path(
    httpserver: HTTPServer, crossref: CrossrefSource
) -> None:
    sici = Identifier("doi", "10.1002/(sici)1097-4571(199806)49:8<693::aid-asi4>3.0.co;2-o")
    serve_404(httpserver, "/works/10.1002/(sici)1097-4571(199806)49:8<693::aid-asi4>3.0.co;2-o")
    assert crossref.by_ids([sici]) == {}
    raw_path = asked(httpserver)[0].environ["RAW_URI"]
    assert raw_path.startswith("/works/10.1002/(sici)1097-4571(199806)49:8%3C693::aid-asi4%3E3.0")


def test_the_advertised_rate_paces_lookups(
    httpserver: HTTPServer, crossref: CrossrefSource, clock: FakeClock
) -> None:
    serve_404(httpserver, "/works/10.1371/notarealdoi")
    serve_404(httpserver, "/works/10.1371/notarealdoi2")
    crossref.by_ids([NOT_A_DOI, Identifier("doi", "10.1371/notarealdoi2")])
    assert sum(clock.sleeps) == pytest.approx(0.1)  # 10 per second


def test_found_records_come_from_the_cache_and_absent_ones_are_asked_again_after_a_day(
    httpserver: HTTPServer, clock: FakeClock
) -> None:
    serve(
        httpserver,
        "/works/10.1109/icdcsw.2003.1203662",
        "habanero_works_10.1109_icdcsw.2003.1203662_proceedings-article.json",
    )
    serve_404(httpserver, "/works/10.1371/notarealdoi")
    crossref = source_for(httpserver, clock, cache=MemoryCache(clock))
    crossref.by_ids([ICDCSW, NOT_A_DOI])
    clock.advance(2 * 24 * 3600)
    assert list(crossref.by_ids([ICDCSW, NOT_A_DOI])) == [ICDCSW]
    assert [r.path for r in asked(httpserver)] == [
        "/works/10.1109/icdcsw.2003.1203662",
        "/works/10.1371/notarealdoi",
        "/works/10.1371/notarealdoi",
    ]


# -- titles ---------------------------------------------------------------------------------


def test_by_title_asks_a_bibliographic_query_and_keeps_crossrefs_answer(
    httpserver: HTTPServer, crossref: CrossrefSource
) -> None:
    serve(
        httpserver, "/works", "paperqa_works_query.title_attention_is_all_you_need_wrong_match.json"
    )
    [record] = crossref.by_title("Attention is All you\n Need", limit=5)
    args = asked(httpserver)[0].args
    assert args["query.bibliographic"] == "Attention is All you Need"
    assert args["rows"] == "5"
    assert args["mailto"] == CONTACT
    assert args["select"].split(",")[:4] == ["DOI", "title", "author", "issued"]
    # Crossref's top hit is another paper; deciding that is services/matching's job.
    assert record.title == "Self-Attention with Relative Position Representations"
    assert record.authors == ("Peter Shaw", "Jakob Uszkoreit", "Ashish Vaswani")
    assert (record.year, record.date) == (2018, "2018")  # published-print has the year only
    assert record.doi == "10.18653/v1/n18-2074"
    # The container title's hard line breaks and indentation are gone.
    assert record.venue == (
        "Proceedings of the 2018 Conference of the North American Chapter of the Association "
        "for Computational Linguistics: Human Language Technologies, Volume 2 (Short Papers)"
    )


def test_by_title_turns_a_jats_abstract_into_paragraphs(
    httpserver: HTTPServer, crossref: CrossrefSource
) -> None:
    serve(httpserver, "/works", "paperqa_works_query.title_paperqa_unrelated_match.json")
    [record] = crossref.by_title("PaperQA: Retrieval-Augmented Generative Agent", limit=1)
    assert asked(httpserver)[0].args["rows"] == "1"
    assert record.title == "Retrieval augmented scientific claim verification"
    assert record.venue == "JAMIA Open"
    assert record.authors[:3] == ("Hao Liu", "Ali Soroush", "Jordan G Nestor")
    # `issued` (the print date) wins over the later online date.
    assert (record.year, record.date) == (2024, "2024-01-04")
    paragraphs = record.abstract.split("\n\n")
    assert [p.split(":")[0] for p in paragraphs] == [
        "Objective",
        "Materials and Methods",
        "Results",
        "Conclusion",
    ]
    assert paragraphs[0] == (
        "Objective: To automate scientific claim verification using PubMed abstracts."
    )
    assert "<" not in record.abstract and "Abstract" not in record.abstract
    assert "CliVER\u2019s performance" in record.abstract
    # The version of record's PDF, not the accepted manuscript or Similarity Check's copy.
    assert record.links == Links(
        abs="https://doi.org/10.1093/jamiaopen/ooae021",
        pdf="https://academic.oup.com/jamiaopen/article-pdf/7/1/ooae021/56904263/ooae021.pdf",
    )


def test_by_title_reads_every_item_of_a_list(
    httpserver: HTTPServer, crossref: CrossrefSource
) -> None:
    serve(httpserver, "/works", "habanero_works_query_ecology_rows2.json")
    first, second = crossref.by_title("ecology", limit=2)
    assert (first.title, first.authors, first.date) == ("Communicating Ecology", (), "2022-07-26")
    assert (second.title, second.authors, second.date) == (
        "Chemical Ecology",
        ("André Kessler",),
        "2012-05-23",
    )
    assert {first.venue, second.venue} == {"Ecology"}
    assert second.doi == "10.1093/obo/9780199830060-0023"
    # An HTML <p> abstract (Oxford Bibliographies) becomes text as a JATS one does.
    assert first.abstract.startswith("Communication is perhaps the most important")
    assert first.abstract.endswith("assist improvement of ecological communication.")
    assert second.abstract.startswith("“Ours is a world of sights and sounds.")


def test_by_title_with_a_selected_answer(httpserver: HTTPServer, crossref: CrossrefSource) -> None:
    serve(httpserver, "/works", "paperqa_works_query.title_select_DOI_title.json")
    [record] = crossref.by_title("Augmenting large language models with chemistry tools", 1)
    assert record.title == "Augmenting large language models with chemistry tools"
    assert record.doi == "10.1038/s42256-024-00832-8"
    assert (record.authors, record.year, record.venue) == ((), None, None)


def test_by_title_with_no_results(httpserver: HTTPServer, crossref: CrossrefSource) -> None:
    serve(httpserver, "/works", "rcrossref_works_query_adfaaf_zero_results.json")
    assert crossref.by_title("adfaaf") == []


def test_by_title_never_asks_more_than_limit(
    httpserver: HTTPServer, crossref: CrossrefSource
) -> None:
    serve(httpserver, "/works", "habanero_works_query_ecology_rows2.json")
    assert [r.title for r in crossref.by_title("ecology", limit=1)] == ["Communicating Ecology"]
    assert crossref.by_title("   ") == []
    assert crossref.by_title("ecology", limit=0) == []
    assert len(asked(httpserver)) == 1


# -- refusals and wrong answers -------------------------------------------------------------


def test_a_validation_failure_is_an_error_with_crossrefs_message(
    httpserver: HTTPServer, crossref: CrossrefSource
) -> None:
    serve(
        httpserver,
        "/works",
        "habanero_works_doi_plus_query.author_400_validation-failure.json",
        400,
    )
    with pytest.raises(NetworkError) as caught:
        crossref.by_title("anything")
    assert str(caught.value) == (
        "Crossref: refused the request: This route does not support field query parameters"
    )


def test_an_html_page_is_not_an_answer(httpserver: HTTPServer, crossref: CrossrefSource) -> None:
    # What a captive portal or a proxy sends: HTML with a 200.
    page = recorded("doi-content-negotiation/habanero_doi.org_302_redirect_body.html")
    httpserver.expect_request("/works").respond_with_data(page, content_type="text/html")
    with pytest.raises(NetworkError, match=r"^Crossref: sent text/html where JSON was expected"):
        crossref.by_title("anything")


def test_a_list_where_a_work_was_asked_for_is_an_error(
    httpserver: HTTPServer, crossref: CrossrefSource
) -> None:
    serve(
        httpserver, "/works/10.1371/journal.pone.0033693", "habanero_works_query_ecology_rows2.json"
    )
    with pytest.raises(NetworkError, match="sent a 'work-list' answer where a work was expected"):
        crossref.by_ids([PLOS])


def test_a_server_error_is_an_error(httpserver: HTTPServer, clock: FakeClock) -> None:
    httpserver.expect_request("/works").respond_with_data("upstream timeout", status=504)
    crossref = CrossrefSource(
        Http("Crossref", httpserver.url_for(""), Politeness(retries=1), clock=clock)
    )
    with pytest.raises(NetworkError, match=r"^Crossref: HTTP 504"):
        crossref.by_title("anything")


# -- the converter on its own ---------------------------------------------------------------


def test_a_csl_json_rendering_reads_the_same_way() -> None:
    # Crossref's CSL-JSON (/transform) has string titles; the converter takes either.
    item = json.loads(
        recorded("doi-content-negotiation/habanero_csl-json_10.1126_science.169.3946.635.json")
    )
    record = crossref_work_record(item)
    assert record is not None
    assert record.title == "The Structure of Ordinary Water"  # the subtitle stays out
    assert record.authors == ("Henry S. Frank",)
    assert (record.year, record.date, record.venue) == (1970, "1970-08-14", "Science")
    assert record.abstract.startswith("The train of thought pursued in this article")
    assert record.abstract.endswith("confidence we will be able to place in our conclusions.")


def test_dates_fall_back_and_organisations_keep_their_name() -> None:
    record = crossref_work_record(
        {
            "DOI": "10.5555/EXAMPLE",
            "title": ["", "A Title"],
            "author": [
                {"name": "The Example Consortium", "sequence": "first"},
                {"given": "Ann", "family": "Smith", "suffix": "Jr."},
            ],
            "issued": {"date-parts": [[None]]},
            "published-online": {"date-parts": [[2021, 2]]},
            "event": {"name": "Example Conference 2021"},
        }
    )
    assert record is not None
    assert record.title == "A Title"
    assert record.authors == ("The Example Consortium", "Ann Smith, Jr.")
    assert (record.year, record.date) == (2021, "2021-02")
    assert record.venue == "Example Conference 2021"
    assert record.doi == "10.5555/example"


def test_an_item_naming_no_paper_is_none() -> None:
    assert crossref_work_record({"title": [], "author": []}) is None
    assert crossref_work_record(None) is None


def test_jats_text() -> None:
    assert jats_text("") == ""
    assert jats_text("Plain &amp; simple") == "Plain & simple"
    assert (
        jats_text(
            "<jats:p>We study H<jats:sub>2</jats:sub>O at <jats:italic>low</jats:italic> "
            "temperature (p &lt; 0.05).</jats:p>\n<jats:p>Second   paragraph.</jats:p>"
        )
        == "We study H2O at low temperature (p < 0.05).\n\nSecond paragraph."
    )
    # A heading followed by no paragraph stands alone; one ending in a stop gets no colon.
    assert (
        jats_text(
            "<jats:title>Summary</jats:title><jats:sec><jats:title>Aims.</jats:title>"
            "<jats:p>To test.</jats:p></jats:sec><jats:title>Note</jats:title><jats:list>"
            "<jats:list-item>one</jats:list-item></jats:list>"
        )
        == "Aims. To test.\n\nNote\n\none"
    )
