"""ArxivSource against a local server that sends arXiv's recorded answers byte for byte."""

from __future__ import annotations

import dataclasses
import itertools
import time
from collections.abc import Callable

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from readerapp.core.errors import NetworkError
from readerapp.core.identifiers import Identifier
from readerapp.sources.arxiv import ABSENT_MAX_AGE, TITLE_MAX_AGE, ArxivSource
from readerapp.sources.http import Http, Politeness, Reply
from tests.fakes import FakeClock, recorded

ATOM = "application/atom+xml; charset=utf-8"  # what export.arxiv.org sends
SINGLE = "arxiv/arxiv-py_id_list_1707.08567_single_id.atom.xml"
EMPTY = "arxiv/arxiv-py_id_list_0000.0000_empty_feed.atom.xml"
AEW10 = "Proceedings of Workshop AEW10: Concepts in Information Theory and Communications"

MakeHttp = Callable[..., Http]


def arxiv(value: str) -> Identifier:
    return Identifier("arxiv", value)


def serve(server: HTTPServer, query: dict[str, str], name: str, status: int = 200) -> None:
    server.expect_request("/api/query", method="GET", query_string=query).respond_with_data(
        recorded(name), status=status, content_type=ATOM
    )


@pytest.fixture
def source(make_http: MakeHttp) -> ArxivSource:
    return ArxivSource(make_http("arXiv"))


