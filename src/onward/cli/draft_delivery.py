"""Drafts out through a mail account: `onward drafts append` (into your Drafts folder) and
`onward drafts send` (by SMTP, after you confirm)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape

from onward.cli import render
from onward.cli.context import workspace
from onward.cli.mail_accounts import password_sources
from onward.cli.options import DraftId
from onward.services.draft_delivery import append_draft, check_sendable, send_draft
from onward.services.drafts import get_draft

Account = Annotated[
    str | None, typer.Option("--account", "-a", help="Mail account (needed when you have several).")
]


def append(
    draft_id: DraftId,
    account: Account = None,
) -> None:
    """Put the draft in your mail account's Drafts folder, to review and send from there."""
    ws = workspace()
    done = append_draft(
        ws.store,
        ws.owner,
        draft_id,
        ws.clock,
        passwords=password_sources(),
        account=account,
        sender_name=ws.settings.sender_name,
    )
    render.ok(
        f"Put draft #{draft_id} in {done.folder} of {done.delivery.account_name}: open your mail "
        "program to read it over and send it. It counts as sent."
    )


def send(
    draft_id: DraftId,
    account: Account = None,
    yes: bool = typer.Option(
        False, "--yes", "-y", help="Send without asking (for scripts: you confirm by passing it)."
    ),
) -> None:
    """Send the draft by SMTP through your mail account, after you confirm."""
    ws = workspace()
    _, chosen = check_sendable(ws.store, ws.owner, draft_id, account)  # before asking
    confirmed = yes
    if not yes:
        view = get_draft(ws.store, ws.owner, draft_id, ws.clock)
        d = view.draft
        out = render.console()
        out.print(f"[dim]To:[/] {escape(d.to or '(no address)')}")
        out.print(f"[dim]Subject:[/] {escape(d.subject)}\n")
        out.print(escape(d.body), soft_wrap=True)
        for finding in view.errors:
            out.print(f"[red]✗ {escape(finding.message)}[/]")
        confirmed = typer.confirm(
            f"\nSend draft #{draft_id} to {d.to} now, from {chosen.fields.address}?"
        )
        if not confirmed:
            render.console().print("Not sent. Nothing changed.")
            raise typer.Exit(1)
    done = send_draft(
        ws.store,
        ws.owner,
        draft_id,
        ws.clock,
        passwords=password_sources(),
        confirmed=confirmed,
        account=account,
        sender_name=ws.settings.sender_name,
    )
    render.ok(f"Sent draft #{draft_id} to {done.delivery.to} through {done.delivery.account_name}.")
