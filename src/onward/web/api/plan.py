"""The learning plan: its items, adding one, moving one (start, done, drop, again), adding
and adding an application's suggestions."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from onward.domain.playbook.learning_plan import ItemKind
from onward.errors import NotFound
from onward.export.jsonable import to_jsonable
from onward.services.learning_plan import (
    add_plan_item,
    move_plan_item,
    plan_view,
    suggest_plan_items,
)
from onward.web.pages.plan import MOVES
from onward.web.routing import Body, Ws, error_about, json_object

router = APIRouter(tags=["learning plan"])


class NewItem(Body):
    """A step to work on: its kind, what it is about, hours it may take, the application it
    comes from and why."""

    kind: ItemKind
    focus: str
    effort_hours: float | None = None
    application_id: int | None = None
    because: str | None = None


@router.get("/plan-items")
def read(ws: Ws) -> dict[str, Any]:
    """Every item (oldest first) and ``linked``: the names of the applications they come from."""
    view = plan_view(ws.store, ws.owner)
    return {"items": to_jsonable(view.items), "linked": to_jsonable(view.linked)}


@router.post("/plan-items", status_code=201)
def add(body: NewItem, ws: Ws) -> dict[str, Any]:
    """Add an item (to do); answers with it, its id included."""
    with error_about("application_id", NotFound):
        stored = add_plan_item(
            ws.store, ws.owner, body.kind, body.focus, ws.clock, effort_hours=body.effort_hours,
            application_id=body.application_id, because=body.because,
        )  # fmt: skip
    return json_object(stored)


@router.post("/plan-items/{item_id}/{action}")
def move(item_id: int, action: str, ws: Ws) -> dict[str, Any]:
    """``start``, ``done``, ``drop`` or ``again``; an impossible move is a 409."""
    if action not in MOVES:
        raise NotFound(f"no plan action {action!r}", hint="start, done, drop or again")
    return json_object(move_plan_item(ws.store, ws.owner, item_id, MOVES[action][0], ws.clock))


@router.post("/applications/{app_id}/plan-suggestions")
def suggestions(app_id: int, ws: Ws) -> dict[str, Any]:
    """Add the suggestions from the application's latest reflection and its feedback (those
    not planned already); ``accepted`` lists the items added."""
    return json_object(suggest_plan_items(ws.store, ws.owner, app_id, ws.clock, accept=True))
