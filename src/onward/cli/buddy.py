"""`onward buddy`: swap a signed weekly summary with a buddy, and see both weeks."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from onward.cli import render
from onward.cli.context import workspace
from onward.domain.playbook.buddy import Week
from onward.files import write_atomically
from onward.services.buddy import (
    add_buddy,
    buddy_view,
    import_summary,
    make_card,
    weekly_summary,
)
from onward.services.transfer import read_text

app = typer.Typer(
    help="A buddy: swap a signed weekly summary (effort, plans kept, wins) and see each "
    "other's week. Run `onward buddy` to compare.",
    invoke_without_command=True,
)
FileArg = Annotated[Path, typer.Argument(help="The file.")]


@app.callback()
def buddy(ctx: typer.Context) -> None:
    """Your week next to your buddies' latest."""
    if ctx.invoked_subcommand is not None:
        return
    ws = workspace()
    view = buddy_view(ws.store, ws.owner, ws.clock)
    out = render.console()
    _week(view.me)
    for name, week in view.buddies:
        if week is None:
            out.print(f"[bold]{escape(name)}[/]: no summary in the last weeks")
        else:
            _week(week)
    if not view.has_card:
        out.print("Start with your card: onward buddy card you.buddy-card.json --name 'Your name'")


def _week(week: Week) -> None:
    effort = ", ".join(f"{k.replace('_', ' ')} {v:g}" for k, v in week.effort.items()) or "none"
    line = f"[bold]{escape(week.name)}[/] (week of {week.week_start:%-d %b}): {escape(effort)}"
    line += f"; plans kept {week.plans_kept} of {week.plans_due}; wins {len(week.wins)}"
    if week.rejections is not None:
        line += f"; rejections {week.rejections}"
    render.console().print(line)


@app.command("card")
def card(
    path: FileArg,
    name: str = typer.Option(..., "--name", help="The name your buddy knows you by."),
) -> None:
    """Write your buddy card for your buddy to add (asks for a passphrase you will use to
    sign your summaries)."""
    ws = workspace()
    passphrase = typer.prompt("Passphrase for signing (8 characters or more)", hide_input=True)
    write_atomically(path, make_card(ws.store, ws.owner, name, passphrase, ws.clock))
    render.ok(
        f"Wrote your card to {path}. Send it to your buddy; add theirs with onward buddy add."
    )


@app.command("add")
def add(path: FileArg) -> None:
    """Add your buddy's card."""
    ws = workspace()
    render.ok(f"{escape(add_buddy(ws.store, ws.owner, read_text(path), ws.clock))} is your buddy.")


@app.command("send")
def send(
    path: FileArg,
    rejections: bool = typer.Option(False, "--rejections", help="Include this week's rejections."),
) -> None:
    """Write this week's signed summary for your buddy (asks for your passphrase)."""
    ws = workspace()
    passphrase = typer.prompt("Passphrase", hide_input=True)
    text = weekly_summary(ws.store, ws.owner, passphrase, ws.clock, rejections=rejections)
    write_atomically(path, text)
    render.ok(f"Wrote this week's summary to {path}.")


@app.command("receive")
def receive(path: FileArg) -> None:
    """Read a summary your buddy sent (its signature is checked)."""
    ws = workspace()
    week = import_summary(ws.store, ws.owner, read_text(path), ws.clock)
    render.ok(f"{escape(week.name)}'s week of {week.week_start:%-d %b} is in.")
