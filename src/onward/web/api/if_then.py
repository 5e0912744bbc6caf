"""If-then plans: list them, make one, say whether it was kept, pick a new when."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter
from pydantic import ConfigDict, Field

from onward.domain.playbook.goals import Metric
from onward.domain.playbook.if_then import IfThenFields
from onward.services.if_then import (
    if_then_overview,
    keep_if_then_plan,
    make_if_then_plan,
    move_if_then_plan,
)
from onward.services.runtime import Workspace
from onward.web.routing import Body, Ws, json_object

router = APIRouter(tags=["if-then plans"])


def _aware(moment: dt.datetime, ws: Workspace) -> dt.datetime:
    """A time without a zone is the person's own local time."""
    if moment.tzinfo is None:
        zone = ws.clock.now().tzinfo
        return moment.replace(tzinfo=zone)
    return moment


class NewPlan(Body):
    """ "When [starts_at, place], I will [action] for [for / application_id]"."""

    model_config = ConfigDict(populate_by_name=True)

    starts_at: dt.datetime
    action: str
    minutes: int = 30
    place: str | None = None
    for_text: str | None = Field(default=None, alias="for")
    application_id: int | None = None
    goal: Metric | None = None


class NewWhen(Body):
    """A new start for a plan."""

    starts_at: dt.datetime


@router.get("/if-then-plans")
def overview(ws: Ws) -> dict[str, Any]:
    """Plans on now, waiting for a word, coming up and closed this past week; kept this week."""
    return json_object(if_then_overview(ws.store, ws.owner, ws.clock))


@router.post("/if-then-plans", status_code=201)
def create(body: NewPlan, ws: Ws) -> dict[str, Any]:
    """Make an if-then plan; answers with it, its id included."""
    fields = IfThenFields(
        starts_at=_aware(body.starts_at, ws),
        action=body.action,
        minutes=body.minutes,
        place=body.place,
        for_text=body.for_text,
        application_id=body.application_id,
        metric=body.goal,
    )
    plan = make_if_then_plan(ws.store, ws.owner, fields, ws.clock)
    return json_object(plan)


@router.post("/if-then-plans/{plan_id}/kept")
def kept(plan_id: int, ws: Ws) -> dict[str, Any]:
    """The plan was kept: it counts towards this week."""
    return json_object(keep_if_then_plan(ws.store, ws.owner, plan_id, ws.clock))


@router.post("/if-then-plans/{plan_id}/missed")
def missed(plan_id: int, ws: Ws) -> dict[str, Any]:
    """The plan did not happen this time; pick a new when with PATCH."""
    plan = keep_if_then_plan(ws.store, ws.owner, plan_id, ws.clock, kept=False)
    return json_object(plan)


@router.patch("/if-then-plans/{plan_id}")
def move(plan_id: int, body: NewWhen, ws: Ws) -> dict[str, Any]:
    """Pick a new when: the plan is planned again at ``starts_at``."""
    plan = move_if_then_plan(ws.store, ws.owner, plan_id, _aware(body.starts_at, ws), ws.clock)
    return json_object(plan)
