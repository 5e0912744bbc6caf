"""Data: the JSON backup and the applications as CSV, as the Import & export page gives them.
Restoring a backup and importing a spreadsheet (previewed, then confirmed) are web-only."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response

from onward.services.transfer import backup_text, csv_text
from onward.web.routing import Ws

router = APIRouter(tags=["data"])


@router.get("/export.json", response_class=Response)
def backup(ws: Ws, include_writing: bool = False) -> Response:
    """The JSON backup (what ``onward export json`` writes, and ``onward import`` restores);
    ``include_writing``: with your free writing too."""
    _count, text = backup_text(ws.store, ws.owner, ws.clock, include_writing=include_writing)
    return Response(text, media_type="application/json", headers={"cache-control": "no-store"})


@router.get("/applications.csv", response_class=Response)
def spreadsheet(ws: Ws, history: bool = False) -> Response:
    """Every application as CSV; ``history``: one row per stage reached instead."""
    _count, text = csv_text(ws.store, ws.owner, history=history)
    return Response(
        text, media_type="text/csv; charset=utf-8", headers={"cache-control": "no-store"}
    )
