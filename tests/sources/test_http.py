"""The shared client's rules, against a real local server and a fake clock.

Waits are measured on the FakeClock, never slept. Answers no HTTP server library will send
(a body cut short, a length that never arrives, an endless stream) come from RawServer, a
bounded socket thread closed at the end of each test.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import itertools
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

import readerapp
from readerapp.core.errors import Cancelled, NetworkError
from readerapp.core.progress import CancelToken
from readerapp.sources.http import Http, Politeness, Reply
from tests.fakes import FakeClock

MakeHttp = Callable[..., Http]


def requests_to(server: HTTPServer) -> int:
    return len(server.log)


def gaps(times: list[float]) -> list[float]:
    return [b - a for a, b in itertools.pairwise(times)]


# -- identification -------------------------------------------------------------------------


def test_user_agent_names_readerapp_its_version_and_the_contact(
    httpserver: HTTPServer, clock: FakeClock
) -> None:
    httpserver.expect_request("/ping").respond_with_data("pong")
    with Http(
        "Test", httpserver.url_for(""), Politeness(), contact="me@example.org", clock=clock
    ) as http:
        assert http.get("/ping").text() == "pong"
    agent = httpserver.log[0][0].headers["User-Agent"]
    assert agent.startswith(f"readerapp/{readerapp.__version__} (")
    assert "mailto:me@example.org" in agent


def test_user_agent_without_a_contact_has_no_mailto(
    httpserver: HTTPServer, make_http: MakeHttp
) -> None:
    httpserver.expect_request("/ping").respond_with_data("pong")
    make_http().get("/ping")
    agent = httpserver.log[0][0].headers["User-Agent"]
    assert agent.startswith(f"readerapp/{readerapp.__version__}")
    assert "mailto" not in agent


# -- pacing ---------------------------------------------------------------------------------


def fake_start_times(server: HTTPServer, clock: FakeClock, **headers: str) -> list[float]:
    """Serves /p and notes the fake time at which each request arrives (the client blocks
    while it is served, so that is when the request started)."""
    starts: list[float] = []

    def handler(request: Request) -> Response:
        starts.append(clock.time)
        return Response("ok", headers=headers)

    server.expect_request("/p").respond_with_handler(handler)
    return starts


def test_min_interval_spaces_requests(
    httpserver: HTTPServer, make_http: MakeHttp, clock: FakeClock
) -> None:
    starts = fake_start_times(httpserver, clock)
    http = make_http(min_interval=3.0)
    for _ in range(3):
        http.get("/p")
    assert gaps(starts) == [3.0, 3.0]


def test_min_interval_counts_time_already_gone(
    httpserver: HTTPServer, make_http: MakeHttp, clock: FakeClock
) -> None:
    starts = fake_start_times(httpserver, clock)
    http = make_http(min_interval=3.0)
    http.get("/p")
    clock.advance(2.0)  # the caller worked for 2 s: only 1 s is left to wait
    http.get("/p")
    assert starts[1] - starts[0] == 3.0
    assert sum(clock.sleeps) == pytest.approx(1.0)


def test_advertised_rate_limit_slows_the_client(
    httpserver: HTTPServer, make_http: MakeHttp, clock: FakeClock
) -> None:
    # Crossref's headers: 2 requests per second -> at least 0.5 s between starts.
    starts = fake_start_times(
        httpserver, clock, **{"X-Rate-Limit-Limit": "2", "X-Rate-Limit-Interval": "1s"}
    )
    http = make_http(min_interval=0.1)
    for _ in range(3):
        http.get("/p")
    assert gaps(starts) == [0.5, 0.5]


def test_advertised_rate_never_speeds_up_past_min_interval(
    httpserver: HTTPServer, make_http: MakeHttp, clock: FakeClock
) -> None:
    starts = fake_start_times(
        httpserver, clock, **{"X-Rate-Limit-Limit": "50", "X-Rate-Limit-Interval": "1s"}
    )
    http = make_http(min_interval=3.0)
    http.get("/p")
    http.get("/p")
    assert starts[1] - starts[0] == 3.0


# -- busy servers ---------------------------------------------------------------------------


def busy_then_ok(server: HTTPServer, status: int, headers: dict[str, str], times: int = 1) -> None:
    for _ in range(times):
        server.expect_ordered_request("/busy").respond_with_data(
            "busy", status=status, headers=headers
        )
    server.expect_ordered_request("/busy").respond_with_data("done")


def test_429_waits_as_long_as_retry_after_says(
    httpserver: HTTPServer, make_http: MakeHttp, clock: FakeClock
) -> None:
    busy_then_ok(httpserver, 429, {"Retry-After": "7"})
    reply = make_http().get("/busy")
    assert (reply.status, reply.text()) == (200, "done")
    assert clock.time - 1000.0 == pytest.approx(7.0)
    assert requests_to(httpserver) == 2


def test_retry_after_as_an_http_date(
    httpserver: HTTPServer, make_http: MakeHttp, clock: FakeClock
) -> None:
    when = clock.now() + dt.timedelta(seconds=10)
    busy_then_ok(httpserver, 503, {"Retry-After": email.utils.format_datetime(when, usegmt=True)})
    assert make_http().get("/busy").text() == "done"
    assert clock.time - 1000.0 == pytest.approx(10.0)


def test_503_without_retry_after_backs_off_exponentially(
    httpserver: HTTPServer, make_http: MakeHttp, clock: FakeClock
) -> None:
    starts: list[float] = []

    def record(request: Request) -> Response:
        starts.append(clock.time)
        return Response("busy", status=503) if len(starts) < 4 else Response("done")

    httpserver.expect_request("/busy").respond_with_handler(record)
    assert make_http(retries=3, backoff=2.0).get("/busy").text() == "done"
    assert gaps(starts) == [2.0, 4.0, 8.0]


def test_gives_up_after_the_retries_naming_source_and_status(
    httpserver: HTTPServer, make_http: MakeHttp, clock: FakeClock
) -> None:
    httpserver.expect_request("/busy").respond_with_data("busy", status=503)
    with pytest.raises(NetworkError) as caught:
        make_http("Crossref", retries=2).get("/busy")
    assert caught.value.source == "Crossref"
    assert "503" in str(caught.value)
    assert str(caught.value).startswith("Crossref: ")
    assert requests_to(httpserver) == 3
    assert clock.time - 1000.0 == pytest.approx(2.0 + 4.0)


def test_a_retry_after_beyond_max_wait_fails_at_once(
    httpserver: HTTPServer, make_http: MakeHttp, clock: FakeClock
) -> None:
    httpserver.expect_request("/busy").respond_with_data(
        "busy", status=429, headers={"Retry-After": "3600"}
    )
    with pytest.raises(NetworkError, match=r"busy \(HTTP 429\); asks to wait 3600 s"):
        make_http(max_wait=120.0).get("/busy")
    assert requests_to(httpserver) == 1
    assert clock.sleeps == []


def test_a_persistent_500_is_an_error(
    httpserver: HTTPServer, make_http: MakeHttp, clock: FakeClock
) -> None:
    httpserver.expect_request("/broken").respond_with_data("oops", status=500)
    with pytest.raises(NetworkError, match="HTTP 500"):
        make_http(retries=1).get("/broken")
    assert requests_to(httpserver) == 2


def test_400_and_404_are_answers_not_errors(httpserver: HTTPServer, make_http: MakeHttp) -> None:
    httpserver.expect_request("/missing").respond_with_data("Resource not found.", status=404)
    httpserver.expect_request("/bad").respond_with_json({"error": "bad"}, status=400)
    http = make_http()
    assert http.get("/missing").status == 404
    assert http.get("/bad").json("Test") == {"error": "bad"}
    assert requests_to(httpserver) == 2


# -- failures on the wire -------------------------------------------------------------------


def test_a_slow_answer_times_out(httpserver: HTTPServer, make_http: MakeHttp) -> None:
    def slow(request: Request) -> Response:
        time.sleep(1.0)
        return Response("late")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    with pytest.raises(NetworkError, match="timed out") as caught:
        make_http(read_timeout=0.3, retries=0).get("/slow")
    assert "\n" not in str(caught.value)
    # The server logs the request once its handler wakes; wait for that, so that it is
    # counted here and not in the next test.
    deadline = time.monotonic() + 5
    while requests_to(httpserver) == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert requests_to(httpserver) == 1


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_connection_refused_is_one_line(clock: FakeClock) -> None:
    port = closed_port()
    http = Http("Test", f"http://127.0.0.1:{port}", Politeness(retries=2), clock=clock)
    with pytest.raises(NetworkError) as caught:
        http.get("/x")
    message = str(caught.value)
    assert message == f"Test: could not connect to 127.0.0.1:{port} (connection refused)"
    # Refused is how being offline looks: asked once, answered at once, no backoff to sit out.
    assert http.requests_sent == 1
    assert not clock.sleeps


def test_a_declared_length_over_max_bytes_is_refused(
    httpserver: HTTPServer, make_http: MakeHttp
) -> None:
    httpserver.expect_request("/big").respond_with_data(b"x" * 5000)
    with pytest.raises(NetworkError, match="more than 4 KB"):
        make_http(max_bytes=4096).get("/big")
    assert requests_to(httpserver) == 1  # the same body again would be too big again


class RawServer:
    """A TCP server on 127.0.0.1 that reads each request head and lets `script` answer with
    raw bytes. One connection at a time, every socket with a time limit."""

    def __init__(self, script: Callable[[socket.socket], None]) -> None:
        self.script = script
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.05)  # so that close() is noticed at once
        self.port = int(self.listener.getsockname()[1])
        self.connections = 0
        self.done = threading.Event()
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _run(self) -> None:
        deadline = time.monotonic() + 10
        while not self.stopped.is_set() and time.monotonic() < deadline:
            try:
                conn, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            with conn:
                conn.settimeout(10)
                try:
                    head = b""
                    while b"\r\n\r\n" not in head and (chunk := conn.recv(4096)):
                        head += chunk
                    self.script(conn)
                except OSError:
                    pass  # the client hung up: that is what these tests provoke
                finally:
                    self.done.set()

    def close(self) -> None:
        self.stopped.set()
        self.thread.join(timeout=10)
        self.listener.close()


@pytest.fixture
def raw_server() -> Iterator[Callable[[Callable[[socket.socket], None]], RawServer]]:
    servers: list[RawServer] = []

    def start(script: Callable[[socket.socket], None]) -> RawServer:
        servers.append(RawServer(script))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


def test_a_length_that_never_arrives_is_refused_without_reading(
    raw_server: Callable[[Callable[[socket.socket], None]], RawServer], clock: FakeClock
) -> None:
    def promise_a_gigabyte(conn: socket.socket) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 1000000000\r\n\r\n")
        conn.recv(1)  # wait until the client hangs up; reading would need the body

    server = raw_server(promise_a_gigabyte)
    politeness = Politeness(max_bytes=1 << 20, read_timeout=5)
    started = time.monotonic()
    with (
        Http("Test", server.url, politeness, clock=clock) as http,
        pytest.raises(NetworkError, match="sent more than 1 MB; stopped reading"),
    ):
        http.get("/huge")
    assert time.monotonic() - started < 4  # refused on the header, not after a read timeout
    assert server.connections == 1


def test_an_endless_stream_is_cut_off_at_max_bytes(
    raw_server: Callable[[Callable[[socket.socket], None]], RawServer], clock: FakeClock
) -> None:
    chunk = b"x" * 65536
    total = 256 * len(chunk)  # 16 MB on offer
    sent: list[int] = []

    def stream(conn: socket.socket) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
        for _ in range(total // len(chunk)):
            conn.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            sent.append(len(chunk))
        conn.sendall(b"0\r\n\r\n")

    server = raw_server(stream)
    with (
        Http("Test", server.url, Politeness(max_bytes=256 * 1024), clock=clock) as http,
        pytest.raises(NetworkError, match="more than 256 KB"),
    ):
        http.get("/stream")
    assert server.done.wait(10)
    assert sum(sent) < total  # the client hung up; it did not read the rest
    assert server.connections == 1


def test_a_body_cut_short_is_an_error_not_a_partial_reply(
    raw_server: Callable[[Callable[[socket.socket], None]], RawServer], clock: FakeClock
) -> None:
    def cut_short(conn: socket.socket) -> None:
        conn.sendall(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
            b'{"status":"ok","message-type":"work"'
        )
        # and the connection closes here, 964 bytes short

    server = raw_server(cut_short)
    with (
        Http("Test", server.url, Politeness(retries=1), clock=clock) as http,
        pytest.raises(NetworkError, match="broke off") as caught,
    ):
        http.get("/short")
    assert "could not connect" not in str(caught.value)
    assert server.connections == 2  # a dropped connection is asked once more


# -- cache and offline ----------------------------------------------------------------------


class MemoryCache:
    """A ResponseCache in a dict, with its own notion of age on the fake clock."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.entries: dict[str, tuple[float, Reply]] = {}

    def get(self, key: str, max_age: float | None) -> Reply | None:
        entry = self.entries.get(key)
        if entry is None:
            return None
        stored, reply = entry
        if max_age is not None and self.clock.time - stored > max_age:
            return None
        return reply

    def put(self, key: str, reply: Reply) -> None:
        self.entries[key] = (self.clock.time, reply)


