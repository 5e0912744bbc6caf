from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from tests.factories import at

from onward.domain.emails import RejectionStage
from onward.domain.playbook.advice import DraftKind, advise_reply
from onward.domain.playbook.dwell import DwellChoice, DwellPreset, open_window
from onward.domain.playbook.rejection import Rejection
from onward.domain.playbook.tasks import (
    Task,
    TaskKind,
    TaskStatus,
    add_months,
    build_tasks,
    is_actionable,
    is_overdue,
    move_task,
    status_at,
)
from onward.errors import InvalidInput, InvalidMove

DAY = date(2026, 3, 10)  # a Tuesday
NOW = at(DAY, 18)


def _plan(stage: RejectionStage = RejectionStage.INTERVIEW, **kwargs: object) -> tuple[Task, ...]:
    rejection = Rejection(4, DAY, stage)
    return build_tasks(
        rejection,
        advise_reply(rejection, NOW),
        open_window(4, NOW),
        **kwargs,  # type: ignore[arg-type]
    )


def test_interview_rejection_plan() -> None:
    tasks = _plan()
    assert [t.kind for t in tasks] == [
        TaskKind.DWELL,
        TaskKind.JOURNAL,
        TaskKind.SEND_DRAFT,
        TaskKind.REFLECT,
    ]
    dwell, journal, ask, reflect = tasks
    morning = at(date(2026, 3, 11), 9)
    assert (dwell.not_before, dwell.due_at) == (NOW, morning)
    assert (journal.not_before, journal.due_at) == (NOW, morning)
    # Reflection opens when the dwell window ends and is due three days later.
    assert (reflect.not_before, reflect.due_at) == (morning, at(date(2026, 3, 14), 9))
    # Drafts once the dwell window has ended, within 48 hours of the rejection.
    assert (ask.not_before, ask.due_at) == (morning, at(date(2026, 3, 12), 18))
    assert ask.draft_kind == DraftKind.FEEDBACK_REQUEST  # one message: thanks and one question
    assert all(t.status == TaskStatus.OPEN and t.application_id == 4 for t in tasks)


def test_templated_application_rejection_has_no_drafts() -> None:
    kinds = [t.kind for t in _plan(RejectionStage.APPLICATION)]
    assert TaskKind.SEND_DRAFT not in kinds
    assert kinds == [TaskKind.DWELL, TaskKind.JOURNAL, TaskKind.REFLECT]


def test_optional_drafts_say_so() -> None:
    rejection = Rejection(4, DAY, RejectionStage.APPLICATION, personal=True)
    tasks = build_tasks(rejection, advise_reply(rejection, NOW), open_window(4, NOW))
    (draft,) = [t for t in tasks if t.kind == TaskKind.SEND_DRAFT]
    assert draft.title.endswith("(optional)")
    # The advice window opens at once, but the draft waits for the dwell window to end.
    assert draft.not_before == at(date(2026, 3, 11), 9)


def test_long_dwell_clamps_draft_to_advice_window() -> None:
    rejection = Rejection(4, DAY, RejectionStage.FINAL)
    window = open_window(4, NOW, DwellChoice(DwellPreset.WEEKEND))  # until Monday 16th
    tasks = build_tasks(rejection, advise_reply(rejection, NOW), window)
    draft = next(t for t in tasks if t.kind == TaskKind.SEND_DRAFT)
    assert draft.not_before == draft.due_at == at(date(2026, 3, 12), 18)


def test_check_in_after_three_months_when_good_impression() -> None:
    assert TaskKind.CHECK_IN not in [t.kind for t in _plan()]
    check = next(t for t in _plan(good_impression=True) if t.kind == TaskKind.CHECK_IN)
    assert check.due_at == at(date(2026, 6, 10), 9)
    assert check.not_before == at(date(2026, 6, 3), 9)
    assert check.draft_kind == DraftKind.KEEP_IN_TOUCH


def test_revisit_saved_task() -> None:
    revisit = next(t for t in _plan(saved_to_revisit=2) if t.kind == TaskKind.REVISIT_SAVED)
    assert revisit.title == "Look again at 2 saved jobs you were unsure about"
    assert revisit.due_at == at(date(2026, 3, 18), 9)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
        (date(2028, 11, 29), 3, date(2029, 2, 28)),
        (date(2027, 11, 29), 3, date(2028, 2, 29)),
        (date(2026, 3, 10), 12, date(2027, 3, 10)),
    ],
)
def test_add_months(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


TASK = Task(4, TaskKind.REFLECT, "Reflect", at(DAY, 20), at(DAY, 9))


def test_open_to_done_and_skipped() -> None:
    assert move_task(TASK, TaskStatus.DONE, NOW).status == TaskStatus.DONE
    assert move_task(TASK, TaskStatus.SKIPPED, NOW).status == TaskStatus.SKIPPED


def test_snooze_needs_a_future_time() -> None:
    with pytest.raises(InvalidInput, match="until when"):
        move_task(TASK, TaskStatus.SNOOZED, NOW)
    with pytest.raises(InvalidInput, match="already passed"):
        move_task(TASK, TaskStatus.SNOOZED, NOW, NOW - timedelta(minutes=1))
    with pytest.raises(InvalidInput, match="only a snooze"):
        move_task(TASK, TaskStatus.DONE, NOW, NOW + timedelta(hours=1))
    snoozed = move_task(TASK, TaskStatus.SNOOZED, NOW, at(date(2026, 3, 11), 9))
    assert snoozed.status == TaskStatus.SNOOZED
    assert snoozed.snoozed_until == at(date(2026, 3, 11), 9)


def test_snooze_lapses_back_to_open() -> None:
    snoozed = move_task(TASK, TaskStatus.SNOOZED, NOW, at(date(2026, 3, 11), 9))
    assert status_at(snoozed, at(date(2026, 3, 11), 8)) == TaskStatus.SNOOZED
    assert status_at(snoozed, at(date(2026, 3, 11), 9)) == TaskStatus.OPEN
    assert not is_actionable(snoozed, at(date(2026, 3, 11), 8))
    assert is_actionable(snoozed, at(date(2026, 3, 11), 9))
    again = move_task(snoozed, TaskStatus.SNOOZED, NOW, at(date(2026, 3, 12), 9))
    assert again.snoozed_until == at(date(2026, 3, 12), 9)
    reopened = move_task(snoozed, TaskStatus.OPEN, NOW)
    assert reopened.status == TaskStatus.OPEN and reopened.snoozed_until is None


@pytest.mark.parametrize("final", [TaskStatus.DONE, TaskStatus.SKIPPED])
def test_done_and_skipped_are_final(final: TaskStatus) -> None:
    closed = replace(TASK, status=final)
    with pytest.raises(InvalidMove, match=f"already {final.value}; it cannot become open"):
        move_task(closed, TaskStatus.OPEN, NOW)


def test_open_cannot_be_reopened() -> None:
    with pytest.raises(InvalidMove, match="already open"):
        move_task(TASK, TaskStatus.OPEN, NOW)


def test_actionable_and_overdue() -> None:
    assert not is_actionable(TASK, at(DAY, 8))
    assert is_actionable(TASK, at(DAY, 9))
    assert not is_overdue(TASK, at(DAY, 20))
    assert is_overdue(TASK, at(DAY, 20, 1))
    assert not is_overdue(replace(TASK, status=TaskStatus.DONE), at(DAY, 21))
