"""The contact book as pages show it: contacts with the applications they are linked to and
the check-ins due, each read in one transaction with a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from onward.clock import Clock
from onward.db.store import Store, Tx
from onward.domain.pipeline import Stage
from onward.domain.records import ApplicationQuery, Contact, Owner
from onward.errors import NotFound
from onward.services.connections import DUE_WITHIN_DAYS, CheckIn

#: How many recent applications a "link to" choice offers.
LINK_CHOICES = 300
_RECENT = ApplicationQuery(limit=LINK_CHOICES, sort="recent")


@dataclass(frozen=True)
class LinkedApplication:
    id: int
    company: str
    role: str
    stage: Stage

    @property
    def label(self) -> str:
        return f"{self.company} · {self.role} (#{self.id})"


@dataclass(frozen=True)
class ContactBook:
    contacts: list[Contact]
    #: The applications the listed contacts are linked to, by id.
    applications: dict[int, LinkedApplication]
    check_ins: list[CheckIn]
    #: How many contacts there are in all (``contacts`` may hold only the first few).
    total: int


@dataclass(frozen=True)
class ContactCard:
    contact: Contact
    applications: list[LinkedApplication]
    #: Recent applications not linked yet, to offer as links.
    choices: list[LinkedApplication]
    check_in: CheckIn | None


def contact_book(
    store: Store,
    owner: Owner,
    clock: Clock,
    *,
    company: str | None = None,
    limit: int | None = None,
) -> ContactBook:
    """Every contact (or those at ``company``; the first ``limit`` by name), their linked
    applications and the check-ins due within a week, overdue ones first."""
    today = clock.today()
    with store.transaction() as tx:
        contacts = tx.contacts.query(owner.id, company=company or None, limit=limit)
        total = len(contacts)
        if limit is not None and total == limit:
            total = tx.contacts.count(owner.id, company=company or None)
        linked = _linked(tx, owner, {i for c in contacts for i in c.application_ids})
        due = tx.connections.checkins_due(owner.id, today + timedelta(days=DUE_WITHIN_DAYS))
    check_ins = []
    for contact in due:
        day = contact.fields.next_checkin_on
        assert day is not None
        check_ins.append(CheckIn(contact, day, (day - today).days))
    return ContactBook(contacts, linked, check_ins, total)


def contact_card(store: Store, owner: Owner, contact_id: int, clock: Clock) -> ContactCard:
    """One contact with their applications, link choices and the check-in, if one is due."""
    today = clock.today()
    with store.transaction() as tx:
        contact = tx.contacts.get(owner.id, contact_id)
        if contact is None:
            raise NotFound(f"no contact #{contact_id}", hint="the contacts page lists everyone")
        linked = _linked(tx, owner, set(contact.application_ids))
        recent = tx.applications.summaries(owner.id, _RECENT)
    choices = [LinkedApplication(*a) for a in recent if a[0] not in linked]
    day = contact.fields.next_checkin_on
    check_in = None
    if day is not None and (day - today).days <= DUE_WITHIN_DAYS:
        check_in = CheckIn(contact, day, (day - today).days)
    apps = sorted(linked.values(), key=lambda a: -a.id)
    return ContactCard(contact, apps, choices, check_in)


def link_choices(store: Store, owner: Owner) -> list[LinkedApplication]:
    """Recent applications a new contact can be linked to, newest step first."""
    with store.transaction() as tx:
        recent = tx.applications.summaries(owner.id, _RECENT)
    return [LinkedApplication(*a) for a in recent]


def _linked(tx: Tx, owner: Owner, ids: set[int]) -> dict[int, LinkedApplication]:
    if not ids:
        return {}
    return {a[0]: LinkedApplication(*a) for a in tx.applications.summaries(owner.id, ids=list(ids))}
