"""The learning plan: a few concrete things to work on, suggested from reflections and
feedback or added by hand, moved through todo → doing → done (or dropped)."""

from __future__ import annotations

from dataclasses import dataclass

from onward.clock import Clock
from onward.db.store import Store, Tx
from onward.domain.playbook.feedback import gaps_to_learn
from onward.domain.playbook.learning_plan import (
    ItemKind,
    ItemStatus,
    PlanItem,
    move_item,
    suggest_items,
    validate_item,
)
from onward.domain.playbook.stored import StoredItem, StoredReflection
from onward.domain.records import ApplicationQuery, Owner, parse_choice
from onward.errors import Action, Hint, NotFound

OPEN = (ItemStatus.TODO, ItemStatus.DOING)


@dataclass(frozen=True)
class Suggestions:
    """Items suggested for one application (None: nothing to go on yet); ``accepted`` holds
    the ones added to the plan; ``already_planned`` counts suggestions the plan already has."""

    application_id: int | None
    items: tuple[PlanItem, ...]
    accepted: tuple[StoredItem, ...] = ()
    already_planned: int = 0


@dataclass(frozen=True)
class PlanView:
    """The whole plan for its page: every item (oldest first), the names of the applications
    they come from, and recent applications to offer when adding one."""

    items: tuple[StoredItem, ...]
    #: ``id → "Company: Role"`` of the applications items are linked to.
    linked: dict[int, str]
    #: ``(id, "Company: Role")`` of the most recently active applications, newest first.
    choices: tuple[tuple[int, str], ...]


#: How many recent applications the plan page offers to link an item to.
CHOICES = 100


def plan_view(store: Store, owner: Owner, *, choices: int = CHOICES) -> PlanView:
    """Every plan item with what its page shows around it, in three queries."""
    with store.transaction() as tx:
        items = tx.plan_items.query(owner.id)
        ids = [s.application_id for s in items if s.application_id is not None]
        names = tx.applications.summaries(owner.id, ids=ids) if ids else []
        recent = tx.applications.summaries(owner.id, ApplicationQuery(limit=choices))
    return PlanView(
        tuple(items),
        {i: f"{company}: {role}" for i, company, role, _ in names},
        tuple((i, f"{company}: {role}") for i, company, role, _ in recent),
    )


def add_plan_item(
    store: Store,
    owner: Owner,
    kind: ItemKind | str,
    focus: str,
    clock: Clock,
    *,
    effort_hours: float | None = None,
    application_id: int | None = None,
    because: str | None = None,
) -> StoredItem:
    """Add one item to the plan (status todo)."""
    item = validate_item(
        PlanItem(
            kind=parse_choice(ItemKind, str(kind), "plan item kind"),
            focus=focus,
            effort_hours=effort_hours,
            because=because,
        )
    )
    with store.transaction() as tx:
        if application_id is not None:
            _require_application(tx, owner, application_id)
        item_id = tx.plan_items.insert(owner.id, item, clock.now(), application_id=application_id)
        return _get(tx, owner, item_id)


def list_plan_items(
    store: Store,
    owner: Owner,
    *,
    statuses: tuple[ItemStatus, ...] = OPEN,
    application_id: int | None = None,
) -> list[StoredItem]:
    """Plan items, oldest first; by default only those still to do or in progress."""
    with store.transaction() as tx:
        return tx.plan_items.query(owner.id, statuses=statuses, application_id=application_id)


def move_plan_item(
    store: Store, owner: Owner, item_id: int, to: ItemStatus | str, clock: Clock
) -> StoredItem:
    """Start, finish, drop or pick up again an item; impossible moves are refused."""
    status = parse_choice(ItemStatus, str(to), "plan item status")
    with store.transaction() as tx:
        stored = _get(tx, owner, item_id)
        moved = move_item(stored.item, status)
        tx.plan_items.set_status(owner.id, item_id, moved.status, clock.now())
        return _get(tx, owner, item_id)


def suggest_plan_items(
    store: Store,
    owner: Owner,
    app_id: int | None,
    clock: Clock,
    *,
    accept: bool = False,
) -> Suggestions:
    """Suggestions from the latest reflection's low ratings and the feedback themes of one
    application (default: the one reflected on or given feedback about most recently).
    ``accept`` adds them to the plan, skipping any the plan already holds (todo or doing)."""
    with store.transaction() as tx:
        if app_id is None:
            app_id = _latest_application(tx, owner)
            if app_id is None:
                return Suggestions(None, ())
        else:
            _require_application(tx, owner, app_id)
        reflections = tx.reflections.query(owner.id, application_id=app_id)
        latest: StoredReflection | None = reflections[-1] if reflections else None
        given = tx.feedback.query(owner.id, application_id=app_id)
        themes = [t for f in given for t in f.feedback.themes]
        gaps = [gap for f in given for gap in gaps_to_learn(f.feedback.text)]
        items = suggest_items(latest.reflection if latest else None, themes, gaps)
        planned = {
            (s.item.kind, s.item.focus) for s in tx.plan_items.query(owner.id, statuses=OPEN)
        }
        fresh = tuple(i for i in items if (i.kind, i.focus) not in planned)
        if not accept:
            return Suggestions(app_id, items, (), len(items) - len(fresh))
        now = clock.now()
        ids = [tx.plan_items.insert(owner.id, i, now, application_id=app_id) for i in fresh]
        accepted = tuple(_get(tx, owner, i) for i in ids)
        return Suggestions(app_id, items, accepted, len(items) - len(fresh))


def _latest_application(tx: Tx, owner: Owner) -> int | None:
    reflections = tx.reflections.query(owner.id)
    feedback = tx.feedback.query(owner.id)
    dated = [(r.created_at, r.reflection.application_id) for r in reflections]
    dated += [(f.created_at, f.feedback.application_id) for f in feedback]
    return max(dated)[1] if dated else None


def _require_application(tx: Tx, owner: Owner, app_id: int) -> None:
    if tx.applications.get(owner.id, app_id, with_events=False) is None:
        raise NotFound(f"no application #{app_id}", hint=Hint(Action.LIST_APPLICATIONS))


def _get(tx: Tx, owner: Owner, item_id: int) -> StoredItem:
    stored = tx.plan_items.get(owner.id, item_id)
    if stored is None:
        raise NotFound(f"no plan item #{item_id}", hint=Hint(Action.LIST_PLAN))
    return stored
