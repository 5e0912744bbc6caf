"""If-then plans: made, shown at their time, kept or not, moved; counted on Goals; in the
calendar and the JSON backup; held back inside a dwell window.

The frozen clock says Friday 2026-11-20 10:00 UTC: this week runs Monday 11-16 to Sunday 11-22.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from tests.factories import make_application, make_rejection

from onward.clock import FixedClock
from onward.domain.playbook.ghosting import GhostingRules
from onward.domain.playbook.goals import Metric
from onward.domain.playbook.if_then import IfThenFields, PlanState, when_words
from onward.errors import Conflict, InvalidInput, NotFound
from onward.services.calendar import calendar_bytes
from onward.services.goals import goal_progress
from onward.services.if_then import (
    if_then_overview,
    keep_if_then_plan,
    make_if_then_plan,
    move_if_then_plan,
)
from onward.services.runtime import Workspace
from onward.services.today import today
from onward.services.transfer import backup_text, import_backup

AT_TWO = datetime(2026, 11, 20, 14, 0, tzinfo=UTC)


def plan(ws: Workspace, starts_at: datetime = AT_TWO, **fields: Any) -> int:
    details = IfThenFields(starts_at=starts_at, action="send two applications", **fields)
    return make_if_then_plan(ws.store, ws.owner, details, ws.clock).id


def test_a_plan_reads_as_one_sentence_and_waits_for_its_time(ws: Workspace) -> None:
    app = make_application(ws, "Acme Robotics", "Data Analyst")
    made = make_if_then_plan(
        ws.store,
        ws.owner,
        IfThenFields(
            AT_TWO, "  send the follow-up  ", place=" the library ", application_id=app.id
        ),
        ws.clock,
    )
    assert made.state is PlanState.PLANNED and made.moves == 0
    words = made.sentence(when_words(made.fields.starts_at, ws.clock.now()))
    assert words == (
        "When today at 14:00 at the library, I will send the follow-up for Acme Robotics "
        "(Data Analyst)."
    )
    overview = if_then_overview(ws.store, ws.owner, ws.clock)
    assert [p.id for p in overview.coming] == [made.id]
    assert overview.now == () and overview.waiting == ()
    assert overview.kept.words == "No if-then plans due this week yet."


@pytest.mark.parametrize(
    ("starts_at", "fields", "field", "words"),
    [
        (datetime(2026, 11, 19, 9, 0, tzinfo=UTC), {}, "starts_at", "that time has passed"),
        (datetime(2027, 12, 1, 9, 0, tzinfo=UTC), {}, "starts_at", "within the next year"),
        (AT_TWO, {"minutes": 2}, "minutes", "from 5 minutes to 8 hours"),
        (AT_TWO, {"place": "x" * 201}, "place", "under 200 characters"),
    ],
)
def test_a_plan_that_cannot_be_kept_is_refused_and_nothing_is_saved(
    ws: Workspace, starts_at: datetime, fields: dict[str, Any], field: str, words: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        plan(ws, starts_at, **fields)
    assert caught.value.field == field and words in caught.value.message
    assert if_then_overview(ws.store, ws.owner, ws.clock).empty


def test_an_empty_action_or_a_missing_application_is_refused(ws: Workspace) -> None:
    with pytest.raises(InvalidInput) as caught:
        IfThenFields(AT_TWO, "   ")
    assert caught.value.field == "action"
    with pytest.raises(NotFound) as missing:
        plan(ws, application_id=999)
    assert missing.value.field == "application_id"
    assert if_then_overview(ws.store, ws.owner, ws.clock).empty


def test_a_plan_is_on_now_then_asks_how_it_went_and_counts_when_kept(
    ws: Workspace, clock: FixedClock
) -> None:
    first = plan(ws)
    second = plan(ws, AT_TWO + timedelta(hours=2), metric=Metric.APPLICATIONS)
    with pytest.raises(Conflict):
        keep_if_then_plan(ws.store, ws.owner, first, clock)  # not yet: move it instead
    clock.advance(hours=4, minutes=10)  # 14:10: the first is on now
    overview = if_then_overview(ws.store, ws.owner, clock)
    assert [p.id for p in overview.now] == [first] and [p.id for p in overview.coming] == [second]
    clock.advance(hours=3)  # 17:10: both are over, waiting for a word
    overview = if_then_overview(ws.store, ws.owner, clock)
    assert [p.id for p in overview.waiting] == [first, second]
    assert "pick a new when" in overview.recovery.lower()
    keep_if_then_plan(ws.store, ws.owner, first, clock)
    missed = keep_if_then_plan(ws.store, ws.owner, second, clock, kept=False)
    assert missed.state is PlanState.NOT_KEPT
    overview = if_then_overview(ws.store, ws.owner, clock)
    assert overview.waiting == () and len(overview.closed) == 2
    assert overview.kept.words == "1 of 2 plans kept this week."
    progress = goal_progress(ws.store, ws.owner, clock)
    assert progress.plans is not None and (progress.plans.kept, progress.plans.due) == (1, 2)


def test_a_missed_plan_gets_a_new_when_and_is_planned_again(
    ws: Workspace, clock: FixedClock
) -> None:
    plan_id = plan(ws)
    clock.advance(hours=6)
    keep_if_then_plan(ws.store, ws.owner, plan_id, clock, kept=False)
    with pytest.raises(InvalidInput):
        move_if_then_plan(ws.store, ws.owner, plan_id, AT_TWO, clock)  # in the past now
    moved = move_if_then_plan(ws.store, ws.owner, plan_id, AT_TWO + timedelta(days=1), clock)
    assert moved.state is PlanState.PLANNED and moved.moves == 1 and moved.closed_at is None
    clock.advance(days=1, hours=1)
    kept = keep_if_then_plan(ws.store, ws.owner, plan_id, clock)
    assert kept.state is PlanState.KEPT
    with pytest.raises(Conflict):
        move_if_then_plan(ws.store, ws.owner, plan_id, AT_TWO + timedelta(days=3), clock)
    with pytest.raises(NotFound):
        keep_if_then_plan(ws.store, ws.owner, 999, clock)


def test_inside_a_dwell_window_plans_ask_nothing(ws: Workspace, clock: FixedClock) -> None:
    plan_id = plan(ws)
    clock.advance(hours=5)  # 15:00: over, it would ask how it went
    app = make_application(ws, "Globex", "Analyst", days_ago=9)
    make_rejection(ws, app.id)
    overview = if_then_overview(ws.store, ws.owner, clock)
    assert overview.waiting == () and overview.held_back == 1
    agenda = today(ws.store, ws.owner, clock, ghosting=GhostingRules())
    assert agenda.in_dwell and agenda.plans is None and agenda.waiting >= 1
    clock.advance(days=3)  # the window has closed
    agenda = today(ws.store, ws.owner, clock, ghosting=GhostingRules())
    assert agenda.plans is not None and [p.id for p in agenda.plans.waiting] == [plan_id]


def test_today_shows_the_plans_of_today_only(ws: Workspace, clock: FixedClock) -> None:
    plan(ws)
    plan(ws, AT_TWO + timedelta(days=2))
    agenda = today(ws.store, ws.owner, clock, ghosting=GhostingRules())
    assert agenda.plans is not None
    assert [p.fields.starts_at for p in agenda.plans.today(clock.now())] == [AT_TWO]


def test_open_plans_are_time_blocks_in_the_calendar(ws: Workspace) -> None:
    plan(ws, minutes=45, place="the library", for_text="Priya")
    count, ics = calendar_bytes(ws.store, ws.owner, ws.clock)
    text = ics.decode()
    assert count == 1
    assert "SUMMARY:send two applications (Priya)" in text
    assert "DTSTART;VALUE=DATE-TIME:20261120T140000Z" in text or "DTSTART:20261120T140000Z" in text
    assert "DTEND;VALUE=DATE-TIME:20261120T144500Z" in text or "DTEND:20261120T144500Z" in text
    assert "at the library" in text


def test_a_backup_restores_plans_identically(ws: Workspace, clock: FixedClock) -> None:
    app = make_application(ws, "Acme Robotics", "Data Analyst")
    kept_id = plan(ws, application_id=app.id, metric=Metric.NETWORKING, place="café")
    plan(ws, AT_TWO + timedelta(days=1))
    clock.advance(hours=5)
    keep_if_then_plan(ws.store, ws.owner, kept_id, clock)
    _, text = backup_text(ws.store, ws.owner, clock)
    before = if_then_overview(ws.store, ws.owner, clock)
    assert '"if_then_plans"' in text
    import_backup(ws.store, ws.owner, text, "backup.json", replace=True)
    after = if_then_overview(ws.store, ws.owner, clock)
    assert after == before and len(after.closed) == 1 and len(after.coming) == 1
