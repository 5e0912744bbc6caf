"""Rejections: log a "no" with the details the web form takes, read the playbook's overview
(kindness only while the dwell window is open), end the window early."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter
from pydantic import Field

from onward.domain.emails import RejectionReason, RejectionStage
from onward.domain.playbook.rejection import RejectionChannel
from onward.errors import InvalidInput
from onward.services.applications import get_application
from onward.services.rejections import (
    RejectionDetails,
    RejectionOverview,
    dwell_choice,
    end_dwell,
    get_rejection_overview,
    reject_application,
)
from onward.web.routing import Body, Ws, error_about, json_object

router = APIRouter(tags=["rejections"])


class NewRejection(Body):
    """What the person says about a "no"; everything left out is worked out or unknown."""

    received_on: dt.date | None = None
    stage: RejectionStage | None = None
    channel: RejectionChannel = RejectionChannel.EMAIL
    reason: RejectionReason = RejectionReason.UNSPECIFIED
    quote: str | None = None
    contact_id: int | None = Field(default=None, ge=1)
    personal: bool | None = None
    sting: int | None = Field(default=None, ge=1, le=5)
    good_impression: bool = False
    note: str | None = None
    #: How long to take before the next steps ("until morning", "48h"); the setting's default.
    dwell: str | None = None

    def details(self) -> RejectionDetails:
        return RejectionDetails(**self.model_dump(exclude={"dwell"}))


def overview_record(overview: RejectionOverview) -> dict[str, Any]:
    """The overview as JSON, with whether the window is open and when the next steps open."""
    record = json_object(overview.visible())
    record["in_dwell_window"] = overview.in_window
    record["tasks_ready_at"] = overview.tasks_ready_at.isoformat()
    return record


@router.post("/applications/{app_id}/rejection", status_code=201)
def log(app_id: int, body: NewRejection, ws: Ws) -> dict[str, Any]:
    """Log a rejection: the application moves to rejected, the dwell window opens and the
    next steps are planned; answers with the playbook's overview."""
    get_application(ws.store, ws.owner, app_id)  # another's or unknown: a 404 before the body
    with error_about("dwell", InvalidInput):
        choice = dwell_choice(body.dwell, ws.settings.dwell_default)
    details = body.details()
    overview = reject_application(ws.store, ws.owner, app_id, details, ws.clock, dwell=choice)
    return overview_record(overview)


@router.get("/applications/{app_id}/rejection")
def read(app_id: int, ws: Ws) -> dict[str, Any]:
    """The rejection as it stands now: while the dwell window is open, only kindness (no
    tasks, advice or revisits yet)."""
    return overview_record(get_rejection_overview(ws.store, ws.owner, app_id, ws.clock))


@router.post("/applications/{app_id}/ready")
def ready(app_id: int, ws: Ws) -> dict[str, Any]:
    """The person feels ready: the dwell window ends now and the next steps open."""
    return overview_record(end_dwell(ws.store, ws.owner, app_id, ws.clock))
