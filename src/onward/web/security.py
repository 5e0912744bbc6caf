"""The security layer, in one place.

- Every response carries a strict Content-Security-Policy (our own origin only: no inline
  script or style, no remote anything), refuses framing, sniffing and referrers.
- Requests must name a loopback host (127.0.0.1, localhost, [::1]) unless the server was told
  to allow remote access: a web page elsewhere cannot reach the app through DNS rebinding
  (any other Host header gets a short 400 page, for every address, static files included).
  The header is parsed exactly (:func:`parse_host`): one Host header, a name, and at most a
  port of digits, so ``127.0.0.1:8000@evil.example``, ``localhost:evil`` and
  ``localhost.evil`` are all refused. The port itself is not compared: a browser always sends
  the one it connected to, and an SSH tunnel may change it; the name is what rebinding forges.
- CSRF: a secret signs a random per-browser value kept in a SameSite=Strict
  cookie. Every form carries the signature as ``csrf_token`` (scripts send it as the
  ``X-CSRF-Token`` header), and :func:`verify_csrf`, a dependency of the whole app, refuses any
  state-changing request whose token does not match, or that another site sent. The secret
  is per process in single-user mode; on a multi-user server it is derived from
  ``ONWARD_SECRET_KEY``, so every worker process accepts the others' forms.
- Multi-user servers mark every cookie ``Secure`` (unless ``ONWARD_SECURE_COOKIES=off``, for
  plain http on this computer), and :mod:`onward.web.server_mode` checks bearer tokens and
  session cookies before any route.
- The JSON API (``/api/``): a request with ``Authorization: Bearer TOKEN`` (from ``onward
  api token``) needs no CSRF token, since no browser sends that header on its own; a token
  that is unknown or revoked gets 401. Requests without one are the browser's: unsafe ones
  need the CSRF token as above.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Iterable
from http.cookies import SimpleCookie
from typing import Any

from fastapi import Request
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from onward.errors import OnwardError

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; "
    "object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
)
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]")
_HOST = re.compile(r"(?P<name>\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(?P<port>[0-9]{1,5}))?")
COOKIE = "onward_csrf"
FIELD = "csrf_token"
HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
API = "/api/"


class CsrfRefused(OnwardError):
    """A state-changing request without a valid token (HTTP 403)."""


class TokenRefused(OnwardError):
    """An API request whose bearer token is unknown or revoked (HTTP 401)."""


class Csrf:
    """Signs and checks CSRF tokens with a secret that lives as long as the process."""

    def __init__(self, secret: bytes | None = None) -> None:
        self._secret = secret or secrets.token_bytes(32)

    def token_for(self, nonce: str) -> str:
        return hmac.new(self._secret, nonce.encode(), hashlib.sha256).hexdigest()

    def valid(self, nonce: str | None, token: str | None) -> bool:
        if not nonce or not token:
            return False
        return hmac.compare_digest(self.token_for(nonce), token)


def _cookie_nonce(headers: Iterable[tuple[bytes, bytes]]) -> str | None:
    for name, value in headers:
        if name == b"cookie":
            jar: SimpleCookie = SimpleCookie()
            try:
                jar.load(value.decode("latin-1"))
            except Exception:  # a malformed cookie header is no cookie
                return None
            morsel = jar.get(COOKIE)
            if morsel and len(morsel.value) == 43 and morsel.value.isascii():
                return morsel.value
    return None


def parse_host(value: str) -> tuple[str, int | None] | None:
    """``(name, port)`` of a Host header value (name lower-cased), or None unless the whole
    value is a host name or bracketed IPv6 address and at most a valid port."""
    found = _HOST.fullmatch(value.lower())
    if found is None:
        return None
    port = int(found["port"]) if found["port"] is not None else None
    if port is not None and not 0 < port < 65536:
        return None
    return found["name"], port


def _host(headers: Iterable[tuple[bytes, bytes]]) -> str | None:
    """The host name of the request's one Host header; None if there is not exactly one or
    it does not parse."""
    values = [value for name, value in headers if name == b"host"]
    if len(values) != 1:
        return None
    parsed = parse_host(values[0].decode("latin-1"))
    return parsed[0] if parsed is not None else None


class SecurityMiddleware:
    """Pure ASGI middleware: host check, the CSRF cookie, and the security headers."""

    def __init__(
        self, app: ASGIApp, *, allowed_hosts: tuple[str, ...] | None, secure_cookies: bool = False
    ) -> None:
        self.app = app
        self.allowed_hosts = allowed_hosts  # None: any host (explicitly allowed remote access)
        self.secure_cookies = secure_cookies  # every cookie Secure (server mode, behind TLS)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = scope["headers"]
        nonce = _cookie_nonce(headers)
        fresh = nonce is None
        if nonce is None:
            nonce = secrets.token_urlsafe(32)
        scope.setdefault("state", {})["csrf_nonce"] = nonce
        if self.allowed_hosts is not None and _host(headers) not in self.allowed_hosts:
            await _refuse_host(send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                extra = list(HEADERS)
                if fresh:
                    cookie = f"{COOKIE}={nonce}; Path=/; HttpOnly; SameSite=Strict"
                    extra.append((b"set-cookie", cookie.encode()))
                message["headers"] = list(message.get("headers", [])) + extra
                if self.secure_cookies:
                    message["headers"] = [_secure(h) for h in message["headers"]]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _secure(header: tuple[bytes, bytes]) -> tuple[bytes, bytes]:
    """A Set-Cookie header marked Secure (sent back only over HTTPS)."""
    name, value = header
    if name.lower() != b"set-cookie" or b"; secure" in value.lower():
        return header
    return name, value + b"; Secure"


async def _refuse_host(send: Send) -> None:
    """Any request naming another host gets this short page, whatever its address."""
    await send(
        {
            "type": "http.response.start",
            "status": 400,
            "headers": [
                (b"content-type", b"text/html; charset=utf-8"),
                (b"connection", b"close"),
                *HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": REFUSED_HOST_PAGE})


REFUSED_HOST_PAGE = (
    b"<!doctype html><html lang='en'><meta charset='utf-8'><title>Onward</title>"
    b"<p>Onward only answers on this computer's own address: open http://127.0.0.1 "
    b"with the port <code>onward serve</code> printed.</p></html>"
)


def csrf_token(request: Request) -> str:
    """The token this browser's forms must carry."""
    csrf: Csrf = request.app.state.csrf
    return csrf.token_for(request.state.csrf_nonce)


