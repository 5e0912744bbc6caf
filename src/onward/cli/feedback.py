"""Feedback commands: keep what employers said, and thank them for it."""

from __future__ import annotations

import typer
from rich.markup import escape
from rich.table import Table

from onward.cli import render
from onward.cli.context import workspace
from onward.cli.options import FEEDBACK_THEMES, AppId, DateOpt, JsonOpt
from onward.domain.dates import parse_day
from onward.domain.playbook.feedback_reading import read_feedback
from onward.services.feedback import list_feedback, log_feedback

app = typer.Typer(help="Keep the feedback employers give you.", no_args_is_help=True)


@app.command()
def add(
    app_id: AppId,
    text: str = typer.Argument(..., help="What they said, in their words if you have them."),
    from_whom: str | None = typer.Option(None, "--from", help="Who said it."),
    on: DateOpt = None,
    themes: list[str] | None = typer.Option(
        None, "--theme", help=f"What it is about (repeat): {FEEDBACK_THEMES}. Default: suggested."
    ),
    specific: bool | None = typer.Option(
        None, "--specific/--generic", help="Overrule Onward's judgement of the feedback."
    ),
    contact: int | None = typer.Option(None, "--contact", help="The contact who gave it."),
) -> None:
    """Log feedback; Onward plans a thank-you and, for generic feedback, one follow-up."""
    ws = workspace()
    day = parse_day(on, ws.clock.today()) if on else None
    logged = log_feedback(
        ws.store,
        ws.owner,
        app_id,
        text,
        ws.clock,
        received_on=day,
        from_whom=from_whom,
        contact_id=contact,
        themes=themes or (),
        specific_override=specific,
    )
    out = render.console()
    render.ok(f"Kept feedback #{logged.stored.id} for application #{app_id}.")
    verdict = "specific" if logged.specificity.specific else "generic"
    out.print(f"It looks [bold]{verdict}[/]: {escape('; '.join(logged.specificity.reasons))}.")
    reading = read_feedback(logged.stored.feedback.text)
    if reading.strengths:
        out.print(f"[green]What they valued:[/] {escape(', '.join(reading.strengths))}")
    if reading.gaps:
        out.print(f"What they missed: {escape(', '.join(reading.gaps))}")
    names = ", ".join(t.value for t in logged.stored.feedback.themes)
    out.print(f"Themes{' (suggested)' if logged.suggested_themes else ''}: {escape(names)}")
    zone = ws.clock.now().tzinfo
    for stored in logged.tasks:
        task = stored.task
        due = task.due_at.astimezone(zone)
        out.print(f"  • {escape(task.title)} [dim]by {due:%Y-%m-%d %H:%M}[/]")
    kind = "thanks_for_feedback"
    out.print(f"[dim]Draft the thank-you: onward drafts new {app_id} {kind}[/]")


@app.command("list")
def list_(
    application: int | None = typer.Option(
        None, "--application", "-a", help="Only feedback for this application."
    ),
    theme: str | None = typer.Option(None, "--theme", help="Only feedback with this theme."),
    as_json: JsonOpt = False,
) -> None:
    """List feedback, oldest first, with how often each theme came up."""
    ws = workspace()
    log = list_feedback(ws.store, ws.owner, application_id=application, theme=theme)
    if as_json:
        render.print_json(
            {
                "feedback": [
                    {
                        "id": s.id,
                        "application_id": s.feedback.application_id,
                        "received_on": s.feedback.received_on.isoformat(),
                        "from": s.feedback.from_whom,
                        "contact_id": s.feedback.contact_id,
                        "text": s.feedback.text,
                        "themes": [t.value for t in s.feedback.themes],
                        "specific": s.specific,
                    }
                    for s in log.items
                ],
                "themes": {t.value: n for t, n in log.themes},
            }
        )
        return
    if not log.items:
        render.console().print(
            "No feedback yet. Log it with [bold]onward feedback add APP TEXT[/]."
        )
        return
    table = Table(box=None, pad_edge=False)
    for column in ("ID", "App", "Date", "From", "Specific", "Themes", "Feedback"):
        table.add_column(column)
    for s in log.items:
        f = s.feedback
        table.add_row(
            str(s.id),
            f"#{f.application_id}",
            f.received_on.isoformat(),
            escape(f.from_whom or ""),
            "yes" if s.specific else "generic",
            ", ".join(t.value for t in f.themes),
            escape(f.text if len(f.text) <= 80 else f.text[:79] + "…"),
        )
    render.console().print(table)
    counts = ", ".join(f"{t.value.replace('_', ' ')} {n}" for t, n in log.themes)
    render.console().print(f"\n[bold]Themes:[/] {counts}")
