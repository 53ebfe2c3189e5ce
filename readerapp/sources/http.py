"""One polite HTTP client per online source: pacing, retries, size limits, the cache.

Every request of every source goes through `Http.get` / `Http.post_json`, so the rules hold
everywhere: a User-Agent that names readerapp and a contact, at most one connection per
source, a minimum spacing between requests (arXiv asks for 3 s), the pacing a server
advertises (Crossref's X-Rate-Limit headers), Retry-After and exponential back-off on 429 and
503, a time limit on each phase, a size limit on every body, and cancellation between and
during waits. httpx is the client: typed, per-phase timeouts, streamed bodies (so a huge body
is cut off at the limit, never read whole), and one connection pool per source.
"""

from __future__ import annotations

import email.utils
import json
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Protocol

import httpx

import readerapp
from readerapp.core.clock import SYSTEM_CLOCK, Clock
from readerapp.core.errors import NetworkError
from readerapp.core.progress import CancelToken

# Statuses worth asking again after a wait: the server is busy, not saying no.
RETRY_STATUSES = frozenset((429, 500, 502, 503, 504))
# Statuses a source reads as an answer (found, not found, bad id) rather than a failure.
ANSWER_STATUSES = frozenset((200, 400, 404))


@dataclass(frozen=True, slots=True)
class Politeness:
    """How one source wants to be asked."""

    min_interval: float = 0.0  # seconds from one request's start to the next one's
    retries: int = 3  # further attempts after a busy answer or a dropped connection
    backoff: float = 2.0  # the first wait when the server gives none; doubles each time
    max_wait: float = 120.0  # a longer Retry-After is not waited for: the look-up fails
    max_bytes: int = 8 * 1024 * 1024  # no answer we need is near this; a bigger one is hostile
    connect_timeout: float = 10.0
    read_timeout: float = 30.0


@dataclass(frozen=True, slots=True)
class Reply:
    """A response as a source needs it: status, type and the whole (size-limited) body."""

    status: int
    body: bytes
    content_type: str = ""
    url: str = ""
    from_cache: bool = False
    headers: Mapping[str, str] = field(default_factory=dict)

    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    def json(self, source: str) -> object:
        """The body as JSON, or a NetworkError that names the source."""
        try:
            return json.loads(self.body)
        except ValueError:
            raise NetworkError(source, f"sent something that is not JSON ({self.url})") from None


class ResponseCache(Protocol):
    """Where answers are kept so that a repeated look-up costs no request (and works
    offline). Keys are the request's method, URL and body."""

    def get(self, key: str, max_age: float | None) -> Reply | None: ...

    def put(self, key: str, reply: Reply) -> None: ...


class _TooBig(NetworkError):
    """A body over the size limit: asking again would only fetch the same body again."""


class _Unreachable(NetworkError):
    """No connection at all (refused, unknown host, no route): the usual face of being
    offline. Asking again within seconds would only make the user wait through the backoff
    (35 s for arXiv) for the same answer."""


class NoCache:
    def get(self, key: str, max_age: float | None) -> Reply | None:
        return None

    def put(self, key: str, reply: Reply) -> None:
        pass


def user_agent(contact: str) -> str:
    """readerapp, its version, and the user's contact when set (the APIs' polite pools ask
    for one: it lets them write before they block)."""
    base = f"readerapp/{readerapp.__version__} (reading-list manager; https://pypi.org/project/readerapp/"
    return base + (f"; mailto:{contact})" if contact else ")")


