"""Draft commands: write, check, edit and export the messages worth sending after a "no".
Nothing is ever sent for you: export a draft to your mail program, then mark it sent."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
import typer
from rich.markup import escape
from rich.table import Table

from onward.cli import draft_delivery, render
from onward.cli.context import workspace
from onward.cli.options import DRAFT_KINDS, AppId, DraftId, JsonOpt
from onward.domain.playbook.stored import DraftStatus
from onward.errors import InvalidInput
from onward.services.drafts import (
    create_draft,
    discard_draft,
    draft_mailto,
    edit_draft,
    export_draft_eml,
    get_draft,
    list_drafts,
    mark_draft_sent,
)
from onward.services.transfer import read_text

if TYPE_CHECKING:
    from onward.domain.playbook.stored import SavedDraft
    from onward.services.drafts import DraftView

app = typer.Typer(
    help="Write, check and export the messages worth sending. Nothing is sent for you.",
    no_args_is_help=True,
)

SEVERITY_STYLE = {"error": "red", "warning": "yellow", "ok": "green"}
SEVERITY_MARK = {"error": "✗", "warning": "!", "ok": "✓"}


@app.command()
def new(
    app_id: AppId,
    kind: str = typer.Argument(..., help=f"Which message: {DRAFT_KINDS}."),
    highlight: str | None = typer.Option(
        None,
        "--highlight",
        help="One thing you enjoyed or learned (follows 'I especially enjoyed').",
    ),
    update: str | None = typer.Option(
        None, "--update", help="Real news for a keep-in-touch note (follows 'a quick update:')."
    ),
    feedback_point: str | None = typer.Option(
        None, "--feedback-point", help="What their feedback was about (follows 'You mentioned')."
    ),
    contact: int | None = typer.Option(
        None, "--contact", help="Write to this contact id (default: the application's contact)."
    ),
) -> None:
    """Write a draft from what Onward knows about the application, and check it."""
    ws = workspace()
    view = create_draft(
        ws.store,
        ws.owner,
        app_id,
        kind,
        ws.clock,
        highlight=highlight,
        update=update,
        feedback_point=feedback_point,
        contact_id=contact,
        templates_dir=ws.settings.templates_dir,
        sender_name=ws.settings.sender_name,
        signature=ws.settings.sender_signature,
    )
    _show(view, created=True)


@app.command("list")
def list_(
    application: int | None = typer.Option(
        None, "--application", "-a", help="Only drafts for this application."
    ),
    show_all: bool = typer.Option(False, "--all", help="Include discarded drafts."),
    as_json: JsonOpt = False,
) -> None:
    """List drafts, oldest first (drafts to send and sent ones)."""
    ws = workspace()
    statuses = tuple(DraftStatus) if show_all else (DraftStatus.DRAFT, DraftStatus.SENT)
    drafts = list_drafts(ws.store, ws.owner, statuses=statuses, application_id=application)
    if as_json:
        render.print_json([draft_record(d) for d in drafts])
        return
    if not drafts:
        render.console().print("No drafts yet. Write one with [bold]onward drafts new APP KIND[/].")
        return
    table = Table(box=None, pad_edge=False)
    for column in ("ID", "App", "Kind", "To", "Subject", "Status"):
        table.add_column(column)
    for d in drafts:
        table.add_row(
            str(d.id),
            f"#{d.application_id}" if d.application_id else "",
            d.kind.label,
            escape(d.to or ""),
            escape(d.subject),
            d.status.value + (f" {d.sent_at:%Y-%m-%d}" if d.sent_at else ""),
        )
    render.console().print(table)


@app.command()
def show(
    draft_id: DraftId,
    as_json: JsonOpt = False,
) -> None:
    """Show a draft with its quality checks: errors in red, warnings in yellow, passes in green."""
    ws = workspace()
    view = get_draft(ws.store, ws.owner, draft_id, ws.clock)
    if as_json:
        record = draft_record(view.draft) | {
            "findings": [
                {"code": f.code, "severity": f.severity.value, "message": f.message}
                for f in view.findings
            ],
            "timing": view.timing.describe(ws.clock.now()) if view.timing else None,
        }
        render.print_json(record)
        return
    _show(view)


@app.command()
def edit(
    draft_id: DraftId,
    subject: str | None = typer.Option(None, "--subject", help="A new subject line."),
    body: str | None = typer.Option(None, "--body", help="A new body text."),
    body_file: Path | None = typer.Option(None, "--body-file", help="Read the body from a file."),
    to: str | None = typer.Option(None, "--to", help="A new recipient address ('' clears it)."),
    editor: bool = typer.Option(False, "--editor", help="Edit the body in $EDITOR."),
) -> None:
    """Change a draft's subject, body or recipient; the checks run again."""
    if sum(x is not None for x in (body, body_file)) + editor > 1:
        raise InvalidInput("give the body one way only: --body, --body-file or --editor")
    ws = workspace()
    if body_file is not None:
        body = read_text(body_file)
    if editor:
        current = get_draft(ws.store, ws.owner, draft_id, ws.clock).draft.body
        body = click.edit(current, extension=".txt", require_save=True)
        if body is None:
            raise InvalidInput("the editor was closed without saving; nothing changed")
    view = edit_draft(ws.store, ws.owner, draft_id, ws.clock, subject=subject, body=body, to=to)
    _show(view)