def cached_http(
    server: HTTPServer, clock: FakeClock, cache: MemoryCache, *, offline: bool = False
) -> Http:
    return Http("Test", server.url_for(""), Politeness(), cache=cache, clock=clock, offline=offline)


def test_a_repeated_get_is_answered_from_the_cache(
    httpserver: HTTPServer, clock: FakeClock
) -> None:
    httpserver.expect_request("/works", query_string="q=a").respond_with_data("first")
    http = cached_http(httpserver, clock, MemoryCache(clock))
    first = http.get("/works", {"q": "a"})
    second = http.get("/works", {"q": "a"})
    assert (first.text(), first.from_cache) == ("first", False)
    assert (second.text(), second.from_cache) == ("first", True)
    assert requests_to(httpserver) == 1
    assert http.requests_sent == 1


def test_an_old_cached_answer_is_asked_again(httpserver: HTTPServer, clock: FakeClock) -> None:
    httpserver.expect_request("/works").respond_with_data("fresh")
    http = cached_http(httpserver, clock, MemoryCache(clock))
    http.get("/works", max_age=60)
    clock.advance(61)
    assert http.get("/works", max_age=60).from_cache is False
    assert requests_to(httpserver) == 2


def test_busy_answers_are_not_cached(httpserver: HTTPServer, clock: FakeClock) -> None:
    httpserver.expect_request("/busy").respond_with_data("busy", status=503)
    cache = MemoryCache(clock)
    http = Http("Test", httpserver.url_for(""), Politeness(retries=0), cache=cache, clock=clock)
    with pytest.raises(NetworkError):
        http.get("/busy")
    assert cache.entries == {}


