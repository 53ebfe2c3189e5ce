"""Figures: repeated timings summarised as median and p95, with the reference beside them."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

T = TypeVar("T")


def timed(fn: Callable[[], T]) -> tuple[float, T]:
    """Seconds one call took, and what it returned."""
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile: with few samples, p95 is the slowest one, never interpolated."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


@dataclass(slots=True)
class Figure:
    """One measured row. Samples are seconds per operation (rates are derived from them)."""

    section: str
    name: str
    engine: str  # "whoosh", "tantivy", or "-" when the engine plays no part
    samples: list[float]
    reference: list[float] = field(default_factory=list)
    per_op: int = 1  # papers per operation, for rates (papers/s)
    unit: str = "ms"  # "ms", "papers/s" or "MB"
    note: str = ""

    def value(self, seconds: float) -> float:
        if self.unit == "papers/s":
            return self.per_op / seconds if seconds > 0 else float("inf")
        if self.unit == "ms":
            return seconds * 1000
        return seconds  # MB are stored as they are

    @property
    def median(self) -> float:
        return self.value(statistics.median(self.samples))

    @property
    def p95(self) -> float:
        # For a rate, the slow end: the rate of the p95 time.
        return self.value(percentile(self.samples, 95))

    @property
    def ref_median(self) -> float | None:
        return self.value(statistics.median(self.reference)) if self.reference else None

    @property
    def ref_p95(self) -> float | None:
        return self.value(percentile(self.reference, 95)) if self.reference else None

    @property
    def ratio(self) -> float | None:
        """Times slower than the reference (time over reference time; above 1 is slower)."""
        if not self.reference:
            return None
        ours, ref = statistics.median(self.samples), statistics.median(self.reference)
        return ours / ref if ref > 0 else None

    def describe(self) -> str:
        """One line for the console: the figure and its ratio to the reference."""
        digits = 1 if self.unit == "ms" else 0
        ratio = f"{self.ratio:.2f}x reference time" if self.ratio else "no reference"
        return (
            f"  {self.name} [{self.engine}]: median {self.median:,.{digits}f} {self.unit}, "
            f"p95 {self.p95:,.{digits}f} ({ratio})"
        )
