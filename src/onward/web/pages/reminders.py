"""Reminders for the open app: ``GET /reminders/due`` answers with what is due now as JSON,
which ``static/reminders.js`` polls and shows as browser notifications (once the person
allowed them on the Settings page). Empty, with the reason, during a dwell window, in quiet
hours or when notifications are off."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from onward.services.reminders import due_reminders
from onward.web.links import reminder_url
from onward.web.routing import Ws

router = APIRouter()


@router.get("/reminders/due")
def reminders_due(ws: Ws) -> JSONResponse:
    due = due_reminders(ws.store, ws.owner, ws.settings, ws.clock)
    body = {
        "silence": due.silence.value if due.silence else None,
        "until": due.until.isoformat() if due.until else None,
        "reminders": [
            {
                "key": r.key,
                "kind": r.kind.value,
                "label": r.kind.label,
                "title": r.title,
                "detail": r.detail,
                "due_at": r.due_at.isoformat() if r.due_at else None,
                "url": reminder_url(r),
            }
            for r in due.reminders
        ],
    }
    return JSONResponse(body, headers={"Cache-Control": "no-store"})
