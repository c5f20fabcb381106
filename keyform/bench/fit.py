"""Least-squares fit of ``seconds = fixed + n * per_object`` over the measured sizes."""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median


@dataclass
class Series:
    name: str
    samples: dict[int, list[float]]  # n -> seconds of each repetition

    def minimum(self, n: int) -> float:
        return min(self.samples[n])

    def median(self, n: int) -> float:
        return median(self.samples[n])


@dataclass
class Fit:
    fixed: float
    per_object: float


def linear_fit(points: list[tuple[int, float]]) -> Fit:
    if len(points) == 1:
        n, seconds = points[0]
        return Fit(0.0, seconds / n if n else 0.0)
    mean_n = sum(n for n, _ in points) / len(points)
    mean_s = sum(s for _, s in points) / len(points)
    var = sum((n - mean_n) ** 2 for n, _ in points)
    slope = sum((n - mean_n) * (s - mean_s) for n, s in points) / var if var else 0.0
    return Fit(mean_s - slope * mean_n, slope)


def fit_series(series: Series) -> Fit:
    """Fit on the minimum of each size: the least disturbed measurement."""
    return linear_fit([(n, series.minimum(n)) for n in sorted(series.samples)])
