from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from tests.factories import make_application, make_rejection

from onward.clock import FixedClock
from onward.domain.pipeline import Stage
from onward.domain.playbook.tasks import TaskKind, TaskStatus
from onward.errors import InvalidInput, InvalidMove, NotFound
from onward.services.rejections import RejectionDetails, end_dwell, reject_application
from onward.services.runtime import Workspace
from onward.services.tasks import (
    TaskState,
    complete_task,
    due_tasks,
    list_tasks,
    reopen_task,
    skip_task,
    snooze_task,
    snooze_until,
)


def at(day: int, hour: int) -> datetime:
    return datetime(2026, 11, day, hour, 0, tzinfo=UTC)


def rejected_after_interview(ws: Workspace) -> int:
    steps = [(Stage.INTERVIEW, date(2026, 11, 9))]
    app = make_application(ws, on=date(2026, 11, 1), steps=steps)
    make_rejection(ws, app.id)
    return app.id


def ids_by_kind(ws: Workspace) -> dict[TaskKind, int]:
    listed = list_tasks(ws.store, ws.owner, ws.clock, everything=True)
    return {i.stored.task.kind: i.id for i in listed.items}


def test_during_a_window_only_its_own_tasks_show(ws: Workspace, clock: FixedClock) -> None:
    rejected_after_interview(ws)
    during = list_tasks(ws.store, ws.owner, ws.clock)
    assert [(i.stored.task.kind, i.state) for i in during.items] == [
        (TaskKind.DWELL, TaskState.DUE),
        (TaskKind.JOURNAL, TaskState.DUE),
    ]
    assert during.held_back == 2
    assert during.items[0].company == "Acme"
    assert len(list_tasks(ws.store, ws.owner, ws.clock, everything=True).items) == 4
    clock.advance(hours=23, minutes=30)  # Saturday 09:30: window over, replies open
    after = list_tasks(ws.store, ws.owner, ws.clock)
    states = [(i.stored.task.kind, i.state) for i in after.items]
    assert after.held_back == 0
    assert states == [  # the "feel it" task ended with its window
        (TaskKind.JOURNAL, TaskState.OVERDUE),
        (TaskKind.SEND_DRAFT, TaskState.DUE),
        (TaskKind.REFLECT, TaskState.DUE),
    ]


def test_ending_the_window_early_brings_the_plan_forward(ws: Workspace, clock: FixedClock) -> None:
    app_id = rejected_after_interview(ws)
    clock.advance(hours=1)
    end_dwell(ws.store, ws.owner, app_id, ws.clock)
    listed = list_tasks(ws.store, ws.owner, ws.clock)
    assert [(i.stored.task.kind, i.state) for i in listed.items] == [
        (TaskKind.JOURNAL, TaskState.DUE),
        (TaskKind.SEND_DRAFT, TaskState.DUE),
        (TaskKind.REFLECT, TaskState.DUE),
    ]


def test_done_skip_and_snooze(ws: Workspace, clock: FixedClock) -> None:
    rejected_after_interview(ws)
    ids = ids_by_kind(ws)
    done = complete_task(ws.store, ws.owner, ids[TaskKind.JOURNAL], ws.clock)
    assert done.state == TaskState.DONE and done.stored.closed_at == at(20, 10)
    skipped = skip_task(ws.store, ws.owner, ids[TaskKind.DWELL], ws.clock)
    assert skipped.state == TaskState.SKIPPED
    snoozed = snooze_task(ws.store, ws.owner, ids[TaskKind.REFLECT], at(23, 9), ws.clock)
    assert snoozed.state == TaskState.SNOOZED and snoozed.stored.task.snoozed_until == at(23, 9)
    assert snoozed.stored.closed_at is None
    clock.advance(days=3)  # Monday 10:00: the snooze is over, the task not yet late
    due = {i.id: i.state for i in list_tasks(ws.store, ws.owner, ws.clock).items}
    assert due[ids[TaskKind.REFLECT]] == TaskState.DUE
    assert ids[TaskKind.JOURNAL] not in due and ids[TaskKind.DWELL] not in due


