"""The real clock keeps the promises the Clock protocol makes."""

from __future__ import annotations

import datetime as dt

from readerapp.core.clock import SYSTEM_CLOCK
from readerapp.core.errors import NetworkError


def test_the_system_clock_is_aware_utc_and_monotonic() -> None:
    now = SYSTEM_CLOCK.now()
    assert now.tzinfo is not None and now.utcoffset() == dt.timedelta(0)
    first = SYSTEM_CLOCK.monotonic()
    SYSTEM_CLOCK.sleep(0.01)
    assert SYSTEM_CLOCK.monotonic() - first >= 0.009


def test_a_network_error_names_the_source_and_exits_with_2() -> None:
    error = NetworkError("arXiv", "timed out after 30 s")
    assert str(error) == "arXiv: timed out after 30 s"
    assert (error.source, error.why, error.exit_code) == ("arXiv", "timed out after 30 s", 2)
