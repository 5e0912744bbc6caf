"""Gone quiet: the applications quiet for longer than their stage's threshold, and closing
them kindly (moved to ghosted, a follow-up and a closing note planned)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import Field

from onward.export.jsonable import to_jsonable
from onward.export.records import application_record
from onward.services.ghosting import mark_ghosted, quietest
from onward.web.routing import Body, Ws

router = APIRouter(tags=["gone quiet"])


class Close(Body):
    """The applications to mark ghosted; left out or empty: every one suggested."""

    ids: list[int] = Field(default_factory=list, max_length=1000)


@router.get("/ghosting")
def index(ws: Ws) -> dict[str, Any]:
    """The quiet applications, the quietest first, with the drafts that fit."""
    quiet, total = quietest(ws.store, ws.owner, ws.clock, rules=ws.ghosting)
    return {"items": to_jsonable(quiet), "total": total}


@router.post("/ghosting")
def close(body: Close, ws: Ws) -> dict[str, Any]:
    """Mark the applications ghosted; answers with each one and the tasks planned for it."""
    closed = mark_ghosted(ws.store, ws.owner, ws.clock, ids=body.ids, rules=ws.ghosting)
    return {
        "closed": [
            {"application": application_record(c.application), "tasks": to_jsonable(c.tasks)}
            for c in closed
        ]
    }
