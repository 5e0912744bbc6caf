"""Task commands: your dated next steps, marked done, skipped or snoozed."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

import typer
from rich.markup import escape
from rich.table import Table

from onward.cli import render
from onward.cli.context import workspace
from onward.cli.options import JsonOpt, TaskId
from onward.formats import formats
from onward.services.tasks import complete_task, list_tasks, skip_task, snooze_task, snooze_until

if TYPE_CHECKING:
    from onward.domain.playbook.tasks import StoredTask
    from onward.services.tasks import TaskItem, TaskState

app = typer.Typer(
    help="Your next steps, due now and coming up. Run `onward tasks` to see them; "
    "options: --all (snoozed, done and skipped too), --json.",
    invoke_without_command=True,
)

STATE_STYLE = {
    "overdue": "bold red",
    "due": "bold",
    "upcoming": "dim",
    "snoozed": "yellow",
    "done": "green",
    "skipped": "dim",
}


def when(moment: datetime, now: datetime) -> str:
    """A moment in the person's zone and locale: "Sat 21 Nov, 09:00" (the year added when not
    this one)."""
    local = moment.astimezone(now.tzinfo)
    fmt = formats()
    if local.year == now.year:
        return fmt.moment(local)
    return f"{fmt.day(local)}, {fmt.time(local)}"


def task_record(stored: StoredTask, state: TaskState, company: str | None = None) -> dict[str, Any]:
    task = stored.task
    return {
        "id": stored.id,
        "application_id": task.application_id or None,
        "company": company,
        "kind": task.kind.value,
        "title": task.title,
        "state": state.value,
        "status": task.status.value,
        "not_before": task.not_before.isoformat() if task.not_before else None,
        "due_at": task.due_at.isoformat(),
        "snoozed_until": task.snoozed_until.isoformat() if task.snoozed_until else None,
        "draft_kind": task.draft_kind.value if task.draft_kind else None,
        "contact_id": stored.contact_id,
    }


def timing(stored: StoredTask, state: TaskState, now: datetime) -> str:
    """When a task matters, in words: "from Sat 21 Nov 09:00", "until ...", "due ..."."""
    task = stored.task
    if state.value == "upcoming" and task.not_before is not None:
        return f"from {when(task.not_before, now)}, due {when(task.due_at, now)}"
    if state.value == "snoozed" and task.snoozed_until is not None:
        return f"until {when(task.snoozed_until, now)}"
    return f"due {when(task.due_at, now)}"


def task_line(stored: StoredTask, state: TaskState, now: datetime) -> str:
    """``#id state title (when)`` for one task, as Rich markup."""
    style = STATE_STYLE[state.value]
    return (
        f"#{stored.id} [{style}]{state.value}[/] {escape(stored.task.title)} "
        f"[dim]({timing(stored, state, now)})[/]"
    )


def _table(items: list[TaskItem], now: datetime) -> Any:

    table = Table(box=None, pad_edge=False)
    for column in ("ID", "State", "Task", "For", "When"):
        table.add_column(column)
    for item in items:
        task = item.stored.task
        style = STATE_STYLE[item.state.value]
        table.add_row(
            str(item.id),
            f"[{style}]{item.state.value}[/]",
            escape(task.title),
            escape(f"#{task.application_id} {item.company}" if item.company else ""),
            timing(item.stored, item.state, now),
        )
    return table


@app.callback()
def tasks(
    ctx: typer.Context,
    everything: bool = typer.Option(
        False, "--all", help="Also snoozed, done and skipped tasks, and what a dwell window holds."
    ),
    as_json: JsonOpt = False,
) -> None:
    """Tasks due now (overdue first) and coming up."""
    if ctx.invoked_subcommand is not None:
        return

    ws = workspace()
    listed = list_tasks(ws.store, ws.owner, ws.clock, everything=everything)
    if as_json:
        render.print_json([task_record(i.stored, i.state, i.company) for i in listed.items])
        return
    out = render.console()
    if listed.items:
        out.print(_table(listed.items, ws.clock.now()))
    else:
        out.print("Nothing to do right now. That is allowed.")
    if listed.held_back:
        steps = "step waits" if listed.held_back == 1 else "steps wait"
        out.print(f"[dim]{listed.held_back} more {steps} until you have had time to feel it.[/]")


def _show(item: TaskItem, verb: str) -> None:

    render.ok(f"Task #{item.id} {verb}: {item.stored.task.title}")


@app.command()
def done(task_id: TaskId) -> None:
    """Mark a task done."""
    ws = workspace()
    _show(complete_task(ws.store, ws.owner, task_id, ws.clock), "done")


@app.command()
def skip(task_id: TaskId) -> None:
    """Let a task go. Skipping is a choice, not a failure."""
    ws = workspace()
    _show(skip_task(ws.store, ws.owner, task_id, ws.clock), "skipped")


@app.command()
def snooze(
    task_id: TaskId,
    until: str | None = typer.Option(
        None,
        "--until",
        help="The day it comes back, at 09:00 (tomorrow, next week, YYYY-MM-DD, ...).",
    ),
    days: int | None = typer.Option(None, "--days", min=1, help="Bring it back in N days."),
) -> None:
    """Put a task away until later; it comes back on its own."""
    ws = workspace()
    moment = snooze_until(until, days, ws.clock.now())
    item = snooze_task(ws.store, ws.owner, task_id, moment, ws.clock)
    render.ok(f"Task #{item.id} snoozed until {when(moment, ws.clock.now())}.")
