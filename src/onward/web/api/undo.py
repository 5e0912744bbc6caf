"""Undo and correction: undo an application's last change or an accepted proposal, read an
application's history (undone steps and every change), correct the date of a step."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter
from pydantic import Field

from onward.domain.changes import Change, UndoOutcome
from onward.errors import InvalidInput
from onward.export.jsonable import to_jsonable
from onward.export.records import application_record
from onward.services.applications import get_application
from onward.services.corrections import History, application_history, correct_event_date
from onward.services.runtime import Workspace
from onward.services.undo import undo_accept, undo_change, undo_last_change
from onward.web.routing import Body, Ws, json_object

router = APIRouter(tags=["undo"])


class DateCorrection(Body):
    """The day a step really happened."""

    day: dt.date = Field(alias="date")


def change_record(change: Change) -> dict[str, Any]:
    return json_object(change)


def _undone(ws: Workspace, outcome: UndoOutcome) -> dict[str, Any]:
    app = None
    if outcome.application_id is not None:
        app = application_record(get_application(ws.store, ws.owner, outcome.application_id))
    return {
        "undone": change_record(outcome.undone),
        "correction": change_record(outcome.correction),
        "redo": outcome.redo,
        "application": app,
    }


def _history(history: History) -> dict[str, Any]:
    return {
        "application": application_record(history.application),
        "events": [to_jsonable(e) for e in history.events],
        "changes": [change_record(c) for c in history.changes],
        "latest": change_record(history.latest) if history.latest else None,
    }


@router.post("/applications/{app_id}/undo")
def undo_application(app_id: int, ws: Ws) -> dict[str, Any]:
    """Undo the last change to an application (a move, a rejection, an edit, an archive, a
    delete, a corrected date, an accepted proposal); undoing again does it again. Nothing to
    undo is a 409."""
    return _undone(ws, undo_last_change(ws.store, ws.owner, app_id, ws.clock))


@router.post("/proposals/{proposal_id}/undo")
def undo_proposal(proposal_id: int, ws: Ws) -> dict[str, Any]:
    """Undo accepting a proposal: its changes are reverted and it is pending again."""
    return _undone(ws, undo_accept(ws.store, ws.owner, proposal_id, ws.clock))


@router.post("/changes/{change_id}/undo")
def undo_one(change_id: int, ws: Ws) -> dict[str, Any]:
    """Undo one change by its id (from an application's history); a change overtaken by
    later ones is a 409 until they are undone."""
    return _undone(ws, undo_change(ws.store, ws.owner, change_id, ws.clock))


@router.get("/applications/{app_id}/history")
def history(app_id: int, ws: Ws) -> dict[str, Any]:
    """Every step (undone ones with ``undone_at``) and every change, with the one an undo
    would take back now (``latest``)."""
    return _history(application_history(ws.store, ws.owner, app_id))


@router.patch("/applications/{app_id}/events/{event_id}")
def correct_date(app_id: int, event_id: int, body: DateCorrection, ws: Ws) -> dict[str, Any]:
    """Correct the day a step happened: not in the future, still in order; answers with the
    history. A refused date names the body's field, ``date``."""
    try:
        found = correct_event_date(ws.store, ws.owner, app_id, event_id, body.day, ws.clock)
    except InvalidInput as exc:
        field = "date" if exc.field == "on" else exc.field
        raise InvalidInput(exc.message, field=field, hint=exc.hint) from None
    return _history(found)
