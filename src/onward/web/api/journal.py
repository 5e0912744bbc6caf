"""Journal and wins: a mood and a few words for a day, the latest entries with the mood's
trend and the gentle nudges of now; the small wins (noticed by Onward, or added by hand)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Query

from onward.errors import NotFound
from onward.export.jsonable import to_jsonable
from onward.services.journal import journal_overview, write_journal
from onward.services.wins import add_win, list_wins
from onward.web.routing import Body, Ws, json_object

router = APIRouter(tags=["journal and wins"])


class Entry(Body):
    """How the day felt (``mood`` 1 very low … 5 very good), a few words, a rest day or not,
    and the day (default today)."""

    mood: int
    text: str = ""
    rest_day: bool = False
    on: dt.date | None = None


class Win(Body):
    """A win of your own: a few words, the day (default today), the application it is about."""

    text: str
    on: dt.date | None = None
    application_id: int | None = None


@router.get("/journal")
def overview(ws: Ws, limit: Annotated[int, Query(ge=1, le=1000)] = 10) -> dict[str, Any]:
    """The latest ``limit`` entries (newest first), the mood's trend, the nudges of now."""
    return json_object(journal_overview(ws.store, ws.owner, ws.clock, limit=limit))


@router.post("/journal", status_code=201)
def write(body: Entry, ws: Ws) -> dict[str, Any]:
    """Keep a journal entry; answers with it."""
    entry = write_journal(
        ws.store, ws.owner, body.mood, body.text, ws.clock, rest_day=body.rest_day, on=body.on
    )
    return json_object(entry)


@router.get("/wins")
def wins(
    ws: Ws, days: Annotated[int | None, Query(ge=1, le=36_500)] = None
) -> list[dict[str, Any]]:
    """Every win (or those of the last ``days`` days), newest first; ``kind`` is null for
    the ones added by hand."""
    found: list[dict[str, Any]] = to_jsonable(list_wins(ws.store, ws.owner, ws.clock, days=days))
    return found


@router.post("/wins", status_code=201)
def add(body: Win, ws: Ws) -> dict[str, Any]:
    """Keep a win of your own; answers with it, its id included."""
    try:
        win = add_win(
            ws.store, ws.owner, body.text, ws.clock, on=body.on, application_id=body.application_id
        )
    except NotFound as exc:
        exc.field = "application_id"
        raise
    return json_object(win)
