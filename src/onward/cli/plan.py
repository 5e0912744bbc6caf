"""Learning plan commands: a few concrete things to work on, from your reflections and
feedback or added by hand."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import typer
from rich.markup import escape
from rich.table import Table

from onward.cli import render
from onward.cli.context import workspace
from onward.cli.options import PLAN_KINDS, JsonOpt, PlanItemId
from onward.domain.playbook.learning_plan import ItemStatus
from onward.services.learning_plan import (
    OPEN,
    add_plan_item,
    list_plan_items,
    move_plan_item,
    suggest_plan_items,
)

if TYPE_CHECKING:
    from onward.domain.playbook.stored import StoredItem

app = typer.Typer(
    help="Your learning plan: small, concrete things to work on.", no_args_is_help=True
)


@app.command("list")
def list_(
    show_all: bool = typer.Option(False, "--all", help="Include done and dropped items."),
    as_json: JsonOpt = False,
) -> None:
    """List plan items still to do or in progress (--all: every item)."""
    ws = workspace()
    statuses = tuple(ItemStatus) if show_all else OPEN
    items = list_plan_items(ws.store, ws.owner, statuses=statuses)
    if as_json:
        render.print_json([item_record(i) for i in items])
        return
    if not items:
        render.console().print(
            "Nothing in your plan yet. Try [bold]onward plan suggest[/] or "
            "[bold]onward plan add KIND FOCUS[/]."
        )
        return
    table = Table(box=None, pad_edge=False)
    for column in ("ID", "Status", "What", "Hours", "Why", "App"):
        table.add_column(column)
    for stored in items:
        item = stored.item
        table.add_row(
            str(stored.id),
            item.status.value,
            escape(item.title),
            f"{item.effort_hours:g}" if item.effort_hours else "",
            escape(item.because or ""),
            f"#{stored.application_id}" if stored.application_id else "",
        )
    render.console().print(table)


@app.command()
def add(
    kind: str = typer.Argument(..., help=f"What sort of step: {PLAN_KINDS}."),
    focus: str = typer.Argument(..., help="What exactly, e.g. 'SQL window functions'."),
    hours: float | None = typer.Option(None, "--hours", help="Rough effort in hours."),
    application: int | None = typer.Option(
        None, "--application", "-a", help="The application it comes from."
    ),
) -> None:
    """Add an item to your plan."""
    ws = workspace()
    stored = add_plan_item(
        ws.store, ws.owner, kind, focus, ws.clock, effort_hours=hours, application_id=application
    )
    render.ok(f"Added #{stored.id}: {stored.item.title}.")


def _move(item_id: int, status: str, verb: str, after: str = "") -> None:

    ws = workspace()
    stored = move_plan_item(ws.store, ws.owner, item_id, status, ws.clock)
    render.ok(f"{verb} #{stored.id}: {stored.item.title}.{after}")


@app.command()
def start(item_id: PlanItemId) -> None:
    """Start working on an item."""
    _move(item_id, "doing", "Started")


@app.command()
def done(item_id: PlanItemId) -> None:
    """Mark an item done."""
    _move(item_id, "done", "Done", " Well done.")


@app.command()
def drop(item_id: PlanItemId) -> None:
    """Drop an item you no longer want to work on (that is fine)."""
    _move(item_id, "dropped", "Dropped")


@app.command()
def suggest(
    app_id: int | None = typer.Argument(
        None, help="Application id (default: the one you reflected on or got feedback on last)."
    ),
    accept: bool = typer.Option(False, "--accept", help="Add the suggestions to your plan."),
) -> None:
    """Suggest plan items from your latest reflection and the feedback you received."""
    ws = workspace()
    result = suggest_plan_items(ws.store, ws.owner, app_id, ws.clock, accept=accept)
    out = render.console()
    if not result.items:
        out.print(
            "Nothing to suggest yet. Suggestions come from stages you rated 2 or less "
            "(onward reflect) and from feedback themes (onward feedback add)."
        )
        return
    out.print(f"[bold]Suggestions from application #{result.application_id}[/]")
    for item in result.items:
        hours = f", about {item.effort_hours:g} h" if item.effort_hours else ""
        out.print(f"  • {escape(item.title)} [dim]({escape(item.because or '')}{hours})[/]")
    if accept:
        render.ok(f"Added {len(result.accepted)} to your plan.")
    if result.already_planned:
        out.print(f"[dim]{result.already_planned} of these are already in your plan.[/]")
    if not accept:
        app_arg = f" {result.application_id}" if app_id is not None else ""
        out.print(f"[dim]Add them with: onward plan suggest{app_arg} --accept[/]")


def item_record(stored: StoredItem) -> dict[str, Any]:
    item = stored.item
    return {
        "id": stored.id,
        "kind": item.kind.value,
        "focus": item.focus,
        "title": item.title,
        "effort_hours": item.effort_hours,
        "status": item.status.value,
        "because": item.because,
        "application_id": stored.application_id,
        "created_at": stored.created_at.isoformat(),
    }
