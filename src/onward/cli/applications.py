"""Tracking commands: add, list, show, move, edit, archive, delete."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from onward.cli import render
from onward.cli.context import workspace
from onward.cli.options import CHANNELS, STAGES, AppId, DateOpt, JsonOpt, Notes, YesOpt
from onward.domain.dates import parse_day
from onward.domain.money import parse_salary
from onward.domain.pipeline import parse_stage
from onward.domain.playbook.setback import PREPARE_BEFORE
from onward.domain.records import (
    APPLICATION_FIELDS,
    ApplicationFields,
    ApplicationQuery,
    Channel,
    parse_choice,
)
from onward.export.records import application_record, contact_record
from onward.formats import formats
from onward.services.applications import (
    add_application,
    archive_applications,
    delete_application,
    edit_application,
    get_application,
    list_applications,
    move_application,
)
from onward.services.contacts import list_contacts
from onward.services.draft_delivery import list_sent_drafts
from onward.services.rejections import RejectionDetails, dwell_choice
from onward.services.transfer import read_text
from onward.services.wins import wins_from_step

# The details of an application, as options of both `add` and `edit`.
JobRef = Annotated[str | None, typer.Option("--ref", help="Requisition or job id.")]
Url = Annotated[str | None, typer.Option("--url", help="Link to the posting.")]
Location = Annotated[str | None, typer.Option("--location", help="Where the job is (or remote).")]
ChannelName = Annotated[str | None, typer.Option("--channel", help=f"How you applied: {CHANNELS}.")]
Salary = Annotated[
    str | None, typer.Option("--salary", help="Range, e.g. '80000-95000 EUR' or '70k'.")
]
Excitement = Annotated[
    int | None, typer.Option("--excitement", "-e", help="How much you want it, 1-5.")
]
Description = Annotated[str | None, typer.Option("--description", help="Job description text.")]
DescriptionFile = Annotated[
    Path | None,
    typer.Option("--description-file", help="Read the job description from a file."),
]
ResumeVersion = Annotated[
    str | None, typer.Option("--resume", help="Which resume version you sent.")
]
Tailored = Annotated[
    bool | None,
    typer.Option("--tailored/--not-tailored", help="Was the resume tailored to this job?"),
]


def _day(text: str | None) -> date | None:
    if text is None:
        return None

    return parse_day(text, workspace().clock.today())


#: The options of `add` and `edit` that set an application's fields: one for each field
#: (``APPLICATION_FIELDS``), but --salary for the three salary fields, and a description file.
FIELD_OPTIONS = (
    *(name for name in APPLICATION_FIELDS if not name.startswith("salary_")),
    "salary",
    "description_file",
)


def _fields(given: dict[str, Any], *, partial: bool) -> dict[str, Any]:
    """Turn the command's option values (its ``locals()``) into ApplicationFields keyword
    arguments (only those given)."""
    out = {k: given[k] for k in FIELD_OPTIONS if given.get(k) is not None}
    if "channel" in out:
        out["channel"] = parse_choice(Channel, out["channel"], "channel") if out["channel"] else ""
    salary = out.pop("salary", None)
    if salary is not None:
        if salary == "":
            out.update(salary_min="", salary_max="", salary_currency="")
        else:
            low, high, currency = parse_salary(salary)
            out.update(salary_min=low, salary_max=high)
            if currency:
                out["salary_currency"] = currency
    description_file = out.pop("description_file", None)
    if description_file is not None:
        out["description"] = read_text(description_file)
    if "tags" in out:
        out["tags"] = tuple(out["tags"])
        if partial and not out["tags"]:
            del out["tags"]  # no --tag given: keep the tags as they are
    return out


def add(
    company: str = typer.Argument(..., help="The hiring company."),
    role: str = typer.Argument(..., help="The job title."),
    stage: str = typer.Option("applied", "--stage", "-s", help=f"Where it stands: {STAGES}."),
    on: DateOpt = None,
    job_ref: JobRef = None,
    url: Url = None,
    location: Location = None,
    channel: ChannelName = None,
    salary: Salary = None,
    excitement: Excitement = None,
    description: Description = None,
    description_file: DescriptionFile = None,
    resume_version: ResumeVersion = None,
    tailored: Tailored = None,
    notes: Notes = None,
    tags: list[str] | None = typer.Option(None, "--tag", "-t", help="A tag (repeat for more)."),
    note: str | None = typer.Option(
        None, "--note", help="A note on this first step of the timeline."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Start tracking an application."""
    given = dict(locals())
    fields = ApplicationFields(**_fields(given, partial=False))
    ws = workspace()
    app_ = add_application(
        ws.store, ws.owner, fields, ws.clock, stage=parse_stage(stage), on=_day(on), note=note
    )
    if as_json:
        render.print_json(application_record(app_))
        return
    render.ok(f"Added #{app_.id}: {app_.role} at {app_.company} ({app_.stage_label}).")


