"""The JSON API under ``/api/v1/``: the web app's actions for scripts, extensions and coaches.

Each module here has an ``APIRouter`` named ``router`` whose routes are thin: a pydantic model
parses the body, one service does the work, and the answer is plain JSON. Errors are not
formatted here: services raise Onward's errors and ``web/errors.py`` turns them into JSON
(``{"error": ..., ...}`` with the right status) for every path under ``/api/``.

Authentication is in ``web/security.py``: a request with ``Authorization: Bearer TOKEN``
(a token from ``onward api token``) needs no CSRF token; any other request is treated like
the browser's, so unsafe methods need the CSRF cookie and header.

To add routes: write a module with ``router = APIRouter(tags=[...])`` and add its router to
``ROUTERS`` below; :func:`build_api_router` mounts them all and describes them in
``/api/v1/openapi.json``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fastapi import APIRouter
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse

from onward import __version__
from onward.web.api import (
    applications,
    buddy,
    contacts,
    data,
    debriefs,
    drafts,
    experiments,
    feedback,
    ghosting,
    goals,
    if_then,
    insights,
    journal,
    mail_accounts,
    mail_imports,
    mail_summaries,
    plan,
    proposals,
    reflections,
    rejections,
    reports,
    resumes,
    setback,
    settings,
    sharing,
    tasks,
    undo,
    wellbeing_check,
    writing,
)

PREFIX = "/api/v1"

ROUTERS: tuple[APIRouter, ...] = (
    applications.router,
    proposals.router,
    mail_imports.router,
    mail_accounts.router,
    settings.router,
    if_then.router,
    feedback.router,
    experiments.router,
    debriefs.router,
    buddy.router,
    setback.router,
    wellbeing_check.router,
    writing.router,
    undo.router,
    contacts.router,
    journal.router,
    goals.router,
    plan.router,
    resumes.router,
    mail_summaries.router,
    insights.router,
    reports.router,
    data.router,
    sharing.router,
    rejections.router,
    tasks.router,
    drafts.router,
    reflections.router,
    ghosting.router,
)


def build_api_router(routers: Sequence[APIRouter] = ROUTERS) -> APIRouter:
    """One router with every API route under ``/api/v1``, and its OpenAPI document."""
    api = APIRouter(prefix=PREFIX)
    for router in routers:
        api.include_router(router)
    operations = list(api.routes)
    schema: dict[str, Any] = {}

    @api.get("/openapi.json", include_in_schema=False)
    def openapi() -> JSONResponse:
        if not schema:
            schema.update(describe(operations))
        return JSONResponse(schema)

    return api


def describe(routes: Sequence[Any]) -> dict[str, Any]:
    """The OpenAPI document of ``routes`` (the API's, never the web pages')."""
    schema = get_openapi(
        title="Onward API",
        version=__version__,
        openapi_version="3.1.0",
        description="Onward's actions as JSON. See docs/api.md.",
        routes=routes,
    )
    schema.setdefault("components", {})["securitySchemes"] = {
        "bearer": {"type": "http", "scheme": "bearer", "description": "onward api token"}
    }
    schema["security"] = [{"bearer": []}]
    return schema
