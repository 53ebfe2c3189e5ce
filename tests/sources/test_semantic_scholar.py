"""SemanticScholarSource against a local server serving the Graph API's recorded answers
(tests/data/api/semanticscholar, MANIFEST.md)."""

from __future__ import annotations

import json

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from readerapp.core.errors import NetworkError
from readerapp.core.identifiers import Identifier
from readerapp.core.records import Links
from readerapp.sources.http import Http, Politeness
from readerapp.sources.semantic_scholar import FIELDS, SemanticScholarSource, s2_id
from tests.fakes import FakeClock, recorded
from tests.sources.test_http import MemoryCache

JSON = "application/json"
BATCH = "/graph/v1/paper/batch"
MATCH = "/graph/v1/paper/search/match"
# As the registry asks it: 1.1 s apart, 3 s first back-off (the 429 says no Retry-After).
POLITE = Politeness(min_interval=1.1, backoff=3.0)

CHEMCROW = Identifier("doi", "10.1038/s42256-024-00832-8")
PAPERQA = Identifier("arxiv", "2312.07559")


@pytest.fixture
def s2(httpserver: HTTPServer, clock: FakeClock) -> SemanticScholarSource:
    return SemanticScholarSource(
        Http("Semantic Scholar", httpserver.url_for(""), POLITE, clock=clock)
    )


def body(name: str) -> bytes:
    return recorded(f"semanticscholar/{name}")


def batch_of(*names: str) -> bytes:
    """A batch answer: recorded single-paper bodies, unchanged, as the elements of a list."""
    return b"[" + b", ".join(body(n).rstrip(b"\n") for n in names) + b"]\n"


def asked(server: HTTPServer) -> list[Request]:
    return [request for request, _ in server.log]


def test_handles_arxiv_ids_and_dois(s2: SemanticScholarSource) -> None:
    assert s2.handles(PAPERQA)
    assert s2.handles(CHEMCROW)
    assert s2_id(PAPERQA) == "ARXIV:2312.07559"
    assert s2_id(CHEMCROW) == "DOI:10.1038/s42256-024-00832-8"


# -- batch look-ups -------------------------------------------------------------------------


def test_by_ids_posts_one_batch_and_reads_each_paper(
    httpserver: HTTPServer, s2: SemanticScholarSource
) -> None:
    httpserver.expect_request(
        BATCH,
        method="POST",
        query_string={"fields": FIELDS},
        json={"ids": ["DOI:10.1038/s42256-024-00832-8", "ARXIV:2312.07559"]},
    ).respond_with_data(
        batch_of(
            "paperqa_paper_DOI_10.1038_s42256-024-00832-8_journal_version.json",
            "paperqa_paper_DOI_10.48550_arxiv.2312.07559_arxiv_paper.json",
        ),
        content_type=JSON,
    )
    found = s2.by_ids([CHEMCROW, PAPERQA])
    assert len(asked(httpserver)) == 1
    chemcrow, paperqa = found[CHEMCROW], found[PAPERQA]

    assert chemcrow.title == "Augmenting large language models with chemistry tools"
    assert chemcrow.authors == (
        "Andrés M Bran",
        "Sam Cox",
        "Oliver Schilter",
        "Carlo Baldassari",
        "Andrew D. White",
        "P. Schwaller",
    )
    # The journal version names its preprint: one record ties the DOI to the arXiv id.
    assert (chemcrow.doi, chemcrow.arxiv_id) == ("10.1038/s42256-024-00832-8", "2304.05376")
    assert (chemcrow.year, chemcrow.date) == (2023, "2023-04-11")
    assert chemcrow.venue == "Nat. Mac. Intell."
    assert chemcrow.links == Links(pdf="https://www.nature.com/articles/s42256-024-00832-8.pdf")
    assert chemcrow.line is None

    assert paperqa.title == "PaperQA: Retrieval-Augmented Generative Agent for Scientific Research"
    assert paperqa.authors[0] == "Jakub L'ala"
    assert paperqa.arxiv_id == "2312.07559"
    assert paperqa.doi == "10.48550/arxiv.2312.07559"  # S2 writes "arXiv"; DOIs fold case
    assert paperqa.venue is None  # "arXiv.org" is where it was posted, not a venue
    assert paperqa.links.pdf is None  # openAccessPdf.url is ""


