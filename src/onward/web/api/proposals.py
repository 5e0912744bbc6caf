"""Proposals read from mail: list them, accept some (by id, or all above a confidence)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, ConfigDict, Field, model_validator

from onward.domain.mail import ProposalStatus
from onward.services.proposals import ProposalView
from onward.services.review import accept_confident, accept_proposals, list_proposals
from onward.services.runtime import Workspace
from onward.web.deps import workspace

router = APIRouter(tags=["proposals"])

Ws = Annotated[Workspace, Depends(workspace)]


class Acceptance(BaseModel):
    """Which proposals to accept: ``ids``, or every pending one at ``min_confidence`` or more."""

    model_config = ConfigDict(extra="forbid")

    ids: list[int] | None = Field(default=None, min_length=1)
    min_confidence: float | None = Field(default=None, gt=0, le=1)

    @model_validator(mode="after")
    def one_of(self) -> Acceptance:
        if (self.ids is None) == (self.min_confidence is None):
            raise ValueError("send either ids or min_confidence")
        return self


@router.get("/proposals")
def read(
    ws: Ws,
    status: ProposalStatus | None = ProposalStatus.PENDING,
    limit: Annotated[int | None, Query(ge=1, le=1000)] = None,
) -> list[dict[str, Any]]:
    """Proposals (pending ones unless ``status`` says otherwise), oldest message first."""
    views = list_proposals(ws.store, ws.owner, status=status, limit=limit)
    return [proposal_record(v) for v in views]


@router.post("/proposals/accept")
def accept(body: Acceptance, ws: Ws) -> dict[str, Any]:
    """Accept proposals; each is applied on its own, and one that cannot be is listed under
    ``failed`` with the reason while the others go ahead."""
    if body.ids is not None:
        outcome = accept_proposals(ws.store, ws.owner, body.ids, ws.clock)
    else:
        assert body.min_confidence is not None
        outcome = accept_confident(ws.store, ws.owner, body.min_confidence, ws.clock)
    return {
        "accepted": [
            {
                "proposal_id": a.proposal_id,
                "application_id": a.application_id,
                "done": a.done,
                "rejection_logged": a.rejection_logged,
            }
            for a in outcome.accepted
        ],
        "failed": [
            {
                "proposal_id": i,
                "error": why,
                "hint": outcome.hints[i].as_json() if i in outcome.hints else None,
            }
            for i, why in outcome.failed
        ],
    }


def proposal_record(view: ProposalView) -> dict[str, Any]:
    return {
        "id": view.id,
        "kind": view.kind.value,
        "status": view.status.value,
        "summary": view.summary,
        "confidence": view.confidence,
        "proposed": view.proposed,
        "application_id": view.application_id,
        "waiting_on": view.waiting_on,
        "message": {
            "id": view.message_id,
            "subject": view.subject,
            "sender": view.sender,
            "sent_at": view.sent_at,
            "label": view.label,
            "evidence": list(view.evidence),
        },
        "created_at": view.created_at,
        "decided_at": view.decided_at,
    }
