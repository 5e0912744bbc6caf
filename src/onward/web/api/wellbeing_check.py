"""The weekly WHO-5 well-being check: private to the person, never in insights."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict

from onward.services.runtime import Workspace
from onward.services.wellbeing_check import WellbeingView, check_wellbeing, wellbeing_view
from onward.web.deps import workspace

router = APIRouter(tags=["well-being"])

Ws = Annotated[Workspace, Depends(workspace)]


class NewCheck(BaseModel):
    """Five answers, in the order of the statements, each 0 (at no time) to 5 (all of the time)."""

    model_config = ConfigDict(extra="forbid")

    answers: list[int]


def _record(view: WellbeingView) -> dict[str, Any]:
    return {
        "checks": [
            {"taken_on": c.taken_on.isoformat(), "answers": list(c.answers), "score": c.score}
            for c in view.checks
        ],
        "care": view.care.value,
        "words": view.words,
        "due": view.due,
        "places": list(view.places) if view.needs_care else [],
    }


@router.get("/wellbeing")
def read(ws: Ws) -> dict[str, Any]:
    """Your latest checks (oldest first, scores 0-100), the care they call for, and whether
    one is due."""
    places = ws.settings.support_places
    return _record(wellbeing_view(ws.store, ws.owner, ws.clock, places=places))


@router.post("/wellbeing", status_code=201)
def take(body: NewCheck, ws: Ws) -> dict[str, Any]:
    """Take the check today; answers with the view after it."""
    places = ws.settings.support_places
    return _record(check_wellbeing(ws.store, ws.owner, body.answers, ws.clock, places=places))
