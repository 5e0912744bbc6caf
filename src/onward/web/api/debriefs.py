"""Interview debriefs, the question bank and the STAR story bank."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter
from pydantic import Field

from onward.domain.playbook.debrief import StarStory
from onward.export.jsonable import to_jsonable
from onward.services.debriefs import (
    add_story,
    debrief_interview,
    debrief_view,
    list_stories,
    question_bank,
)
from onward.web.routing import Body, Ws, json_object

router = APIRouter(tags=["debriefs"])


class NewDebrief(Body):
    held_on: dt.date | None = None
    landed: str | None = None
    missing: str | None = None
    questions: list[str] = Field(default_factory=list)


class NewStory(Body):
    title: str
    situation: str | None = None
    task: str | None = None
    action: str | None = None
    result: str | None = None


@router.get("/applications/{app_id}/debriefs")
def read(app_id: int, ws: Ws) -> dict[str, Any]:
    """The debriefs of one application and questions to practise aloud."""
    return json_object(debrief_view(ws.store, ws.owner, app_id))


@router.post("/applications/{app_id}/debriefs", status_code=201)
def keep(app_id: int, body: NewDebrief, ws: Ws) -> dict[str, Any]:
    """Keep a debrief: what landed, what was missing, the questions asked."""
    kept = debrief_interview(
        ws.store,
        ws.owner,
        app_id,
        ws.clock,
        landed=body.landed,
        missing=body.missing,
        questions=body.questions,
        held_on=body.held_on,
    )
    return json_object(kept)


@router.get("/questions")
def questions(ws: Ws) -> list[dict[str, str]]:
    """Every question asked in an interview, newest first."""
    return [
        {"question": q, "company": c, "asked_on": d.isoformat()}
        for q, c, d in question_bank(ws.store, ws.owner)
    ]


@router.get("/stories")
def stories(ws: Ws) -> list[dict[str, Any]]:
    """Your STAR stories."""
    found: list[dict[str, Any]] = to_jsonable(list_stories(ws.store, ws.owner))
    return found


@router.post("/stories", status_code=201)
def new_story(body: NewStory, ws: Ws) -> dict[str, Any]:
    """Keep a STAR story."""
    story = StarStory(body.title, body.situation, body.task, body.action, body.result)
    return json_object(add_story(ws.store, ws.owner, story, ws.clock))
