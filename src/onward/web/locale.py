"""Every request speaks the person's locale: dates and numbers in the pages, notices and
messages follow the ``locale`` setting (:mod:`onward.formats`).

A pure ASGI middleware, so the locale is set in the request's context before any route or
dependency runs (a sync route runs in a worker thread with a copy of that context). Reading
the setting is one small query, done off the event loop. On a multi-user server it is the
signed-in owner's setting (``SignedIn`` runs first and puts their workspace in the scope).
"""

from __future__ import annotations

import anyio.to_thread
from starlette.types import ASGIApp, Receive, Scope, Send

from onward.formats import activate
from onward.services.runtime import Workspace
from onward.services.settings import locale_in_effect


class LocaleMiddleware:
    def __init__(self, app: ASGIApp, *, workspace: Workspace) -> None:
        self.app = app
        self.workspace = workspace

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not scope.get("path", "").startswith("/static/"):
            ws = scope.get("state", {}).get("workspace") or self.workspace  # the signed-in owner's
            locale = await anyio.to_thread.run_sync(
                locale_in_effect, ws.store, ws.owner, ws.settings
            )
            activate(locale)
        await self.app(scope, receive, send)
