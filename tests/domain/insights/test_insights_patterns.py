"""Reasons and themes with quotes, reflection ratings over time, mood per week, role reading."""

from __future__ import annotations

from datetime import date

import pytest

from onward.domain.insights.patterns import (
    REASON_LABELS,
    count_up,
    lowest_rated,
    mood_by_week,
    rate_stages,
    shorten,
)
from onward.domain.insights.roles import role_family, seniority


def test_count_up_orders_by_count_keeps_not_given_last_and_newest_quotes_first() -> None:
    items = count_up(
        [("unspecified", 5), ("skills_mismatch", 2), ("stronger_candidates", 3)],
        [
            ("stronger_candidates", "Close call", date(2026, 3, 1), "Acme"),
            ("stronger_candidates", "Another was ahead", date(2026, 5, 1), "Bolt"),
            ("skills_mismatch", "   ", date(2026, 5, 1), "Bolt"),
        ],
        REASON_LABELS,
        total=10,
        last="unspecified",
    )
    assert [(c.key, c.count) for c in items] == [
        ("stronger_candidates", 3),
        ("skills_mismatch", 2),
        ("unspecified", 5),
    ]
    assert items[0].share == pytest.approx(0.3)
    assert [q.company for q in items[0].quotes] == ["Bolt", "Acme"]
    assert items[1].quotes == ()  # blank quotes are dropped
    assert items[2].label == "Not given"


def test_long_quotes_are_shortened_on_a_word_and_whitespace_folded() -> None:
    assert shorten("a  b\n c") == "a b c"
    long = shorten("word " * 100, 20)
    assert len(long) <= 20 and long.endswith("…")


def test_ratings_group_interview_rounds_and_find_a_trend() -> None:
    rows = [
        ("interview_1", date(2026, 1, 5), 2, 1),
        ("interview_2", date(2026, 1, 5), 1, 1),
        ("interview_1", date(2026, 3, 9), 4, 1),
        ("interview_1", date(2026, 3, 20), 5, 1),
        ("preparation", date(2026, 1, 5), 4, 1),
        ("preparation", date(2026, 3, 9), 3, 1),
        ("preparation", date(2026, 3, 20), 4, 1),
    ]
    ratings = {r.stage: r for r in rate_stages(rows)}
    interview = ratings["interview"]
    # (2 + 1 + 4 + 5) / 4 = 3.0; older half (2, 1) = 1.5, newer half (4, 5) = 4.5
    assert (interview.mean, interview.n) == (3.0, 4)
    assert (interview.earlier, interview.later, interview.trend) == (1.5, 4.5, "improving")
    assert [(m.month, m.mean, m.n) for m in interview.months] == [
        ("2026-01", 1.5, 2),
        ("2026-03", 4.5, 2),
    ]
    assert ratings["preparation"].trend == "too few"  # three ratings cannot show a trend
    # preparation (11/3 = 3.67) is rated above interviews (3.0)
    assert lowest_rated(ratings.values()) is interview
    assert [r.stage for r in rate_stages(rows)] == ["preparation", "interview"]


def test_slipping_and_steady_and_too_few_for_lowest() -> None:
    slipping = rate_stages(
        [("screen", date(2026, 1, d), s, 1) for d, s in ((1, 5), (2, 5), (3, 3), (4, 4))]
    )
    assert slipping[0].trend == "slipping"  # 5.0 then 3.5
    steady = rate_stages([("screen", date(2026, 1, d), 3, 1) for d in (1, 2, 3, 4)])
    assert steady[0].trend == "steady"
    assert lowest_rated(rate_stages([("final", date(2026, 1, 1), 2, 2)])) is None


def test_mood_is_averaged_per_iso_week() -> None:
    weeks = mood_by_week(
        [(date(2026, 11, 2), 2, 1), (date(2026, 11, 8), 4, 1), (date(2026, 11, 10), 10, 2)]
    )
    assert [(w.week_start, w.mean, w.entries) for w in weeks] == [
        (date(2026, 11, 2), 3.0, 2),
        (date(2026, 11, 9), 5.0, 2),
    ]


@pytest.mark.parametrize(
    ("title", "family", "level"),
    [
        ("Senior Backend Engineer", "engineering", "senior"),
        ("Junior Data Analyst", "data", "junior"),
        ("Staff Nurse", "healthcare", "mid-level"),
        ("Staff Software Engineer", "engineering", "lead"),
        ("Primary School Teacher", "education", "mid-level"),
        ("Store Manager", "retail", "manager"),
        ("Product Designer", "design", "mid-level"),
        ("Head of Marketing", "marketing", "director+"),
        ("Summer Intern, Finance", "finance", "intern"),
        ("Chef", "other", "mid-level"),
    ],
)
def test_role_family_and_seniority_from_titles(title: str, family: str, level: str) -> None:
    assert role_family(title) == family
    assert seniority(title) == level
