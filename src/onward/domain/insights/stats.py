"""Small-sample statistics: proportions with 95% Wilson intervals, a minimum-sample guard, and
summaries of day counts. Standard library only.

The guard is the point. With a handful of applications any percentage is mostly noise, so a
rate below :data:`MIN_OUTCOMES` outcomes is reported as "4 of the 10 applications needed so
far" (in tables, what happened: "3 of 4 so far") and never as a claim. A rate is always shown
with what it counts ("4 of 10"), and its 95% interval in plain words ("likely between 17% and
69%"). The Wilson score interval (rather than the textbook
"p ± 1.96·se") stays inside 0..1 and behaves at 0 and at n, which is where small job-search
numbers live.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, fields

#: Outcomes a rate needs before Onward says anything about it.
MIN_OUTCOMES = 10
#: Two-sided 95% normal quantile.
Z95 = 1.959963984540054


def wilson(hits: int, n: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval for ``hits`` successes in ``n`` trials (``(0, 1)`` for n=0)."""
    if n < 0 or hits < 0 or hits > n:
        raise ValueError(f"need 0 <= hits <= n, got {hits} of {n}")
    if n == 0:
        return (0.0, 1.0)
    p = hits / n
    z2 = z * z
    denominator = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator
    return (max(0.0, centre - half), min(1.0, centre + half))


def not_enough(have: int, need: int, what: str = "applications") -> str:
    """``4 of the 10 applications needed so far``: how far towards what a number waits for."""
    return f"{have} of the {need} {what} needed so far"


def percent(value: float) -> str:
    return f"{round(value * 100)}%"


@dataclass(frozen=True)
class Rate:
    """``hits`` of ``n`` outcomes, with its interval and whether there is enough to say so."""

    hits: int
    n: int
    minimum: int = MIN_OUTCOMES

    def __post_init__(self) -> None:
        if self.n < 0 or not 0 <= self.hits <= self.n:
            raise ValueError(f"need 0 <= hits <= n, got {self.hits} of {self.n}")

    @property
    def enough(self) -> bool:
        return self.n >= self.minimum

    @property
    def value(self) -> float | None:
        return self.hits / self.n if self.n else None

    @property
    def interval(self) -> tuple[float, float]:
        return wilson(self.hits, self.n)

    def describe(self) -> str:
        """``4 of 10 (40%, likely between 17% and 69%)``, or how far towards a rate it is
        (``4 of the 10 applications needed so far``)."""
        if not self.enough:
            return not_enough(self.n, self.minimum)
        return f"{self.hits} of {self.n} ({self.likely()})"

    def likely(self) -> str:
        """``40%, likely between 17% and 69%`` (the rate and its 95% interval in words)."""
        low, high = self.interval
        return (
            f"{percent(self.value or 0.0)}, likely between {round(low * 100)}% and "
            f"{round(high * 100)}%"
        )

    def brief(self) -> str:
        """``4 of 10 (40%)``, or just what happened while a rate waits (``3 of 4 so far``),
        for tables."""
        if not self.enough:
            return f"{self.hits} of {self.n} so far"
        assert self.value is not None
        return f"{self.hits} of {self.n} ({percent(self.value)})"

    def as_dict(self) -> dict[str, object]:
        low, high = self.interval
        return {
            "hits": self.hits,
            "n": self.n,
            "enough": self.enough,
            "minimum": self.minimum,
            "value": self.value if self.enough else None,
            "low": low if self.enough else None,
            "high": high if self.enough else None,
            "text": self.describe(),
        }


@dataclass(frozen=True)
class DaySummary:
    """How many days something took: median and quartiles, from a histogram of day counts."""

    n: int
    median: float | None
    lower_quartile: float | None
    upper_quartile: float | None
    minimum: int = MIN_OUTCOMES

    @property
    def enough(self) -> bool:
        return self.n >= self.minimum

    def as_dict(self) -> dict[str, object]:
        return {**{f.name: getattr(self, f.name) for f in fields(self)}, "enough": self.enough}

    def describe(self, what: str) -> str:
        if not self.enough or self.median is None:
            return not_enough(self.n, self.minimum, what)
        low, high = self.lower_quartile, self.upper_quartile
        assert low is not None and high is not None
        return (
            f"usually {round(self.median, 1):g} days (half took between {round(low, 1):g} and "
            f"{round(high, 1):g}), from {self.n} {what}"
        )


def summarise_days(histogram: Iterable[tuple[int, int]], minimum: int = MIN_OUTCOMES) -> DaySummary:
    """Median and quartiles of ``(days, count)`` pairs; negative days (bad dates) are dropped."""
    counts: dict[int, int] = {}
    for days, count in histogram:
        if days >= 0 and count > 0:
            counts[days] = counts.get(days, 0) + count
    n = sum(counts.values())
    if n == 0:
        return DaySummary(0, None, None, None, minimum)
    ordered = sorted(counts.items())
    return DaySummary(
        n,
        _quantile(ordered, n, 0.5),
        _quantile(ordered, n, 0.25),
        _quantile(ordered, n, 0.75),
        minimum,
    )


def _quantile(ordered: list[tuple[int, int]], n: int, q: float) -> float:
    """The ``q`` quantile with linear interpolation between order statistics (as numpy's
    default, and Excel's PERCENTILE.INC)."""
    position = q * (n - 1)
    below = math.floor(position)
    fraction = position - below
    low = _nth(ordered, below)
    high = _nth(ordered, min(below + 1, n - 1))
    return low + (high - low) * fraction


def _nth(ordered: list[tuple[int, int]], index: int) -> int:
    seen = 0
    for value, count in ordered:
        seen += count
        if index < seen:
            return value
    return ordered[-1][0]
