"""Wilson intervals, the small-sample guard and day summaries against hand-computed values."""

from __future__ import annotations

import pytest

from onward.domain.insights.stats import MIN_OUTCOMES, Rate, summarise_days, wilson


@pytest.mark.parametrize(
    ("hits", "n", "low", "high"),
    [
        # p = 0.5, z² = 3.8415: centre 0.5, half-width 1.96·√(0.025 + 0.0096)/1.3841 = 0.2634
        (5, 10, 0.2366, 0.7634),
        # no successes: the lower end is 0, the upper z²/(n + z²) = 3.8415/13.8415
        (0, 10, 0.0, 0.2775),
        (10, 10, 0.7225, 1.0),
        # p = 0.7: centre 0.89207/1.38415 = 0.6445, half-width 0.2477
        (7, 10, 0.3968, 0.8922),
        # one of one: centre (1 + 1.9207)/4.8415 = 0.6033, half-width 0.3967
        (1, 1, 0.2065, 1.0),
        (20, 100, 0.1334, 0.2888),
    ],
)
def test_wilson_matches_hand_computed_values(hits: int, n: int, low: float, high: float) -> None:
    got_low, got_high = wilson(hits, n)
    assert got_low == pytest.approx(low, abs=5e-5)
    assert got_high == pytest.approx(high, abs=5e-5)


def test_wilson_of_nothing_is_the_whole_range_and_bad_counts_are_refused() -> None:
    assert wilson(0, 0) == (0.0, 1.0)
    with pytest.raises(ValueError):
        wilson(3, 2)
    with pytest.raises(ValueError):
        Rate(-1, 4)


def test_the_guard_refuses_a_claim_below_ten_outcomes() -> None:
    small = Rate(1, 4)
    assert MIN_OUTCOMES == 10
    assert not small.enough
    assert small.describe() == "4 of the 10 applications needed so far"
    assert small.brief() == "1 of 4 so far"  # what happened, no rate yet
    record = small.as_dict()
    assert record["value"] is None and record["low"] is None and record["enough"] is False


def test_a_rate_with_enough_outcomes_states_value_interval_and_counts() -> None:
    rate = Rate(7, 10)
    assert rate.enough
    assert rate.value == 0.7
    assert rate.describe() == "7 of 10 (70%, likely between 40% and 89%)"
    assert rate.brief() == "7 of 10 (70%)"
    assert rate.as_dict()["low"] == pytest.approx(0.3968, abs=5e-5)


def test_day_summary_uses_interpolated_quartiles() -> None:
    # days 1, 2, 4, 6, 7, 7, 10: median the 4th value; quartiles at positions 1.5 and 4.5
    summary = summarise_days([(7, 2), (1, 1), (2, 1), (4, 1), (6, 1), (10, 1)])
    assert (summary.n, summary.median, summary.lower_quartile, summary.upper_quartile) == (
        7,
        6,
        3,
        7,
    )
    assert not summary.enough
    assert summary.describe("responses") == "7 of the 10 responses needed so far"


def test_day_summary_drops_impossible_negative_days_and_reads_when_enough() -> None:
    summary = summarise_days([(-3, 5), (4, 6), (8, 4)])
    assert summary.n == 10
    # ten values 4,4,4,4,4,4,8,8,8,8: median between the 5th and 6th (both 4)
    assert summary.median == 4
    assert summary.upper_quartile == 8  # position 6.75 lies between 8 and 8
    assert summary.describe("responses").startswith("usually 4 days (half took between 4 and 8)")
    assert summarise_days([]).median is None
