"""Prepare for the setback: write, before an interview, the next steps for if it is a no.

The steps come back as the first tasks of that rejection once its dwell window closes
(``services.rejections`` asks :func:`prepared_steps_for` when it plans them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from onward.clock import Clock
from onward.db.store import Store, Tx
from onward.domain.pipeline import Stage
from onward.domain.playbook.dwell import DwellWindow
from onward.domain.playbook.setback import (
    PREPARE_BEFORE,
    Preparation,
    prepared_tasks,
)
from onward.domain.playbook.setback import (
    preparation as read_preparation,
)
from onward.domain.records import Owner
from onward.errors import Conflict, NotFound

#: How many applications Today offers to prepare for at once.
OFFERED = 3


@dataclass(frozen=True)
class ToPrepare:
    """An application at an interview stage with no preparation yet."""

    application_id: int
    company: str
    role: str


def prepare_for_setback(
    store: Store, owner: Owner, app_id: int, steps: list[str], proud: str | None, clock: Clock
) -> Preparation:
    """Save (or rewrite) the steps for if this application ends in a no."""
    prep = read_preparation(app_id, steps, proud)
    with store.transaction() as tx:
        apps = tx.applications.by_ids(owner.id, [app_id])
        if not apps:
            raise NotFound(f"no application #{app_id}", field="application_id")
        if apps[0].stage.is_ending or apps[0].stage is Stage.OFFER:
            raise Conflict(
                f"{apps[0].company} has already given its answer ({apps[0].stage.value})",
                field="application_id",
            )
        tx.preparations.save(owner.id, prep, clock.now())
        found = tx.preparations.get(owner.id, app_id)
        assert found is not None
        return found


def get_preparation(store: Store, owner: Owner, app_id: int) -> Preparation | None:
    with store.transaction() as tx:
        if not tx.applications.by_ids(owner.id, [app_id]):
            raise NotFound(f"no application #{app_id}", field="application_id")
        return tx.preparations.get(owner.id, app_id)


def to_prepare(store: Store, owner: Owner, *, limit: int = OFFERED) -> tuple[ToPrepare, ...]:
    """Applications at the interview or final stage with nothing prepared yet, newest first."""
    stages = tuple(s.value for s in PREPARE_BEFORE)
    with store.transaction() as tx:
        rows = tx.preparations.missing_for(owner.id, stages, limit)
    return tuple(ToPrepare(row.id, row.company, row.role) for row in rows)


def prepared_steps_for(tx: Tx, owner: Owner, window: DwellWindow, now: datetime) -> int:
    """Inside a rejection's transaction: turn the application's unused preparation into the
    first tasks after ``window``; how many were added."""
    prep = tx.preparations.get(owner.id, window.application_id)
    if prep is None or prep.used_at is not None:
        return 0
    for task in prepared_tasks(prep, window):
        tx.tasks.insert(owner.id, task, now)
    tx.preparations.mark_used(owner.id, window.application_id, now)
    return len(prep.steps)
