"""The calendar file: open tasks, contact check-ins and if-then plans (as time blocks), for the
person's own calendar app."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from onward.clock import Clock
from onward.db.store import Store
from onward.domain.playbook.if_then import IfThenPlan
from onward.domain.playbook.tasks import TaskStatus
from onward.domain.records import Owner
from onward.export.ics import CalendarItem, build_calendar, uid_for
from onward.files import write_atomically


def calendar_items(store: Store, owner: Owner) -> list[CalendarItem]:
    items: list[CalendarItem] = []
    with store.transaction() as tx:
        tasks = tx.tasks.query(owner.id, statuses=(TaskStatus.OPEN, TaskStatus.SNOOZED))
        apps = {
            a.id: a
            for a in tx.applications.by_ids(owner.id, [t.task.application_id for t in tasks])
        }
        contacts = tx.contacts.query(owner.id)
        plans = tx.if_then.open(owner.id)
    for stored in tasks:
        task = stored.task
        app = apps.get(task.application_id)
        where = f"{app.role} at {app.company}" if app else ""
        start = (
            task.snoozed_until
            if task.status == TaskStatus.SNOOZED and task.snoozed_until
            else task.due_at
        )
        items.append(
            CalendarItem(
                uid=uid_for("task", stored.id, owner.name),
                summary=f"{task.title} ({app.company})" if app else task.title,
                start=start,
                description="\n".join(
                    part for part in (where, f"Onward task #{stored.id}") if part
                ),
            )
        )
    for contact in contacts:
        when = contact.fields.next_checkin_on
        if when is None:
            continue
        company = f" ({contact.fields.company})" if contact.fields.company else ""
        items.append(
            CalendarItem(
                uid=uid_for("checkin", contact.id, owner.name),
                summary=f"Check in with {contact.name}{company}",
                start=when,
                description="A short, genuine update keeps the door open.",
            )
        )
    items.extend(_plan_item(plan, owner) for plan in plans)
    return items


def _plan_item(plan: IfThenPlan, owner: Owner) -> CalendarItem:
    """An if-then plan as a time block: its start, its length, its place."""
    where = f" at {plan.fields.place}" if plan.fields.place else ""
    return CalendarItem(
        uid=uid_for("if-then", plan.id, owner.name),
        summary=plan.fields.action + (f" ({plan.target})" if plan.target else ""),
        start=plan.fields.starts_at,
        description=f"Your if-then plan{where}. Onward plan #{plan.id}",
        duration=timedelta(minutes=plan.fields.minutes),
        remind_before=timedelta(minutes=10),
    )


def export_calendar(store: Store, owner: Owner, path: Path, clock: Clock) -> int:
    """Write an .ics file of open tasks and check-ins; returns how many events."""
    items = calendar_items(store, owner)
    write_atomically(path, build_calendar(items, clock.now()))
    return len(items)


def calendar_bytes(store: Store, owner: Owner, clock: Clock) -> tuple[int, bytes]:
    """The .ics file of open tasks and check-ins as bytes (for a download), and its events."""
    items = calendar_items(store, owner)
    return len(items), build_calendar(items, clock.now())
