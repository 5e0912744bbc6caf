"""The admin page of a multi-user server (``/admin``): the accounts, the storage of each and
the job queue's health. Only admins see it; anyone else gets the 404 of a page that does not
exist."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from onward.domain.accounts import Account, Role
from onward.services.admin import admin_overview
from onward.services.runtime import Workspace
from onward.web.deps import require_role
from onward.web.rendering import render

router = APIRouter(include_in_schema=False)


@router.get("/admin")
async def show_admin(
    request: Request, admin: Account = Depends(require_role(Role.ADMIN))
) -> Response:
    ws: Workspace = request.app.state.workspace
    overview = await run_in_threadpool(admin_overview, ws.store, ws.clock)
    return render(request, "admin/index.html", overview, title="Admin")