def test_offline_with_an_empty_cache_sends_nothing(
    httpserver: HTTPServer, clock: FakeClock
) -> None:
    httpserver.expect_request("/works").respond_with_data("never")
    http = cached_http(httpserver, clock, MemoryCache(clock), offline=True)
    with pytest.raises(NetworkError, match="network use is switched off"):
        http.get("/works")
    assert requests_to(httpserver) == 0
    assert http.requests_sent == 0


def test_offline_with_a_cached_answer_returns_it(httpserver: HTTPServer, clock: FakeClock) -> None:
    httpserver.expect_request("/works").respond_with_data("kept")
    cache = MemoryCache(clock)
    cached_http(httpserver, clock, cache).get("/works")
    offline = cached_http(httpserver, clock, cache, offline=True)
    assert offline.get("/works").text() == "kept"
    assert requests_to(httpserver) == 1


def test_post_bodies_are_part_of_the_cache_key(httpserver: HTTPServer, clock: FakeClock) -> None:
    httpserver.expect_request("/batch", method="POST", json={"ids": ["a"]}).respond_with_data("A")
    httpserver.expect_request("/batch", method="POST", json={"ids": ["b"]}).respond_with_data("B")
    http = cached_http(httpserver, clock, MemoryCache(clock))
    assert [http.post_json("/batch", {"ids": [i]}).text() for i in "abab"] == list("ABAB")
    assert requests_to(httpserver) == 2


