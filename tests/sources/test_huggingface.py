"""HuggingFaceSource against a local server that sends recorded Hugging Face answers."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from readerapp.core.errors import NetworkError
from readerapp.core.identifiers import Identifier
from readerapp.sources.http import Http, Politeness, Reply
from readerapp.sources.huggingface import HuggingFaceSource
from tests.fakes import FakeClock, recorded

JSON = "application/json; charset=utf-8"  # what huggingface.co sends
PAPER = "huggingface/roxorlt_paper_detail_2605.15320_api_papers_id.json"
DATED = "huggingface/buivannn_daily_papers_date_2026-07-31_5_of_n_pretty.json"
LIMIT25 = "huggingface/ikevinxie_daily_papers_limit25.json"
FFAVATAR = "FFAvatar: Few-Shot, Feed-Forward, and Generalizable Avatar Reconstruction"
JULY_31 = dt.date(2026, 7, 31)

MakeHttp = Callable[..., Http]


def arxiv(value: str) -> Identifier:
    return Identifier("arxiv", value)


def daily_query(date: dt.date, page: int = 0) -> dict[str, str]:
    query = {"date": date.isoformat(), "limit": "100"}
    return query | {"p": str(page)} if page else query


@pytest.fixture
def source(make_http: MakeHttp) -> HuggingFaceSource:
    return HuggingFaceSource(make_http("Hugging Face"))


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


def cached_source(server: HTTPServer, clock: FakeClock) -> tuple[HuggingFaceSource, MemoryCache]:
    cache = MemoryCache(clock)
    http = Http("Hugging Face", server.url_for("/"), Politeness(), cache=cache, clock=clock)
    return HuggingFaceSource(http), cache


def items(name: str) -> list[dict[str, Any]]:
    data = json.loads(recorded(name))
    assert isinstance(data, list)
    return data


def full_page() -> bytes:
    """100 items assembled from the 25 recorded ones: four copies, renumbered."""
    return json.dumps(
        [
            item | {"paper": item["paper"] | {"id": f"2607.{90000 + n}"}}
            for n, item in enumerate(items(LIMIT25) * 4)
        ]
    ).encode()


# -- one paper by id ----------------------------------------------------------------------


def test_paper_by_id(httpserver: HTTPServer, source: HuggingFaceSource) -> None:
    httpserver.expect_request("/api/papers/2605.15320", method="GET").respond_with_data(
        recorded(PAPER), content_type=JSON
    )
    found = source.by_ids([arxiv("2605.15320")])
    record = found[arxiv("2605.15320")]
    assert record.title == FFAVATAR
    assert record.arxiv_id == "2605.15320"
    assert len(record.authors) == 6
    assert record.authors[0] == "Thuan Hoang Nguyen" and record.authors[-1] == "Jian Wang"
    assert record.date == "2026-05-14" and record.year == 2026
    assert record.abstract.startswith("Avatar reconstruction has traditionally relied on")
    assert record.links.hf == "https://huggingface.co/papers/2605.15320"
    assert record.links.project == "https://ffavatar.github.io/"
    assert record.links.code is None  # the paper has no githubRepo
    assert record.suggested_tags[0] == "feed-forward framework"


def test_a_404_means_not_on_hugging_face(httpserver: HTTPServer, source: HuggingFaceSource) -> None:
    # No 404 body was recorded; this one is written here in Hugging Face's {"error": …} form.
    httpserver.expect_request("/api/papers/2401.00001").respond_with_data(
        '{"error":"Paper not found"}', status=404, content_type=JSON
    )
    httpserver.expect_request("/api/papers/2605.15320").respond_with_data(
        recorded(PAPER), content_type=JSON
    )
    found = source.by_ids([arxiv("2401.00001"), arxiv("2605.15320"), arxiv("2401.00001")])
    assert list(found) == [arxiv("2605.15320")]
    assert source.http.requests_sent == 2  # one request per distinct id


def test_an_answer_about_another_paper_is_not_this_ones(
    httpserver: HTTPServer, source: HuggingFaceSource
) -> None:
    httpserver.expect_request("/api/papers/2605.15321").respond_with_data(
        recorded(PAPER), content_type=JSON
    )
    assert source.by_ids([arxiv("2605.15321")]) == {}


def test_only_arxiv_identifiers_are_asked(
    httpserver: HTTPServer, source: HuggingFaceSource
) -> None:
    doi = Identifier("doi", "10.1038/s42256-024-00832-8")
    assert not source.handles(doi) and source.handles(arxiv("2605.15320"))
    assert source.by_ids([doi]) == {}
    assert httpserver.log == []


def test_a_list_where_a_paper_was_expected_is_a_network_error(
    httpserver: HTTPServer, source: HuggingFaceSource
) -> None:
    httpserver.expect_request("/api/papers/2607.23193").respond_with_data(
        recorded(DATED), content_type=JSON
    )
    with pytest.raises(NetworkError, match="not a paper") as caught:
        source.by_ids([arxiv("2607.23193")])
    assert caught.value.source == "Hugging Face"


def test_a_body_that_is_not_json_is_a_network_error(
    httpserver: HTTPServer, source: HuggingFaceSource
) -> None:
    httpserver.expect_request("/api/papers/2605.15320").respond_with_data(
        "<!DOCTYPE html><html><body>Sign in to the Wi-Fi</body></html>",
        content_type="text/html; charset=utf-8",
    )
    with pytest.raises(NetworkError, match="not JSON") as caught:
        source.by_ids([arxiv("2605.15320")])
    assert caught.value.source == "Hugging Face"
    assert str(caught.value).startswith("Hugging Face: ")


def test_a_400_names_the_servers_complaint(
    httpserver: HTTPServer, source: HuggingFaceSource
) -> None:
    # Written here, not recorded: the shape of Hugging Face's JSON error bodies.
    httpserver.expect_request("/api/daily_papers").respond_with_data(
        '{"error":"Invalid date"}', status=400, content_type=JSON
    )
    with pytest.raises(NetworkError, match="HTTP 400: Invalid date"):
        source.daily(JULY_31)


# -- Daily Papers -------------------------------------------------------------------------


def test_daily_papers_of_a_date(httpserver: HTTPServer, source: HuggingFaceSource) -> None:
    httpserver.expect_request(
        "/api/daily_papers", query_string=daily_query(JULY_31)
    ).respond_with_data(recorded(DATED), content_type=JSON)
    records = source.daily(JULY_31, today=dt.date(2026, 8, 1))
    assert [r.arxiv_id for r in records] == [
        "2607.23193",
        "2607.27958",
        "2607.28582",
        "2607.28308",
        "2607.16922",
    ]
    assert records[1].title.startswith("Σ-Mem: An Online Reliability Memory")
    assert records[2].title.startswith("β-OPSD:")
    assert [len(r.authors) for r in records] == [6, 3, 5, 3, 9]
    assert records[0].date == "2026-07-28"  # the paper's date, not the day it was listed
    assert records[1].links.code == "https://github.com/declare-lab/sigma-mem"
    assert records[2].links.project == "https://umd-huang-lab.github.io/beta-opsd/"
    assert records[2].links.code is None
    assert records[4].links.hf == "https://huggingface.co/papers/2607.16922"
    assert all(r.abstract for r in records)
    assert len(httpserver.log) == 1  # 5 < 100: no second page


def test_daily_papers_the_25_item_list(httpserver: HTTPServer, source: HuggingFaceSource) -> None:
    # Recorded for ?limit=25 without a date; served here for a dated request.
    day = dt.date(2026, 7, 13)
    httpserver.expect_request("/api/daily_papers", query_string=daily_query(day)).respond_with_data(
        recorded(LIMIT25), content_type=JSON
    )
    records = source.daily(day, today=JULY_31)
    assert len(records) == 25
    assert records[0].arxiv_id == "2607.07673"
    assert records[0].title.startswith("MedPMC: A Systematic Framework")
    assert len(records[0].authors) == 28
    assert records[0].date == "2026-07-08"  # paper.publishedAt, 4 h after the item's own
    assert records[0].links.code == "https://github.com/Yale-BIDS-Chen-Lab/MedPMC"
    assert records[-2].arxiv_id == "2601.16211"  # an older paper listed late
    assert sum(r.links.code is not None for r in records) >= 18
    assert sum(r.links.project is not None for r in records) >= 12


def test_a_full_page_asks_for_the_next(httpserver: HTTPServer, source: HuggingFaceSource) -> None:
    # Page 0 is assembled from recorded items (see full_page) to fill all 100 places.
    httpserver.expect_request(
        "/api/daily_papers", query_string=daily_query(JULY_31)
    ).respond_with_data(full_page(), content_type=JSON)
    httpserver.expect_request(
        "/api/daily_papers", query_string=daily_query(JULY_31, 1)
    ).respond_with_data(recorded(DATED), content_type=JSON)
    records = source.daily(JULY_31)
    assert len(records) == 105
    assert records[0].arxiv_id == "2607.90000" and records[-1].arxiv_id == "2607.16922"
    assert len(httpserver.log) == 2


def test_paging_stops_after_five_pages(httpserver: HTTPServer, source: HuggingFaceSource) -> None:
    # A server that ignores `p` sends the same full page (see full_page) every time.
    httpserver.expect_request("/api/daily_papers").respond_with_data(full_page(), content_type=JSON)
    records = source.daily(JULY_31)
    assert len(records) == 100  # the same papers again are not repeated
    pages = [request.args.get("p", "0") for request, _ in httpserver.log]
    assert pages == ["0", "1", "2", "3", "4"]


def test_a_daily_answer_that_is_an_object_is_a_network_error(
    httpserver: HTTPServer, source: HuggingFaceSource
) -> None:
    httpserver.expect_request("/api/daily_papers").respond_with_data(
        recorded(PAPER), content_type=JSON
    )
    with pytest.raises(NetworkError, match="not a list of papers"):
        source.daily(JULY_31)


def test_a_past_day_is_cached_for_good(httpserver: HTTPServer, clock: FakeClock) -> None:
    httpserver.expect_request("/api/daily_papers").respond_with_data(
        recorded(DATED), content_type=JSON
    )
    source, cache = cached_source(httpserver, clock)
    first = source.daily(JULY_31, today=dt.date(2026, 8, 1))
    clock.advance(90 * 24 * 3600.0)
    again = source.daily(JULY_31, today=dt.date(2026, 10, 30))
    assert again == first and len(again) == 5
    assert len(httpserver.log) == 1  # the second call sent no request
    assert cache.asked == [None, None]


def test_today_is_asked_again_after_an_hour(httpserver: HTTPServer, clock: FakeClock) -> None:
    httpserver.expect_request("/api/daily_papers").respond_with_data(
        recorded(DATED), content_type=JSON
    )
    source, cache = cached_source(httpserver, clock)
    source.daily(JULY_31)  # the fake clock's date is 2026-07-31: today
    clock.advance(59 * 60.0)
    source.daily(JULY_31)
    assert len(httpserver.log) == 1  # younger than an hour: from the cache
    clock.advance(2 * 60.0)
    assert len(source.daily(JULY_31)) == 5
    assert len(httpserver.log) == 2
    assert cache.asked == [3600.0, 3600.0, 3600.0]


def test_a_later_date_than_today_is_not_cached_for_good(
    httpserver: HTTPServer, clock: FakeClock
) -> None:
    httpserver.expect_request("/api/daily_papers").respond_with_data("[]", content_type=JSON)
    source, cache = cached_source(httpserver, clock)
    assert source.daily(dt.date(2026, 8, 2), today=JULY_31) == []
    assert cache.asked == [3600.0]


# -- title search -------------------------------------------------------------------------


def search_answer() -> bytes:
    # No search response was recorded. Search results are daily-like items, so this answer
    # is assembled from three recorded Daily Papers items, unchanged.
    return json.dumps(items(DATED)[1:4], ensure_ascii=False).encode()


def test_title_search(httpserver: HTTPServer, source: HuggingFaceSource) -> None:
    title = "Σ-Mem: An Online Reliability Memory"
    httpserver.expect_request(
        "/api/papers/search", query_string={"q": title, "limit": "3"}
    ).respond_with_data(search_answer(), content_type=JSON)
    records = source.by_title(f"  {title}\n", limit=3)
    assert [r.arxiv_id for r in records] == ["2607.27958", "2607.28582", "2607.28308"]
    assert records[0].title.startswith(title)
    assert records[0].authors == (tuple(a["name"] for a in items(DATED)[1]["paper"]["authors"]))
    assert records[0].links.code == "https://github.com/declare-lab/sigma-mem"


def test_title_search_returns_at_most_limit(
    httpserver: HTTPServer, source: HuggingFaceSource
) -> None:
    httpserver.expect_request("/api/papers/search").respond_with_data(
        search_answer(), content_type=JSON
    )
    assert [r.arxiv_id for r in source.by_title("memory", limit=2)] == [
        "2607.27958",
        "2607.28582",
    ]


def test_a_long_title_is_cut_to_250_characters_at_a_word(
    httpserver: HTTPServer, source: HuggingFaceSource
) -> None:
    seen: list[str] = []

    def answer(request: Request) -> Response:
        seen.append(request.args["q"])
        return Response("[]", content_type=JSON)

    httpserver.expect_request("/api/papers/search").respond_with_handler(answer)
    title = " ".join(["reliability"] * 40)  # 479 characters
    assert source.by_title(title) == []
    assert len(seen[0]) <= 250
    assert seen[0] == " ".join(["reliability"] * 20)  # 239 characters: whole words only
    assert source.by_title("   ") == []
    assert len(seen) == 1  # an empty title asks nothing


def test_a_search_answer_that_is_not_json_is_a_network_error(
    httpserver: HTTPServer, source: HuggingFaceSource
) -> None:
    httpserver.expect_request("/api/papers/search").respond_with_data(
        "Bad Gateway", content_type="text/plain"
    )
    with pytest.raises(NetworkError, match="not JSON") as caught:
        source.by_title("Σ-Mem")
    assert caught.value.source == "Hugging Face"
