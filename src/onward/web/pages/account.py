"""Signing in and out of a multi-user server, and the one-time links that set a password
(installed only in server mode: ``SERVER_ROUTERS``).

A refused sign-in always says the same words (``SIGN_IN_REFUSED``, or ``SIGN_IN_WAIT`` after
too many tries), whether or not the email has an account. The session cookie is HttpOnly,
SameSite=Lax (a link from an email opens the app signed in) and Secure on a server behind
TLS; only its digest is stored.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from onward.domain.accounts import LINK_REFUSED, MIN_PASSWORD, LinkPurpose, Refusal
from onward.errors import InvalidInput
from onward.services.account_links import open_link, use_link
from onward.services.runtime import Workspace
from onward.services.sign_in import NewSession, sign_in, sign_out
from onward.web.forms import Form, read_form
from onward.web.rendering import redirect, render
from onward.web.security import COOKIE as CSRF_COOKIE
from onward.web.server_mode import SESSION_COOKIE, ServerMode, session_token

router = APIRouter(include_in_schema=False)


@dataclass(frozen=True)
class SignInPage:
    form: Form
    next: str
    problem: str | None = None


@dataclass(frozen=True)
class LinkPage:
    form: Form
    token: str
    purpose: LinkPurpose | None  # None: the link does not work
    email: str = ""
    min_password: int = MIN_PASSWORD
    refused: str = LINK_REFUSED


def _mode(request: Request) -> ServerMode:
    mode: ServerMode = request.app.state.server_mode
    return mode


def _server(request: Request) -> Workspace:
    ws: Workspace = request.app.state.workspace
    return ws


def _next(value: str | None) -> str:
    """Only our own pages, never the sign-in page itself."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return "/"
    return "/" if value.startswith("/signin") else value


def _signed_in(request: Request, session: NewSession, to: str) -> Response:
    """Redirect with the session cookie, and a fresh CSRF cookie: a value planted before
    signing in is worth nothing after."""
    mode = _mode(request)
    response = redirect(to)
    response.set_cookie(
        CSRF_COOKIE,
        secrets.token_urlsafe(32),
        path="/",
        httponly=True,
        samesite="strict",
        secure=mode.secure_cookies,
    )
    response.set_cookie(
        SESSION_COOKIE,
        session.token,
        max_age=mode.session_days * 24 * 3600,
        path="/",
        httponly=True,
        samesite="lax",
        secure=mode.secure_cookies,
    )
    return response


@router.get("/signin")
def show_sign_in(request: Request, next: str = "/") -> Response:
    page = SignInPage(Form.empty(_server(request).clock.today()), _next(next))
    return render(request, "account/signin.html", page, title="Sign in")


@router.post("/signin")
async def do_sign_in(request: Request, form: Form = Depends(read_form)) -> Response:
    ws, mode = _server(request), _mode(request)
    client = request.client.host if request.client is not None else "unknown"
    outcome = await run_in_threadpool(
        sign_in,
        ws.store,
        form["email"],
        form["password"],
        client,
        ws.clock,
        session_days=mode.session_days,
    )
    if outcome.session is None:
        assert outcome.refusal is not None
        shown = Form({"email": form["email"][:320]}, form.today)
        page = SignInPage(shown, _next(form["next"]), outcome.refusal.message)
        status = 429 if outcome.refusal is Refusal.WAIT else 401
        return render(request, "account/signin.html", page, title="Sign in", status=status)
    return _signed_in(request, outcome.session, _next(form["next"]))


@router.post("/signout")
def do_sign_out(request: Request) -> Response:
    sign_out(_server(request).store, session_token(request.headers.get("cookie")))
    response = redirect("/signin", "You are signed out.")
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.get("/account/link/{token}")
def show_link(request: Request, token: str) -> Response:
    ws = _server(request)
    found = open_link(ws.store, token, ws.clock)
    form = Form.empty(ws.clock.today())
    if found is None:
        page = LinkPage(form, token, None)
        return render(request, "account/link.html", page, title="Link", status=404)
    page = LinkPage(form, token, found[0], found[1].email)
    return render(request, "account/link.html", page, title="Choose a password")


@router.post("/account/link/{token}")
async def take_link(request: Request, token: str, form: Form = Depends(read_form)) -> Response:
    ws, mode = _server(request), _mode(request)
    found = await run_in_threadpool(open_link, ws.store, token, ws.clock)
    if found is None:
        page = LinkPage(Form.empty(form.today), token, None)
        return render(request, "account/link.html", page, title="Link", status=404)
    if form["password"] != form["again"]:
        form.fail("again", "the two passwords are not the same")
    session = None
    if form.ok:
        try:
            session = await run_in_threadpool(
                use_link,
                ws.store,
                token,
                form["password"],
                ws.clock,
                session_days=mode.session_days,
            )
        except InvalidInput as exc:
            form.fail_with(exc)
    if not form.ok:
        shown = Form({}, form.today)  # passwords are never sent back
        shown.errors = form.errors
        page = LinkPage(shown, token, found[0], found[1].email)
        return render(request, "account/link.html", page, title="Choose a password", status=422)
    if session is None:
        page = LinkPage(Form.empty(form.today), token, None)
        return render(request, "account/link.html", page, title="Link", status=404)
    return _signed_in(request, session, "/")
