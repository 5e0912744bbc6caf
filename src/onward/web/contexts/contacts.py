"""The contacts pages' contexts: contacts with the applications they are linked to and the
check-ins due, put together from what the contacts, applications and connections services
return (each a fixed number of queries, however many contacts there are)."""

from __future__ import annotations

from dataclasses import dataclass

from onward.domain.records import ApplicationQuery, ApplicationSummary, Contact
from onward.services.applications import summarise_applications
from onward.services.checkins import CheckIn, checkins_due, due_check_in
from onward.services.contacts import count_contacts, get_contact, list_contacts
from onward.services.runtime import Workspace

#: How many recent applications a "link to" choice offers.
LINK_CHOICES = 300
_RECENT = ApplicationQuery(limit=LINK_CHOICES, sort="recent")


@dataclass(frozen=True)
class ContactBook:
    contacts: list[Contact]
    #: The applications the listed contacts are linked to, by id.
    applications: dict[int, ApplicationSummary]
    check_ins: list[CheckIn]
    #: How many contacts there are in all (``contacts`` may hold only the first few).
    total: int


@dataclass(frozen=True)
class ContactCard:
    contact: Contact
    applications: list[ApplicationSummary]
    #: Recent applications not linked yet, to offer as links.
    choices: list[ApplicationSummary]
    check_in: CheckIn | None


def contact_book(
    ws: Workspace, *, company: str | None = None, limit: int | None = None
) -> ContactBook:
    """Every contact (or those at ``company``; the first ``limit`` by name), their linked
    applications and the check-ins due within a week, overdue ones first."""
    contacts = list_contacts(ws.store, ws.owner, company=company or None, limit=limit)
    total = len(contacts)
    if limit is not None and total == limit:
        total = count_contacts(ws.store, ws.owner, company=company or None)
    linked = _linked(ws, {i for c in contacts for i in c.application_ids})
    return ContactBook(contacts, linked, checkins_due(ws.store, ws.owner, ws.clock), total)


def contact_card(ws: Workspace, contact_id: int) -> ContactCard:
    """One contact with their applications, link choices and the check-in, if one is due."""
    contact = get_contact(ws.store, ws.owner, contact_id)
    linked = _linked(ws, set(contact.application_ids))
    choices = [a for a in link_choices(ws) if a.id not in linked]
    apps = sorted(linked.values(), key=lambda a: -a.id)
    return ContactCard(contact, apps, choices, due_check_in(contact, ws.clock.today()))


def link_choices(ws: Workspace) -> list[ApplicationSummary]:
    """Recent applications a contact can be linked to, newest step first."""
    return summarise_applications(ws.store, ws.owner, _RECENT)


def _linked(ws: Workspace, ids: set[int]) -> dict[int, ApplicationSummary]:
    return {a.id: a for a in summarise_applications(ws.store, ws.owner, ids=sorted(ids))}
