"""Answers are kept beside the library: a repeated look-up costs no request."""

from __future__ import annotations

from pathlib import Path

from readerapp.services.lookup_cache import CACHE_NAME, NOT_FOUND_MAX_AGE, LookupCache
from readerapp.sources.http import Reply
from tests.fakes import FakeClock


def test_an_answer_survives_reopening_and_expires_by_age(tmp_path: Path) -> None:
    clock = FakeClock()
    cache = LookupCache(tmp_path, clock)
    cache.put("GET http://x/a", Reply(200, b"body", "text/plain", "http://x/a"))
    cache.close()
    again = LookupCache(tmp_path, clock)
    hit = again.get("GET http://x/a", None)
    assert hit is not None and hit.body == b"body" and hit.from_cache
    assert (tmp_path / CACHE_NAME).exists()
    clock.advance(3600)
    assert again.get("GET http://x/a", 7200) is not None
    assert again.get("GET http://x/a", 1800) is None
    assert again.get("GET http://x/b", None) is None
    again.close()


def test_not_found_answers_expire_within_a_week(tmp_path: Path) -> None:
    clock = FakeClock()
    cache = LookupCache(tmp_path, clock)
    cache.put("k", Reply(404, b"", "", ""))
    assert cache.get("k", None) is not None
    clock.advance(NOT_FOUND_MAX_AGE + 1)
    assert cache.get("k", None) is None
    assert len(cache) == 1
    cache.close()
