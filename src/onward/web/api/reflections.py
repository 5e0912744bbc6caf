"""Reflection: the prompts for looking back at one application and the reflections kept, and
keeping a new one (with a change to try next, as the web form offers). Refused, kindly, while
the application's dwell window is open."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter
from pydantic import Field

from onward.domain.playbook.experiments import check_name
from onward.errors import Conflict, InvalidInput
from onward.export.jsonable import to_jsonable
from onward.services.experiments import start_experiment
from onward.services.reflection import (
    ReflectionPrompts,
    list_reflections,
    reflect_on,
    reflection_prompts,
)
from onward.web.routing import Body, Ws

router = APIRouter(tags=["reflection"])

Rating = Annotated[int, Field(ge=1, le=5)]


class NewReflection(Body):
    """Ratings (1-5) by topic id and answers by question id (see GET), all optional but one;
    ``try_next`` names a change to try from now on (an experiment)."""

    ratings: dict[str, Rating] = Field(default_factory=dict)
    answers: dict[str, str] = Field(default_factory=dict)
    try_next: str | None = None


@router.get("/applications/{app_id}/reflection")
def read(app_id: int, ws: Ws) -> dict[str, Any]:
    """What to rate and ask (``prompts``; null with ``waiting`` saying why while the dwell
    window is open) and the reflections kept, oldest first."""
    prompts: ReflectionPrompts | None = None
    waiting = None
    try:
        prompts = reflection_prompts(ws.store, ws.owner, app_id, ws.clock)
    except InvalidInput as exc:  # the dwell window is open: the web page waits too
        waiting = exc.message
    kept = list_reflections(ws.store, ws.owner, application_id=app_id)
    return {
        "prompts": None
        if prompts is None
        else {"topics": to_jsonable(prompts.topics), "questions": to_jsonable(prompts.questions)},
        "waiting": waiting,
        "reflections": to_jsonable(kept),
    }


@router.post("/applications/{app_id}/reflection", status_code=201)
def create(app_id: int, body: NewReflection, ws: Ws) -> dict[str, Any]:
    """Keep a reflection (completes the open "reflect" task); with ``try_next``, start that
    change too (``experiment`` is null when it is being tried already)."""
    try_next = (body.try_next or "").strip() or None
    if try_next:
        try:
            check_name(try_next)
        except InvalidInput as exc:
            exc.field = "try_next"
            raise
    kept = reflect_on(ws.store, ws.owner, app_id, body.ratings, body.answers, ws.clock)
    experiment = None
    if try_next:
        try:
            experiment = to_jsonable(start_experiment(ws.store, ws.owner, try_next, ws.clock))
        except Conflict:
            experiment = None
    return {"reflection": to_jsonable(kept), "experiment": experiment}
