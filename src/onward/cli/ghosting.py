"""The ghosting command: applications that have gone quiet, and closing them kindly."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer
from rich.markup import escape

from onward.cli import render
from onward.cli.context import workspace
from onward.cli.options import JsonOpt
from onward.cli.tasks import task_record
from onward.errors import InvalidInput
from onward.services.ghosting import mark_ghosted, suggest_ghosting
from onward.services.tasks import task_state

if TYPE_CHECKING:
    from onward.domain.playbook.ghosting import GhostingRules


def ghosting(
    app_ids: list[int] | None = typer.Argument(
        None, help="With --apply: only these application ids (default: every suggestion)."
    ),
    apply: bool = typer.Option(
        False, "--apply", help="Mark them ghosted and plan a follow-up and a closing note."
    ),
    as_json: JsonOpt = False,
) -> None:
    """Applications that have gone quiet (21 days, or 14 after an interview). Only a
    suggestion unless you --apply (or set ONWARD_AUTO_GHOST=true); they reopen if the company
    gets back in touch."""
    ws = workspace()
    rules = ws.ghosting
    if app_ids and not apply:
        raise InvalidInput("application ids go with --apply", hint="onward ghosting --apply ID")
    if apply or ws.settings.auto_ghost:
        _apply(app_ids or [], rules, as_json=as_json)
        return

    found = suggest_ghosting(ws.store, ws.owner, ws.clock, rules=rules)
    if as_json:
        render.print_json(
            [
                {
                    "application_id": s.application_id,
                    "stage": s.stage.value,
                    "days_quiet": s.days_quiet,
                    "threshold": s.threshold,
                    "message": s.message,
                    "drafts": [d.value for d in s.drafts],
                }
                for s in found
            ]
        )
        return
    out = render.console()
    if not found:
        out.print("Nothing has gone quiet for long. Waiting is part of it.")
        return

    for s in found:
        out.print(f"#{s.application_id} {escape(s.message)}")
    ids = " ".join(str(s.application_id) for s in found)
    out.print(
        f"\n[dim]This is only a suggestion. To close them kindly: onward ghosting --apply {ids}[/]"
    )


def _apply(app_ids: list[int], rules: GhostingRules, *, as_json: bool) -> None:

    ws = workspace()
    done = mark_ghosted(ws.store, ws.owner, ws.clock, ids=app_ids, rules=rules)
    now = ws.clock.now()
    if as_json:
        render.print_json(
            [
                {
                    "application_id": g.application.id,
                    "stage": g.application.stage.value,
                    "tasks": [
                        task_record(t, task_state(t.task, now), g.application.company)
                        for t in g.tasks
                    ],
                }
                for g in done
            ]
        )
        return
    if not done:
        render.console().print("Nothing has gone quiet for long. Waiting is part of it.")
        return
    for g in done:
        app_ = g.application
        render.ok(f"#{app_.id} {app_.role} at {app_.company}: marked ghosted.")
        for t in g.tasks:
            render.console().print(f"  [dim]task #{t.id}:[/] {escape(t.task.title)}")
    render.console().print(
        "[dim]If they get in touch, move it on as usual (onward move ID screen ...): it reopens.[/]"
    )


#: This module's top-level commands; the lazy root group (cli/app.py) picks them by name.
commands = typer.Typer()
commands.command()(ghosting)
