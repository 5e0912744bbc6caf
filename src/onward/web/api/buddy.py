"""A buddy: your card, the signed weekly summary to send, and what your buddy sent."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter

from onward.export.jsonable import to_jsonable
from onward.services.buddy import (
    add_buddy,
    buddy_view,
    import_summary,
    make_card,
    weekly_summary,
)
from onward.web.routing import Body, Ws

router = APIRouter(tags=["buddy"])


class CardRequest(Body):
    name: str
    passphrase: str


class SummaryRequest(Body):
    passphrase: str
    rejections: bool = False


@router.get("/buddy")
def view(ws: Ws) -> dict[str, Any]:
    """Your week and each buddy's latest (null when none in the last weeks)."""
    found = buddy_view(ws.store, ws.owner, ws.clock)
    return {
        "me": to_jsonable(found.me),
        "buddies": [{"name": n, "week": to_jsonable(w)} for n, w in found.buddies],
        "has_card": found.has_card,
    }


@router.post("/buddy/card")
def card(body: CardRequest, ws: Ws) -> dict[str, Any]:
    """Your buddy card (give it to your buddy)."""
    made: dict[str, Any] = json.loads(
        make_card(ws.store, ws.owner, body.name, body.passphrase, ws.clock)
    )
    return made


@router.post("/buddy/summary")
def summary(body: SummaryRequest, ws: Ws) -> dict[str, Any]:
    """This week's summary, signed (send it to your buddy)."""
    text = weekly_summary(ws.store, ws.owner, body.passphrase, ws.clock, rejections=body.rejections)
    signed: dict[str, Any] = json.loads(text)
    return signed


@router.post("/buddy/files", status_code=201)
def receive(body: dict[str, Any], ws: Ws) -> dict[str, Any]:
    """A buddy's card, or a weekly summary they sent (its signature is checked)."""
    text = json.dumps(body)
    if body.get("format") == "onward-buddy-card":
        return {"buddy": add_buddy(ws.store, ws.owner, text, ws.clock)}
    week = import_summary(ws.store, ws.owner, text, ws.clock)
    return {"week": to_jsonable(week)}
