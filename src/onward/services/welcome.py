"""A first run: is there anything yet, and demo data to look around with (and to take away)."""

from __future__ import annotations

from dataclasses import dataclass

from onward.clock import Clock
from onward.db.store import Store, Tx
from onward.domain.records import ApplicationQuery, Owner, StageEvent
from onward.errors import Action, Conflict, Hint
from onward.services.demo import DEMO, seed_demo

_ANY = ApplicationQuery(archived=None)
_DEMO_PEOPLE = ("priya@example.org", "tom@example.net", "sam@example.com")


def is_empty(store: Store, owner: Owner) -> bool:
    """True before the first application is added."""
    with store.transaction() as tx:
        return tx.applications.count(owner.id, _ANY) == 0


def has_demo(store: Store, owner: Owner) -> bool:
    """True while the demo job search is in the database: its first company, as the demo
    created it (one small query, for every Today page)."""
    first = DEMO[0][0]
    with store.transaction() as tx:
        apps = tx.applications.query(
            owner.id, ApplicationQuery(company=first, archived=None, limit=5), with_events=True
        )
    return any(a.events and min(a.events, key=_order).source == "demo" for a in apps)


@dataclass(frozen=True)
class DemoContents:
    """What the demo brought, counted: what removing it takes away."""

    applications: int = 0
    contacts: int = 0
    tasks: int = 0
    wins: int = 0
    drafts: int = 0


def _demo_ids(tx: Tx, owner: Owner) -> list[int]:
    """The applications the demo created (their first step came from the demo), even those
    you moved on since; the ones you added yourself are never among them."""
    found = []
    for company in dict.fromkeys(company for company, *_rest in DEMO):  # a few small queries
        query = ApplicationQuery(company=company, archived=None)
        for a in tx.applications.query(owner.id, query, with_events=True):
            if a.company == company and a.events and min(a.events, key=_order).source == "demo":
                found.append(a.id)
    return found


def _order(event: StageEvent) -> tuple[object, int]:
    return (event.occurred_on, event.id or 0)


def _demo_people(tx: Tx, owner: Owner, demo: set[int]) -> list[int]:
    """The demo's contacts, unless you linked one to an application of your own."""
    return [
        c.id
        for c in tx.contacts.query(owner.id)
        if c.fields.email in _DEMO_PEOPLE and set(c.application_ids) <= demo
    ]


def demo_contents(store: Store, owner: Owner) -> DemoContents:
    """What :func:`clear_demo` would remove now."""
    with store.transaction() as tx:
        demo = set(_demo_ids(tx, owner))
        if not demo:
            return DemoContents()
        tasks = sum(1 for s in tx.tasks.query(owner.id) if s.task.application_id in demo)
        wins = sum(1 for *_rest, app_id in tx.wins.manual(owner.id) if app_id in demo)
        drafts = sum(1 for d in tx.drafts.query(owner.id) if d.application_id in demo)
        people = len(_demo_people(tx, owner, demo))
    return DemoContents(len(demo), people, tasks, wins, drafts)


def load_demo(store: Store, owner: Owner, clock: Clock) -> int:
    """Fill an empty database with the demo job search; refused once there is real data."""
    if not is_empty(store, owner):
        raise Conflict(
            "demo data goes only into an empty database, and yours already has applications",
            hint=Hint(Action.OPEN_TOUR),
        )
    return seed_demo(store, owner, clock)


def clear_demo(store: Store, owner: Owner) -> DemoContents:
    """Remove everything the demo created, in one transaction: its applications (also those
    you tried things on), with their tasks, rejections, drafts, feedback and the wins linked
    to them; its contacts and tags. Anything you added yourself stays. Returns what went."""
    removed = demo_contents(store, owner)
    with store.transaction() as tx:
        demo = set(_demo_ids(tx, owner))
        people = _demo_people(tx, owner, demo)
        for app_id in sorted(demo):  # tasks, rejections, drafts, wins... go with it (cascade)
            tx.applications.delete(owner.id, app_id)
        for contact_id in people:
            tx.contacts.delete(owner.id, contact_id)
        tx.applications.delete_unused_tags(owner.id, {t for *_r, tags, _s in DEMO for t in tags})
    return removed
