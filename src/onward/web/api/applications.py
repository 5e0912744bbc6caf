"""Applications: list them as the board's table does, add, read, edit, move, archive (and bring
back) and delete one."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import MISSING
from typing import TYPE_CHECKING, Annotated, Any, Literal, get_type_hints

from fastapi import APIRouter, Query
from pydantic import Field, create_model

from onward.domain.pipeline import Stage
from onward.domain.records import SORTS, ApplicationFields, ApplicationQuery
from onward.errors import InvalidInput, OnwardError
from onward.export.records import application_record
from onward.services.applications import (
    add_application,
    archive_applications,
    delete_application,
    edit_application,
    get_application,
    list_applications,
    move_application,
)
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


def _optional_fields() -> dict[str, Any]:
    """Every field of ``ApplicationFields``, each optional: an edit names only what changes."""
    hints = get_type_hints(ApplicationFields)
    return {f.name: (hints[f.name] | None, None) for f in dataclasses.fields(ApplicationFields)}


#: Changes to an application: the fields given change, ``null`` clears an optional one.
if TYPE_CHECKING:
    Changes = Body
else:
    Changes = create_model(
        "Changes", __base__=Body, __doc__="Fields to change.", **_optional_fields()
    )

#: The table's page size when ``limit`` is left out, and the largest ``limit`` allowed.
PAGE_SIZE = 50
MAX_LIMIT = 500


class Move(Body):
    """A step in the pipeline: the stage reached, and the day (today when left out)."""

    stage: Stage
    day: dt.date | None = Field(default=None, alias="date")
    note: str | None = None


@router.get("/applications")
def index(
    ws: Ws,
    stage: Stage | None = None,
    q: Annotated[str, Query(max_length=200)] = "",
    tag: Annotated[str, Query(max_length=100)] = "",
    active: bool | None = None,
    archived: Literal["false", "true", "any"] = "false",
    sort: str = "recent",
    reverse: bool = False,
    page: Annotated[int, Query(ge=1)] = 1,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = PAGE_SIZE,
) -> dict[str, Any]:
    """The applications the board's table shows: filtered by ``stage``, ``q`` (company or
    role contains), ``tag``, ``active`` and ``archived`` (``true``: archived only; ``any``:
    both), sorted by ``sort`` (``reverse`` turns it), ``limit`` at a time from ``page``."""
    if sort not in SORTS:
        raise InvalidInput(
            f"cannot sort by {sort!r}", field="sort", hint="one of: " + ", ".join(SORTS)
        )
    query = ApplicationQuery(
        stages=(stage,) if stage else (),
        active=active,
        search=q.strip() or None,
        tag=tag.strip() or None,
        archived={"false": False, "true": True, "any": None}[archived],
        sort=sort,
        reverse=reverse,
        limit=limit,
        offset=(page - 1) * limit,
    )
    found = list_applications(ws.store, ws.owner, query)
    return {
        "items": [application_record(app, events=False) for app in found.items],
        "total": found.total,
        "page": page,
        "pages": max(1, -(-found.total // limit)),
        "limit": limit,
    }


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


@router.patch("/applications/{app_id}")
def edit(app_id: int, body: Changes, ws: Ws) -> dict[str, Any]:
    """Change some fields of an application; answers with it as saved."""
    changes = {name: "" if value is None else value for name, value in _given(body).items()}
    return application_record(edit_application(ws.store, ws.owner, app_id, changes, ws.clock))


def _given(body: Body) -> dict[str, Any]:
    """The fields the body sets, ``null`` included; tags as the service takes them."""
    given = {name: getattr(body, name) for name in body.model_fields_set}
    if "tags" in given:
        given["tags"] = tuple(given["tags"] or ())
    return given


@router.post("/applications/{app_id}/archive")
def archive(app_id: int, ws: Ws) -> dict[str, Any]:
    """Archive an application: off the board and lists, still there with ``archived=true``."""
    (app,) = archive_applications(ws.store, ws.owner, [app_id], ws.clock)
    return application_record(app, events=False)


@router.post("/applications/{app_id}/unarchive")
def unarchive(app_id: int, ws: Ws) -> dict[str, Any]:
    """Bring an archived application back on the board."""
    (app,) = archive_applications(ws.store, ws.owner, [app_id], ws.clock, undo=True)
    return application_record(app, events=False)


@router.delete("/applications/{app_id}")
def delete(app_id: int, ws: Ws) -> dict[str, Any]:
    """Delete an application and its history; answers with what was deleted. Undo it with
    ``POST /applications/{app_id}/undo``."""
    return application_record(delete_application(ws.store, ws.owner, app_id, ws.clock))
