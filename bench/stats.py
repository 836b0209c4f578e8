"""Small helpers shared by the benchmarks."""

from __future__ import annotations

import statistics
from collections.abc import Sequence


def percentile(values: Sequence[float], fraction: float) -> float:
    """The value below which ``fraction`` of the sorted values fall (nearest rank)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))
    return ordered[rank]


def summary_ms(seconds: Sequence[float]) -> dict[str, float]:
    """Median and p99 of durations given in seconds, in milliseconds."""
    return {
        "median_ms": round(statistics.median(seconds) * 1000, 4) if seconds else 0.0,
        "p99_ms": round(percentile(seconds, 0.99) * 1000, 4),
    }
