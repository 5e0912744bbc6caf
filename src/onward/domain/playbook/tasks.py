"""The dated task list that follows a rejection, and how a task's status may change.

:func:`build_tasks` turns a rejection, its reply advice and the dwell window into tasks:

* during the window: sit with it (``dwell``) and write a few lines (``journal``);
* each draft the advice names (``send_draft``), within the advice's due window and, where the
  window allows, not before the dwell window ends;
* a ``reflect`` task that opens when the dwell window ends, due three days later;
* when saved jobs are worth a second look, ``revisit_saved`` after the window, due in a week;
* when a contact made a good impression, a keep-in-touch ``check_in`` three months on.

Status moves: ``open → done | snoozed(until) | skipped``; a snoozed task may be done, skipped,
snoozed again or reopened; done and skipped are final. A snooze whose time has passed counts as
open again (see :func:`status_at`).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from enum import StrEnum

from onward.domain.drafts import DraftKind
from onward.domain.playbook._common import require_aware
from onward.domain.playbook.advice import Advice
from onward.domain.playbook.dwell import DwellWindow
from onward.domain.playbook.rejection import Rejection
from onward.errors import InvalidInput, InvalidMove

REFLECT_WITHIN = timedelta(days=3)
REVISIT_WITHIN = timedelta(days=7)
CHECK_IN_AFTER_MONTHS = 3


class TaskKind(StrEnum):
    DWELL = "dwell"
    JOURNAL = "journal"
    SEND_DRAFT = "send_draft"
    REFLECT = "reflect"
    CHECK_IN = "check_in"
    REVISIT_SAVED = "revisit_saved"
    IMPROVE = "improve"
    REST = "rest"
    PREPARE_INTERVIEW = "prepare_interview"
    #: A step the person wrote before an interview, for if the answer was no (setback.py).
    PREPARED_STEP = "prepared_step"


class TaskStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    SNOOZED = "snoozed"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class Task:
    """One step; ``not_before`` is when it becomes relevant, ``due_at`` when it is due."""

    application_id: int
    kind: TaskKind
    title: str
    due_at: datetime
    not_before: datetime | None = None
    draft_kind: DraftKind | None = None
    status: TaskStatus = TaskStatus.OPEN
    snoozed_until: datetime | None = None


_DRAFT_TITLES: dict[DraftKind, str] = {
    DraftKind.THANK_YOU_AFTER_REJECTION: "Send a short thank-you that keeps the door open",
    DraftKind.FEEDBACK_REQUEST: "Ask one polite question for feedback",
    DraftKind.GHOSTING_CLOSURE: "If it helps, send a short closing note",
    DraftKind.THANKS_FOR_FEEDBACK: "Thank them for their feedback",
    DraftKind.FEEDBACK_FOLLOW_UP: "One gentle follow-up on your feedback request",
}


def build_tasks(
    rejection: Rejection,
    advice: Advice,
    window: DwellWindow,
    *,
    good_impression: bool = False,
    saved_to_revisit: int = 0,
) -> tuple[Task, ...]:
    """The initial tasks for one rejection, sorted by when they become relevant."""
    app = rejection.application_id
    start, end = window.starts_at, window.ends_at
    tasks = [
        Task(app, TaskKind.DWELL, "Let yourself feel it; nothing else is asked", end, start),
        Task(app, TaskKind.JOURNAL, "Write a few lines in your journal", end, start),
    ]
    if advice.due is not None:
        opens = min(max(advice.due.opens_at, end), advice.due.closes_at)
        for kind in advice.drafts:
            title = _DRAFT_TITLES.get(kind, f"Send the {kind.value.replace('_', ' ')} note")
            if advice.optional:
                title += " (optional)"
            tasks.append(Task(app, TaskKind.SEND_DRAFT, title, advice.due.closes_at, opens, kind))
    tasks.append(
        Task(
            app, TaskKind.REFLECT, "Reflect on this application, gently", end + REFLECT_WITHIN, end
        )
    )
    if saved_to_revisit > 0:
        jobs = "job" if saved_to_revisit == 1 else "jobs"
        tasks.append(
            Task(
                app,
                TaskKind.REVISIT_SAVED,
                f"Look again at {saved_to_revisit} saved {jobs} you were unsure about",
                end + REVISIT_WITHIN,
                end,
            )
        )
    if good_impression:
        check_on = add_months(rejection.received_on, CHECK_IN_AFTER_MONTHS)
        due = datetime.combine(check_on, end.timetz())
        tasks.append(
            Task(
                app,
                TaskKind.CHECK_IN,
                "Check in with the person who made a good impression",
                due,
                due - timedelta(days=7),
                DraftKind.KEEP_IN_TOUCH,
            )
        )
    return tuple(sorted(tasks, key=_order))


def _order(task: Task) -> tuple[datetime, datetime]:
    return (task.not_before or task.due_at, task.due_at)


def add_months(day: date, months: int) -> date:
    """``day`` moved on by whole months, clamped to the month's last day (31 Jan + 1 = 28 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


_ALLOWED: dict[TaskStatus, frozenset[TaskStatus]] = {
    TaskStatus.OPEN: frozenset({TaskStatus.DONE, TaskStatus.SNOOZED, TaskStatus.SKIPPED}),
    TaskStatus.SNOOZED: frozenset(
        {TaskStatus.OPEN, TaskStatus.DONE, TaskStatus.SNOOZED, TaskStatus.SKIPPED}
    ),
    TaskStatus.DONE: frozenset(),
    TaskStatus.SKIPPED: frozenset(),
}


def move_task(task: Task, to: TaskStatus, now: datetime, until: datetime | None = None) -> Task:
    """``task`` with its status changed to ``to``; ``until`` is required for a snooze."""
    require_aware(now, "now")
    current = status_at(task, now)
    if to not in _ALLOWED[current]:
        if current in (TaskStatus.DONE, TaskStatus.SKIPPED):
            raise InvalidMove(f"this task is already {current.value}; it cannot become {to.value}")
        raise InvalidMove(f"this task is already {current.value}")
    if to == TaskStatus.SNOOZED:
        if until is None:
            raise InvalidInput("say until when to snooze the task", hint="e.g. tomorrow 09:00")
        if require_aware(until, "the snooze time") <= now:
            raise InvalidInput(f"snooze until {until:%Y-%m-%d %H:%M}: that time has already passed")
        return replace(task, status=to, snoozed_until=until)
    if until is not None:
        raise InvalidInput("only a snooze takes an until time")
    return replace(task, status=to, snoozed_until=None)


def status_at(task: Task, now: datetime) -> TaskStatus:
    """The status at ``now``: a snooze whose time has come counts as open."""
    if (
        task.status == TaskStatus.SNOOZED
        and task.snoozed_until is not None
        and task.snoozed_until <= now
    ):
        return TaskStatus.OPEN
    return task.status


def is_actionable(task: Task, now: datetime) -> bool:
    """Open at ``now`` and past its ``not_before``."""
    return status_at(task, now) == TaskStatus.OPEN and (
        task.not_before is None or task.not_before <= now
    )


def is_overdue(task: Task, now: datetime) -> bool:
    """Open at ``now`` and past its due time."""
    return status_at(task, now) == TaskStatus.OPEN and task.due_at < now


@dataclass(frozen=True)
class StoredTask:
    """A task as kept: with its id, an optional contact, and when it was closed."""

    id: int
    task: Task
    contact_id: int | None = None
    created_at: datetime | None = None
    closed_at: datetime | None = None