def test_unknown_ids_come_back_null_in_their_place(
    httpserver: HTTPServer, s2: SemanticScholarSource
) -> None:
    idents = [
        Identifier("doi", "10.1101/2024.04.01.587366"),  # S2 answers 404 for it alone
        Identifier("doi", "10.2139/ssrn.288970"),
        Identifier("doi", "10.2139/ssrn.2250500"),
        Identifier("doi", "10.1257/rct.1355"),
    ]
    httpserver.expect_request(BATCH, method="POST").respond_with_data(
        body("s2lib_paper_batch_full_fields_first_id_null.json"), content_type=JSON
    )
    found = s2.by_ids(idents)
    assert list(found) == idents[1:]
    # Position, not content, says which id a paper answers.
    assert [found[i].doi for i in idents[1:]] == [i.value for i in idents[1:]]
    did, miracle, audits = (found[i] for i in idents[1:])
    assert did.title == "How Much Should We Trust Differences-in-Differences Estimates?"
    assert did.authors == ("Marianne Bertrand", "E. Duflo", "S. Mullainathan")
    assert (did.year, did.date) == (2001, "2001-10-01")
    assert did.venue == "Experimental & Empirical Studies eJournal"  # venue "" -> the journal
    assert did.abstract.startswith("Most Difference-in-Difference (DD) papers rely on")
    assert did.links == Links(
        abs="https://www.semanticscholar.org/paper/c31c87c591a25c64fbaa82e8ac6a81831b6ac7ce",
        pdf="http://papers.nber.org/papers/w8841.pdf",
    )
    assert miracle.title == "The Miracle of Microfinance? Evidence from a Randomized Evaluation"
    assert (miracle.year, miracle.date) == (2013, "2013-04-10")
    # journal, publicationDate and openAccessPdf are all null here.
    assert (audits.year, audits.date, audits.venue, audits.links.pdf) == (2023, "2023", None, None)


def test_papers_without_a_title_or_id_are_absent(
    httpserver: HTTPServer, s2: SemanticScholarSource
) -> None:
    idents = [Identifier("doi", f"10.5555/{n}") for n in range(3)]
    httpserver.expect_request(BATCH, method="POST").respond_with_data(
        body("s2lib_paper_batch_authors_only.json"), content_type=JSON
    )
    assert s2.by_ids(idents) == {}


def test_a_paper_keeps_the_id_it_was_found_by(
    httpserver: HTTPServer, s2: SemanticScholarSource
) -> None:
    # Asked for the title only, S2 sends no externalIds; the DOI asked is still the paper's.
    turing = Identifier("doi", "10.1093/mind/lix.236.433")
    httpserver.expect_request(BATCH, method="POST").respond_with_data(
        batch_of("s2lib_paper_10.1093_mind_lix.236.433_fields_title.json"), content_type=JSON
    )
    record = s2.by_ids([turing])[turing]
    assert (record.title, record.doi) == ("Computing Machinery and Intelligence", turing.value)


def test_a_paper_found_by_arxiv_id_keeps_that_id(
    httpserver: HTTPServer, s2: SemanticScholarSource
) -> None:
    turing = Identifier("arxiv", "cs/9901001")  # made up: the answer has no externalIds
    httpserver.expect_request(BATCH, method="POST").respond_with_data(
        batch_of("s2lib_paper_10.1093_mind_lix.236.433_fields_title.json"), content_type=JSON
    )
    record = s2.by_ids([turing])[turing]
    assert (record.arxiv_id, record.doi, record.links.abs) == ("cs/9901001", None, None)


def test_more_than_500_ids_take_more_than_one_batch(
    httpserver: HTTPServer, s2: SemanticScholarSource, clock: FakeClock
) -> None:
    def nobody_known(request: Request) -> Response:
        ids = json.loads(request.get_data())["ids"]
        return Response(json.dumps([None] * len(ids)), content_type=JSON)

    httpserver.expect_request(BATCH, method="POST").respond_with_handler(nobody_known)
    idents = [Identifier("arxiv", f"2401.{n:05d}") for n in range(501)]
    assert s2.by_ids(idents + idents[:3]) == {}  # repeats are asked once
    sizes = [len(json.loads(r.get_data())["ids"]) for r in asked(httpserver)]
    assert sizes == [500, 1]
    assert sum(clock.sleeps) == pytest.approx(1.1)  # min_interval between the two


def test_a_batch_of_the_wrong_length_is_an_error(
    httpserver: HTTPServer, s2: SemanticScholarSource
) -> None:
    httpserver.expect_request(BATCH, method="POST").respond_with_data(
        body("s2lib_paper_batch_authors_only.json"), content_type=JSON
    )
    with pytest.raises(NetworkError, match="answered 3 papers for 2 ids"):
        s2.by_ids([CHEMCROW, PAPERQA])


def test_a_refusal_carries_the_apis_message(
    httpserver: HTTPServer, s2: SemanticScholarSource
) -> None:
    httpserver.expect_request(BATCH, method="POST").respond_with_data(
        body("s2lib_paper_400_unsupported_fields.json"), status=400, content_type=JSON
    )
    with pytest.raises(NetworkError) as caught:
        s2.by_ids([CHEMCROW])
    assert str(caught.value) == (
        "Semantic Scholar: refused the request: Unrecognized or unsupported fields: [unknown]"
    )


