"""Sharing with a coach (the job seeker's side), and the coach's caseload.

A refused share (an unknown scope, a day that has passed, one's own email, an email that is
not a coach's account) is a 422 with the field it is about, and nothing is written. A person
who does not share with the coach asking is a 404 that says the same whatever the reason.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import Response

from onward.domain.sharing import Scope, Share, parse_scopes
from onward.export.jsonable import to_jsonable
from onward.services.caseload import add_coach_note, caseload, person_view, propose_goal
from onward.services.cohort import cohort_csv, cohort_view
from onward.services.runtime import Workspace
from onward.services.sharing import (
    access_log,
    answer_proposed_goal,
    list_shares,
    revoke_share,
    share_with_coach,
    sharing_view,
)
from onward.web.routing import Body, Ws, json_object

router = APIRouter(tags=["sharing"])


class NewShare(Body):
    """Let ``coach`` (their account's email) read ``scopes`` through ``expires_on``."""

    coach: str
    scopes: list[str]
    expires_on: dt.date


class NewNote(Body):
    text: str
    shown: bool = False


class NewGoal(Body):
    metric: str
    target: float
    why: str = ""


class Answer(Body):
    accept: bool


def _share(share: Share, ws: Workspace) -> dict[str, Any]:
    return {**share.as_json(), "status": share.status(ws.clock.today()).value}


@router.post("/shares", status_code=201)
def create_share(body: NewShare, ws: Ws) -> dict[str, Any]:
    """Share some scopes with a coach until a day (an active share with them is replaced)."""
    made = share_with_coach(ws.store, ws.owner, body.coach, body.scopes, body.expires_on, ws.clock)
    return _share(made, ws)


@router.get("/shares")
def shares(ws: Ws) -> dict[str, Any]:
    """Your shares (newest first, ended ones too) and who read what of yours."""
    return {
        "shares": [_share(s, ws) for s in list_shares(ws.store, ws.owner)],
        "access": to_jsonable(access_log(ws.store, ws.owner)),
    }


@router.delete("/shares/{share_id}")
def delete_share(share_id: int, ws: Ws) -> dict[str, Any]:
    """Stop sharing now: the coach's next read is refused."""
    return _share(revoke_share(ws.store, ws.owner, share_id, ws.clock), ws)


@router.get("/shares/from-coaches")
def from_coaches(ws: Ws) -> dict[str, Any]:
    """Notes coaches chose to show you, and the goals they propose that wait for an answer."""
    view = sharing_view(ws.store, ws.owner, ws.clock)
    return {"notes": to_jsonable(view.notes), "proposals": to_jsonable(view.proposals)}


@router.post("/shares/proposals/{proposed_goal_id}")
def answer_proposal(proposed_goal_id: int, body: Answer, ws: Ws) -> dict[str, Any]:
    """Accept (it becomes your weekly goal) or decline a goal a coach proposed."""
    found = answer_proposed_goal(ws.store, ws.owner, proposed_goal_id, body.accept, ws.clock)
    return json_object(found)


@router.get("/caseload")
def list_caseload(ws: Ws) -> dict[str, Any]:
    """The people who share with you now, each with their health flags and reasons."""
    people = caseload(ws.store, ws.owner, ws.clock)
    return {
        "people": [
            {
                "person": p.person_id,
                "name": p.name,
                "share": _share(p.share, ws),
                "flags": to_jsonable(p.flags),
            }
            for p in people
        ]
    }


@router.get("/caseload/cohort")
def cohort(ws: Ws, format: str = Query("json", pattern="^(json|csv)$")) -> Any:
    """The cohort's funnel and effort (and each person's counts), or the CSV report."""
    view = cohort_view(ws.store, ws.owner, ws.clock)
    if format == "csv":
        return Response(cohort_csv(view), media_type="text/csv; charset=utf-8")
    return json_object(view)


@router.get("/caseload/{person_id}")
def person(
    person_id: int, ws: Ws, scopes: Annotated[list[str] | None, Query()] = None
) -> dict[str, Any]:
    """One person's shared data (all they share, or only ``scopes``); 404 if not shared."""
    wanted: frozenset[Scope] | None = parse_scopes(scopes) if scopes else None
    view = person_view(ws.store, ws.owner, person_id, ws.clock, scopes=wanted)
    found = json_object(view)
    found["person"]["share"] = _share(view.person.share, ws)
    return found


@router.post("/caseload/{person_id}/notes", status_code=201)
def note(person_id: int, body: NewNote, ws: Ws) -> dict[str, Any]:
    """Keep a note about a person (``shown``: they see it too)."""
    made = add_coach_note(ws.store, ws.owner, person_id, body.text, ws.clock, shown=body.shown)
    return json_object(made)


@router.post("/caseload/{person_id}/goals", status_code=201)
def goal(person_id: int, body: NewGoal, ws: Ws) -> dict[str, Any]:
    """Suggest a weekly goal to a person who shares their goals."""
    made = propose_goal(
        ws.store, ws.owner, person_id, body.metric, body.target, ws.clock, why=body.why
    )
    return json_object(made)
