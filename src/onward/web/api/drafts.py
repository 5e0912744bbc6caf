"""Drafts: the list, write one for an application, read it with its quality checks, edit it,
mark it sent or discard it. Onward never sends anything."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from onward.domain.drafts import DraftKind
from onward.export.jsonable import to_jsonable
from onward.services.drafts import (
    DraftView,
    create_draft,
    discard_draft,
    edit_draft,
    get_draft,
    list_drafts,
    mark_draft_sent,
)
from onward.services.runtime import Workspace
from onward.web.routing import Body, Ws, json_object

router = APIRouter(tags=["drafts"])


class NewDraft(Body):
    """The kind of message, and what the web form lets the person add to it."""

    kind: DraftKind
    highlight: str | None = None
    update: str | None = None
    feedback_point: str | None = None


class DraftText(Body):
    """What changes: the subject, the body or the recipient (``""`` clears it)."""

    subject: str | None = None
    body: str | None = None
    to: str | None = None


def draft_view(view: DraftView, ws: Workspace) -> dict[str, Any]:
    """A draft with its quality findings and when it is due (also in words)."""
    timing = view.timing
    return {
        **to_jsonable(view.draft),
        "findings": to_jsonable(view.findings),
        "timing": to_jsonable(timing),
        "timing_text": timing.describe(ws.clock.now()) if timing else None,
    }


@router.get("/drafts")
def index(ws: Ws) -> dict[str, Any]:
    """Drafts to send and those sent, oldest first."""
    return {"items": to_jsonable(list_drafts(ws.store, ws.owner))}


@router.post("/applications/{app_id}/drafts", status_code=201)
def create(app_id: int, body: NewDraft, ws: Ws) -> dict[str, Any]:
    """Write a first draft for an application, signed with ``ONWARD_SENDER_NAME`` (without
    it, a 422 naming ``sender_name``: set it with ``PATCH /settings``)."""
    view = create_draft(
        ws.store,
        ws.owner,
        app_id,
        body.kind,
        ws.clock,
        highlight=body.highlight,
        update=body.update,
        feedback_point=body.feedback_point,
        templates_dir=ws.settings.templates_dir,
        sender_name=ws.settings.sender_name,
        signature=ws.settings.sender_signature,
    )
    return draft_view(view, ws)


@router.get("/drafts/{draft_id}")
def read(draft_id: int, ws: Ws) -> dict[str, Any]:
    """One draft with its quality checks run again."""
    return draft_view(get_draft(ws.store, ws.owner, draft_id, ws.clock), ws)


@router.patch("/drafts/{draft_id}")
def edit(draft_id: int, body: DraftText, ws: Ws) -> dict[str, Any]:
    """Change the subject, body or recipient of a draft not sent yet; checked again."""
    view = edit_draft(
        ws.store, ws.owner, draft_id, ws.clock, subject=body.subject, body=body.body, to=body.to
    )
    return draft_view(view, ws)


@router.post("/drafts/{draft_id}/sent")
def sent(draft_id: int, ws: Ws) -> dict[str, Any]:
    """The person sent it themselves: keep when, and complete the task that asked for it."""
    return json_object(mark_draft_sent(ws.store, ws.owner, draft_id, ws.clock))


@router.delete("/drafts/{draft_id}")
def discard(draft_id: int, ws: Ws) -> dict[str, Any]:
    """Discard a draft not sent yet; answers with it, marked discarded."""
    return json_object(discard_draft(ws.store, ws.owner, draft_id, ws.clock))
