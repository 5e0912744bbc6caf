"""Contacts commands: the recruiters, hiring managers, interviewers and mentors you know."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from onward.cli import render
from onward.cli.context import workspace
from onward.cli.options import CONTACT_ROLES, AppId, ContactId, JsonOpt, Notes, YesOpt
from onward.domain.dates import parse_day
from onward.domain.records import ContactFields, ContactRole, parse_choice
from onward.export.records import contact_record
from onward.formats import formats
from onward.services.contacts import (
    add_contact,
    delete_contact,
    edit_contact,
    get_contact,
    link_contact,
    list_contacts,
)

app = typer.Typer(help="Keep the people behind your applications.", no_args_is_help=True)

Role = Annotated[str | None, typer.Option("--role", "-r", help=f"Who they are: {CONTACT_ROLES}.")]
Email = Annotated[str | None, typer.Option("--email", help="Email address.")]
LinkedIn = Annotated[str | None, typer.Option("--linkedin", help="LinkedIn profile URL.")]
Company = Annotated[str | None, typer.Option("--company", help="Where they work.")]
LastContact = Annotated[str | None, typer.Option("--last-contact", help="Date you last spoke.")]
NextCheckin = Annotated[str | None, typer.Option("--next-checkin", help="Date to check in next.")]


#: The contact's fields, by the option (parameter) of `add` and `edit` that sets each one.
FIELD_OPTIONS = {
    "name": "name",
    "role": "role",
    "email": "email",
    "linkedin_url": "linkedin",
    "company": "company",
    "notes": "notes",
    "last_contact_on": "last_contact",
    "next_checkin_on": "next_checkin",
}


def _changes(given: dict[str, Any]) -> dict[str, Any]:
    """The contact fields among a command's option values (its ``locals()``), typed."""

    out = {k: given[o] for k, o in FIELD_OPTIONS.items() if given[o] is not None}
    if out.get("role"):
        out["role"] = parse_choice(ContactRole, out["role"], "contact role")
    for key in ("last_contact_on", "next_checkin_on"):
        if out.get(key):
            out[key] = parse_day(out[key], workspace().clock.today())
    return out


@app.command()
def add(
    name: str = typer.Argument(..., help="Their name."),
    role: Role = "other",
    email: Email = None,
    linkedin: LinkedIn = None,
    company: Company = None,
    notes: Notes = None,
    last_contact: LastContact = None,
    next_checkin: NextCheckin = None,
    application: list[int] | None = typer.Option(
        None, "--application", "-a", help="Link to an application id (repeat)."
    ),
) -> None:
    """Add a contact, optionally linked to applications."""
    given = dict(locals())
    values = _changes(given)
    ws = workspace()
    contact = add_contact(
        ws.store,
        ws.owner,
        ContactFields(**values),
        ws.clock,
        application_ids=tuple(application or ()),
    )
    render.ok(f"Added contact #{contact.id}: {contact.name}.")


@app.command("list")
def list_(
    company: str | None = typer.Option(None, "--company", "-c", help="Company contains this."),
    application: int | None = typer.Option(
        None, "--application", "-a", help="Linked to this application."
    ),
    as_json: JsonOpt = False,
) -> None:
    """List contacts."""
    ws = workspace()
    contacts = list_contacts(ws.store, ws.owner, company=company, application_id=application)
    if as_json:
        render.print_json([contact_record(c) for c in contacts])
        return
    if not contacts:
        render.console().print("No contacts yet. Add one with [bold]onward contacts add NAME[/].")
        return
    table = Table(box=None, pad_edge=False)
    for column in ("ID", "Name", "Role", "Company", "Email", "Next check-in", "Applications"):
        table.add_column(column)
    for c in contacts:
        f = c.fields
        table.add_row(
            str(c.id),
            escape(f.name),
            f.role.value.replace("_", " "),
            escape(f.company or ""),
            escape(f.email or ""),
            formats().day(f.next_checkin_on) if f.next_checkin_on else "",
            ", ".join(f"#{i}" for i in c.application_ids),
        )
    render.console().print(table)


@app.command()
def show(
    contact_id: ContactId,
    as_json: JsonOpt = False,
) -> None:
    """Show one contact."""
    ws = workspace()
    record = contact_record(get_contact(ws.store, ws.owner, contact_id))
    if as_json:
        render.print_json(record)
        return

    for key, value in record.items():
        if value not in (None, []):
            render.console().print(f"[dim]{key.replace('_', ' ')}:[/] {escape(str(value))}")


@app.command()
def edit(
    contact_id: ContactId,
    name: str | None = typer.Option(None, "--name", help="Their name."),
    role: Role = None,
    email: Email = None,
    linkedin: LinkedIn = None,
    company: Company = None,
    notes: Notes = None,
    last_contact: LastContact = None,
    next_checkin: NextCheckin = None,
) -> None:
    """Change a contact. Pass an empty value ('') to clear a field."""
    given = dict(locals())
    changes = _changes(given)
    ws = workspace()
    contact = edit_contact(ws.store, ws.owner, contact_id, changes, ws.clock)
    render.ok(f"Updated contact #{contact.id}: {contact.name}.")


@app.command()
def link(
    contact_id: ContactId,
    app_id: AppId,
    unlink: bool = typer.Option(False, "--remove", help="Remove the link instead."),
) -> None:
    """Link a contact to an application (or --remove the link)."""
    ws = workspace()
    contact = link_contact(ws.store, ws.owner, contact_id, app_id, unlink=unlink)
    verb = "Unlinked" if unlink else "Linked"
    render.ok(f"{verb} {contact.name} and application #{app_id}.")


@app.command()
def delete(
    contact_id: ContactId,
    yes: YesOpt = False,
) -> None:
    """Delete a contact (their applications stay)."""
    ws = workspace()
    contact = get_contact(ws.store, ws.owner, contact_id)
    render.confirm(f"Delete contact {contact.name}?", yes)
    delete_contact(ws.store, ws.owner, contact_id)
    render.ok(f"Deleted contact #{contact_id}.")
