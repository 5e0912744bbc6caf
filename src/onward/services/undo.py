"""Undo: take back the last change to an application (or a named change, or the acceptance of
a mail proposal), as a recorded correction that can itself be undone.

    undo_last_change(store, owner, application_id, clock) -> UndoOutcome
    undo_change(store, owner, change_id, clock) -> UndoOutcome
    undo_accept(store, owner, proposal_id, clock) -> UndoOutcome
    last_change(store, owner, application_id) -> Change | None

Undoing puts back the rows the change touched: the application's stage, fields or archive
mark as they were, the rows it created withdrawn (the rejection, its dwell window and tasks,
tasks and contacts' links; a draft the person has since edited or sent stays), and the rows it
removed restored (a deleted application comes back whole). A step it put on the timeline
stays there, marked undone, so wins, effort and insights no longer count it. Undoing a
correction does the change again.
"""

from __future__ import annotations

from onward.clock import Clock
from onward.db.store import Store, Tx
from onward.domain.changes import Change, ChangeKind, UndoOutcome, describe_undo
from onward.domain.records import Owner
from onward.errors import Action, Conflict, Hint, NotFound
from onward.services.changes import recording

__all__ = ["last_change", "undo_accept", "undo_change", "undo_last_change"]


def last_change(store: Store, owner: Owner, application_id: int) -> Change | None:
    """The change an undo of this application would take back (None: nothing to undo)."""
    with store.transaction() as tx:
        return _latest(tx, owner, application_id)


def _latest(tx: Tx, owner: Owner, application_id: int) -> Change | None:
    app = tx.applications.get(owner.id, application_id, with_events=False)
    # A change older than the application is about an earlier one with the same number.
    since = app.created_at if app is not None else None
    return tx.changes.latest(owner.id, application_id, since=since)


def undo_last_change(store: Store, owner: Owner, application_id: int, clock: Clock) -> UndoOutcome:
    """Undo the newest change to an application that is still in effect (undoing twice
    does it again)."""
    with store.transaction() as tx:
        latest = _latest(tx, owner, application_id)
        if latest is None:
            app = tx.applications.get(owner.id, application_id, with_events=False)
            if app is None:
                raise NotFound(
                    f"no application #{application_id}", hint=Hint(Action.LIST_APPLICATIONS)
                )
            raise Conflict(
                f"nothing to undo for #{app.id} {app.company}: no change to it is on record",
                hint=Hint(
                    Action.SHOW_APPLICATION,
                    {"application_id": app.id},
                    text="only changes made since Onward began keeping them can be undone",
                ),
            )
        return undo_change(store, owner, latest.id, clock)


def undo_accept(store: Store, owner: Owner, proposal_id: int, clock: Clock) -> UndoOutcome:
    """Undo accepting a mail proposal: what it changed is put back and the proposal is
    waiting for review again."""
    with store.transaction() as tx:
        accepted = tx.changes.for_proposal(owner.id, proposal_id)
        if accepted is None:
            if not tx.mail.proposals(owner.id, ids=(proposal_id,)):
                raise NotFound(f"no proposal #{proposal_id}", hint=Hint(Action.LIST_PROPOSALS))
            raise Conflict(
                f"nothing to undo: proposal #{proposal_id} has not been accepted",
                field="proposal_id",
                hint=Hint(Action.LIST_PROPOSALS),
            )
        if accepted.undone_by is not None:
            raise Conflict(
                f"accepting proposal #{proposal_id} was already undone",
                field="proposal_id",
                hint=Hint(Action.LIST_PROPOSALS, text="it is waiting in the review queue"),
            )
        return undo_change(store, owner, accepted.id, clock)


def undo_change(store: Store, owner: Owner, change_id: int, clock: Clock) -> UndoOutcome:
    """Undo one change, recording the correction (itself a change that can be undone)."""
    with store.transaction() as tx:
        found = tx.changes.get(owner.id, change_id)
        if found is None:
            raise NotFound(f"no change #{change_id}", field="change_id")
        change, entries = found
        _check_undoable(tx, change, entries)
        original, depth = _origin(tx, owner, change)
        redo = depth % 2 == 1  # undoing a correction of a correction ... of the change
        apps = [e["key"]["id"] for e in entries if e["table"] == "applications"]
        rows = [(e["table"], e["key"]) for e in entries if e["table"] != "applications"]
        with recording(store, owner, ChangeKind.UNDO, clock, applications=apps) as rec:
            rec.track_rows(rows)
            rec.application_id = change.application_id
            rec.proposal_id = change.proposal_id
            rec.undoes = change.id
            rec.summary = describe_undo(original, redo=redo)
            tx.changes.revert(entries, clock.now())
        correction = rec.change
        assert correction is not None  # a change always leaves something to put back
        tx.changes.mark_undone(owner.id, change.id, correction.id)
        app_id = change.application_id
        if app_id is not None and tx.applications.get(owner.id, app_id, with_events=False) is None:
            app_id = None
        return UndoOutcome(correction, change, app_id, redo=redo, what=original.summary)


def _origin(tx: Tx, owner: Owner, change: Change) -> tuple[Change, int]:
    """The change a chain of corrections starts from, and how many corrections are above it
    (0: ``change`` is not a correction)."""
    depth = 0
    while change.undoes is not None:
        found = tx.changes.get(owner.id, change.undoes)
        if found is None:
            break
        change, depth = found[0], depth + 1
    return change, depth


def _check_undoable(tx: Tx, change: Change, entries: list[dict[str, object]]) -> None:
    about = f"#{change.application_id}" if change.application_id is not None else "it"
    if change.undone_by is not None:
        raise Conflict(
            f"“{change.summary}” was already undone",
            field="change_id",
            hint=Hint(text="undo the correction to do it again"),
        )
    if tx.changes.conflicts(entries):
        hint = (
            Hint(Action.SHOW_APPLICATION, {"application_id": change.application_id})
            if change.application_id is not None
            else None
        )
        raise Conflict(
            f"cannot undo “{change.summary}”: {about} has changed since; "
            "undo the later changes first",
            field="change_id",
            hint=hint,
        )
