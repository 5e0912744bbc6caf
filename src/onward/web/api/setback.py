"""Prepare for the setback: the next steps for if an application ends in a no."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from onward.errors import NotFound
from onward.services.setback import get_preparation, prepare_for_setback
from onward.web.routing import Body, Ws, json_object

router = APIRouter(tags=["setback preparation"])


class NewPreparation(Body):
    """One to three next steps in your own words, and what you will be proud of either way."""

    steps: list[str]
    proud: str | None = None


@router.get("/applications/{app_id}/preparation")
def read(app_id: int, ws: Ws) -> dict[str, Any]:
    """What was prepared for this application (a 404 when nothing yet)."""
    prep = get_preparation(ws.store, ws.owner, app_id)
    if prep is None:
        raise NotFound(f"nothing prepared for application #{app_id} yet")
    return json_object(prep)


@router.put("/applications/{app_id}/preparation")
def write(app_id: int, body: NewPreparation, ws: Ws) -> dict[str, Any]:
    """Save (or rewrite) the steps; they become the first tasks after a no's dwell window."""
    prep = prepare_for_setback(ws.store, ws.owner, app_id, body.steps, body.proud, ws.clock)
    return json_object(prep)
