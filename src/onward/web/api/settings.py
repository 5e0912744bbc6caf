"""``GET``/``PATCH /api/v1/settings``: the settings you can change, as JSON.

Keys are the setting names (``sender_name``, ``ghost_after_days``...): the environment
variable without ``ONWARD_``, in lower case. Each value comes with where it comes from
(``environment``, ``saved`` or ``default``). ``PATCH`` takes an object of the settings to
change (``null`` or ``""`` goes back to the default), checks them all, and saves all or none;
a bad one answers 422 ``{"error": message, "field": name}``.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse

from onward.errors import InvalidInput
from onward.services.runtime import Workspace
from onward.services.settings import change_settings, read_settings
from onward.web.deps import base_workspace

router = APIRouter()


def _problem(message: str, field: str | None) -> JSONResponse:
    return JSONResponse({"error": message, "field": field}, status_code=422)


@router.get("/settings")
def get_settings(ws: Workspace = Depends(base_workspace)) -> dict[str, Any]:
    """Every setting you can change: ``{name: {value, source, variable}}``."""
    return read_settings(ws.store, ws.owner, ws.settings).as_json()


@router.patch("/settings", response_model=None)
async def patch_settings(
    request: Request, ws: Workspace = Depends(base_workspace)
) -> dict[str, Any] | JSONResponse:
    """Change some settings at once (all or nothing); answers with every setting after."""
    try:
        changes = json.loads(await request.body() or b"null")
    except ValueError:
        return _problem('the body is not JSON: send an object such as {"sender_name": "Ana"}', None)
    if not isinstance(changes, dict) or not changes:
        return _problem("send a JSON object of the settings to change", None)
    try:
        change_settings(ws.store, ws.owner, changes, ws.clock)
    except InvalidInput as exc:
        return _problem(exc.message, exc.field)
    return read_settings(ws.store, ws.owner, ws.settings).as_json()
