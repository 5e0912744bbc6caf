"""Feedback from employers, read clause by clause: what they valued and what they missed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter

from onward.domain.playbook.feedback_reading import read_feedback
from onward.domain.playbook.stored import StoredFeedback
from onward.services.feedback import list_feedback, log_feedback
from onward.web.routing import Body, Ws

router = APIRouter(tags=["feedback"])


class NewFeedback(Body):
    text: str
    received_on: dt.date | None = None
    from_whom: str | None = None


def _record(stored: StoredFeedback) -> dict[str, Any]:
    feedback = stored.feedback
    reading = read_feedback(feedback.text)
    return {
        "id": stored.id,
        "application_id": feedback.application_id,
        "text": feedback.text,
        "received_on": feedback.received_on.isoformat(),
        "from_whom": feedback.from_whom,
        "themes": [t.value for t in feedback.themes],
        "strengths": list(reading.strengths),
        "gaps": list(reading.gaps),
    }


@router.get("/applications/{app_id}/feedback")
def read(app_id: int, ws: Ws) -> list[dict[str, Any]]:
    """The feedback on one application, oldest first, each with its strengths and gaps."""
    return [_record(s) for s in list_feedback(ws.store, ws.owner, application_id=app_id).items]


@router.post("/applications/{app_id}/feedback", status_code=201)
def keep(app_id: int, body: NewFeedback, ws: Ws) -> dict[str, Any]:
    """Keep feedback; themes come from what it says was missing, never from its praise."""
    logged = log_feedback(
        ws.store,
        ws.owner,
        app_id,
        body.text,
        ws.clock,
        received_on=body.received_on,
        from_whom=body.from_whom,
    )
    return _record(logged.stored)
