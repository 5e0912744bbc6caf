"""Review commands: what your mail suggests, accepted, edited or dismissed by you."""

from __future__ import annotations

from contextlib import suppress
from datetime import datetime
from typing import TYPE_CHECKING, Any

import typer
from rich.markup import escape

from onward.cli import render
from onward.cli.context import workspace
from onward.cli.hints import command
from onward.cli.options import JsonOpt
from onward.domain.mail import ProposalKind, ProposalStatus
from onward.domain.review import QueueFilter, Show
from onward.export.jsonable import to_jsonable
from onward.formats import formats
from onward.services.not_job_mail import mark_not_job_mail, take_back_not_job_mail
from onward.services.proposals import get_proposal
from onward.services.rejections import dwell_choice
from onward.services.review import (
    accept_confident,
    accept_proposals,
    dismiss_proposals,
    edit_proposal,
    list_proposals,
)
from onward.services.review_preview import AcceptPreview, preview_acceptance
from onward.services.review_queue import find_proposals, matching_ids

if TYPE_CHECKING:
    from onward.services.review import ProposalView, ReviewOutcome

app = typer.Typer(
    help="What your mail suggests changing in the tracker, waiting for you. Run `onward "
    "review` to see it; `--auto` accepts what Onward is confident about.",
    invoke_without_command=True,
)


def _when(moment: datetime | None, now: datetime) -> str:
    if moment is None:
        return "no date"
    local = moment.astimezone(now.tzinfo)
    return f"{formats().day(local)}, {formats().time(local)}"


def _record(view: ProposalView) -> dict[str, Any]:
    record: dict[str, Any] = to_jsonable(view)
    return record


def _print_view(view: ProposalView, now: datetime) -> None:

    safe = render.safe_text
    out = render.console()
    status = "" if view.status.value == "pending" else f" [dim]({view.status.value})[/]"
    out.print(f"[bold]#{view.id}[/] {escape(safe(view.summary))}{status}  [dim]{view.sure} sure[/]")
    subject = safe(view.subject) or "(no subject)"
    out.print(
        f"    {escape(subject)}  [dim]— {escape(safe(view.sender))}, {_when(view.sent_at, now)}[/]"
    )
    if view.evidence:
        out.print(f"    [dim]because:[/] {render.evidence_markup(view.evidence)}")
    where = f"message: onward mail show {view.message_id}"
    if view.application_id:
        where += f"   application: onward show {view.application_id}"
    elif view.waiting_on:
        where += f"   with #{view.waiting_on} (the new application)"
    out.print(f"    [dim]{where}[/]")


def _print_outcome(outcome: ReviewOutcome) -> None:

    for done in outcome.accepted:
        render.ok(f"#{done.proposal_id}: {done.done}")
        if done.rejection_logged:
            render.console().print(
                f"    [dim]see the tasks with `onward rejection {done.application_id}`[/]"
            )
    err = render.err_console()
    for proposal_id, why in outcome.failed:
        hint = outcome.hints.get(proposal_id)
        why += f" ({command(hint)})" if hint else ""
        err.print(f"[red]#{proposal_id} not applied:[/] {escape(why)}", soft_wrap=True)
    if outcome.failed:
        raise typer.Exit(1)


@app.callback()
def review(
    ctx: typer.Context,
    auto: bool = typer.Option(
        False,
        "--auto",
        help="Accept every pending proposal at or above the confidence threshold "
        "(ONWARD_REVIEW_AUTO_THRESHOLD) that is not maybe, then list what is left.",
    ),
    threshold: float | None = typer.Option(
        None, "--threshold", help="With --auto: this threshold (0-1) instead of the setting."
    ),
    everything: bool = typer.Option(
        False, "--all", help="Also accepted, edited and dismissed proposals."
    ),
    limit: int = typer.Option(
        50, "--limit", help="Show at most this many (0: all); --json always gives all."
    ),
    as_json: JsonOpt = False,
) -> None:
    """The review queue: each proposal with its email's subject, sender, date and evidence."""
    if ctx.invoked_subcommand is not None:
        return

    ws = workspace()
    if auto:
        level = ws.settings.review_auto_threshold if threshold is None else threshold
        outcome = accept_confident(
            ws.store, ws.owner, level, ws.clock,
            dwell=dwell_choice(None, ws.settings.dwell_default),
            own_address=ws.settings.sender_email,
        )  # fmt: skip
        if not as_json:
            if not outcome.accepted and not outcome.failed:
                render.ok(f"Nothing pending is {level:.0%} sure or more.")
            _print_outcome_soft(outcome)
    chosen = QueueFilter(show=Show.ALL if everything else Show.PENDING)
    views, total = find_proposals(
        ws.store, ws.owner, chosen, ws.clock, offset=0, limit=total_limit(as_json, limit),
        own_address=ws.settings.sender_email,
    )  # fmt: skip
    if as_json:
        render.print_json([_record(v) for v in views])
        return
    _print_queue(views, total if limit and total > limit else 0, ws.clock.now())


