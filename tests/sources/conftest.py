from __future__ import annotations

from collections.abc import Callable

import pytest
from pytest_httpserver import HTTPServer

from readerapp.sources.http import Http, Politeness
from tests.fakes import FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def make_http(httpserver: HTTPServer, clock: FakeClock) -> Callable[..., Http]:
    """An Http client of the local server with the fake clock; keyword arguments go to
    Politeness (its defaults, but no retry waits unless a test asks)."""

    def make(source: str = "Test", **politeness: float) -> Http:
        return Http(source, httpserver.url_for(""), Politeness(**politeness), clock=clock)  # type: ignore[arg-type]

    return make
