"""Calendar commands: your tasks and check-ins in the calendar you already use."""

from __future__ import annotations

from pathlib import Path

import typer

from onward.cli import render
from onward.cli.context import workspace
from onward.services.calendar import export_calendar

app = typer.Typer(
    help="Put your tasks and check-ins in your own calendar app.", no_args_is_help=True
)


@app.command("export")
def export(path: Path = typer.Argument(..., help="File to write, e.g. onward.ics.")) -> None:
    """Write an .ics file of open tasks and check-ins, with reminders. Import it again after
    changes: events keep their ids, so they update instead of doubling."""
    ws = workspace()
    count = export_calendar(ws.store, ws.owner, path, ws.clock)
    render.ok(f"Wrote {count} events to {path}.")
