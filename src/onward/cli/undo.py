"""Undo and correction: `onward undo ID` takes back the last change to an application (again:
does it again); `onward history ID` lists its steps, undone ones too, and its changes, and
`--correct STEP --date DAY` corrects the day a step happened."""

from __future__ import annotations

from typing import Any

import typer

from onward.cli import render
from onward.cli.context import workspace
from onward.cli.options import AppId, DateOpt, JsonOpt
from onward.domain.changes import UndoOutcome
from onward.domain.dates import parse_day
from onward.errors import InvalidInput
from onward.export.jsonable import to_jsonable
from onward.services.corrections import History, application_history, correct_event_date
from onward.services.undo import undo_accept, undo_change, undo_last_change


def _outcome_json(outcome: UndoOutcome) -> dict[str, Any]:
    record: dict[str, Any] = to_jsonable(outcome)
    return record


def undo(
    app_id: AppId,
    change: int | None = typer.Option(
        None, "--change", help="Undo this change (its id from `onward history`) instead."
    ),
    proposal: bool = typer.Option(
        False, "--proposal", help="ID is a proposal: undo accepting it (it waits for review)."
    ),
    as_json: JsonOpt = False,
) -> None:
    """Undo the last change to an application (a move, rejection, edit, archive, delete or
    corrected date); run it again to redo."""
    ws = workspace()
    if proposal:
        outcome = undo_accept(ws.store, ws.owner, app_id, ws.clock)
    elif change is not None:
        outcome = undo_change(ws.store, ws.owner, change, ws.clock)
    else:
        outcome = undo_last_change(ws.store, ws.owner, app_id, ws.clock)
    if as_json:
        render.print_json(_outcome_json(outcome))
        return
    render.ok(f"{'Did again' if outcome.redo else 'Undone'}: {outcome.what}.")
    again = outcome.undone.application_id or app_id
    render.console().print(
        f"[dim]Run `onward undo {again}` again to {'undo it' if outcome.redo else 'redo'}.[/]"
    )


def history(
    app_id: AppId,
    correct: int | None = typer.Option(
        None, "--correct", help="Correct the date of this step (its id from the list)."
    ),
    on: DateOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Show an application's steps (undone ones too) and its changes; --correct STEP --date
    DAY corrects the day a step happened."""
    ws = workspace()
    if correct is not None:
        if on is None:
            raise InvalidInput("say the day it happened", field="on")
        day = parse_day(on, ws.clock.today())
        found = correct_event_date(ws.store, ws.owner, app_id, correct, day, ws.clock)
        if not as_json:
            render.ok(f"Corrected step {correct} of #{app_id} to {day.isoformat()}.")
    else:
        found = application_history(ws.store, ws.owner, app_id)
    if as_json:
        render.print_json(to_jsonable(found))
        return
    if correct is None:
        _print(found)


def _print(found: History) -> None:
    from rich.markup import escape

    out = render.console()
    app = found.application
    out.print(f"[bold]#{app.id} {escape(app.company)}[/]: {escape(app.role)}")
    out.print("Steps (the id is for --correct):")
    for e in found.events:
        note = f" {escape(e.note)}" if e.note else ""
        line = f"  {e.id:>5}  {e.occurred_on}  {e.stage.value}{note}"
        out.print(f"[dim]{line}  (undone)[/]" if e.undone_at else line)
    if not found.changes:
        out.print("No changes on record yet.")
        return
    out.print("Changes (the newest is what `onward undo` takes back):")
    for c in found.changes:
        when = c.created_at.astimezone(workspace().clock.now().tzinfo)
        mark = " (undone)" if c.undone_by else ""
        latest = "  ← undo" if found.latest and c.id == found.latest.id else ""
        out.print(f"  {c.id:>5}  {when:%Y-%m-%d %H:%M}  {escape(c.summary)}{mark}{latest}")


#: This module's top-level commands; the lazy root group (cli/app.py) picks them by name.
commands = typer.Typer()
commands.command()(undo)
commands.command()(history)
