"""Undo in the browser: the Undo button after a notice and on the application's history,
undoing an application's last change, and deleting (which the notice then offers to undo).
Correcting a step's date is on the application's page (``pages/applications.py``)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response

from onward.domain.changes import UndoOutcome
from onward.errors import Conflict
from onward.services.applications import delete_application
from onward.services.runtime import Workspace
from onward.services.undo import last_change, undo_change, undo_last_change
from onward.web.rendering import UndoButton, redirect
from onward.web.routing import Ws

router = APIRouter()


def undoable(ws: Workspace, app_id: int) -> UndoButton | None:
    """The Undo button for the change just made to an application (None: nothing to undo)."""
    change = last_change(ws.store, ws.owner, app_id)
    return None if change is None else UndoButton(change.id)


def _after(outcome: UndoOutcome) -> Response:
    words = f"Did again: {outcome.what}." if outcome.redo else f"Undone: {outcome.what}."
    url = f"/applications/{outcome.application_id}" if outcome.application_id else "/board"
    return redirect(url, words, undo=UndoButton(outcome.correction.id, redo=not outcome.redo))


@router.post("/changes/{change_id}/undo", response_model=None)
def undo(change_id: int, ws: Ws) -> Response:
    return _after(undo_change(ws.store, ws.owner, change_id, ws.clock))


@router.post("/applications/{app_id}/undo", response_model=None)
def undo_last(app_id: int, ws: Ws) -> Response:
    try:
        outcome = undo_last_change(ws.store, ws.owner, app_id, ws.clock)
    except Conflict as exc:
        words = exc.message[:1].upper() + exc.message[1:]
        return redirect(f"/applications/{app_id}#timeline", f"{words}.")
    return _after(outcome)


@router.post("/applications/{app_id}/delete", response_model=None)
def delete(app_id: int, ws: Ws) -> Response:
    app = delete_application(ws.store, ws.owner, app_id, ws.clock)
    return redirect("/board", f"Deleted {app.company}: {app.role}.", undo=undoable(ws, app_id))
