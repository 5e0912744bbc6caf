"""Insights: every pattern of the search as JSON (what ``onward insights --json`` prints),
held back while a dwell window is open unless asked for anyway; adding the top skill gaps
to the learning plan."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import Field

from onward.export.jsonable import to_jsonable
from onward.services.insights import insights_record, read_insights
from onward.services.skills import DEFAULT_TOP, plan_skill_gaps
from onward.web.routing import Body, Ws

router = APIRouter(tags=["insights"])


class Top(Body):
    """How many of the top skill gaps to add."""

    top: int = Field(default=DEFAULT_TOP, ge=1, le=50)


@router.get("/insights")
def read(ws: Ws, anyway: bool = False) -> dict[str, Any]:
    """The insights; while a dwell window is open, ``{"held_back": true, "dwelling": true}``
    unless ``anyway``."""
    reading = read_insights(ws.store, ws.owner, ws.clock, anyway=anyway, ghosting=ws.ghosting)
    if reading.insights is None:
        return {"held_back": True, "dwelling": True}
    return insights_record(reading.insights)


@router.post("/insights/plan-skills")
def plan_skills(body: Top, ws: Ws) -> dict[str, Any]:
    """Add the top skill gaps to the learning plan (needs a resume: 404 without one)."""
    done = plan_skill_gaps(ws.store, ws.owner, ws.clock, top=body.top)
    return {
        "added": to_jsonable(done.added),
        "already_planned": [g.skill.name for g in done.already_planned],
    }
