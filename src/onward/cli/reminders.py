"""Reminder commands: what is due now, and the email digest for cron."""

from __future__ import annotations

import os

import typer

from onward.cli import render
from onward.cli.context import workspace
from onward.errors import SetupError
from onward.mail.passwords import Passwords
from onward.services.reminders import DigestResult, due_reminders, send_digest

app = typer.Typer(
    help="Reminders that reach you: what is due now, and the email digest.", no_args_is_help=True
)

_SILENCE = {
    "off": "Notifications are off (the notifications setting).",
    "dwell": "Nothing now: this is your time to feel a rejection. Reminders wait until it ends.",
    "quiet_hours": "Nothing now: these are your quiet hours.",
}


@app.command("due")
def due(as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """What a notification would say now (nothing during a dwell window or quiet hours)."""
    ws = workspace()
    found = due_reminders(ws.store, ws.owner, ws.settings, ws.clock)
    if as_json:
        render.print_json(
            {
                "silence": found.silence.value if found.silence else None,
                "reminders": [
                    {"key": r.key, "kind": r.kind.value, "title": r.title, "detail": r.detail}
                    for r in found.reminders
                ],
            }
        )
        return
    out = render.console()
    if found.silence is not None:
        out.print(_SILENCE[found.silence.value])
        return
    if not found.reminders:
        out.print("Nothing is due now.")
    for r in found.reminders:
        out.print(f"{r.kind.label}: {r.title} [dim]({r.detail})[/]")


@app.command("send-digest")
def send_digest_command(
    now: bool = typer.Option(
        False, "--now", help="Send it now, whatever the time and whether one went out today."
    ),
) -> None:
    """Email what is due to your own address, when the digest is due (the digest and
    digest_time settings). Safe to run from cron every few minutes: it sends once per day
    (or week). Needs your email address and a mail account that can send (SMTP)."""
    ws = workspace()
    outcome = send_digest(
        ws.store,
        ws.owner,
        ws.settings,
        ws.clock,
        passwords=Passwords(os.environ),
        scheduled=not now,
    )
    if outcome.result in (DigestResult.NO_ADDRESS, DigestResult.NO_SMTP):
        raise SetupError(outcome.describe())
    if outcome.sent:
        render.ok(outcome.describe())
    else:
        print(outcome.describe())