def list_(
    stage: list[str] | None = typer.Option(
        None, "--stage", "-s", help="Only these stages (repeat)."
    ),
    active: bool | None = typer.Option(
        None, "--active/--closed", help="Only open (or only closed) applications."
    ),
    company: str | None = typer.Option(None, "--company", "-c", help="Company name contains this."),
    tag: str | None = typer.Option(None, "--tag", "-t", help="Only applications with this tag."),
    archived: bool = typer.Option(False, "--archived", help="Show archived applications instead."),
    limit: int = typer.Option(50, "--limit", "-n", min=1, help="Show at most this many."),
    show_all: bool = typer.Option(False, "--all", help="Show every match (no limit)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON (every match, with no limit)."),
) -> None:
    """List applications, most recent first."""
    ws = workspace()
    query = ApplicationQuery(
        stages=tuple(parse_stage(s) for s in stage or ()),
        active=active,
        company=company,
        tag=tag,
        archived=archived,
        limit=None if (show_all or as_json) else limit,
    )
    page = list_applications(ws.store, ws.owner, query)
    if as_json:
        render.print_json([application_record(a, events=False) for a in page.items])
        return
    if not page.items:
        render.console().print(
            "No applications match. Add one with [bold]onward add COMPANY ROLE[/]."
        )
        return
    render.print_applications(page.items)
    if page.total > len(page.items):
        print(f"Showing {len(page.items)} of {page.total}. Use --all or --limit to see more.")


def show(
    app_id: AppId,
    as_json: JsonOpt = False,
) -> None:
    """Show one application with its timeline."""
    ws = workspace()
    app_ = get_application(ws.store, ws.owner, app_id)
    contacts = list_contacts(ws.store, ws.owner, application_id=app_id)
    sent = sent_messages(ws, app_id)
    if as_json:
        record = application_record(app_) | {"contacts": [contact_record(c) for c in contacts]}
        render.print_json(record | {"messages_sent": [m for _, _, m in sent]})
        return
    render.application_details(app_, contacts, [(day, text) for day, text, _ in sent])


def sent_messages(ws: Any, app_id: int) -> list[tuple[date, str, dict[str, Any]]]:
    """The application's sent drafts for its timeline: (local date, line, JSON record)."""
    zone = ws.clock.now().tzinfo
    out = []
    for item in list_sent_drafts(ws.store, ws.owner, app_id):
        d = item.draft
        assert d.sent_at is not None
        ways = [f"{x.method.label} {x.account_name}" for x in item.deliveries]
        how = ", ".join(ways) or "marked sent by you"
        to = f" to {d.to}" if d.to else ""
        record = {
            "draft_id": d.id,
            "kind": d.kind.value,
            "subject": d.subject,
            "to": d.to,
            "sent_at": d.sent_at.isoformat(),
            "how": [x.method.value for x in item.deliveries] or ["by_hand"],
        }
        line = f"{d.kind.label.capitalize()}{to}: {d.subject} ({how}, draft #{d.id})"
        out.append((d.sent_at.astimezone(zone).date(), line, record))
    return out


