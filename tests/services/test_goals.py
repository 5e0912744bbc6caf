"""Weekly goals counted from the data (ISO weeks, Monday start), streaks, logging effort.

The frozen clock says Friday 2026-11-20: this week runs Monday 11-16 to Sunday 11-22.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from tests.factories import make_application

from onward.db.playbook_tables import drafts, reflections
from onward.domain.pipeline import Stage
from onward.domain.playbook.goals import Metric
from onward.errors import InvalidInput
from onward.services.applications import move_application
from onward.services.goals import (
    get_goals,
    goal_progress,
    log_effort,
    revisit,
    set_goals,
)
from onward.services.runtime import Workspace

ONLY = {m: 0.0 for m in Metric}


def apply(ws: Workspace, on: date, *, stage: Stage = Stage.APPLIED, **fields: object) -> int:
    return make_application(ws, stage=stage, on=on, **fields).id


def sent_draft(ws: Workspace, sent_at: datetime | None, status: str = "sent") -> None:
    with ws.store.transaction() as tx:
        tx.conn.execute(
            drafts.insert().values(
                owner_id=ws.owner.id, kind="thank_you", subject="Thanks", body="Thank you.",
                status=status, sent_at=sent_at, created_at=ws.clock.now(),
                updated_at=ws.clock.now(),
            )
        )  # fmt: skip


def reflection(ws: Workspace, app_id: int, on: date) -> None:
    with ws.store.transaction() as tx:
        tx.conn.execute(
            reflections.insert().values(
                owner_id=ws.owner.id, application_id=app_id, written_on=on, ratings={},
                answers={}, created_at=ws.clock.now(),
            )
        )  # fmt: skip


def activity_count(ws: Workspace) -> int:
    with ws.store.transaction() as tx:
        return tx.effort.count(ws.owner.id)


def test_defaults_until_set_and_partial_changes_keep_the_rest(ws: Workspace) -> None:
    assert get_goals(ws.store, ws.owner).applications == 5
    goals = set_goals(ws.store, ws.owner, {Metric.APPLICATIONS: 3}, ws.clock)
    goals = set_goals(ws.store, ws.owner, {Metric.NETWORKING: 0}, ws.clock)
    assert (goals.applications, goals.follow_ups, goals.networking) == (3, 2, 0)
    assert get_goals(ws.store, ws.owner) == goals


def test_bad_goals_change_nothing(ws: Workspace) -> None:
    set_goals(ws.store, ws.owner, {Metric.APPLICATIONS: 3}, ws.clock)
    with pytest.raises(InvalidInput, match="cannot be negative"):
        set_goals(ws.store, ws.owner, {Metric.APPLICATIONS: 4, Metric.REFLECTIONS: -1}, ws.clock)
    with pytest.raises(InvalidInput, match="nothing to change"):
        set_goals(ws.store, ws.owner, {}, ws.clock)
    assert get_goals(ws.store, ws.owner).applications == 3


def test_effort_is_counted_per_iso_week_from_every_source(ws: Workspace) -> None:
    set_goals(
        ws.store, ws.owner,
        {Metric.APPLICATIONS: 3, Metric.FOLLOW_UPS: 3, Metric.REFLECTIONS: 1,
         Metric.LEARNING_HOURS: 2, Metric.NETWORKING: 0},
        ws.clock,
    )  # fmt: skip
    first = apply(ws, date(2026, 11, 15))  # Sunday: last week
    apply(ws, date(2026, 11, 16))  # Monday: this week
    apply(ws, date(2026, 11, 20))
    saved = apply(ws, date(2026, 11, 10), stage=Stage.SAVED)  # saved is not applied...
    move_application(ws.store, ws.owner, saved, Stage.APPLIED, ws.clock, on=date(2026, 11, 17))
    move_application(ws.store, ws.owner, first, Stage.SCREEN, ws.clock, on=date(2026, 11, 18))
    sent_draft(ws, datetime(2026, 11, 15, 23, 30, tzinfo=UTC))  # last week
    sent_draft(ws, datetime(2026, 11, 16, 0, 30, tzinfo=UTC))
    sent_draft(ws, datetime(2026, 11, 19, 12, 0, tzinfo=UTC))
    sent_draft(ws, None, status="draft")  # not sent: not counted
    log_effort(ws.store, ws.owner, "follow-ups", 1, ws.clock, on=date(2026, 11, 19))
    reflection(ws, first, date(2026, 11, 16))
    reflection(ws, first, date(2026, 11, 9))
    log_effort(ws.store, ws.owner, "learning", 1.5, ws.clock, on=date(2026, 11, 15))
    log_effort(ws.store, ws.owner, "learning-hours", 0.5, ws.clock, on=date(2026, 11, 16))
    log_effort(ws.store, ws.owner, Metric.NETWORKING, 2, ws.clock)

    progress = goal_progress(ws.store, ws.owner, ws.clock, weeks=3)

    done = {m.metric: m.done for m in progress.this_week.metrics}
    assert progress.this_week.week_start == date(2026, 11, 16)
    assert done == {
        Metric.APPLICATIONS: 3,  # 11-16, 11-17 (moved from saved), 11-20
        Metric.FOLLOW_UPS: 3,  # two drafts sent this week, one logged by hand
        Metric.REFLECTIONS: 1,
        Metric.LEARNING_HOURS: 0.5,
    }  # networking is not tracked, so it is not shown
    assert not progress.this_week.met  # learning: 0.5 of 2
    assert [w.week_start for w in progress.weeks] == [
        date(2026, 11, 2), date(2026, 11, 9), date(2026, 11, 16),
    ]  # fmt: skip
    last = {m.metric: m.done for m in progress.weeks[1].metrics}
    assert last == {
        Metric.APPLICATIONS: 1,
        Metric.FOLLOW_UPS: 1,
        Metric.REFLECTIONS: 1,
        Metric.LEARNING_HOURS: 1.5,
    }


def weekly_networking(ws: Workspace, days: list[date]) -> None:
    set_goals(ws.store, ws.owner, ONLY | {Metric.NETWORKING: 1}, ws.clock)
    for day in days:
        log_effort(ws.store, ws.owner, "networking", 1, ws.clock, on=day)


def test_streak_counts_weeks_in_a_row_and_a_gap_breaks_it(ws: Workspace) -> None:
    # Met in the weeks of 10-19, 10-26, (gap 11-02), 11-09; this week not yet.
    weekly_networking(
        ws, [date(2026, 10, 19), date(2026, 11, 1), date(2026, 11, 13), date(2026, 11, 15)]
    )
    progress = goal_progress(ws.store, ws.owner, ws.clock)
    assert (progress.streak.current, progress.streak.best) == (1, 2)


def test_the_week_in_progress_never_breaks_the_streak_but_adds_once_met(ws: Workspace) -> None:
    weekly_networking(ws, [date(2026, 11, 2), date(2026, 11, 9)])
    streak = goal_progress(ws.store, ws.owner, ws.clock).streak
    assert (streak.current, streak.best) == (2, 2)
    log_effort(ws.store, ws.owner, "networking", 1, ws.clock)
    streak = goal_progress(ws.store, ws.owner, ws.clock).streak
    assert (streak.current, streak.best) == (3, 3)


def test_bad_logging_is_refused_and_nothing_is_written(ws: Workspace) -> None:
    with pytest.raises(InvalidInput, match="unknown metric 'naps'"):
        log_effort(ws.store, ws.owner, "naps", 1, ws.clock)
    with pytest.raises(InvalidInput, match="more than 0"):
        log_effort(ws.store, ws.owner, "learning", -1, ws.clock)
    with pytest.raises(InvalidInput, match="more than 0"):
        log_effort(ws.store, ws.owner, "networking", 0, ws.clock)
    with pytest.raises(InvalidInput, match="counted from your records"):
        log_effort(ws.store, ws.owner, "applications", 1, ws.clock)
    with pytest.raises(InvalidInput, match="in the future"):
        log_effort(ws.store, ws.owner, "learning", 1, ws.clock, on=date(2026, 11, 21))
    assert activity_count(ws) == 0
    log_effort(ws.store, ws.owner, "learning", 1, ws.clock, note="  SQL course ")
    assert activity_count(ws) == 1


def test_revisit_suggests_hesitant_saved_jobs_with_an_open_mind_prompt(ws: Workspace) -> None:
    apply(ws, date(2026, 11, 1), stage=Stage.SAVED, excitement=5)  # keen: not hesitant
    low = apply(ws, date(2026, 11, 1), stage=Stage.SAVED, excitement=2)
    tagged = apply(ws, date(2026, 11, 1), stage=Stage.SAVED, tags=("hesitant",))
    apply(ws, date(2026, 11, 1), excitement=1)  # applied already: not a saved job
    found = revisit(ws.store, ws.owner, ws.clock)
    assert [s.application_id for s in found.suggestions] == [low, tagged]
    assert "2/5" in found.suggestions[0].why
    assert found.prompt.endswith("?")


def test_revisit_reads_only_the_few_it_shows_most_exciting_first(ws: Workspace) -> None:
    from onward.services.applications import archive_applications

    gone = apply(ws, date(2026, 11, 1), stage=Stage.SAVED, excitement=3)
    archive_applications(ws.store, ws.owner, [gone], ws.clock)
    one = apply(ws, date(2026, 11, 1), stage=Stage.SAVED, excitement=1)
    unrated = apply(ws, date(2026, 11, 1), stage=Stage.SAVED, tags=("hesitant",))
    three = apply(ws, date(2026, 11, 1), stage=Stage.SAVED, excitement=3)
    keen = apply(ws, date(2026, 11, 1), stage=Stage.SAVED, excitement=4, tags=("hesitant",))
    found = revisit(ws.store, ws.owner, ws.clock, limit=3)
    assert [s.application_id for s in found.suggestions] == [keen, three, one]
    assert unrated not in [
        s.application_id for s in revisit(ws.store, ws.owner, ws.clock).suggestions
    ]
    everything = revisit(ws.store, ws.owner, ws.clock, limit=10).suggestions
    assert [s.application_id for s in everything] == [keen, three, one, unrated]
