"""Applications: add one, read one, move one through the pipeline."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import MISSING
from typing import TYPE_CHECKING, Any, get_type_hints

from fastapi import APIRouter
from pydantic import Field, create_model

from onward.domain.pipeline import Stage
from onward.domain.records import ApplicationFields
from onward.errors import OnwardError
from onward.export.records import application_record
from onward.services.applications import add_application, get_application, move_application
from onward.web.routing import Body, Ws

router = APIRouter(tags=["applications"])


class Placement(Body):
    """Where a new application stands: ``stage`` and ``date`` (today when left out)."""

    stage: Stage = Stage.APPLIED
    day: dt.date | None = Field(default=None, alias="date")
    note: str | None = None

    def fields(self) -> ApplicationFields:
        return ApplicationFields(**self.model_dump(include=set(_FIELDS)))


def _application_fields() -> dict[str, Any]:
    """The body's application fields, read from the one definition (``ApplicationFields``)."""
    hints = get_type_hints(ApplicationFields)
    return {
        f.name: (hints[f.name], ... if f.default is MISSING else f.default)
        for f in dataclasses.fields(ApplicationFields)
    }


_FIELDS = _application_fields()
#: An application to start tracking: every field of ``ApplicationFields``, then where it stands.
if TYPE_CHECKING:
    NewApplication = Placement
else:
    NewApplication = create_model(
        "NewApplication", __base__=Placement, __doc__="An application to start tracking.", **_FIELDS
    )


class Move(Body):
    """A step in the pipeline: the stage reached, and the day (today when left out)."""

    stage: Stage
    day: dt.date | None = Field(default=None, alias="date")
    note: str | None = None


@router.post("/applications", status_code=201)
def create(body: NewApplication, ws: Ws) -> dict[str, Any]:
    """Start tracking an application; answers with it, its id included."""
    app = add_application(
        ws.store, ws.owner, body.fields(), ws.clock, stage=body.stage, on=body.day, note=body.note
    )
    return application_record(app)


@router.get("/applications/{app_id}")
def read(app_id: int, ws: Ws) -> dict[str, Any]:
    """One application with its history of stages."""
    return application_record(get_application(ws.store, ws.owner, app_id))


@router.post("/applications/{app_id}/moves", status_code=201)
def move(app_id: int, body: Move, ws: Ws) -> dict[str, Any]:
    """Move an application to another stage; an impossible move is a 409 with the reason."""
    try:
        app = move_application(
            ws.store, ws.owner, app_id, body.stage, ws.clock, on=body.day, note=body.note
        )
    except OnwardError as exc:
        if exc.field == "on":  # the service's name for what this body calls "date"
            exc.field = "date"
        raise
    return application_record(app)
