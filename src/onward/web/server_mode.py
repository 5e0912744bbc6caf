"""Server mode (``onward serve --multi-user``): who is signed in, decided in one place.

:class:`SignedIn`, a pure ASGI middleware, runs before any route: it finds the account of
the request (the session cookie, or on ``/api/`` an ``Authorization: Bearer`` token) and
puts it and a :class:`Workspace` for its owner in the request's state. Every route gets its
workspace from :func:`onward.web.deps.workspace`, and every service call is scoped by that
workspace's owner, so routes need no change: another owner's id is simply not found (404).
A request with no account gets the sign-in page (a 303 to ``/signin``) or, on the API, a 401
in JSON; only the sign-in page, the one-time links and static files are open.

In single-user mode (the default) none of this is installed: the app's one workspace serves
every request, as before.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from http.cookies import SimpleCookie
from urllib.parse import quote

import anyio.to_thread
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

from onward.config import Settings
from onward.domain.accounts import Account
from onward.domain.records import Owner
from onward.mail.passwords import Passwords
from onward.services.runtime import Workspace
from onward.services.server_mode import (
    check_server_database,
    derived_key,
    owner_mail_passwords,
    server_secret,
)
from onward.services.sign_in import api_token_account, session_account
from onward.web.deps import CURRENT_WORKSPACE

SESSION_COOKIE = "onward_session"
#: What anyone may open without signing in.
OPEN_PATHS = frozenset({"/signin", "/theme", "/manifest.webmanifest", "/service-worker.js"})
OPEN_PREFIXES = ("/static/", "/account/link/")


@dataclass(frozen=True)
class ServerMode:
    """The settings of a multi-user server the web layer needs."""

    csrf_secret: bytes = field(repr=False)
    secure_cookies: bool
    session_days: int
    public_url: str

    @classmethod
    def from_settings(cls, settings: Settings) -> ServerMode:
        """Checked before anything opens: PostgreSQL and a shared secret, or SetupError."""
        check_server_database(settings)
        secret = server_secret(settings)
        return cls(
            csrf_secret=derived_key(secret, "csrf"),
            secure_cookies=settings.secure_cookies != "off",
            session_days=settings.session_days,
            public_url=settings.public_url,
        )


def owner_workspace(base: Workspace, account: Account) -> Workspace:
    """The workspace of ``account``'s owner: the server's store and clock, their owner row."""
    return replace(base, owner=Owner(id=account.owner_id, name=account.email))


def owner_passwords(account: Account) -> Passwords:
    """Mail account passwords of one owner: their own keyring names, never the server's
    environment."""
    return owner_mail_passwords(account.owner_id)


class SignedIn:
    """Pure ASGI middleware: the request's account and workspace, or the way to sign in."""

    def __init__(self, app: ASGIApp, *, workspace: Workspace, mode: ServerMode) -> None:
        self.app = app
        self.workspace = workspace
        self.mode = mode

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or _is_open(scope["path"]):
            await self.app(scope, receive, send)
            return
        found = await anyio.to_thread.run_sync(self.identify, scope)
        if found is None:
            await _ask_to_sign_in(scope, send)
            return
        account, current = found
        state = scope.setdefault("state", {})
        state["account"] = account
        state["workspace"] = owner_workspace(self.workspace, account)
        state[CURRENT_WORKSPACE] = current
        await self.app(scope, receive, send)

    def identify(self, scope: Scope) -> tuple[Account, Workspace] | None:
        """The request's account and its owner's workspace with their settings in effect,
        read in one transaction; None when nobody is signed in."""
        with self.workspace.store.transaction():
            account = self._account(scope)
            if account is None:
                return None
            return account, owner_workspace(self.workspace, account).current()

    def _account(self, scope: Scope) -> Account | None:
        headers = Headers(scope=scope)
        ws = self.workspace
        authorization = headers.get("authorization")
        if authorization is not None and scope["path"].startswith("/api/"):
            scheme, _, secret = authorization.partition(" ")
            if scheme.lower() != "bearer":
                return None
            return api_token_account(ws.store, secret.strip(), ws.clock)
        token = session_token(headers.get("cookie"))
        return session_account(ws.store, token, ws.clock, session_days=self.mode.session_days)


def session_token(cookie_header: str | None) -> str | None:
    """The session cookie's value in a Cookie header, if any."""
    if not cookie_header:
        return None
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(cookie_header)
    except Exception:  # a malformed cookie header is no cookie
        return None
    morsel = jar.get(SESSION_COOKIE)
    return morsel.value if morsel is not None else None


def _is_open(path: str) -> bool:
    return path in OPEN_PATHS or path.startswith(OPEN_PREFIXES)


async def _ask_to_sign_in(scope: Scope, send: Send) -> None:
    path = scope["path"]
    if path.startswith("/api/"):
        body: dict[str, object] = {
            "error": "Sign in first: send `Authorization: Bearer TOKEN` with your API token",
            "field": None,
            "hint": {"action": None, "args": {}, "text": "ask for a token with `onward api token`"},
        }
        await _answer(send, 401, [(b"content-type", b"application/json")], json.dumps(body))
        return
    query = scope.get("query_string", b"").decode("latin-1")
    here = path + (f"?{query}" if query else "")
    location = "/signin" if here == "/" else f"/signin?next={quote(here, safe='')}"
    headers = [(b"location", location.encode("latin-1")), (b"cache-control", b"no-store")]
    await _answer(send, 303, headers, "")


async def _answer(send: Send, status: int, headers: list[tuple[bytes, bytes]], body: str) -> None:
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body.encode()})
