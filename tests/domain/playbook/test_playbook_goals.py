from __future__ import annotations

from datetime import date

import pytest
from tests.factories import application

from onward.domain.pipeline import Stage
from onward.domain.playbook.goals import (
    OPEN_MIND_PROMPTS,
    Effort,
    Metric,
    Streak,
    WeeklyGoals,
    effort_from,
    goal_weeks,
    open_mind_prompt,
    progress_by_week,
    revisit_suggestions,
    streak,
    week_progress,
    week_start,
)
from onward.errors import InvalidInput

# Mondays: 2026-03-02, 03-09, 03-16, 03-23, 03-30.
GOALS = WeeklyGoals(applications=2, follow_ups=0, reflections=1, learning_hours=0, networking=0)


def _met_week(monday: date) -> list[Effort]:
    """Effort that meets GOALS in the week starting ``monday``."""
    return [
        Effort(monday, Metric.APPLICATIONS),
        Effort(date.fromordinal(monday.toordinal() + 6), Metric.APPLICATIONS),
        Effort(monday, Metric.REFLECTIONS),
    ]


@pytest.mark.parametrize(
    ("day", "monday"),
    [
        (date(2026, 3, 9), date(2026, 3, 9)),
        (date(2026, 3, 15), date(2026, 3, 9)),
        (date(2026, 3, 16), date(2026, 3, 16)),
        (date(2027, 1, 1), date(2026, 12, 28)),  # ISO week 53 of 2026 crosses the year
    ],
)
def test_week_starts_on_monday(day: date, monday: date) -> None:
    assert week_start(day) == monday


def test_defaults_and_validation() -> None:
    goals = WeeklyGoals()
    assert [goals.target(m) for m in Metric] == [5, 2, 1, 2, 1]
    with pytest.raises(InvalidInput, match="goal for networking cannot be negative"):
        WeeklyGoals(networking=-1)
    with pytest.raises(InvalidInput, match="amount cannot be negative"):
        Effort(date(2026, 3, 9), Metric.LEARNING_HOURS, -2)


def test_week_progress_counts_only_that_week_and_tracked_metrics() -> None:
    activity = [
        Effort(date(2026, 3, 8), Metric.APPLICATIONS),  # Sunday before: other week
        Effort(date(2026, 3, 9), Metric.APPLICATIONS),
        Effort(date(2026, 3, 15), Metric.APPLICATIONS, 2),  # Sunday: same week
        Effort(date(2026, 3, 10), Metric.LEARNING_HOURS, 1.5),  # not tracked in GOALS
    ]
    week = week_progress(GOALS, activity, date(2026, 3, 12))
    assert week.week_start == date(2026, 3, 9) and week.week_end == date(2026, 3, 15)
    assert [(m.metric, m.target, m.done, m.met) for m in week.metrics] == [
        (Metric.APPLICATIONS, 2, 3, True),
        (Metric.REFLECTIONS, 1, 0, False),
    ]
    assert not week.met


def test_learning_hours_add_up() -> None:
    goals = WeeklyGoals(0, 0, 0, 2, 0)
    activity = [
        Effort(date(2026, 3, 9), Metric.LEARNING_HOURS, 1.5),
        Effort(date(2026, 3, 11), Metric.LEARNING_HOURS, 0.5),
    ]
    assert week_progress(goals, activity, date(2026, 3, 9)).met


def test_nothing_tracked_is_never_met() -> None:
    assert not week_progress(WeeklyGoals(0, 0, 0, 0, 0), [], date(2026, 3, 9)).met


def test_progress_by_week() -> None:
    weeks = progress_by_week(
        GOALS, _met_week(date(2026, 3, 9)), date(2026, 3, 4), date(2026, 3, 17)
    )
    assert [w.week_start for w in weeks] == [date(2026, 3, 2), date(2026, 3, 9), date(2026, 3, 16)]
    assert [w.met for w in weeks] == [False, True, False]
    with pytest.raises(InvalidInput, match="runs backwards"):
        progress_by_week(GOALS, [], date(2026, 3, 9), date(2026, 3, 1))


def test_streak_of_consecutive_weeks() -> None:
    activity = (
        _met_week(date(2026, 3, 2)) + _met_week(date(2026, 3, 9)) + _met_week(date(2026, 3, 16))
    )
    result = streak(GOALS, activity, date(2026, 3, 22))
    assert (result.current, result.best) == (3, 3)


