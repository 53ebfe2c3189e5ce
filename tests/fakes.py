"""Test doubles shared by the source and service tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

API_DATA = Path(__file__).parent / "data" / "api"


class FakeClock:
    """A clock that only moves when slept on (or told to): waits are measured, not waited."""

    def __init__(self, start: dt.datetime | None = None) -> None:
        self.time = 1000.0
        self.start = start or dt.datetime(2026, 7, 31, 9, 0, tzinfo=dt.UTC)
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.time

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.time += seconds

    def now(self) -> dt.datetime:
        return self.start + dt.timedelta(seconds=self.time - 1000.0)

    def advance(self, seconds: float) -> None:
        self.time += seconds


def recorded(name: str) -> bytes:
    """A real response body recorded by other people (tests/data/api/MANIFEST.md)."""
    return (API_DATA / name).read_bytes()