def test_a_busy_pool_is_waited_for(
    httpserver: HTTPServer, s2: SemanticScholarSource, clock: FakeClock
) -> None:
    # The 429 users quote (API-NOTES section 4): JSON, and no Retry-After.
    too_many = {
        "message": "Too Many Requests. Please wait and try again or apply for a key for "
        "higher rate limits. https://www.semanticscholar.org/product/api#api-key-form",
        "code": "429",
    }
    httpserver.expect_ordered_request(BATCH, method="POST").respond_with_json(too_many, 429)
    httpserver.expect_ordered_request(BATCH, method="POST").respond_with_data(
        batch_of("paperqa_paper_DOI_10.48550_arxiv.2312.07559_arxiv_paper.json"), content_type=JSON
    )
    record = s2.by_ids([PAPERQA])[PAPERQA]
    assert record.title.startswith("PaperQA")
    assert len(asked(httpserver)) == 2
    assert sum(clock.sleeps) == pytest.approx(3.0)  # the first back-off


def test_null_answers_are_asked_again_after_a_day(httpserver: HTTPServer, clock: FakeClock) -> None:
    httpserver.expect_ordered_request(BATCH, method="POST").respond_with_data(
        b"[null]", content_type=JSON
    )
    httpserver.expect_ordered_request(BATCH, method="POST").respond_with_data(
        batch_of("paperqa_paper_DOI_10.48550_arxiv.2312.07559_arxiv_paper.json"), content_type=JSON
    )
    cache = MemoryCache(clock)
    http = Http("Semantic Scholar", httpserver.url_for(""), POLITE, cache=cache, clock=clock)
    s2 = SemanticScholarSource(http)
    assert s2.by_ids([PAPERQA]) == {}
    assert s2.by_ids([PAPERQA]) == {}  # within the day: the cached "unknown" stands
    clock.advance(25 * 3600)
    assert s2.by_ids([PAPERQA])[PAPERQA].arxiv_id == "2312.07559"
    assert s2.by_ids([PAPERQA])[PAPERQA].arxiv_id == "2312.07559"  # found: from the cache
    assert len(asked(httpserver)) == 2


# -- title match ----------------------------------------------------------------------------


def test_by_title_reads_the_one_match(httpserver: HTTPServer, s2: SemanticScholarSource) -> None:
    httpserver.expect_request(MATCH).respond_with_data(
        body("paperqa_search_match_attention_is_all_you_need.json"), content_type=JSON
    )
    [record] = s2.by_title("Attention is  All you Need")
    args = asked(httpserver)[0].args
    assert (args["query"], args["fields"]) == ("Attention is All you Need", FIELDS)
    assert record.title == "Attention is All you Need"
    assert record.arxiv_id == "1706.03762"
    assert record.doi is None
    assert record.authors[:2] == ("Ashish Vaswani", "Noam M. Shazeer")
    assert len(record.authors) == 8
    assert (record.year, record.date) == (2017, "2017-06-12")
    assert record.venue == "Neural Information Processing Systems"
    assert record.links == Links()  # arXiv's page comes from the id; openAccessPdf.url is ""


def test_by_title_with_a_title_only_answer(
    httpserver: HTTPServer, s2: SemanticScholarSource
) -> None:
    httpserver.expect_request(MATCH).respond_with_data(
        body("s2lib_search_match_title_only.json"), content_type=JSON
    )
    [record] = s2.by_title("mining association rules between")
    assert record.title == "Mining association rules between sets of items in large databases"
    assert (record.authors, record.year, record.arxiv_id, record.doi) == ((), None, None, None)


def test_no_title_match_is_an_empty_list(httpserver: HTTPServer, s2: SemanticScholarSource) -> None:
    httpserver.expect_request(MATCH).respond_with_data(
        body("paperqa_search_match_404_title_match_not_found.json"), 404, content_type=JSON
    )
    assert s2.by_title("askldjrq3rjaw938h") == []


@pytest.mark.parametrize(
    "answer",
    [
        recorded("semanticscholar/s2lib_paper_search_zero_results.json"),  # no `data` at all
        b'{"data": []}',
    ],
)
def test_a_200_without_papers_is_an_empty_list(
    httpserver: HTTPServer, s2: SemanticScholarSource, answer: bytes
) -> None:
    httpserver.expect_request(MATCH).respond_with_data(answer, content_type=JSON)
    assert s2.by_title("n0 r3sult s3arch t3rm") == []


def test_by_title_asks_nothing_for_an_empty_title(
    httpserver: HTTPServer, s2: SemanticScholarSource
) -> None:
    assert s2.by_title(" \n ") == []
    assert s2.by_title("Attention", limit=0) == []
    assert asked(httpserver) == []


def test_a_non_json_answer_is_an_error(httpserver: HTTPServer, s2: SemanticScholarSource) -> None:
    page = recorded("doi-content-negotiation/habanero_doi.org_404_10.1126_foo.html")
    httpserver.expect_request(MATCH).respond_with_data(page, content_type="text/html")
    with pytest.raises(NetworkError, match=r"^Semantic Scholar: sent something that is not JSON"):
        s2.by_title("anything")
