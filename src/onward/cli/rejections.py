"""Rejection commands: log a "no" (reject), see it again later (rejection), and end the time
to feel it early (ready). During the dwell window the output is only kindness."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import typer
from rich.markup import escape

from onward.cli import render
from onward.cli.context import workspace
from onward.cli.options import REACHED, REASONS, REJECTION_CHANNELS, AppId, DateOpt, JsonOpt
from onward.cli.tasks import task_line, task_record, when
from onward.domain.dates import parse_day
from onward.domain.emails import RejectionReason, RejectionStage
from onward.domain.playbook.rejection import RejectionChannel
from onward.domain.records import parse_choice
from onward.formats import formats
from onward.services.rejections import (
    RejectionDetails,
    dwell_choice,
    end_dwell,
    get_rejection_overview,
    reject_application,
)
from onward.services.tasks import task_state

if TYPE_CHECKING:
    from onward.domain.playbook.dwell import DwellChoice
    from onward.services.rejections import RejectionDetails, RejectionOverview


def reject(
    app_id: AppId,
    on: DateOpt = None,
    stage: str | None = typer.Option(
        None, "--stage", help=f"How far you got: {REACHED}. Default: from your tracker."
    ),
    channel: str = typer.Option(
        "email", "--channel", help=f"How it arrived: {REJECTION_CHANNELS}."
    ),
    contact: int | None = typer.Option(
        None, "--contact", help="The contact who told you (see onward contacts list)."
    ),
    reason: str = typer.Option("unspecified", "--reason", help=f"Their reason: {REASONS}."),
    quote: str | None = typer.Option(
        None, "--quote", help="Their words, if you want to keep them."
    ),
    personal: bool | None = typer.Option(
        None, "--personal/--templated", help="Written to you by a person, or a template?"
    ),
    dwell: str | None = typer.Option(
        None,
        "--dwell",
        help="Time to feel it first: morning, evening, weekend, 12h, 2 days. "
        "Default: ONWARD_DWELL_DEFAULT (morning).",
    ),
    sting: int | None = typer.Option(None, "--sting", help="How much it stings, 1-5 (optional)."),
    good_impression: bool = typer.Option(
        False, "--good-impression", help="Someone made a good impression: plan a check-in."
    ),
    as_json: JsonOpt = False,
) -> None:
    """Log a rejection. Onward gives you time to feel it, then a few dated next steps."""
    ws = workspace()
    details = RejectionDetails(
        received_on=_day(on),
        stage=parse_choice(RejectionStage, stage, "stage") if stage else None,
        channel=parse_choice(RejectionChannel, channel, "channel"),
        reason=parse_choice(RejectionReason, reason, "reason"),
        quote=quote,
        contact_id=contact,
        personal=personal,
        sting=sting,
        good_impression=good_impression,
    )
    log(app_id, details, dwell_choice(dwell, ws.settings.dwell_default), as_json=as_json)


def log(
    app_id: int, details: RejectionDetails, choice: DwellChoice, *, as_json: bool = False
) -> None:
    """Log a rejection and show what to show now (shared with ``onward move ID rejected``)."""
    ws = workspace()
    overview = reject_application(ws.store, ws.owner, app_id, details, ws.clock, dwell=choice)
    if as_json:
        render.print_json(record(overview.visible(), ws.clock.now()))
        return
    app_ = overview.application
    render.ok(
        f"Logged: #{app_.id} {app_.role} at {app_.company}, rejected on "
        f"{formats().day(overview.rejection.received_on)}."
    )
    show(overview.visible(), ws.clock.now())


def rejection(
    app_id: AppId,
    as_json: JsonOpt = False,
) -> None:
    """See a logged rejection again: kindness during your time to feel it, next steps after."""
    ws = workspace()
    _answer(get_rejection_overview(ws.store, ws.owner, app_id, ws.clock), ws.clock.now(), as_json)


def ready(
    app_id: AppId,
    as_json: JsonOpt = False,
) -> None:
    """End your time to feel it early, when you feel ready: your next steps open now."""
    ws = workspace()
    _answer(end_dwell(ws.store, ws.owner, app_id, ws.clock), ws.clock.now(), as_json)


def _answer(overview: RejectionOverview, now: datetime, as_json: bool) -> None:
    if as_json:
        render.print_json(record(overview, now))
        return
    show(overview, now)


def show(overview: RejectionOverview, now: datetime) -> None:
    """Render an overview; during the window only kindness, a prompt, self-care and the
    reason's reframe."""
    out = render.console()
    support, app_id = overview.support, overview.application.id
    out.print(f"\n[bold]{escape(support.message)}[/]")
    if overview.in_window:
        out.print(f"[dim]Journal:[/] {escape(support.journal_prompt or '')}")
        out.print(f"[dim]Look after yourself:[/] {escape(support.self_care or '')}")
        out.print(escape(overview.reframe.reason_line))
        out.print(f"\n[dim]{escape(support.remaining or '')}[/]")
        out.print(
            f"Your tasks are ready when you are (after {when(overview.tasks_ready_at, now)}): "
            f"[bold]onward rejection {app_id}[/]. Ready sooner? [bold]onward ready {app_id}[/]"
        )
        return
    out.print("\n[bold]In proportion[/]")
    for line in overview.reframe.lines:
        out.print(f"  {escape(line)}")
    if overview.advice is not None:
        advice = overview.advice
        out.print("\n[bold]Should you reply?[/]")
        out.print(f"  {escape(advice.what)}")
        out.print(f"  [dim]{escape(advice.why)}[/]")
        if advice.due is not None:
            closes = when(advice.due.closes_at, now)
            if advice.due.closes_at <= now:
                out.print(
                    f"  [dim]The usual time for it has passed ({closes}); a late note is "
                    "still kind if it feels right, and nothing is planned for it.[/]"
                )
            elif advice.due.opens_at <= now:
                out.print(f"  [dim]Best sent by {closes}.[/]")
            else:
                opens = when(advice.due.opens_at, now)
                out.print(f"  [dim]Best sent between {opens} and {closes}.[/]")
    if overview.tasks:
        out.print("\n[bold]Your tasks[/]")
        for stored in overview.tasks:
            out.print("  " + task_line(stored, task_state(stored.task, now), now))
        out.print("  [dim]onward tasks done ID · onward tasks snooze ID --days N · skip ID[/]")
    if overview.revisit:
        out.print("\n[bold]Saved jobs worth a second look[/]")
        for item in overview.revisit:
            out.print(f"  #{item.application_id} {escape(item.why)}")
    if overview.open_mind:
        out.print(f"\n[dim]To keep an open mind:[/] {escape(overview.open_mind)}")