# -- cancel ---------------------------------------------------------------------------------


class CancellingClock(FakeClock):
    """Presses Cancel once `after` fake seconds have been slept."""

    def __init__(self, token: CancelToken, after: float) -> None:
        super().__init__()
        self.token, self.after = token, after

    def sleep(self, seconds: float) -> None:
        super().sleep(seconds)
        if sum(self.sleeps) >= self.after:
            self.token.cancel()


def test_cancel_during_a_retry_after_wait_stops_within_it(httpserver: HTTPServer) -> None:
    busy_then_ok(httpserver, 429, {"Retry-After": "7"})
    token = CancelToken()
    clock = CancellingClock(token, after=2.0)
    http = Http("Test", httpserver.url_for(""), Politeness(), clock=clock, cancel=token)
    with pytest.raises(Cancelled):
        http.get("/busy")
    assert sum(clock.sleeps) == pytest.approx(2.0)  # felt within a quarter second
    assert requests_to(httpserver) == 1


def test_a_cancelled_token_sends_nothing(httpserver: HTTPServer, clock: FakeClock) -> None:
    httpserver.expect_request("/p").respond_with_data("never")
    token = CancelToken()
    token.cancel()
    http = Http("Test", httpserver.url_for(""), Politeness(), clock=clock, cancel=token)
    with pytest.raises(Cancelled):
        http.get("/p")
    assert requests_to(httpserver) == 0


def test_reply_json_names_the_source_when_it_is_not_json() -> None:
    reply = replace(Reply(200, b"<html>", "text/html"), url="http://x/y")
    with pytest.raises(NetworkError, match=r"^Crossref: sent something that is not JSON"):
        reply.json("Crossref")