def retry_after(value: str | None, now: float) -> float | None:
    """Seconds to wait from a Retry-After header: a number, or an HTTP date (`now` is the
    current Unix time, for the date form)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - now)


def advertised_interval(headers: Mapping[str, str]) -> float | None:
    """The spacing a server asks for in X-Rate-Limit-Limit / X-Rate-Limit-Interval
    (Crossref: "10" per "1s"), in seconds per request."""
    limit = headers.get("x-rate-limit-limit", "")
    interval = headers.get("x-rate-limit-interval", "").strip().lower()
    if not limit.strip().isdigit() or int(limit) <= 0 or not interval:
        return None
    units = {"s": 1.0, "m": 60.0, "h": 3600.0}
    number, unit = interval[:-1], interval[-1]
    if unit not in units or not number.replace(".", "", 1).isdigit():
        return None
    return float(number) * units[unit] / int(limit)


class Http:
    """The client of one source (one connection, its own pacing).

    `offline` serves only what the cache holds: a miss fails with one line that says network
    use is switched off. `cancel` is checked before every request and during every wait.
    """

    def __init__(
        self,
        source: str,
        base_url: str,
        politeness: Politeness,
        *,
        contact: str = "",
        cache: ResponseCache | None = None,
        clock: Clock = SYSTEM_CLOCK,
        offline: bool = False,
        cancel: CancelToken | None = None,
    ) -> None:
        self.source = source
        self.base_url = base_url.rstrip("/")
        self.politeness = politeness
        self.cache: ResponseCache = cache if cache is not None else NoCache()
        self.clock = clock
        self.offline = offline
        self.cancel = cancel
        self.contact = contact
        self.requests_sent = 0
        self._interval = politeness.min_interval
        self._next_at: float | None = None
        self._last_start = 0.0
        self._client: httpx.Client | None = None

    def url(self, path: str, params: Mapping[str, str] | None = None) -> str:
        url = self.base_url + path
        if params:
            url += "?" + urllib.parse.urlencode(params, safe=":,/")
        return url

    def get(
        self,
        path: str,
        params: Mapping[str, str] | None = None,
        *,
        headers: Mapping[str, str] | None = None,
        max_age: float | None = None,
    ) -> Reply:
        """GET base_url + path. A cached answer younger than `max_age` seconds (None: any
        age) is returned without a request."""
        return self._request("GET", self.url(path, params), None, headers or {}, max_age)

    def post_json(
        self,
        path: str,
        body: object,
        params: Mapping[str, str] | None = None,
        *,
        max_age: float | None = None,
    ) -> Reply:
        data = json.dumps(body, sort_keys=True).encode()
        headers = {"Content-Type": "application/json"}
        return self._request("POST", self.url(path, params), data, headers, max_age)

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def __enter__(self) -> Http:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- internals ---------------------------------------------------------------------

    def _request(
        self,
        method: str,
        url: str,
        data: bytes | None,
        headers: Mapping[str, str],
        max_age: float | None,
    ) -> Reply:
        key = f"{method} {url}" + (f"\n{data.decode()}" if data else "")
        cached = self.cache.get(key, max_age)
        if cached is not None:
            # Marked here rather than left to each cache: callers tell a stored answer by it.
            return replace(cached, from_cache=True)
        if self.offline:
            raise NetworkError(
                self.source, "not in the cache, and network use is switched off in Preferences"
            )
        attempt = 0
        while True:
            self._check_cancel()
            self._wait_turn()
            try:
                reply = self._send(method, url, data, headers)
            except NetworkError as error:
                if attempt >= self.politeness.retries or isinstance(error, _TooBig | _Unreachable):
                    raise
                self._pause(self.politeness.backoff * 2**attempt)
                attempt += 1
                continue
            self._follow_advice(reply.headers)
            if reply.status in RETRY_STATUSES and attempt < self.politeness.retries:
                wait = retry_after(reply.headers.get("retry-after"), self.clock.now().timestamp())
                if wait is None:
                    wait = self.politeness.backoff * 2**attempt
                if wait > self.politeness.max_wait:
                    raise NetworkError(
                        self.source, f"busy (HTTP {reply.status}); asks to wait {wait:.0f} s"
                    )
                self._pause(wait)
                attempt += 1
                continue
            if reply.status not in ANSWER_STATUSES:
                raise NetworkError(self.source, f"HTTP {reply.status} for {url}")
            if reply.status in (200, 404):
                self.cache.put(key, reply)
            return reply

    def _client_for(self) -> httpx.Client:
        if self._client is None:
            p = self.politeness
            self._client = httpx.Client(
                timeout=httpx.Timeout(p.read_timeout, connect=p.connect_timeout),
                # One connection per source (arXiv's terms ask for exactly that).
                limits=httpx.Limits(max_connections=1, max_keepalive_connections=1),
                headers={"User-Agent": user_agent(self.contact)},
                follow_redirects=True,
                max_redirects=5,
            )
        return self._client

    def _send(self, method: str, url: str, data: bytes | None, headers: Mapping[str, str]) -> Reply:
        limit = self.politeness.max_bytes
        self.requests_sent += 1
        try:
            with self._client_for().stream(
                method, url, content=data, headers=dict(headers)
            ) as response:
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise _TooBig(self.source, _too_big(limit))
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > limit:
                        raise _TooBig(self.source, _too_big(limit))
                    chunks.append(chunk)
                    self._check_cancel()
                return Reply(
                    response.status_code,
                    b"".join(chunks),
                    response.headers.get("content-type", ""),
                    str(response.url),
                    headers={k.lower(): v for k, v in response.headers.items()},
                )
        except httpx.TimeoutException:
            raise NetworkError(self.source, f"timed out ({_host(url)})") from None
        except httpx.TooManyRedirects:
            raise NetworkError(self.source, f"too many redirects ({_host(url)})") from None
        except (httpx.ReadError, httpx.WriteError, httpx.RemoteProtocolError) as error:
            # Connected, then lost: a body cut short, a reset. Not "could not connect".
            raise NetworkError(
                self.source, f"the connection to {_host(url)} broke off ({_why(error)})"
            ) from None
        except httpx.ConnectError as error:
            raise _Unreachable(
                self.source, f"could not connect to {_host(url)} ({_why(error)})"
            ) from None
        except httpx.HTTPError as error:
            raise NetworkError(
                self.source, f"could not connect to {_host(url)} ({_why(error)})"
            ) from None

    def _wait_turn(self) -> None:
        now = self.clock.monotonic()
        if self._next_at is not None and now < self._next_at:
            self._pause(self._next_at - now)
        self._last_start = self.clock.monotonic()
        self._next_at = self._last_start + self._interval

    def _follow_advice(self, headers: Mapping[str, str]) -> None:
        advised = advertised_interval(headers)
        if advised is not None:
            # Never faster than our own floor; slower when the server says so.
            self._interval = max(self.politeness.min_interval, advised)
            self._next_at = self._last_start + self._interval

    def _pause(self, seconds: float) -> None:
        """Sleeps in short slices so that Cancel is felt within a quarter second."""
        end = self.clock.monotonic() + seconds
        while (left := end - self.clock.monotonic()) > 0:
            self._check_cancel()
            self.clock.sleep(min(left, 0.25))
        self._check_cancel()

    def _check_cancel(self) -> None:
        if self.cancel is not None:
            self.cancel.check()


def _too_big(limit: int) -> str:
    if limit >= 1024 * 1024:
        size = f"{limit // (1024 * 1024)} MB"
    else:  # small limits (tests, tight settings) would read "0 MB"
        size = f"{limit // 1024} KB" if limit >= 1024 else f"{limit} bytes"
    return f"sent more than {size}; stopped reading"


def _host(url: str) -> str:
    return urllib.parse.urlsplit(url).netloc or url


def _why(error: httpx.HTTPError) -> str:
    text = str(error).strip()
    if "Connection refused" in text or "[Errno 111]" in text:
        return "connection refused"
    if "Name or service not known" in text or "nodename nor servname" in text:
        return "no such host; are you offline?"
    return text.splitlines()[0][:120] if text else type(error).__name__
