"""If-then plans: "When [day, time, place], I will [action] for [job or person]"."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

import typer
from rich.markup import escape

from onward.cli import render
from onward.cli.context import workspace
from onward.cli.options import JsonOpt
from onward.domain.dates import parse_when
from onward.domain.playbook.goals import Metric
from onward.domain.playbook.if_then import IfThenFields, IfThenPlan, when_words
from onward.export.jsonable import to_jsonable
from onward.services.goals import parse_metric
from onward.services.if_then import (
    IfThenOverview,
    if_then_overview,
    keep_if_then_plan,
    make_if_then_plan,
    move_if_then_plan,
)

app = typer.Typer(
    help="If-then plans: decide when, where and what, and Onward reminds you at that time. "
    "Run `onward intend` to see them; `onward intend add` makes one.",
    invoke_without_command=True,
)

PlanId = Annotated[int, typer.Argument(help="Plan id (see onward intend).")]
WhenOpt = Annotated[
    str,
    typer.Option("--when", help="When: 2026-12-08 09:00, tomorrow 9:00, tue 9am (your time zone)."),
]


@app.callback()
def intend(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Your if-then plans: on now, waiting for a word, coming up, and kept this week."""
    if ctx.invoked_subcommand is not None:
        return
    ws = workspace()
    overview = if_then_overview(ws.store, ws.owner, ws.clock)
    if as_json:
        render.print_json(to_jsonable(overview))
        return
    _show(overview, ws.clock.now())


@app.command("add")
def add(
    action: Annotated[str, typer.Argument(help="What you will do: 'send two applications'.")],
    when: WhenOpt,
    minutes: int = typer.Option(30, "--minutes", help="How long to block out."),
    place: str | None = typer.Option(None, "--at", help="Where: 'the library', 'my desk'."),
    for_text: str | None = typer.Option(None, "--for", help="For whom or what, in words."),
    app_id: int | None = typer.Option(None, "--app", help="For this application (its id)."),
    goal: str | None = typer.Option(
        None, "--goal", help="The weekly goal it serves: " + ", ".join(m.value for m in Metric)
    ),
    as_json: JsonOpt = False,
) -> None:
    """Make an if-then plan: when (and where) you will do what, for which job or person."""
    ws = workspace()
    fields = IfThenFields(
        starts_at=parse_when(when, ws.clock.now()),
        action=action,
        minutes=minutes,
        place=place,
        for_text=for_text,
        application_id=app_id,
        metric=parse_metric(goal) if goal else None,
    )
    plan = make_if_then_plan(ws.store, ws.owner, fields, ws.clock)
    _done(plan, ws.clock.now(), as_json, "Planned")


@app.command("kept")
def kept(plan_id: PlanId, as_json: JsonOpt = False) -> None:
    """Say a plan was kept: it counts towards this week."""
    ws = workspace()
    plan = keep_if_then_plan(ws.store, ws.owner, plan_id, ws.clock)
    _done(plan, ws.clock.now(), as_json, "Kept, well done")


@app.command("missed")
def missed(plan_id: PlanId, as_json: JsonOpt = False) -> None:
    """Say a plan did not happen this time; then pick a new when with `onward intend move`."""
    ws = workspace()
    plan = keep_if_then_plan(ws.store, ws.owner, plan_id, ws.clock, kept=False)
    if as_json:
        render.print_json(_record(plan))
        return
    render.ok(f"Noted. {if_then_overview(ws.store, ws.owner, ws.clock).recovery}")
    render.console().print(f"  onward intend move {plan.id} --when 'tomorrow 9:00'")


@app.command("move")
def move(plan_id: PlanId, when: WhenOpt, as_json: JsonOpt = False) -> None:
    """Pick a new when for a plan."""
    ws = workspace()
    plan = move_if_then_plan(
        ws.store, ws.owner, plan_id, parse_when(when, ws.clock.now()), ws.clock
    )
    _done(plan, ws.clock.now(), as_json, "Moved")


def _record(plan: IfThenPlan) -> dict[str, Any]:
    record: dict[str, Any] = to_jsonable(plan)
    return record


def _done(plan: IfThenPlan, now: datetime, as_json: bool, verb: str) -> None:
    if as_json:
        render.print_json(_record(plan))
        return
    render.ok(
        f"{verb} (#{plan.id}): {escape(plan.sentence(when_words(plan.fields.starts_at, now)))}"
    )


def _show(overview: IfThenOverview, now: datetime) -> None:
    out = render.console()
    if overview.empty:
        out.print(
            "No if-then plans yet. Pick one goal for this week and decide when and where:\n"
            "  onward intend add 'send two applications' --when 'tue 9:00' --at 'the library'"
        )
        return
    sections = (
        ("Now", overview.now),
        ("How did it go?", overview.waiting),
        ("Coming up", overview.coming),
        ("Recently", overview.closed),
    )
    for title, plans in sections:
        if not plans:
            continue
        out.print(f"[bold]{title}[/]")
        for plan in plans:
            sentence = plan.sentence(when_words(plan.fields.starts_at, now))
            state = "" if title != "Recently" else f" ({plan.state.value.replace('_', ' ')})"
            out.print(f"  #{plan.id}  {escape(sentence)}{state}")
    if overview.waiting:
        out.print(f"\n{overview.recovery}")
        out.print("  onward intend kept ID · onward intend missed ID · onward intend move ID")
    if overview.held_back:
        out.print("\nPlans that are over wait for you until your time to feel it ends.")
    out.print(f"\n{overview.kept.words}")
