"""If-then plans: make one, see what is on, say whether it was kept, pick a new when.

While a dwell window is open nothing here asks anything of the person: plans whose time has
passed wait, unasked, until the window closes (docs/playbook.md).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from onward.clock import Clock
from onward.db.store import Store, Tx
from onward.domain.playbook.if_then import (
    RECOVERY,
    IfThenFields,
    IfThenPlan,
    PlansKept,
    PlanState,
    check_start,
    plans_kept,
)
from onward.domain.records import Owner
from onward.errors import Conflict, NotFound

#: How far ahead the list of plans looks, and how far back it shows closed ones.
AHEAD = timedelta(days=14)
BEHIND = timedelta(days=7)


@dataclass(frozen=True)
class IfThenOverview:
    """Plans as a person looks at them: on now, waiting for a word, coming up, recently done."""

    now: tuple[IfThenPlan, ...]
    waiting: tuple[IfThenPlan, ...]
    coming: tuple[IfThenPlan, ...]
    closed: tuple[IfThenPlan, ...]
    kept: PlansKept
    #: How many plans waiting for a word are held back while a dwell window is open.
    held_back: int = 0
    recovery: str = RECOVERY

    def today(self, now: datetime) -> tuple[IfThenPlan, ...]:
        """What Today shows: plans on now, waiting for a word, and still to come today."""
        later = tuple(p for p in self.coming if p.fields.starts_at.date() == now.date())
        return (*self.now, *self.waiting, *later)

    @property
    def empty(self) -> bool:
        return not (self.now or self.waiting or self.coming or self.closed)


def make_if_then_plan(store: Store, owner: Owner, fields: IfThenFields, clock: Clock) -> IfThenPlan:
    """Make a plan: "When [day, time, place], I will [action] for [job or person]"."""
    now = clock.now()
    check_start(fields.starts_at, now)
    fields = replace(
        fields,
        action=fields.action.strip(),
        place=(fields.place or "").strip() or None,
        for_text=(fields.for_text or "").strip() or None,
    )
    with store.transaction() as tx:
        if fields.application_id is not None:
            _check_application(tx, owner, fields.application_id)
        plan_id = tx.if_then.insert(owner.id, fields, now)
        return _get(tx, owner, plan_id)


def if_then_overview(store: Store, owner: Owner, clock: Clock) -> IfThenOverview:
    now = clock.now()
    with store.transaction() as tx:
        open_plans = tx.if_then.open(owner.id)
        recent = tx.if_then.between(owner.id, now - BEHIND, now + AHEAD)
        dwelling = bool(tx.dwell.active(owner.id, now))
    waiting = tuple(p for p in open_plans if p.is_waiting(now))
    return IfThenOverview(
        now=tuple(p for p in open_plans if p.is_now(now)),
        waiting=() if dwelling else waiting,
        coming=tuple(p for p in open_plans if p.fields.starts_at > now),
        closed=tuple(p for p in recent if p.state is not PlanState.PLANNED),
        kept=plans_kept(recent, now, clock.today()),
        held_back=len(waiting) if dwelling else 0,
    )


def keep_if_then_plan(
    store: Store, owner: Owner, plan_id: int, clock: Clock, *, kept: bool = True
) -> IfThenPlan:
    """Say how a plan went: kept, or not this time (then pick a new when, kindly)."""
    now = clock.now()
    with store.transaction() as tx:
        plan = _get(tx, owner, plan_id)
        if plan.fields.starts_at > now:
            raise Conflict(
                "this plan's time has not come yet", field="plan", hint="move it instead"
            )
        state = PlanState.KEPT if kept else PlanState.NOT_KEPT
        tx.if_then.close(owner.id, plan_id, state, now)
        return _get(tx, owner, plan_id)


def move_if_then_plan(
    store: Store, owner: Owner, plan_id: int, starts_at: datetime, clock: Clock
) -> IfThenPlan:
    """Pick a new when for a plan (to come, waiting, or not kept); it is planned again."""
    now = clock.now()
    check_start(starts_at, now)
    with store.transaction() as tx:
        plan = _get(tx, owner, plan_id)
        if plan.state is PlanState.KEPT:
            raise Conflict("this plan was kept; make a new one instead", field="plan")
        tx.if_then.reschedule(owner.id, plan_id, starts_at, plan.moves + 1)
        return _get(tx, owner, plan_id)


def _get(tx: Tx, owner: Owner, plan_id: int) -> IfThenPlan:
    plan = tx.if_then.get(owner.id, plan_id)
    if plan is None:
        raise NotFound(f"no if-then plan #{plan_id}", field="plan")
    return plan


def _check_application(tx: Tx, owner: Owner, app_id: int) -> None:
    if not tx.applications.by_ids(owner.id, [app_id]):
        raise NotFound(f"no application #{app_id}", field="application_id")
