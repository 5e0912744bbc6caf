"""The one place the web app turns Onward's errors into HTTP statuses and friendly pages.

``NotFound`` → 404, ``InvalidInput`` and ``ImportFailed`` → 422, ``InvalidMove`` and
``Conflict`` → 409, other ``UserError`` → 400, a refused CSRF token → 403, ``SetupError`` →
500, an unknown or revoked API token → 401 (a foreign Host header is refused before routing,
in ``security.py``). Requests under ``/api/`` get JSON: ``{"error": message, "field": ...,
"hint": {"action": ..., "args": ..., "text": ...}}``, the hint as data. Everything else gets
a page in the app's layout, with the hint as a link when a page offers its action
(``hints.py``). Forms that fail validation do not come here: their routes re-render the form
with the messages beside the fields (see ``forms.py``).
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from onward.clock import SystemClock
from onward.errors import (
    Conflict,
    Hint,
    ImportFailed,
    InvalidInput,
    InvalidMove,
    NotFound,
    OnwardError,
    SetupError,
    hint_of,
)
from onward.services.crash_reports import FOLDER, CrashReport, record_crash
from onward.web.hints import shown
from onward.web.rendering import render
from onward.web.security import CsrfRefused, TokenRefused

log = logging.getLogger("onward.web")

TITLES = {
    400: "That did not work",
    401: "That did not work",
    403: "Please reload the page",
    404: "We could not find that",
    405: "That did not work",
    409: "That step is not possible",
    422: "Something needs another look",
    500: "Something went wrong on our side",
}


def status_for(exc: OnwardError) -> int:
    if isinstance(exc, NotFound):
        return 404
    if isinstance(exc, InvalidInput | ImportFailed):
        return 422
    if isinstance(exc, InvalidMove | Conflict):
        return 409
    if isinstance(exc, CsrfRefused):
        return 403
    if isinstance(exc, TokenRefused):
        return 401
    if isinstance(exc, SetupError):
        return 500
    return 400  # any other UserError


def error_response(
    request: Request,
    status: int,
    message: str,
    hint: Hint | str | None,
    field: str | None = None,
) -> Response:
    hint = hint_of(hint)
    if request.url.path.startswith("/api/"):
        body = {"error": message, "field": field, "hint": hint.as_json() if hint else None}
        return JSONResponse(body, status_code=status)
    title = TITLES.get(status, "That did not work")
    page = {"title": title, "message": message, "hint": shown(hint)}
    return render(request, "error.html", page, status=status)


async def _onward_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, OnwardError)
    status = status_for(exc)
    if status >= 500:
        log.error("setup problem: %s", exc.message)
    return error_response(request, status, exc.message, exc.hint, exc.field)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 404:
        return error_response(
            request, 404, "There is no page at this address.", "the navigation has every page"
        )
    if exc.status_code == 405:
        return error_response(
            request, 405, "This address does not take that kind of request.", None
        )
    return error_response(request, exc.status_code, str(exc.detail), None)


async def _validation_error(request: Request, exc: Exception) -> Response:
    """A malformed id in the address (/applications/abc) is a page that does not exist."""
    assert isinstance(exc, RequestValidationError)
    if any(err.get("loc", ("",))[0] == "path" for err in exc.errors()):
        return error_response(request, 404, "There is no page at this address.", None)
    if request.url.path.startswith("/api/") and exc.errors():
        first = exc.errors()[0]  # the API names what it could not read, and why
        field = ".".join(str(part) for part in first.get("loc", ())[1:]) or None
        message = f"{field or 'the body'}: {first.get('msg', 'not valid')}"
        return error_response(request, 422, message, None, field)
    return error_response(request, 422, "Some of what was sent could not be read.", None)


class CatchAll:
    """Pure ASGI middleware: an unexpected exception becomes the friendly 500 page (with the
        security headers, since this sits inside :class:`SecurityMiddleware`), a crash report file
    and one log line naming it; no traceback, which may quote the person's data, is logged."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking)
        except Exception as exc:
            crash = _record(scope, exc)
            log.error("%s", crash.line())
            if started:  # half a page went out: end it here, without a traceback in the log
                return
            request = Request(scope)
            response = error_response(
                request,
                500,
                "Onward hit an unexpected problem. Nothing you entered was half-saved.",
                "try again; if it keeps happening, a report without your data is in the "
                f"{FOLDER} folder of Onward's data folder, for you to read or share",
            )
            await response(scope, receive, send)


def _record(scope: Scope, exc: Exception) -> CrashReport:
    """The crash report of a request: its method and route pattern, never the address
    itself (the query string may hold what the person typed)."""
    route = getattr(scope.get("route"), "path", None) or "(an address)"
    app = scope.get("app")
    workspace = getattr(getattr(app, "state", None), "workspace", None)
    home = workspace.settings.home if workspace is not None else None
    clock = workspace.clock if workspace is not None else SystemClock()
    return record_crash(exc, f"{scope.get('method')} {route}", home, clock.now())


def install(app: FastAPI) -> None:
    app.add_exception_handler(OnwardError, _onward_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
