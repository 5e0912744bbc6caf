"""Goals: the weekly targets with this week's progress, the last weeks and the streak; set
some targets; log effort done by hand (follow-ups, learning hours, networking)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import Field

from onward.domain.playbook.goals import Metric
from onward.services.goals import goal_progress, log_effort, set_goals
from onward.web.pages.goals import MAX_TARGET
from onward.web.routing import Body, Ws, json_object

router = APIRouter(tags=["goals"])

Target = Annotated[float | None, Field(default=None, ge=0, le=MAX_TARGET)]


class Targets(Body):
    """Weekly targets to change (0 stops tracking one); those left out keep their values."""

    applications: Target = None
    follow_ups: Target = None
    reflections: Target = None
    learning_hours: Target = None
    networking: Target = None

    def changes(self) -> dict[Metric, float]:
        sent = self.model_dump(exclude_none=True)
        return {Metric(name): value for name, value in sent.items()}


class Effort(Body):
    """Effort done by hand: ``metric`` (follow_ups, learning_hours or networking), how much,
    the day (default today) and a note."""

    metric: Metric
    amount: float
    on: dt.date | None = None
    note: str | None = None


@router.get("/goals")
def progress(ws: Ws, weeks: Annotated[int, Query(ge=1, le=52)] = 8) -> dict[str, Any]:
    """The targets, this week's progress, the last ``weeks`` weeks (oldest first), the streak."""
    return json_object(goal_progress(ws.store, ws.owner, ws.clock, weeks=weeks))


@router.put("/goals")
def set_targets(body: Targets, ws: Ws) -> dict[str, Any]:
    """Change some weekly targets; answers with every target."""
    return json_object(set_goals(ws.store, ws.owner, body.changes(), ws.clock))


@router.post("/goals/effort", status_code=201)
def effort(body: Effort, ws: Ws) -> dict[str, Any]:
    """Log effort; it counts towards this week's goal. Answers with what was logged."""
    logged = log_effort(
        ws.store, ws.owner, body.metric, body.amount, ws.clock, on=body.on, note=body.note
    )
    return json_object(logged)
