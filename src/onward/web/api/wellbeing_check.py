"""The weekly WHO-5 well-being check: private to the person, never in insights."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from onward.services.wellbeing_check import check_wellbeing, wellbeing_view
from onward.web.routing import Body, Ws

router = APIRouter(tags=["well-being"])


class NewCheck(Body):
    """Five answers, in the order of the statements, each 0 (at no time) to 5 (all of the time)."""

    answers: list[int]


@router.get("/wellbeing")
def read(ws: Ws) -> dict[str, Any]:
    """Your latest checks (oldest first, scores 0-100), the care they call for, and whether
    one is due."""
    places = ws.settings.support_places
    return wellbeing_view(ws.store, ws.owner, ws.clock, places=places).record()


@router.post("/wellbeing", status_code=201)
def take(body: NewCheck, ws: Ws) -> dict[str, Any]:
    """Take the check today; answers with the view after it."""
    places = ws.settings.support_places
    return check_wellbeing(ws.store, ws.owner, body.answers, ws.clock, places=places).record()