async def verify_csrf(request: Request) -> None:
    """A dependency of every route: refuse unsafe requests without a valid token."""
    authorization = request.headers.get("authorization")
    if authorization is not None and request.url.path.startswith(API):
        if request.scope.get("state", {}).get("account") is None:  # server mode: checked
            await run_in_threadpool(_check_bearer, request, authorization)
        return
    if request.method in SAFE_METHODS:
        return
    site = request.headers.get("sec-fetch-site")
    if site is not None and site not in ("same-origin", "none"):
        raise CsrfRefused("Onward refused a request that came from another site")
    token = request.headers.get(HEADER)
    form = None
    if token is None and _is_form(request):
        form = await request.form()
        value: Any = form.get(FIELD)
        token = value if isinstance(value, str) else None
    cookie = request.cookies.get(COOKIE)
    if not request.app.state.csrf.valid(cookie, token):
        if form is not None:  # an uploaded file waits in a temporary file: let it go
            await form.close()
        if request.url.path.startswith(API):
            raise CsrfRefused(
                "An API request needs `Authorization: Bearer TOKEN` or the page's CSRF token",
                hint="make a token with `onward api token`; nothing was changed",
            )
        raise CsrfRefused(
            "This page was open from before Onward restarted, so the form could not be trusted",
            hint="reload the page and try again; nothing was changed",
        )


def _check_bearer(request: Request, authorization: str) -> None:
    from onward.services.api_tokens import authenticate_api_token

    scheme, _, secret = authorization.partition(" ")
    ws = request.app.state.workspace
    if scheme.lower() != "bearer" or not authenticate_api_token(
        ws.store, ws.owner, secret.strip(), ws.clock
    ):
        raise TokenRefused(
            "This API token is not known or was revoked",
            hint="make a new one with `onward api token`",
        )


def _is_form(request: Request) -> bool:
    kind = request.headers.get("content-type", "")
    return kind.startswith(("application/x-www-form-urlencoded", "multipart/form-data"))
