"""A first run: is there anything yet, and demo data to look around with (and to take away)."""

from __future__ import annotations

from onward.clock import Clock
from onward.db.store import Store
from onward.domain.records import ApplicationQuery, Owner
from onward.errors import Action, Conflict, Hint
from onward.services.demo import DEMO, seed_demo

_ANY = ApplicationQuery(archived=None)
_DEMO_PEOPLE = ("priya@example.org", "tom@example.net", "sam@example.com")


def is_empty(store: Store, owner: Owner) -> bool:
    """True before the first application is added."""
    with store.transaction() as tx:
        return tx.applications.count(owner.id, _ANY) == 0


def has_demo(store: Store, owner: Owner) -> bool:
    """True while the demo job search is in the database (its first company, untouched)."""
    first = DEMO[0][0]
    with store.transaction() as tx:
        apps = tx.applications.query(
            owner.id, ApplicationQuery(company=first, archived=None, limit=5), with_events=True
        )
    return any(a.events and all(e.source == "demo" for e in a.events) for a in apps)


def load_demo(store: Store, owner: Owner, clock: Clock) -> int:
    """Fill an empty database with the demo job search; refused once there is real data."""
    if not is_empty(store, owner):
        raise Conflict(
            "demo data goes only into an empty database, and yours already has applications",
            hint=Hint(Action.OPEN_TOUR),
        )
    return seed_demo(store, owner, clock)


def clear_demo(store: Store, owner: Owner) -> int:
    """Remove the demo applications and contacts (those whose whole history came from the
    demo); anything you added yourself stays. Returns how many applications went."""
    companies = {company for company, *_rest in DEMO}
    removed = 0
    with store.transaction() as tx:
        apps = tx.applications.query(owner.id, ApplicationQuery(archived=None), with_events=True)
        for app in apps:
            if app.company in companies and all(e.source == "demo" for e in app.events):
                tx.applications.delete(owner.id, app.id)
                removed += 1
        for contact in tx.contacts.query(owner.id):
            if contact.fields.email in _DEMO_PEOPLE and not contact.application_ids:
                tx.contacts.delete(owner.id, contact.id)
    return removed
