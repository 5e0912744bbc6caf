"""Applications: add one, read one, move one through the pipeline."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict, Field

from onward.domain.pipeline import Stage
from onward.domain.records import ApplicationFields, Channel
from onward.export.records import application_record
from onward.services.applications import add_application, get_application, move_application
from onward.services.runtime import Workspace
from onward.web.deps import workspace

router = APIRouter(tags=["applications"])

Ws = Annotated[Workspace, Depends(workspace)]


class NewApplication(BaseModel):
    """An application to start tracking; ``stage`` and ``date`` say where it stands."""

    model_config = ConfigDict(extra="forbid")

    company: str
    role: str
    job_ref: str | None = None
    url: str | None = None
    location: str | None = None
    channel: Channel | None = None
    salary_min: int | None = None
    salary_max: int | None = None
    salary_currency: str | None = None
    excitement: int | None = None
    description: str | None = None
    resume_version: str | None = None
    tailored: bool | None = None
    notes: str | None = None
    tags: list[str] = Field(default_factory=list)
    stage: Stage = Stage.APPLIED
    day: dt.date | None = Field(default=None, alias="date")
    note: str | None = None

    def fields(self) -> ApplicationFields:
        values = self.model_dump(exclude={"stage", "day", "note", "tags"})
        return ApplicationFields(**values, tags=tuple(self.tags))


class Move(BaseModel):
    """A step in the pipeline: the stage reached, and the day (today when left out)."""

    model_config = ConfigDict(extra="forbid")

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
    app = move_application(
        ws.store, ws.owner, app_id, body.stage, ws.clock, on=body.day, note=body.note
    )
    return application_record(app)
