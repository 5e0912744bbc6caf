"""An application's history (every step, undone ones marked, and every change with its
corrections) and correcting the date of a past step.

    application_history(store, owner, application_id) -> History
    correct_event_date(store, owner, application_id, event_id, on, clock) -> History

A corrected date is a change like any other: kept in the change log, undoable.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from onward.clock import Clock
from onward.db.store import Store, Tx
from onward.domain.changes import Change, ChangeKind, check_corrected_date
from onward.domain.pipeline import Stage
from onward.domain.records import Application, Owner, StageEvent
from onward.errors import Action, Hint, NotFound
from onward.services.changes import recording

__all__ = ["History", "application_history", "correct_event_date"]


@dataclass(frozen=True)
class History:
    """One application's timeline as it happened, and the changes made to it."""

    application: Application
    #: Every step in order, those taken back by an undo too (``undone_at`` set).
    events: tuple[StageEvent, ...]
    #: Every change on record, oldest first (corrections included).
    changes: tuple[Change, ...]
    #: The change an undo would take back now (None: nothing to undo).
    latest: Change | None

    @property
    def undo_redoes(self) -> bool:
        """Whether undoing ``latest`` does a change again (it is the correction that undid
        it, or the third, fifth ... correction in a row)."""
        by_id = {c.id: c for c in self.changes}
        depth, change = 0, self.latest
        while change is not None and change.undoes is not None:
            depth, change = depth + 1, by_id.get(change.undoes)
        return depth % 2 == 1

    @property
    def live_events(self) -> tuple[StageEvent, ...]:
        return tuple(e for e in self.events if e.undone_at is None)


def application_history(store: Store, owner: Owner, application_id: int) -> History:
    with store.transaction() as tx:
        return _history(tx, owner, application_id)


def _history(tx: Tx, owner: Owner, application_id: int) -> History:
    app = tx.applications.get(owner.id, application_id, with_events=False)
    if app is None:
        raise NotFound(f"no application #{application_id}", hint=Hint(Action.LIST_APPLICATIONS))
    events = tuple(tx.applications.events_for([app.id], undone=True).get(app.id, []))
    app = replace(app, events=tuple(e for e in events if e.undone_at is None))
    # A change older than the application is about an earlier one with the same number.
    changes = tuple(
        c for c in tx.changes.for_application(owner.id, app.id) if c.created_at >= app.created_at
    )
    latest = next((c for c in reversed(changes) if c.undone_by is None), None)
    return History(app, events, changes, latest)


def correct_event_date(
    store: Store,
    owner: Owner,
    application_id: int,
    event_id: int,
    on: date,
    clock: Clock,
) -> History:
    """Correct the day a step happened ("I was rejected on the 3rd, not today"): not in the
    future, and still after the step before it and before the one after it. The rejection's
    received date follows a corrected rejection step."""
    with (
        store.transaction() as tx,
        recording(
            store, owner, ChangeKind.CORRECT_DATE, clock, applications=[application_id]
        ) as change,
    ):
        history = _history(tx, owner, application_id)
        steps = list(history.live_events)
        index = next((i for i, e in enumerate(steps) if e.id == event_id), None)
        if index is None:
            raise NotFound(
                f"application #{application_id} has no step #{event_id}",
                field="event_id",
                hint=Hint(Action.SHOW_APPLICATION, {"application_id": application_id}),
            )
        step = steps[index]
        earlier = steps[index - 1] if index > 0 else None
        later = steps[index + 1] if index + 1 < len(steps) else None
        check_corrected_date(
            on,
            clock.today(),
            earlier.occurred_on if earlier else None,
            later.occurred_on if later else None,
            before_label=earlier.stage.value if earlier else "",
            after_label=later.stage.value if later else "",
        )
        tx.applications.set_event_day(application_id, event_id, on, clock.now())
        if step.stage is Stage.REJECTED:
            rejection = tx.rejections.for_application(owner.id, application_id)
            if rejection is not None and rejection.received_on == step.occurred_on:
                tx.rejections.set_received_on(owner.id, application_id, on)
        change.summary = (
            f"corrected the date of {step.stage.value}: "
            f"{step.occurred_on.isoformat()} → {on.isoformat()}"
        )
    return application_history(store, owner, application_id)