def record(overview: RejectionOverview, now: datetime) -> dict[str, Any]:
    """An overview as JSON; what the window holds back is null or empty here too."""
    rej, app_, advice = overview.rejection, overview.application, overview.advice
    return {
        "application": {
            "id": app_.id,
            "company": app_.company,
            "role": app_.role,
            "stage": app_.stage.value,
        },
        "rejection": {
            "received_on": rej.received_on.isoformat(),
            "stage": overview.stage.value,
            "channel": rej.channel.value,
            "reason": rej.reason.value,
            "quote": rej.quote,
            "personal": rej.personal,
            "contact_id": rej.contact_id,
            "sting": rej.sting,
        },
        "in_dwell_window": overview.in_window,
        "tasks_ready_at": overview.tasks_ready_at.isoformat(),
        # the same moment under its old name, kept for scripts written before 0.x; see cli.md
        "plan_ready_at": overview.tasks_ready_at.isoformat(),
        "support": {
            "message": overview.support.message,
            "journal_prompt": overview.support.journal_prompt,
            "self_care": overview.support.self_care,
            "remaining": overview.support.remaining,
        },
        "reframe": list(overview.reframe.lines),
        "advice": None
        if advice is None
        else {
            "action": advice.action.value,
            "what": advice.what,
            "why": advice.why,
            "drafts": [d.value for d in advice.drafts],
            "opens_at": advice.due.opens_at.isoformat() if advice.due else None,
            "closes_at": advice.due.closes_at.isoformat() if advice.due else None,
            "optional": advice.optional,
        },
        "tasks": [task_record(s, task_state(s.task, now), app_.company) for s in overview.tasks],
        "revisit": [
            {"application_id": r.application_id, "company": r.company, "role": r.role}
            for r in overview.revisit
        ],
        "open_mind": overview.open_mind,
    }


def _day(text: str | None) -> date | None:
    if text is None:
        return None

    return parse_day(text, workspace().clock.today())


#: This module's top-level commands; the lazy root group (cli/app.py) picks them by name.
commands = typer.Typer()
commands.command()(reject)
commands.command()(rejection)
commands.command()(ready)
