"""Staying connected: check-ins with your contacts, and when to apply to a company again."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import typer
from rich.markup import escape

from onward.cli import render
from onward.cli.context import workspace
from onward.cli.options import ContactId, DateOpt, JsonOpt
from onward.domain.dates import parse_day
from onward.errors import InvalidInput
from onward.formats import formats
from onward.services.checkins import (
    checkins_due,
    list_reapply,
    record_checkin,
    set_reapply_after,
)

if TYPE_CHECKING:
    from onward.services.checkins import CheckIn, ReapplyDate

checkins_app = typer.Typer(
    help="Keep good contacts warm. Run `onward checkins` for the ones due within a week; "
    "option: --json.",
    invoke_without_command=True,
)


def _day(text: str | None) -> date | None:
    if text is None:
        return None

    return parse_day(text, workspace().clock.today())


@checkins_app.callback()
def checkins(
    ctx: typer.Context,
    as_json: JsonOpt = False,
) -> None:
    """Contacts due a check-in within the next 7 days, overdue ones first."""
    if ctx.invoked_subcommand is not None:
        return

    ws = workspace()
    due = checkins_due(ws.store, ws.owner, ws.clock)
    if as_json:
        render.print_json([_checkin_record(c) for c in due])
        return
    out = render.console()
    if not due:
        out.print("No check-ins due this week.")
        return

    for c in due:
        f = c.contact.fields
        where = f" at {escape(f.company)}" if f.company else ""
        out.print(f"[bold]#{c.contact.id}[/] {escape(f.name)}{where}: {_when(c)}")
    out.print(
        "A short, friendly note is plenty. Mark one done with [bold]onward checkins done ID[/]."
    )


def _when(c: CheckIn) -> str:
    if c.days_left < 0:
        return f"was due {formats().day(c.due_on)} ({-c.days_left} days ago)"
    if c.days_left == 0:
        return "due today"
    return f"due {formats().day(c.due_on)} (in {c.days_left} days)"


def _checkin_record(c: CheckIn) -> dict[str, object]:
    f = c.contact.fields
    return {
        "contact_id": c.contact.id,
        "name": f.name,
        "company": f.company,
        "email": f.email,
        "due_on": c.due_on.isoformat(),
        "days_left": c.days_left,
        "last_contact_on": f.last_contact_on.isoformat() if f.last_contact_on else None,
    }


@checkins_app.command("done")
def done(
    contact_id: ContactId,
    on: DateOpt = None,
    next_on: str | None = typer.Option(
        None, "--next", help="Next check-in date (default: ONWARD_CHECKIN_MONTHS months on)."
    ),
) -> None:
    """You were in touch: remember it and plan the next check-in."""
    ws = workspace()
    contact = record_checkin(
        ws.store,
        ws.owner,
        contact_id,
        ws.clock,
        on=_day(on),
        next_on=_day(next_on) if next_on else None,
        months=ws.settings.checkin_months,
    )
    upcoming = contact.fields.next_checkin_on
    assert upcoming is not None
    render.ok(f"Noted. Next check-in with {contact.name}: {formats().day(upcoming)}.")


def reapply(
    company: str | None = typer.Argument(None, help="Company name (leave out to list)."),
    after: str | None = typer.Option(None, "--after", help="Date from which to apply again."),
    notes: str | None = typer.Option(None, "--notes", help="Anything worth remembering."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON (when listing)."),
) -> None:
    """Remember when to apply to a company again, or list those dates."""
    ws = workspace()
    if company is None:
        found = list_reapply(ws.store, ws.owner, ws.clock)
        if as_json:
            render.print_json([_reapply_record(r) for r in found])
        else:
            _show_reapply(found)
        return
    if after is None:
        raise InvalidInput("give the date with --after", hint="e.g. --after 2027-05-01")
    when = _day(after)
    assert when is not None
    saved = set_reapply_after(ws.store, ws.owner, company, when, ws.clock, notes=notes)
    render.ok(f"You can apply to {saved.company} again from {formats().day(saved.after)}.")


def _reapply_record(r: ReapplyDate) -> dict[str, object]:
    return {
        "company": r.company,
        "after": r.after.isoformat(),
        "notes": r.notes,
        "open_now": r.open_now,
    }


def _show_reapply(found: list[ReapplyDate]) -> None:

    out = render.console()
    if not found:
        out.print(
            "No reapply dates yet. Add one with [bold]onward reapply COMPANY --after DATE[/]."
        )
        return
    for r in found:
        status = (
            "[green]you can apply again now[/]" if r.open_now else f"from {formats().day(r.after)}"
        )
        notes = f" [dim]({escape(r.notes)})[/]" if r.notes else ""
        out.print(f"{escape(r.company)}: {status}{notes}")


#: This module's top-level commands; the lazy root group (cli/app.py) picks them by name.
commands = typer.Typer()
commands.add_typer(checkins_app, name="checkins")
commands.command()(reapply)