class MemoryCache:
    """A ResponseCache in a dict, aged by the fake clock; records the max_age of every ask."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.entries: dict[str, tuple[float, Reply]] = {}
        self.asked: list[float | None] = []

    def get(self, key: str, max_age: float | None) -> Reply | None:
        self.asked.append(max_age)
        stored, reply = self.entries.get(key, (0.0, None))
        if reply is None or (max_age is not None and self.clock.monotonic() - stored > max_age):
            return None
        return dataclasses.replace(reply, from_cache=True)

    def put(self, key: str, reply: Reply) -> None:
        self.entries[key] = (self.clock.monotonic(), reply)


# -- look-ups by id -----------------------------------------------------------------------


def test_single_id(httpserver: HTTPServer, source: ArxivSource) -> None:
    serve(httpserver, {"id_list": "1707.08567", "max_results": "1"}, SINGLE)
    found = source.by_ids([arxiv("1707.08567")])
    record = found[arxiv("1707.08567")]
    assert record.title == AEW10
    assert record.arxiv_id == "1707.08567"
    assert len(record.authors) == 34
    assert record.authors[0] == "Kees A. Schouhamer Immink"
    assert any("Wübben" in a for a in record.authors)  # UTF-8 decoded, not mojibake
    assert record.date == "2017-07-27"
    assert record.links.abs == "https://arxiv.org/abs/1707.08567v1"
    assert record.links.pdf == "https://arxiv.org/pdf/1707.08567v1"
    assert record.suggested_tags[0] == "cs.IT"  # the primary category leads
    assert source.http.requests_sent == 1


def test_versioned_id_is_sent_as_is_and_mapped_to_the_paper(
    httpserver: HTTPServer, source: ArxivSource
) -> None:
    serve(
        httpserver,
        {"id_list": "2104.12255v1", "max_results": "1"},
        "arxiv/arxiv-py_id_list_2104.12255v1_versioned_id.atom.xml",
    )
    found = source.by_ids([arxiv("2104.12255v1")])
    record = found[arxiv("2104.12255v1")]
    assert record.arxiv_id == "2104.12255"  # the record is version-less
    assert record.title == "0"  # a falsy title is still a title
    assert record.authors == ("Quan Thoi Minh Nguyen",)
    assert record.links.abs == "https://arxiv.org/abs/2104.12255v1"


def test_old_style_id(httpserver: HTTPServer, source: ArxivSource) -> None:
    # The recorded request sent astro-ph%2F0601001; Http keeps "/" literal in a query
    # (RFC 3986 allows it). Both decode to the same value, which is what the server matches.
    serve(
        httpserver,
        {"id_list": "astro-ph/0601001", "max_results": "1"},
        "arxiv/arxiv-py_id_list_astro-ph_0601001_old_style_id.atom.xml",
    )
    record = source.by_ids([arxiv("astro-ph/0601001")])[arxiv("astro-ph/0601001")]
    assert record.arxiv_id == "astro-ph/0601001"
    assert record.title.startswith("Frequency of Hot Jupiters and Very Hot Jupiters")
    assert record.authors[0] == "Andrew Gould" and len(record.authors) == 4
    assert record.venue == "ActaAstron.56:1-50,2006"
    assert record.abstract.startswith("We derive the frequencies")  # leading spaces gone
    assert "Gould & Morgan (2003)" in record.abstract and "V_max<17.5" in record.abstract


def test_two_ids_one_missing_are_mapped_by_id_not_position(
    httpserver: HTTPServer, source: ArxivSource
) -> None:
    serve(
        httpserver,
        {"id_list": "0808.05394,1707.08567", "max_results": "2"},
        "arxiv/arxiv-py_id_list_two_ids_one_missing.atom.xml",
    )
    found = source.by_ids([arxiv("0808.05394"), arxiv("1707.08567")])
    assert list(found) == [arxiv("1707.08567")]
    assert found[arxiv("1707.08567")].title == AEW10


def test_empty_feed_finds_nothing(httpserver: HTTPServer, source: ArxivSource) -> None:
    serve(httpserver, {"id_list": "0000.0000", "max_results": "1"}, EMPTY)
    assert source.by_ids([arxiv("0000.0000")]) == {}
    assert source.http.requests_sent == 1


def test_error_feed_is_a_refusal_never_a_paper(httpserver: HTTPServer, source: ArxivSource) -> None:
    serve(
        httpserver,
        {"id_list": "abc", "max_results": "1"},
        "arxiv/arxiv-py_id_list_abc_error_feed_http400.atom.xml",
        status=400,
    )
    with pytest.raises(NetworkError) as caught:
        source.by_ids([arxiv("abc")])
    assert caught.value.source == "arXiv"
    assert caught.value.why == "refused the request: incorrect id format for abc"
    assert source.http.requests_sent == 1  # a 400 is an answer: not retried


def test_error_feed_sent_with_200_is_still_no_paper(
    httpserver: HTTPServer, source: ArxivSource
) -> None:
    # Defence in depth: the same recorded error feed, as if a proxy had turned 400 into 200.
    serve(
        httpserver,
        {"id_list": "abc", "max_results": "1"},
        "arxiv/arxiv-py_id_list_abc_error_feed_http400.atom.xml",
    )
    assert source.by_ids([arxiv("abc")]) == {}


def test_only_arxiv_identifiers_are_asked(httpserver: HTTPServer, source: ArxivSource) -> None:
    doi = Identifier("doi", "10.1103/physrevb.85.115117")
    assert not source.handles(doi)
    assert source.handles(arxiv("1707.08567"))
    assert source.by_ids([doi]) == {}
    assert httpserver.log == []


def test_150_ids_go_in_two_batches(httpserver: HTTPServer, source: ArxivSource) -> None:
    seen: list[tuple[str, str]] = []

    def answer(request: Request) -> Response:
        seen.append((request.args["id_list"], request.args["max_results"]))
        # The batch holding 1707.08567 gets the feed that has it; the other gets nothing.
        name = SINGLE if "1707.08567" in request.args["id_list"] else EMPTY
        return Response(recorded(name), content_type=ATOM)

    httpserver.expect_request("/api/query").respond_with_handler(answer)
    others = [arxiv(f"2401.{n:05d}") for n in range(1, 150)]
    idents = [*others[:60], arxiv("1707.08567"), *others[60:]]
    found = source.by_ids(idents)
    assert [(len(ids.split(",")), size) for ids, size in seen] == [(100, "100"), (50, "50")]
    assert seen[0][0].split(",")[:2] == ["2401.00001", "2401.00002"]
    assert seen[1][0].split(",")[-1] == "2401.00149"
    assert found == {arxiv("1707.08567"): found[arxiv("1707.08567")]}
    assert found[arxiv("1707.08567")].title == AEW10


def test_requests_are_spaced_3_s_apart_on_the_fake_clock(
    httpserver: HTTPServer, make_http: MakeHttp, clock: FakeClock
) -> None:
    started: list[float] = []

    def answer(request: Request) -> Response:
        started.append(clock.monotonic())
        return Response(recorded(EMPTY), content_type=ATOM)

    httpserver.expect_request("/api/query").respond_with_handler(answer)
    source = ArxivSource(make_http("arXiv", min_interval=3.0))
    real_start = time.monotonic()
    source.by_ids([arxiv(f"2401.{n:05d}") for n in range(1, 251)])  # three batches
    source.by_title("quantum criticality")
    assert len(started) == 4
    gaps = [b - a for a, b in itertools.pairwise(started)]
    assert all(gap >= 3.0 for gap in gaps)
    assert gaps == pytest.approx([3.0, 3.0, 3.0])
    assert sum(clock.sleeps) == pytest.approx(9.0)
    assert max(clock.sleeps) <= 0.25  # sliced so that Cancel is felt
    assert time.monotonic() - real_start < 2.0  # fake time only: nothing really slept


def test_a_page_that_is_not_a_feed_is_a_network_error(
    httpserver: HTTPServer, source: ArxivSource
) -> None:
    # What a hotel or airport captive portal answers instead of the API.
    portal = b"<!DOCTYPE html><html><head><title>Sign in</title></head><body>Wi-Fi</body></html>"
    httpserver.expect_request("/api/query").respond_with_data(
        portal, content_type="text/html; charset=utf-8"
    )
    with pytest.raises(NetworkError, match="not an arXiv feed") as caught:
        source.by_ids([arxiv("1707.08567")])
    assert caught.value.source == "arXiv"


@pytest.mark.parametrize(
    "body", [b"<html><body><p>Sign in</p></body></html>", b"Service Unavailable", b""]
)
def test_xml_or_text_that_is_no_feed_is_a_network_error(
    httpserver: HTTPServer, source: ArxivSource, body: bytes
) -> None:
    # The same, mislabelled as Atom: the body's shape is checked, not only its type.
    httpserver.expect_request("/api/query").respond_with_data(body, content_type=ATOM)
    with pytest.raises(NetworkError, match="not an arXiv feed"):
        source.by_title("Quantum criticality")


def test_a_server_error_after_retries_is_a_network_error(
    httpserver: HTTPServer, source: ArxivSource, clock: FakeClock
) -> None:
    httpserver.expect_request("/api/query").respond_with_data("busy", status=503)
    with pytest.raises(NetworkError, match="HTTP 503"):
        source.by_ids([arxiv("1707.08567")])
    assert source.http.requests_sent == 4  # Politeness' 3 retries, waited on the fake clock


# -- title search -------------------------------------------------------------------------


def test_title_search_parses_results_in_order(httpserver: HTTPServer, source: ArxivSource) -> None:
    # Recorded for search_query=testing (all fields); served here for the ti: query.
    serve(
        httpserver,
        {"search_query": 'ti:"Testing"', "max_results": "10", "sortBy": "relevance"},
        "arxiv/arxiv-py_search_query_testing_max10.atom.xml",
    )
    records = source.by_title("Testing", limit=10)
    assert [r.arxiv_id for r in records[:3]] == ["2202.12139", "2405.13786", "2005.14124"]
    assert len(records) == 10
    assert records[-1].arxiv_id == "1812.11470"
    first = records[0]
    assert first.title == (
        "Testing Deep Learning Models: A First Comparative Study of Multiple Testing Techniques"
    )
    assert first.authors[:2] == ("Mohit Kumar Ahuja", "Arnaud Gotlieb")
    assert first.doi == "10.1109/icstw55395.2022.00035"
    assert sum(r.doi is not None for r in records) == 6


def test_title_search_sends_a_phrase_without_punctuation(
    httpserver: HTTPServer, source: ArxivSource
) -> None:
    # Recorded for au:del_maestro AND ti:"quantum criticality" (2016 serialisation).
    serve(
        httpserver,
        {"search_query": 'ti:"quantum criticality"', "max_results": "2", "sortBy": "relevance"},
        "arxiv/arxiv-py-2016_search_au_AND_ti_phrase_quantum_criticality_old_serialization.atom.xml",
    )
    records = source.by_title(' "quantum"  criticality: ', limit=2)
    assert [r.arxiv_id for r in records] == ["1111.2011", "cond-mat/0607501"]
    assert records[0].title == (
        "Quantum Criticality for Extended Nodes on a Bethe Lattice in the Large Connectivity Limit"
    )
    assert records[0].authors[1] == "Adrian Del Maestro"
    assert records[1].doi == "10.1103/physrevb.74.214517"


def test_title_search_returns_at_most_limit(httpserver: HTTPServer, source: ArxivSource) -> None:
    # A server may send more than max_results; the caller asked for two.
    serve(
        httpserver,
        {
            "search_query": 'ti:"Testing Deep Learning Models"',
            "max_results": "2",
            "sortBy": "relevance",
        },
        "arxiv/arxiv-py_search_query_testing_max10.atom.xml",
    )
    records = source.by_title("Testing (Deep) Learning-Models?", limit=2)
    assert [r.arxiv_id for r in records] == ["2202.12139", "2405.13786"]


def test_title_search_of_the_2016_checkerboard_answer(
    httpserver: HTTPServer, source: ArxivSource
) -> None:
    # Recorded for au:del_maestro AND ti:checkerboard; its title wraps onto two lines.
    serve(
        httpserver,
        {"search_query": 'ti:"checkerboard"', "max_results": "5", "sortBy": "relevance"},
        "arxiv/arxiv-py-2016_search_au_AND_ti_checkerboard_old_serialization.atom.xml",
    )
    (record,) = source.by_title("checkerboard")
    assert record.arxiv_id == "cond-mat/0603029"
    assert record.title.startswith("From stripe to checkerboard order on the")
    assert "\n" not in record.title and "  " not in record.title


def test_a_title_without_words_asks_nothing(httpserver: HTTPServer, source: ArxivSource) -> None:
    assert source.by_title(' "" :: ') == []
    assert source.by_title("Attention", limit=0) == []
    assert httpserver.log == []


# -- caching ------------------------------------------------------------------------------


def test_found_ids_are_cached_for_good_and_titles_for_a_week(
    httpserver: HTTPServer, clock: FakeClock
) -> None:
    serve(httpserver, {"id_list": "1707.08567", "max_results": "1"}, SINGLE)
    serve(
        httpserver,
        {"search_query": 'ti:"testing"', "max_results": "5", "sortBy": "relevance"},
        "arxiv/arxiv-py_search_query_testing_max10.atom.xml",
    )
    cache = MemoryCache(clock)
    http = Http("arXiv", httpserver.url_for("/"), Politeness(), cache=cache, clock=clock)
    source = ArxivSource(http)
    source.by_ids([arxiv("1707.08567")])
    source.by_title("testing")
    clock.advance(400 * 24 * 3600.0)
    assert source.by_ids([arxiv("1707.08567")])[arxiv("1707.08567")].title == AEW10
    assert cache.asked == [None, TITLE_MAX_AGE, None]
    assert len(httpserver.log) == 2


def test_a_cached_answer_missing_an_id_is_asked_again_after_a_day(
    httpserver: HTTPServer, clock: FakeClock
) -> None:
    serve(httpserver, {"id_list": "0000.0000", "max_results": "1"}, EMPTY)
    cache = MemoryCache(clock)
    http = Http("arXiv", httpserver.url_for("/"), Politeness(), cache=cache, clock=clock)
    source = ArxivSource(http)
    assert source.by_ids([arxiv("0000.0000")]) == {}
    clock.advance(3600.0)
    assert source.by_ids([arxiv("0000.0000")]) == {}  # a young "absent" is believed
    assert len(httpserver.log) == 1
    clock.advance(ABSENT_MAX_AGE)
    assert source.by_ids([arxiv("0000.0000")]) == {}
    assert len(httpserver.log) == 2


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE feed [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>&lol9;</title></entry></feed>
"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE feed [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>&secret;</title></entry></feed>
"""


@pytest.mark.parametrize("body", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["bomb", "external"])
def test_a_hostile_feed_is_refused_without_expanding_it(
    httpserver: HTTPServer, source: ArxivSource, body: bytes
) -> None:
    # Entities are never expanded (defusedxml): a billion laughs costs nothing, and no file
    # of this machine can be read into a paper.
    httpserver.expect_request("/api/query").respond_with_data(body, content_type=ATOM)
    with pytest.raises(NetworkError) as caught:
        source.by_ids([arxiv("1707.08567")])
    assert caught.value.source == "arXiv"
    assert "root:" not in str(caught.value)
