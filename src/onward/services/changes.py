"""Recording changes, so they can be undone (see :mod:`onward.domain.changes`).

A service that changes an application wraps its work in :func:`recording`::

    with recording(store, owner, ChangeKind.MOVE, clock, applications=[app_id]) as change:
        ...  # the move, through the repositories as before
        change.summary = "moved to screen"

It takes an image of the application's rows first and, when the block succeeds, keeps the
difference as one change in the same transaction. A service called inside another's recording
(the move inside a rejection, the rejection inside an accepted proposal) joins it: the whole
action is one change, undone as one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from onward.clock import Clock
from onward.db.changes import Snapshot, diff
from onward.db.store import Store, Tx
from onward.domain.changes import Change, ChangeKind
from onward.domain.records import Owner

_SLOT = "recording"


class Recording:
    """The change an action is making, while it runs."""

    def __init__(self, tx: Tx, owner: Owner, kind: ChangeKind) -> None:
        self._tx = tx
        self.owner = owner
        self.kind = kind
        self.summary = ""
        self.proposal_id: int | None = None
        self.undoes: int | None = None
        self.application_id: int | None = None
        self._apps: list[int] = []
        self._rows: list[tuple[str, dict[str, Any]]] = []
        self._before: Snapshot = {}
        #: A delete takes everything of the application with it: image it all.
        self._whole = kind is ChangeKind.DELETE
        self.change: Change | None = None

    def track(self, app_ids: Iterable[int]) -> None:
        """Watch these applications' rows from now on (an image of them is taken now)."""
        new = [i for i in dict.fromkeys(app_ids) if i not in self._apps]
        if new:
            self._before |= {
                slot: image
                for slot, image in self._tx.changes.snapshot(new, whole=self._whole).items()
                if slot not in self._before
            }
            self._apps.extend(new)
        if self.application_id is None and self._apps:
            self.application_id = self._apps[0]

    def track_rows(self, rows: Iterable[tuple[str, dict[str, Any]]]) -> None:
        """Watch these rows too (``(table, key)``), for what is not an application's own."""
        new = [r for r in rows if r not in self._rows]
        if new:
            self._before |= {
                slot: image
                for slot, image in self._tx.changes.snapshot((), new).items()
                if slot not in self._before
            }
            self._rows.extend(new)

    def added_row(self, table: str, row_id: int) -> None:
        """A row this change created that belongs to no application (a contact)."""
        key = (table, {"id": row_id})
        if key not in self._rows:
            self._rows.append(key)

    def added_application(self, app_id: int) -> None:
        """An application this change created: all its rows are new."""
        if app_id not in self._apps:
            self._apps.append(app_id)
        if self.application_id is None:
            self.application_id = app_id

    def finish(self, clock: Clock) -> Change | None:
        after = self._tx.changes.snapshot(self._apps, self._rows, whole=self._whole)
        entries = diff(self._before, after)
        if not entries:
            return None
        self.change = self._tx.changes.insert(
            self.owner.id,
            application_id=self.application_id,
            kind=self.kind,
            summary=self.summary or self.kind.value.replace("_", " "),
            rows=entries,
            now=clock.now(),
            proposal_id=self.proposal_id,
            undoes=self.undoes,
        )
        return self.change


@contextmanager
def recording(
    store: Store,
    owner: Owner,
    kind: ChangeKind,
    clock: Clock,
    *,
    applications: Iterable[int] = (),
) -> Iterator[Recording]:
    """One transaction whose changes to ``applications`` are kept as one change (or, inside
    another recording, added to that one)."""
    with store.transaction() as tx:
        joined: Recording | None = tx.shared.get(_SLOT)
        if joined is not None:
            joined.track(applications)
            yield joined
            return
        rec = Recording(tx, owner, kind)
        rec.track(applications)
        tx.shared[_SLOT] = rec
        try:
            yield rec
        finally:
            tx.shared.pop(_SLOT, None)
        rec.finish(clock)


def note_new_row(store: Store, table: str, row_id: int) -> None:
    """Tell the change being recorded, if any, that it created this row of ``table`` (one
    that belongs to no application, such as a contact)."""
    with store.transaction() as tx:
        rec: Recording | None = tx.shared.get(_SLOT)
        if rec is not None:
            rec.added_row(table, row_id)


def note_new_application(store: Store, app_id: int) -> None:
    """Tell the change being recorded, if any, that it added this application."""
    with store.transaction() as tx:
        rec: Recording | None = tx.shared.get(_SLOT)
        if rec is not None:
            rec.added_application(app_id)