@app.command()
def eml(
    draft_id: DraftId,
    path: Path = typer.Argument(..., help="The .eml file to write."),
) -> None:
    """Write the draft as an .eml file; open it in your mail program to send it."""
    ws = workspace()
    name, address = ws.settings.sender_name, ws.settings.sender_email
    sender = f"{name} <{address}>" if name and address else address
    export_draft_eml(ws.store, ws.owner, draft_id, path, ws.clock, from_addr=sender)
    render.ok(
        f"Wrote draft #{draft_id} to {path}. Once you have sent it: onward drafts sent {draft_id}"
    )


@app.command()
def mailto(
    draft_id: DraftId,
    open_it: bool = typer.Option(
        False, "--open", help="Open it in your mail program now instead of printing the link."
    ),
) -> None:
    """Print a mailto: link that opens the draft in your mail program (or --open it)."""
    ws = workspace()
    link = draft_mailto(ws.store, ws.owner, draft_id)
    if open_it:
        import webbrowser

        if webbrowser.open(link):
            return
        print("Could not open a mail program here; copy this link instead:")
    print(link)


@app.command()
def sent(draft_id: DraftId) -> None:
    """Mark a draft as sent (you sent it from your own mail program)."""
    ws = workspace()
    draft = mark_draft_sent(ws.store, ws.owner, draft_id, ws.clock)
    render.ok(f"Marked draft #{draft.id} ({draft.kind.label}) as sent. Well done.")


@app.command()
def discard(draft_id: DraftId) -> None:
    """Discard a draft you will not send."""
    ws = workspace()
    draft = discard_draft(ws.store, ws.owner, draft_id, ws.clock)
    render.ok(f"Discarded draft #{draft.id} ({draft.kind.label}).")


def draft_record(draft: SavedDraft) -> dict[str, Any]:
    return {
        "id": draft.id,
        "application_id": draft.application_id,
        "contact_id": draft.contact_id,
        "kind": draft.kind.value,
        "to": draft.to,
        "subject": draft.subject,
        "body": draft.body,
        "status": draft.status.value,
        "sent_at": draft.sent_at.isoformat() if draft.sent_at else None,
        "created_at": draft.created_at.isoformat(),
    }


def _show(view: DraftView, *, created: bool = False) -> None:

    out = render.console()
    d = view.draft
    if created:
        render.ok(f"Draft #{d.id}: {d.kind.label} for application #{d.application_id}.")
    out.print(f"[bold]Draft #{d.id}[/] {d.kind.label} [dim]({d.status.value})[/]")
    out.print(f"[dim]To:[/] {escape(d.to or '(no address: add one with --to)')}")
    out.print(f"[dim]Subject:[/] {escape(d.subject)}\n")
    out.print(escape(d.body), soft_wrap=True)
    if view.timing is not None:
        out.print(f"\n[dim]When:[/] {escape(view.timing.describe(workspace().clock.now()))}")
    if view.findings:
        out.print("\n[bold]Checks[/]")
        order = {"error": 0, "warning": 1, "ok": 2}
        for f in sorted(view.findings, key=lambda f: order[f.severity.value]):
            style = SEVERITY_STYLE[f.severity.value]
            mark = SEVERITY_MARK[f.severity.value]
            out.print(
                f"  [{style}]{mark} {f.severity.value}[/] {escape(f.message)}", soft_wrap=True
            )
    if d.status.value == "draft":
        out.print(
            f"\n[dim]Next: onward drafts eml {d.id} FILE.eml, or onward drafts mailto {d.id}; "
            f"then onward drafts sent {d.id}[/]"
        )


# Drafts out through a mail account (their commands live in draft_delivery).
app.command("append")(draft_delivery.append)
app.command("send")(draft_delivery.send)
