"""Contacts: list, add, read, change and delete them, link them to applications, note a
check-in, and the check-ins that are due."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import Field

from onward.domain.records import ContactFields, ContactRole
from onward.errors import InvalidInput, NotFound
from onward.export.jsonable import to_jsonable
from onward.export.records import contact_record
from onward.services.checkins import DUE_WITHIN_DAYS, checkins_due, record_checkin
from onward.services.contacts import (
    add_contact,
    delete_contact,
    edit_contact,
    get_contact,
    link_contact,
    list_contacts,
)
from onward.web.routing import Body, Ws, error_about

router = APIRouter(tags=["contacts"])


class ContactChanges(Body):
    """The fields to change; ``null`` (or ``""``) clears an optional one."""

    name: str = ""
    role: ContactRole = ContactRole.OTHER
    email: str | None = None
    linkedin_url: str | None = None
    company: str | None = None
    notes: str | None = None
    last_contact_on: dt.date | None = None
    next_checkin_on: dt.date | None = None


class NewContact(ContactChanges):
    """A person behind applications; ``application_ids``: the applications to link."""

    name: str
    application_ids: list[int] = Field(default_factory=list)

    def fields(self) -> ContactFields:
        return ContactFields(**self.model_dump(exclude={"application_ids"}))


class CheckInBody(Body):
    """When you were in touch (default today) and when to check in next (default: the
    ``checkin_months`` setting later)."""

    on: dt.date | None = None
    next_on: dt.date | None = None


class Link(Body):
    application_id: int


@router.get("/contacts")
def read_all(
    ws: Ws,
    company: Annotated[str, Query(max_length=200)] = "",
    limit: Annotated[int | None, Query(ge=1, le=10_000)] = None,
) -> list[dict[str, Any]]:
    """Contacts by name (those at ``company`` when given; the first ``limit``)."""
    found = list_contacts(ws.store, ws.owner, company=company.strip() or None, limit=limit)
    return [contact_record(c) for c in found]


@router.post("/contacts", status_code=201)
def create(body: NewContact, ws: Ws) -> dict[str, Any]:
    """Add a contact; answers with it, its id included."""
    with error_about("application_ids", NotFound):  # one to link is not there: nothing added
        contact = add_contact(
            ws.store, ws.owner, body.fields(), ws.clock, application_ids=tuple(body.application_ids)
        )
    return contact_record(contact)


@router.get("/contacts/{contact_id}")
def read(contact_id: int, ws: Ws) -> dict[str, Any]:
    return contact_record(get_contact(ws.store, ws.owner, contact_id))


@router.patch("/contacts/{contact_id}")
def change(contact_id: int, body: ContactChanges, ws: Ws) -> dict[str, Any]:
    """Change the fields sent; the others keep their values."""
    changes = {k: "" if v is None else v for k, v in body.model_dump(exclude_unset=True).items()}
    if "name" in changes and not changes["name"].strip():
        raise InvalidInput("contact name cannot be empty", field="name")  # as the web form says
    return contact_record(edit_contact(ws.store, ws.owner, contact_id, changes, ws.clock))


@router.delete("/contacts/{contact_id}")
def delete(contact_id: int, ws: Ws) -> dict[str, Any]:
    """Delete a contact (their applications are untouched); answers with what was deleted."""
    return contact_record(delete_contact(ws.store, ws.owner, contact_id))


@router.post("/contacts/{contact_id}/checkin")
def check_in(contact_id: int, body: CheckInBody, ws: Ws) -> dict[str, Any]:
    """You were in touch: the day is kept and the next check-in planned."""
    contact = record_checkin(
        ws.store, ws.owner, contact_id, ws.clock, on=body.on, next_on=body.next_on,
        months=ws.settings.checkin_months,
    )  # fmt: skip
    return contact_record(contact)


@router.post("/contacts/{contact_id}/applications")
def link(contact_id: int, body: Link, ws: Ws) -> dict[str, Any]:
    """Link the contact to an application (linking twice is harmless)."""
    get_contact(ws.store, ws.owner, contact_id)  # an unknown contact is a 404 without a field
    with error_about("application_id", NotFound):
        contact = link_contact(ws.store, ws.owner, contact_id, body.application_id)
    return contact_record(contact)


@router.delete("/contacts/{contact_id}/applications/{app_id}")
def unlink(contact_id: int, app_id: int, ws: Ws) -> dict[str, Any]:
    return contact_record(link_contact(ws.store, ws.owner, contact_id, app_id, unlink=True))


@router.get("/checkins")
def due(
    ws: Ws, within_days: Annotated[int, Query(ge=0, le=3650)] = DUE_WITHIN_DAYS
) -> list[dict[str, Any]]:
    """Contacts due a check-in by ``within_days`` from today, overdue ones first."""
    return [
        {
            "contact": contact_record(c.contact),
            "due_on": to_jsonable(c.due_on),
            "days_left": c.days_left,
            "overdue": c.overdue,
        }
        for c in checkins_due(ws.store, ws.owner, ws.clock, within_days=within_days)
    ]
