"""Private writing: today's prompt and the sessions (dates only unless opened), keep one, lock
them. Never analysed or shared."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter

from onward.services.writing import WritingView, lock_writing, write_session, writing_view
from onward.web.routing import Body, Ws

router = APIRouter(tags=["writing"])


class NewSession(Body):
    text: str
    started_at: dt.datetime | None = None
    passphrase: str | None = None


class Passphrase(Body):
    passphrase: str


def _record(view: WritingView, *, texts: bool) -> dict[str, Any]:
    return {
        "day": view.day,
        "prompt": view.prompt,
        "locked": view.locked,
        "sessions": [
            {
                "id": s.id,
                "written_on": s.written_on.isoformat(),
                "day": s.day,
                "locked": s.locked,
                **({"text": s.text} if texts else {}),
            }
            for s in view.sessions
        ],
    }


@router.get("/writing")
def read(ws: Ws) -> dict[str, Any]:
    """Today's prompt and day of the protocol, and the sessions by date (no text)."""
    return _record(writing_view(ws.store, ws.owner, ws.clock), texts=False)


@router.post("/writing/open")
def open_sessions(body: Passphrase, ws: Ws) -> dict[str, Any]:
    """The sessions with their text, opened with the passphrase (a wrong one is a 422)."""
    view = writing_view(ws.store, ws.owner, ws.clock, passphrase=body.passphrase)
    return _record(view, texts=True)


@router.post("/writing", status_code=201)
def keep(body: NewSession, ws: Ws) -> dict[str, Any]:
    """Keep a session's writing; sealed when the writing is locked (then pass the passphrase)."""
    started = body.started_at or ws.clock.now()
    if started.tzinfo is None:
        started = started.replace(tzinfo=ws.clock.now().tzinfo)
    session = write_session(
        ws.store, ws.owner, body.text, started, ws.clock, passphrase=body.passphrase
    )
    return {"id": session.id, "day": session.day, "locked": session.locked}


@router.post("/writing/lock")
def lock(body: Passphrase, ws: Ws) -> dict[str, Any]:
    """Lock the writing with a passphrase; answers how many sessions were sealed."""
    return {"sealed": lock_writing(ws.store, ws.owner, body.passphrase, ws.clock)}
