"""`onward write`: expressive writing, up to 20 minutes on up to 4 days in a row. Private."""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.markup import escape

from onward.cli import render
from onward.cli.context import workspace
from onward.cli.options import JsonOpt
from onward.errors import InvalidInput
from onward.services.transfer import read_text
from onward.services.writing import lock_writing, write_session, writing_view

app = typer.Typer(
    help="Private expressive writing: up to 20 minutes a day on up to 4 days in a row, never "
    "analysed or shared. Run `onward write` for today's prompt.",
    invoke_without_command=True,
)


@app.callback()
def write(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Today's prompt and your sessions so far (their dates only)."""
    if ctx.invoked_subcommand is not None:
        return
    ws = workspace()
    view = writing_view(ws.store, ws.owner, ws.clock)
    if as_json:
        sessions = [
            {"id": s.id, "written_on": s.written_on.isoformat(), "day": s.day, "locked": s.locked}
            for s in view.sessions
        ]
        render.print_json({"day": view.day, "prompt": view.prompt, "sessions": sessions})
        return
    out = render.console()
    out.print(f"[bold]Day {view.day} of {view.days}[/] (up to {view.minutes} minutes)")
    out.print(escape(view.prompt))
    out.print(
        "\nWrite in any editor, then keep it here: onward write add < today.txt\n"
        "It stays on this computer; nothing reads, scores or shares it."
    )
    if view.sessions:
        days = ", ".join(f"{s.written_on:%-d %b} (day {s.day})" for s in view.sessions[-8:])
        out.print(f"\nYour sessions: {days}" + (" · locked" if view.locked else ""))


@app.command("add")
def add(
    file: Path | None = typer.Option(
        None, "--file", help="Read the writing from this file (default: standard input)."
    ),
) -> None:
    """Keep a session's writing (read from standard input or --file). Asks for your
    passphrase when your writing is locked."""
    ws = workspace()
    text = read_text(file) if file else sys.stdin.read()
    passphrase = None
    if writing_view(ws.store, ws.owner, ws.clock).locked:
        passphrase = typer.prompt("Passphrase", hide_input=True)
    session = write_session(
        ws.store, ws.owner, text, ws.clock.now(), ws.clock, passphrase=passphrase
    )
    sealed = " and sealed" if session.locked else ""
    render.ok(f"Kept{sealed}: day {session.day} of 4. Thank you for giving it the time.")


@app.command("read")
def read() -> None:
    """Read your writing again (asks for your passphrase when it is locked)."""
    ws = workspace()
    passphrase = None
    if writing_view(ws.store, ws.owner, ws.clock).locked:
        passphrase = typer.prompt("Passphrase", hide_input=True)
    view = writing_view(ws.store, ws.owner, ws.clock, passphrase=passphrase)
    out = render.console()
    if not view.sessions:
        out.print("Nothing written yet. `onward write` shows today's prompt.")
    for session in view.sessions:
        out.print(f"\n[bold]{session.written_on:%A %-d %B %Y}, day {session.day}[/]")
        out.print(escape(session.text or ""))


@app.command("lock")
def lock() -> None:
    """Lock your writing with a passphrase: everything so far and to come is sealed. A
    forgotten passphrase means the writing is gone; nobody can open it."""
    ws = workspace()
    passphrase = typer.prompt("New passphrase (8 characters or more)", hide_input=True)
    again = typer.prompt("The same passphrase again", hide_input=True)
    if passphrase != again:
        raise InvalidInput("the two passphrases differ; nothing was locked", field="passphrase")
    count = lock_writing(ws.store, ws.owner, passphrase, ws.clock)
    render.ok(f"Locked. {count} session(s) sealed. Keep the passphrase safe: without it, "
              "the writing cannot be read.")  # fmt: skip
