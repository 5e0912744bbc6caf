"""Staying connected: check-ins with people worth keeping in touch with, and when to apply to a
company again."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from onward.clock import Clock
from onward.db.checkins import CompanyNote
from onward.db.store import Store
from onward.domain.playbook.tasks import CHECK_IN_AFTER_MONTHS, add_months
from onward.domain.records import Contact, Owner
from onward.errors import Action, Hint, InvalidInput, NotFound
from onward.formats import formats

#: Check-ins show up this many days before they are due.
DUE_WITHIN_DAYS = 7
MAX_NOTES = 2000


@dataclass(frozen=True)
class CheckIn:
    contact: Contact
    due_on: date
    days_left: int

    @property
    def overdue(self) -> bool:
        return self.days_left < 0


@dataclass(frozen=True)
class ReapplyDate:
    company: str
    after: date
    notes: str | None
    open_now: bool


def checkins_due(
    store: Store, owner: Owner, clock: Clock, *, within_days: int = DUE_WITHIN_DAYS
) -> list[CheckIn]:
    """Contacts due a check-in by ``within_days`` from today (overdue ones first)."""
    return first_checkins_due(store, owner, clock, within_days=within_days)[0]


def first_checkins_due(
    store: Store,
    owner: Owner,
    clock: Clock,
    *,
    within_days: int = DUE_WITHIN_DAYS,
    limit: int | None = None,
) -> tuple[list[CheckIn], int]:
    """The first ``limit`` check-ins of :func:`checkins_due`, and how many are due in all."""
    if within_days < 0:
        raise InvalidInput(f"within_days cannot be negative, not {within_days}")
    today = clock.today()
    with store.transaction() as tx:
        due, total = tx.checkins.checkins_due(owner.id, today + timedelta(days=within_days), limit)
    return [c for c in (due_check_in(contact, today, within_days) for contact in due) if c], total


def due_check_in(
    contact: Contact, today: date, within_days: int = DUE_WITHIN_DAYS
) -> CheckIn | None:
    """The check-in with ``contact``, when one is due by ``within_days`` from ``today``."""
    day = contact.fields.next_checkin_on
    if day is None or (day - today).days > within_days:
        return None
    return CheckIn(contact, day, (day - today).days)


def record_checkin(
    store: Store,
    owner: Owner,
    contact_id: int,
    clock: Clock,
    *,
    on: date | None = None,
    next_on: date | None = None,
    months: int = CHECK_IN_AFTER_MONTHS,
) -> Contact:
    """You were in touch: remember the day and plan the next check-in (``months`` later).
    Someone else's contact is not found before anything about the dates is said."""
    today = clock.today()
    day = on or today
    with store.transaction() as tx:
        contact = tx.contacts.get(owner.id, contact_id)
        if contact is None:
            raise NotFound(f"no contact #{contact_id}", hint=Hint(Action.LIST_CONTACTS))
        if day > today:
            raise InvalidInput(
                f"{formats().day(day)} is in the future",
                field="on",
                hint="record it once it happened",
            )
        if months < 1:
            raise InvalidInput(f"months must be 1 or more, not {months}")
        upcoming = next_on or add_months(day, months)
        if upcoming <= day:
            raise InvalidInput(
                f"the next check-in ({formats().day(upcoming)}) must come after "
                f"{formats().day(day)}",
                field="next_on",
            )
        fields = replace(contact.fields, last_contact_on=day, next_checkin_on=upcoming)
        tx.contacts.update(owner.id, contact_id, fields, clock.now())
        updated = tx.contacts.get(owner.id, contact_id)
    assert updated is not None
    return updated


def set_reapply_after(
    store: Store,
    owner: Owner,
    company: str,
    after: date,
    clock: Clock,
    *,
    notes: str | None = None,
) -> ReapplyDate:
    """Remember when it is worth applying to ``company`` again (names match in any case)."""
    name = " ".join(company.split())
    if not name:
        raise InvalidInput("the company name cannot be empty")
    if len(name) > 300:
        raise InvalidInput("the company name is longer than 300 characters")
    cleaned = (notes or "").strip() or None
    if cleaned is not None and len(cleaned) > MAX_NOTES:
        raise InvalidInput(f"notes are at most {MAX_NOTES} characters")
    with store.transaction() as tx:
        existing = tx.checkins.company(owner.id, name)
        if existing is not None:
            name = existing.name
            if notes is None:
                cleaned = existing.notes
        tx.checkins.save_company(owner.id, CompanyNote(name, after, cleaned), clock.now())
    return ReapplyDate(name, after, cleaned, after <= clock.today())


def list_reapply(store: Store, owner: Owner, clock: Clock) -> list[ReapplyDate]:
    """Companies with a date to apply again, soonest first."""
    today = clock.today()
    with store.transaction() as tx:
        notes = tx.checkins.reapply_dates(owner.id)
    return [
        ReapplyDate(n.name, n.reapply_after, n.notes, n.reapply_after <= today)
        for n in notes
        if n.reapply_after is not None
    ]