def move(
    app_id: AppId,
    stage: str = typer.Argument(..., help=f"The new stage: {STAGES}."),
    on: DateOpt = None,
    note: str | None = typer.Option(None, "--note", help="A note for the timeline."),
) -> None:
    """Move an application to a new stage (interview again = next round)."""
    from rich.markup import escape

    ws = workspace()
    if parse_stage(stage).value == "rejected":  # the rejection playbook, with its defaults
        from onward.cli.rejections import log

        details = RejectionDetails(received_on=_day(on), note=note)
        log(app_id, details, dwell_choice(None, ws.settings.dwell_default))
        return
    app_ = move_application(
        ws.store, ws.owner, app_id, parse_stage(stage), ws.clock, on=_day(on), note=note
    )
    render.ok(
        f"#{app_.id} {app_.company}: now {app_.stage_label} (since {formats().day(app_.stage_on)})."
    )

    for win in wins_from_step(ws.store, ws.owner, ws.clock, app_.id, app_.stage_on):
        render.console().print(f"[bold green]A small win:[/] {escape(win.message)}")
    if app_.stage in PREPARE_BEFORE:
        render.console().print(
            f"Before it, a few minutes on what you would do after a no: onward prepare {app_.id}"
        )


def edit(
    app_id: AppId,
    company: str | None = typer.Option(None, "--company", help="The hiring company."),
    role: str | None = typer.Option(None, "--role", help="The job title."),
    job_ref: JobRef = None,
    url: Url = None,
    location: Location = None,
    channel: ChannelName = None,
    salary: Salary = None,
    excitement: Excitement = None,
    description: Description = None,
    description_file: DescriptionFile = None,
    resume_version: ResumeVersion = None,
    tailored: Tailored = None,
    notes: Notes = None,
    tags: list[str] | None = typer.Option(None, "--tag", "-t", help="Replace the tags (repeat)."),
    clear_tags: bool = typer.Option(False, "--clear-tags", help="Remove every tag."),
) -> None:
    """Change details of an application. Pass an empty value ('') to clear a field."""
    given = dict(locals())
    changes = _fields(given, partial=True)
    if clear_tags:
        changes["tags"] = ()
    ws = workspace()
    app_ = edit_application(ws.store, ws.owner, app_id, changes, ws.clock)
    render.ok(f"Updated #{app_.id}: {app_.role} at {app_.company}.")


def archive(
    app_ids: list[int] = typer.Argument(..., help="One or more application ids."),
    undo: bool = typer.Option(False, "--undo", help="Bring archived applications back."),
) -> None:
    """Archive applications (hidden from lists, kept in exports); --undo restores them."""
    ws = workspace()
    apps = archive_applications(ws.store, ws.owner, app_ids, ws.clock, undo=undo)
    verb = "Restored" if undo else "Archived"
    for app_ in apps:
        render.ok(f"{verb} #{app_.id}: {app_.role} at {app_.company}.")
    if not undo:
        ids = " ".join(str(a.id) for a in apps)
        render.console().print(f"[dim]Undo with: onward archive {ids} --undo[/]")


def delete(
    app_id: AppId,
    yes: YesOpt = False,
) -> None:
    """Delete an application and its timeline (onward undo brings it back; archive hides it)."""
    ws = workspace()
    app_ = get_application(ws.store, ws.owner, app_id)
    render.confirm(f"Delete #{app_.id} {app_.role} at {app_.company} and its timeline?", yes)
    delete_application(ws.store, ws.owner, app_id, ws.clock)
    render.ok(f"Deleted #{app_id}.")
    render.console().print(f"[dim]Undo with: onward undo {app_id}[/]")


#: This module's top-level commands; the lazy root group (cli/app.py) picks them by name.
commands = typer.Typer()
commands.command()(add)
commands.command("list")(list_)
commands.command()(show)
commands.command()(move)
commands.command()(edit)
commands.command()(archive)
commands.command()(delete)