def test_current_week_in_progress_does_not_break_the_streak() -> None:
    activity = _met_week(date(2026, 3, 2)) + _met_week(date(2026, 3, 9))
    # Wednesday of the next week, nothing done yet this week.
    result = streak(GOALS, activity, date(2026, 3, 18))
    assert (result.current, result.best) == (2, 2)
    # Once that week is over unmet, the streak is broken.
    result = streak(GOALS, activity, date(2026, 3, 23))
    assert (result.current, result.best) == (0, 2)


def test_streak_with_a_gap() -> None:
    activity = (
        _met_week(date(2026, 3, 2))
        + _met_week(date(2026, 3, 9))
        + _met_week(date(2026, 3, 9))[:1]  # noise in a met week
        + [Effort(date(2026, 3, 17), Metric.APPLICATIONS)]  # week of 16th: not met
        + _met_week(date(2026, 3, 23))
    )
    result = streak(GOALS, activity, date(2026, 3, 31))
    assert (result.current, result.best) == (1, 2)


def test_future_activity_is_ignored_and_no_activity_is_zero() -> None:
    assert streak(GOALS, [], date(2026, 3, 9)) == streak(
        GOALS, _met_week(date(2026, 3, 16)), date(2026, 3, 9)
    )
    assert streak(GOALS, [], date(2026, 3, 9)).best == 0


def test_revisit_hesitant_saved_jobs() -> None:
    apps = [
        application(1, Stage.SAVED, excitement=2, company="Birch", role="Analyst"),
        application(2, Stage.SAVED, excitement=5),
        application(3, Stage.SAVED, tags=("hesitant",), company="Cedar", role="Data engineer"),
        application(4, Stage.SAVED, excitement=3, company="Dune", role="Planner"),
        application(5, Stage.APPLIED, excitement=1),
        application(6, Stage.SAVED, excitement=1, archived=True),
    ]
    found = revisit_suggestions(apps)
    assert [s.application_id for s in found] == [4, 1, 3]
    assert found[0].why == (
        "You saved Planner at Dune but held back (you rated your excitement 3/5). "
        "With a fresh eye, is it worth a second look?"
    )
    assert "you tagged it hesitant" in found[2].why
    assert [s.application_id for s in revisit_suggestions(apps, limit=1)] == [4]


def test_open_mind_prompts_are_stable() -> None:
    assert open_mind_prompt(7) == OPEN_MIND_PROMPTS[7 % len(OPEN_MIND_PROMPTS)]
    assert open_mind_prompt(1) != open_mind_prompt(2)


def test_activities_from_rows() -> None:
    rows = [(date(2026, 3, 9), "applications", 2), (date(2026, 3, 9), Metric.NETWORKING, 1)]
    assert effort_from(rows) == (
        Effort(date(2026, 3, 9), Metric.APPLICATIONS, 2),
        Effort(date(2026, 3, 9), Metric.NETWORKING, 1),
    )
    assert effort_from([(date(2026, 3, 9), "Learning hours", 1.5)])[0].metric == (
        Metric.LEARNING_HOURS
    )
    with pytest.raises(InvalidInput, match="unknown metric 'sleep'"):
        effort_from([(date(2026, 3, 9), "sleep", 8)])


def test_goal_weeks_sums_once_what_the_three_functions_give() -> None:
    """Today reads this week, the last weeks and the streak from one pass over the effort;
    it must agree with each function alone, effort dated ahead of today included (it counts
    for its week, never for the streak)."""
    goals = WeeklyGoals(applications=2, follow_ups=1, reflections=0, learning_hours=0, networking=0)
    today = date(2026, 11, 18)  # a Wednesday
    activity = [
        Effort(date(2026, 10, 26), Metric.APPLICATIONS, 2),
        Effort(date(2026, 10, 28), Metric.FOLLOW_UPS),
        Effort(date(2026, 11, 2), Metric.APPLICATIONS, 3),
        Effort(date(2026, 11, 4), Metric.FOLLOW_UPS, 2),
        Effort(date(2026, 11, 16), Metric.APPLICATIONS),
        Effort(date(2026, 11, 20), Metric.APPLICATIONS),  # Friday: ahead of today
        Effort(date(2026, 11, 20), Metric.FOLLOW_UPS),
    ]
    summed = goal_weeks(goals, activity, today, weeks=4)
    assert summed.this_week == week_progress(goals, activity, today)
    assert summed.this_week.met  # the effort ahead counts for this week
    assert summed.weeks == progress_by_week(goals, activity, date(2026, 10, 28), today)
    assert summed.streak == streak(goals, activity, today) == Streak(current=0, best=2)
    assert goal_weeks(goals, [], today, weeks=1).streak == Streak(0, 0)
