"""Every request speaks the person's locale: dates and numbers in the pages, notices and
messages follow the ``locale`` setting (:mod:`onward.formats`).

A pure ASGI middleware, so the locale is set in the request's context before any route or
dependency runs (a sync route runs in a worker thread with a copy of that context). Reading
the settings is one small query, done off the event loop, and the workspace with the settings
in effect is kept in the request's state for the routes (:data:`CURRENT_WORKSPACE`). On a
multi-user server ``SignedIn`` runs first and has already read the signed-in owner's settings
with their account, in the same transaction.
"""

from __future__ import annotations

import anyio.to_thread
from starlette.types import ASGIApp, Receive, Scope, Send

from onward.formats import activate
from onward.services.runtime import Workspace
from onward.web.deps import CURRENT_WORKSPACE


class LocaleMiddleware:
    def __init__(self, app: ASGIApp, *, workspace: Workspace) -> None:
        self.app = app
        self.workspace = workspace

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not scope.get("path", "").startswith("/static/"):
            state = scope.setdefault("state", {})
            current: Workspace | None = state.get(CURRENT_WORKSPACE)
            if current is None:
                ws: Workspace = state.get("workspace") or self.workspace  # the signed-in owner's
                current = state[CURRENT_WORKSPACE] = await anyio.to_thread.run_sync(ws.current)
            activate(current.settings.locale)
        await self.app(scope, receive, send)
