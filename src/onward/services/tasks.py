"""The dated task list: what to do now, what is coming, and marking tasks done, skipped or
snoozed.

A task is *due* once its ``not_before`` has passed (overdue after ``due_at``), *upcoming*
before that, and *snoozed* until its snooze ends, when it comes back on its own. While a dwell
window is open for an application, that application's upcoming steps stay out of sight: the
list only says how many are waiting.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import StrEnum

from onward.clock import Clock
from onward.db.store import Store, Tx
from onward.domain.dates import parse_day
from onward.domain.playbook import tasks as task_rules
from onward.domain.playbook.tasks import StoredTask, TaskKind, TaskStatus
from onward.domain.records import Owner
from onward.errors import Action, Hint, InvalidInput, NotFound


class TaskState(StrEnum):
    """Where a task stands at one moment, for lists."""

    OVERDUE = "overdue"
    DUE = "due"
    UPCOMING = "upcoming"
    SNOOZED = "snoozed"
    DONE = "done"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class TaskItem:
    stored: StoredTask
    state: TaskState
    company: str | None = None
    role: str | None = None

    @property
    def id(self) -> int:
        return self.stored.id


@dataclass(frozen=True)
class TaskList:
    items: list[TaskItem]
    #: Steps kept out of sight because their application is in a dwell window.
    held_back: int = 0
    #: Items left out by a limit (see :func:`due_tasks`).
    more: int = 0


_ORDER = list(TaskState)
#: Tasks that belong to the dwell window itself and may be shown during it.
_WINDOW_KINDS = frozenset({TaskKind.DWELL, TaskKind.JOURNAL})


def task_state(task: task_rules.Task, now: datetime) -> TaskState:
    status = task_rules.status_at(task, now)
    if status == TaskStatus.DONE:
        return TaskState.DONE
    if status == TaskStatus.SKIPPED:
        return TaskState.SKIPPED
    if status == TaskStatus.SNOOZED:
        return TaskState.SNOOZED
    if task_rules.is_overdue(task, now):
        return TaskState.OVERDUE
    return TaskState.DUE if task_rules.is_actionable(task, now) else TaskState.UPCOMING


def list_tasks(store: Store, owner: Owner, clock: Clock, *, everything: bool = False) -> TaskList:
    """Tasks due now and upcoming (snoozed ones once their snooze ends); ``everything`` adds
    those still snoozed, done and skipped, what a dwell window holds back, and the "feel it"
    task of a window that has ended."""
    now = clock.now()
    statuses = () if everything else (TaskStatus.OPEN, TaskStatus.SNOOZED)
    with store.transaction() as tx:
        stored = tx.tasks.query(owner.id, statuses=statuses)
        in_window = {w.application_id for w in tx.dwell.active(owner.id, now)}
        apps = {
            a.id: a
            for a in tx.applications.by_ids(owner.id, [s.task.application_id for s in stored])
        }
    items, held = [], 0
    for s in stored:
        state = task_state(s.task, now)
        if not everything:
            if state == TaskState.SNOOZED:
                continue
            if s.task.kind == TaskKind.DWELL and s.task.due_at <= now:
                continue  # the window it was about has ended; nothing is owed
            if (
                state == TaskState.UPCOMING
                and s.task.application_id in in_window
                and s.task.kind not in _WINDOW_KINDS
            ):
                held += 1
                continue
        app = apps.get(s.task.application_id)
        items.append(TaskItem(s, state, app.company if app else None, app.role if app else None))
    items.sort(key=lambda i: (_ORDER.index(i.state), _when(i.stored, now), i.id))
    return TaskList(items, held)


def due_tasks(store: Store, owner: Owner, clock: Clock, *, limit: int) -> TaskList:
    """The tasks :func:`list_tasks` calls overdue or due, the first ``limit`` of them (``more``
    says how many were left out), and how many upcoming steps a dwell window holds back. A
    fixed number of queries however many tasks there are."""
    if limit < 1:
        raise InvalidInput(f"limit must be 1 or more, not {limit}")
    now = clock.now()
    with store.transaction() as tx:
        stored, total = tx.tasks.due_now(owner.id, now, limit=limit)
        in_window = [w.application_id for w in tx.dwell.active(owner.id, now)]
        held = tx.tasks.count_upcoming(owner.id, now, in_window, except_kinds=tuple(_WINDOW_KINDS))
        apps = {
            a.id: a
            for a in tx.applications.by_ids(owner.id, [s.task.application_id for s in stored])
        }
    items = []
    for s in stored:
        app = apps.get(s.task.application_id)
        items.append(
            TaskItem(
                s, task_state(s.task, now), app.company if app else None, app.role if app else None
            )
        )
    return TaskList(items, held, total - len(items))


def complete_task(store: Store, owner: Owner, task_id: int, clock: Clock) -> TaskItem:
    """Mark a task done."""
    return _move(store, owner, task_id, TaskStatus.DONE, clock)


def skip_task(store: Store, owner: Owner, task_id: int, clock: Clock) -> TaskItem:
    """Let a task go: skipped, not failed."""
    return _move(store, owner, task_id, TaskStatus.SKIPPED, clock)


def snooze_task(
    store: Store, owner: Owner, task_id: int, until: datetime, clock: Clock
) -> TaskItem:
    """Put a task away until ``until``; it comes back on its own then."""
    return _move(store, owner, task_id, TaskStatus.SNOOZED, clock, until=until)


def snooze_task_to(store: Store, owner: Owner, task_id: int, until: str, clock: Clock) -> TaskItem:
    """Put a task away until a day as the person types it (``tomorrow``, ``next week``, a
    date; see :func:`snooze_until`). An unknown task is not found before the day is read."""
    with store.transaction() as tx:
        _get(tx, owner, task_id)
    return snooze_task(store, owner, task_id, snooze_until(until, None, clock.now()), clock)


#: When a snoozed task comes back on a day: the start of a working morning.
SNOOZE_HOUR = time(9, 0)
_SOON = {"tomorrow": 1, "next week": 7}


def snooze_until(until: str | None, days: int | None, now: datetime) -> datetime:
    """When a snooze ends: ``until`` a day (``tomorrow``, ``next week``, a date; at 09:00 that
    day) or ``days`` on from now (this time of day), one of the two."""
    if (until is None) == (days is None):
        raise InvalidInput(
            "say when: until a day, or for a number of days (one of the two)",
            field="until",
            hint=Hint(Action.FILL_IN, {"field": "until", "or": "days"}),
        )
    if days is not None:
        return now + timedelta(days=days)
    assert until is not None
    value = until.strip().lower()
    if value in _SOON:
        day = now.date() + timedelta(days=_SOON[value])
    else:
        try:
            day = parse_day(until, now.date())
        except InvalidInput as exc:
            exc.field = "until"
            raise
    return datetime.combine(day, SNOOZE_HOUR, tzinfo=now.tzinfo)


def reopen_task(store: Store, owner: Owner, task_id: int, clock: Clock) -> TaskItem:
    """Bring a snoozed task back now."""
    return _move(store, owner, task_id, TaskStatus.OPEN, clock)


def _move(
    store: Store,
    owner: Owner,
    task_id: int,
    to: TaskStatus,
    clock: Clock,
    *,
    until: datetime | None = None,
) -> TaskItem:
    now = clock.now()
    with store.transaction() as tx:
        stored = _get(tx, owner, task_id)
        moved = task_rules.move_task(stored.task, to, now, until)
        closed = now if to in (TaskStatus.DONE, TaskStatus.SKIPPED) else None
        tx.tasks.set_status(
            owner.id, task_id, moved.status, snoozed_until=moved.snoozed_until, closed_at=closed
        )
        after = _get(tx, owner, task_id)
        app = tx.applications.get(owner.id, after.task.application_id, with_events=False)
    return TaskItem(
        after, task_state(after.task, now), app.company if app else None, app.role if app else None
    )


def _get(tx: Tx, owner: Owner, task_id: int) -> StoredTask:
    stored = tx.tasks.get(owner.id, task_id)
    if stored is None:
        raise NotFound(f"no task #{task_id}", hint=Hint(Action.LIST_TASKS))
    return stored


def _when(stored: StoredTask, now: datetime) -> datetime:
    task = stored.task
    if task.status == TaskStatus.SNOOZED and task.snoozed_until and task.snoozed_until > now:
        return task.snoozed_until
    if task.not_before is not None and task.not_before > now:
        return task.not_before
    return task.due_at