def _print_queue(views: list[ProposalView], more_than: int, now: datetime) -> None:
    """The queue as the terminal shows it, the maybe ones under their own heading;
    ``more_than`` (not 0): the list was cut."""
    out = render.console()
    if not views:
        out.print("Nothing to review. New mail arrives with `onward mail import PATH`.")
        return
    maybe_shown = False
    for view in views:
        if view.maybe and view.status is ProposalStatus.PENDING and not maybe_shown:
            maybe_shown = True
            out.print(
                "\n[bold]Maybe[/] [dim]— Onward is unsure of these, or they come from someone "
                "you have not dealt with about a job; --auto never accepts them.[/]"
            )
        _print_view(view, now)
    if more_than:
        out.print("[dim]… and more: `onward review --limit 0` shows them all.[/]")
    out.print(
        "[dim]onward review accept ID... | edit ID --company ... | dismiss ID... | "
        "not-job ID (ids from the list; --all for every pending one that is not maybe)[/]"
    )


def total_limit(as_json: bool, limit: int) -> int:
    """How many proposals to read: all for --json or --limit 0."""
    return 10**9 if as_json or not limit else limit


def _pending() -> Any:

    return ProposalStatus.PENDING


def _print_outcome_soft(outcome: ReviewOutcome) -> None:

    with suppress(typer.Exit):  # the list follows; failures were printed
        _print_outcome(outcome)


def _ids(ids: list[int] | None, every: bool) -> list[int]:
    """The ids given, or with --all every pending proposal that is not maybe."""
    if every:
        ws = workspace()
        mine = ws.settings.sender_email
        sure = matching_ids(
            ws.store, ws.owner, QueueFilter(maybe=False), ws.clock, own_address=mine
        )
        maybe = matching_ids(
            ws.store, ws.owner, QueueFilter(maybe=True), ws.clock, own_address=mine
        )
        if maybe:
            render.console().print(
                f"[dim]{len(maybe)} maybe proposal(s) left out: give their ids to include them.[/]"
            )
        return sure
    if not ids:
        raise typer.BadParameter("give proposal ids, or --all")
    return ids


@app.command()
def accept(
    ids: list[int] | None = typer.Argument(None, help="Proposal ids (see onward review)."),
    every: bool = typer.Option(
        False, "--all", help="Every pending proposal but the maybe ones (give their ids)."
    ),
    dwell: str | None = typer.Option(
        None, "--dwell", help="For rejections: the dwell window (morning, evening, weekend, 12h)."
    ),
    preview: bool = typer.Option(
        False,
        "--preview",
        help="Only say what would change (applications created, moved, rejected); change nothing.",
    ),
) -> None:
    """Accept proposals: the tracker changes as if you had typed them (rejections start
    their playbook). --all leaves out the maybe ones."""
    ws = workspace()
    chosen = _ids(ids, every)
    if preview:
        _print_preview(preview_acceptance(ws.store, ws.owner, chosen))
        return
    outcome = accept_proposals(
        ws.store, ws.owner, chosen, ws.clock, dwell=dwell_choice(dwell, ws.settings.dwell_default)
    )
    _print_outcome(outcome)


