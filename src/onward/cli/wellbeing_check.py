"""`onward wellbeing`: the weekly WHO-5 check, private to you."""

from __future__ import annotations

from typing import Annotated

import typer

from onward.cli import render
from onward.cli.context import workspace
from onward.cli.options import JsonOpt
from onward.domain.playbook.wellbeing_check import ANSWERS, NOT_A_DIAGNOSIS, STATEMENTS
from onward.services.wellbeing_check import (
    WellbeingView,
    check_wellbeing,
    parse_answers,
    wellbeing_view,
)

app = typer.Typer(
    help="A weekly well-being check (WHO-5), private to you. Run `onward wellbeing` for your "
    "checks; `onward wellbeing check` takes one.",
    invoke_without_command=True,
)


@app.callback()
def wellbeing(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Your well-being checks so far and the care the latest calls for."""
    if ctx.invoked_subcommand is not None:
        return
    ws = workspace()
    view = wellbeing_view(ws.store, ws.owner, ws.clock, places=ws.settings.support_places)
    if as_json:
        render.print_json(view.record())
        return
    if not view.checks:
        render.console().print(
            "No checks yet. Five statements about the last two weeks: onward wellbeing check"
        )
        return
    _show(view)


@app.command("check")
def check(
    answers: Annotated[
        list[str] | None,
        typer.Argument(
            help="Five answers 0-5 (5 = all of the time); asked one by one if left out."
        ),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Take the check: over the last two weeks, how often ... (0 = at no time, 5 = all of the
    time)."""
    ws = workspace()
    if not answers:
        scale = ", ".join(f"{value} {words.lower()}" for value, words in ANSWERS)
        render.console().print(f"Over the last two weeks ... ({scale})")
        answers = [typer.prompt(f"  {statement}") for statement in STATEMENTS]
    view = check_wellbeing(
        ws.store, ws.owner, parse_answers(answers), ws.clock, places=ws.settings.support_places
    )
    render.answer(view, as_json, _show, WellbeingView.record)


def _show(view: WellbeingView) -> None:
    out = render.console()
    latest = view.latest
    assert latest is not None
    out.print(f"Latest: {latest.score} of 100 on {latest.taken_on:%a %-d %b %Y}")
    if len(view.checks) > 1:
        out.print("Before: " + ", ".join(str(c.score) for c in view.checks[:-1]))
    out.print(view.words)
    if view.needs_care and view.places:
        out.print("Places to talk to someone: " + "; ".join(view.places))
    out.print(f"[dim]{NOT_A_DIAGNOSIS}[/]")