def test_a_snoozed_task_stays_out_of_the_list_until_its_time(
    ws: Workspace, clock: FixedClock
) -> None:
    rejected_after_interview(ws)
    ids = ids_by_kind(ws)
    snooze_task(ws.store, ws.owner, ids[TaskKind.JOURNAL], at(22, 9), ws.clock)
    listed = list_tasks(ws.store, ws.owner, ws.clock)
    assert ids[TaskKind.JOURNAL] not in [i.id for i in listed.items]
    everything = {
        i.id: i.state for i in list_tasks(ws.store, ws.owner, ws.clock, everything=True).items
    }
    assert everything[ids[TaskKind.JOURNAL]] == TaskState.SNOOZED
    back = reopen_task(ws.store, ws.owner, ids[TaskKind.JOURNAL], ws.clock)
    assert back.state == TaskState.DUE and back.stored.task.snoozed_until is None


def test_invalid_transitions_are_refused_and_change_nothing(ws: Workspace) -> None:
    rejected_after_interview(ws)
    ids = ids_by_kind(ws)
    complete_task(ws.store, ws.owner, ids[TaskKind.JOURNAL], ws.clock)
    before = list_tasks(ws.store, ws.owner, ws.clock, everything=True)
    with pytest.raises(InvalidMove, match="already done; it cannot become skipped"):
        skip_task(ws.store, ws.owner, ids[TaskKind.JOURNAL], ws.clock)
    with pytest.raises(InvalidMove, match="already done"):
        complete_task(ws.store, ws.owner, ids[TaskKind.JOURNAL], ws.clock)
    with pytest.raises(InvalidInput, match="already passed"):
        snooze_task(ws.store, ws.owner, ids[TaskKind.REFLECT], at(19, 9), ws.clock)
    with pytest.raises(InvalidMove, match="already open"):
        reopen_task(ws.store, ws.owner, ids[TaskKind.REFLECT], ws.clock)
    with pytest.raises(NotFound, match="no task #999"):
        complete_task(ws.store, ws.owner, 999, ws.clock)
    assert list_tasks(ws.store, ws.owner, ws.clock, everything=True) == before
    statuses = [i.stored.task.status for i in before.items]
    assert statuses.count(TaskStatus.DONE) == 1 and statuses.count(TaskStatus.OPEN) == 3


def test_the_task_list_issues_the_same_queries_however_long_it_is(
    ws: Workspace, count_queries: Any
) -> None:

    def plan_for(company: str) -> None:
        app = make_application(ws, company, "Analyst", on=date(2026, 11, 1))
        reject_application(ws.store, ws.owner, app.id, RejectionDetails(), ws.clock)

    def queries() -> int:
        with count_queries() as statements:
            list_tasks(ws.store, ws.owner, ws.clock, everything=True)
        return len(statements)

    plan_for("A")
    few = queries()
    for i in range(8):
        plan_for(f"C{i}")
    assert len(list_tasks(ws.store, ws.owner, ws.clock, everything=True).items) == 27
    assert queries() == few


def test_snooze_until_reads_a_day_or_a_number_of_days() -> None:
    now = at(20, 15)
    assert snooze_until("tomorrow", None, now) == at(21, 9)
    assert snooze_until(" Next Week ", None, now) == at(27, 9)
    assert snooze_until("2026-11-30", None, now) == at(30, 9)
    assert snooze_until(None, 2, now) == at(22, 15)
    with pytest.raises(InvalidInput, match="one of the two"):
        snooze_until(None, None, now)
    with pytest.raises(InvalidInput, match="one of the two"):
        snooze_until("tomorrow", 2, now)
    with pytest.raises(InvalidInput, match="cannot read the date 'soonish'"):
        snooze_until("soonish", None, now)


def test_due_tasks_are_the_due_part_of_the_list_with_a_limit(
    ws: Workspace, clock: FixedClock
) -> None:
    for company in ("Acme", "Fjord", "Kestrel"):
        app = make_application(ws, company, "Analyst", on=date(2026, 11, 1))
        reject_application(ws.store, ws.owner, app.id, RejectionDetails(), ws.clock)
    during = due_tasks(ws.store, ws.owner, ws.clock, limit=100)
    assert during.held_back == list_tasks(ws.store, ws.owner, ws.clock).held_back > 0
    clock.advance(days=6)  # the windows are over and the plans are due
    full = [
        i
        for i in list_tasks(ws.store, ws.owner, ws.clock).items
        if i.state in (TaskState.OVERDUE, TaskState.DUE)
    ]
    assert len(full) > 4
    first = due_tasks(ws.store, ws.owner, ws.clock, limit=4)
    assert [(i.id, i.state, i.company) for i in first.items] == [
        (i.id, i.state, i.company) for i in full[:4]
    ]
    assert (first.more, first.held_back) == (len(full) - 4, 0)
    with pytest.raises(InvalidInput):
        due_tasks(ws.store, ws.owner, ws.clock, limit=0)