@app.command()
def edit(
    proposal_id: int = typer.Argument(..., help="Proposal id (see onward review)."),
    company: str | None = typer.Option(None, "--company", help="The right company (remembered)."),
    role: str | None = typer.Option(None, "--role", help="The right role."),
    stage: str | None = typer.Option(None, "--stage", help="Stage to move to or start at."),
    on: str | None = typer.Option(None, "--date", "-d", help="When it happened (YYYY-MM-DD)."),
    reason: str | None = typer.Option(None, "--reason", help="Rejection reason."),
    quote: str | None = typer.Option(None, "--quote", help="What they said (rejections)."),
    name: str | None = typer.Option(None, "--name", help="Contact name."),
    email: str | None = typer.Option(None, "--email", help="Contact email."),
    at: str | None = typer.Option(
        None, "--at", help="Interview time, local unless a zone is given (2026-12-03 14:00)."
    ),
    job_ref: str | None = typer.Option(None, "--job-ref", help="Requisition or job id."),
    application: int | None = typer.Option(
        None, "--application", help="It is about this existing application instead."
    ),
    keep_pending: bool = typer.Option(
        False, "--keep-pending", help="Save the change without accepting yet."
    ),
    dwell: str | None = typer.Option(None, "--dwell", help="For rejections: the dwell window."),
) -> None:
    """Correct a proposal, then accept it (a corrected company is remembered for next time)."""
    ws = workspace()
    changes: dict[str, Any] = {
        k: v
        for k, v in {
            "company": company, "role": role, "stage": stage, "reason": reason,
            "quote": quote, "name": name, "email": email, "at": at, "job_ref": job_ref,
            "application_id": application,
        }.items()
        if v is not None
    }  # fmt: skip
    if on is not None:
        found = list_proposals(ws.store, ws.owner, status=None, ids=[proposal_id])
        kind = found[0].kind if found else None
        changes["received_on" if kind is ProposalKind.LOG_REJECTION else "on"] = on
    if not changes:
        raise typer.BadParameter("say what to change, e.g. --company 'Acme'")
    outcome = edit_proposal(
        ws.store, ws.owner, proposal_id, changes, ws.clock, accept=not keep_pending,
        dwell=dwell_choice(dwell, ws.settings.dwell_default),
    )  # fmt: skip
    if keep_pending:
        render.ok(
            f"Proposal #{proposal_id} changed; accept it with `onward review accept {proposal_id}`."
        )
        return
    _print_outcome(outcome)


@app.command()
def dismiss(
    ids: list[int] | None = typer.Argument(None, help="Proposal ids (see onward review)."),
    every: bool = typer.Option(False, "--all", help="Every pending proposal."),
    not_job: bool = typer.Option(
        False,
        "--not-job",
        help="The emails are not job mail: stop proposing mail from their senders and lists.",
    ),
) -> None:
    """Dismiss proposals: nothing changes in the tracker."""
    ws = workspace()
    views = dismiss_proposals(ws.store, ws.owner, _ids(ids, every), ws.clock, not_job=not_job)
    render.ok(f"Dismissed {len(views)} proposal{'s' if len(views) != 1 else ''}.")


def _print_preview(found: AcceptPreview) -> None:
    out = render.console()
    if not found.count:
        out.print("Nothing would change.")
    for title, items in (
        ("Applications created", found.created),
        ("Applications moved", found.moved),
        ("Rejections logged", found.rejected),
        ("Contacts and interviews added", found.other),
    ):
        if items:
            out.print(f"[bold]{title}[/] ({len(items)})")
        for item in items:
            note = " [dim](needed by another one)[/]" if item.pulled_in else ""
            note += f" [red]will not go through: {escape(item.problem)}[/]" if item.problem else ""
            out.print(f"  #{item.proposal_id} {escape(render.safe_text(item.summary))}{note}")
    for proposal_id, why in found.skipped:
        out.print(f"[dim]#{proposal_id} left out: {why}[/]")
    out.print("[dim]Nothing has changed yet; run it again without --preview to accept.[/]")


@app.command("not-job")
def not_job(
    proposal_id: int = typer.Argument(..., help="A proposal of the email (see onward review)."),
    take_back: bool = typer.Option(
        False, "--take-back", help="Take it back: propose mail from that sender again."
    ),
) -> None:
    """The email is not job mail: dismiss its proposals, and stop proposing mail from its
    sender and its mailing list (learnt on this computer only)."""
    ws = workspace()
    if take_back:
        message_id = get_proposal(ws.store, ws.owner, proposal_id).message_id
        restored = take_back_not_job_mail(ws.store, ws.owner, message_id)
        render.ok(f"Taken back; {len(restored)} proposal(s) wait for you again.")
        return
    taught = mark_not_job_mail(ws.store, ws.owner, proposal_id, ws.clock)
    learnt = [x for x in (taught.address, taught.mailing_list) if x]
    also = taught.also_dismissed
    render.ok(
        "Marked as not job mail."
        + (f" Mail from {' and '.join(learnt)} will not be proposed again." if learnt else "")
        + (f" {also} more proposal(s) from them were dismissed too." if also else "")
    )
