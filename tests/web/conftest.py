"""Web fixtures: the app on the test database (SQLite or PostgreSQL, from tests/conftest.py),
driven in-process by TestClient, and a real server on a free loopback port for Chromium."""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from onward.clock import FixedClock
from onward.config import Settings
from onward.services.runtime import Workspace

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
_TOKEN = re.compile(r'<meta name="csrf-token" content="([0-9a-f]+)">')


class Web:
    """A TestClient on the app, with the CSRF token of its browser session at hand."""

    def __init__(self, app: FastAPI, *, token_page: str = "/") -> None:
        self.app = app
        self.client = TestClient(app, base_url="http://127.0.0.1", follow_redirects=False)
        self._token: str | None = None
        self.token_page = token_page  # a page this browser may open, to read the token

    @property
    def ws(self) -> Workspace:
        ws: Workspace = self.app.state.workspace
        return ws

    @property
    def token(self) -> str:
        if self._token is None:
            page = self.client.get(self.token_page)
            found = _TOKEN.search(page.text)
            assert found, "every page carries the CSRF token"
            self._token = found.group(1)
        return self._token

    def get(self, url: str, **kw: Any) -> Any:
        return self.client.get(url, **kw)

    def post(self, url: str, data: dict[str, Any] | None = None, **kw: Any) -> Any:
        """A form post as the browser sends it, CSRF token included."""
        body = {"csrf_token": self.token, **(data or {})}
        return self.client.post(url, data=body, **kw)

    def follow(self, response: Any) -> Any:
        """The page a 303 after a form leads to."""
        assert response.status_code == 303, (response.status_code, response.text[:2000])
        return self.client.get(response.headers["location"])


@pytest.fixture
def web_settings(settings: Settings) -> Settings:
    return settings.but(sender_name="Alex Tester", sender_email="alex@example.org")


@pytest.fixture
def web(web_settings: Settings, clock: FixedClock) -> Iterator[Web]:
    from onward.web.app import create_app

    app = create_app(web_settings, clock=clock)
    client = Web(app)
    with client.client:
        yield client


# -- a multi-user server (onward serve --multi-user): PostgreSQL only ------------------------------
PASSWORD = "a long enough password"
SECRET_KEY = "test-secret-key-" + "x" * 32


class Server:
    """The app in server mode; each person gets a browser of their own (own cookies)."""

    def __init__(self, app: FastAPI) -> None:
        self.app = app
        self.anonymous = Web(app, token_page="/signin")

    @property
    def ws(self) -> Workspace:
        ws: Workspace = self.app.state.workspace
        return ws

    def add(self, email: str, role: str = "seeker", password: str | None = PASSWORD) -> Any:
        """An account (with its owner), as ``onward users add`` makes it."""
        from onward.domain.accounts import Role
        from onward.services.accounts import add_account

        return add_account(self.ws.store, email, Role(role), password, self.ws.clock)

    def browser(self) -> Web:
        """A browser nobody signed in on yet."""
        return Web(self.app, token_page="/signin")

    def sign_in(self, email: str, password: str = PASSWORD) -> Web:
        """A browser signed in as ``email`` through the sign-in form."""
        web = self.browser()
        answer = web.post("/signin", {"email": email, "password": password})
        assert answer.status_code == 303, (answer.status_code, answer.text[:500])
        web._token = None  # the pages now carry the same token; read it again from "/"
        web.token_page = "/"
        return web

    def as_user(self, email: str, role: str = "seeker") -> tuple[Any, Web]:
        """(account, browser signed in): add the account and sign in."""
        account = self.add(email, role)
        return account, self.sign_in(email)


@pytest.fixture
def server_settings(web_settings: Settings, on_postgres: bool) -> Settings:
    if not on_postgres:
        pytest.skip("multi-user mode runs on PostgreSQL only: set ONWARD_TEST_DATABASE_URL")
    return web_settings.but(multi_user=True, secret_key=SECRET_KEY, secure_cookies="off")


@pytest.fixture
def server(server_settings: Settings, clock: FixedClock) -> Iterator[Server]:
    """The app as ``onward serve --multi-user`` runs it (cookies not Secure: plain http)."""
    from onward.web.app import create_app

    app = create_app(server_settings, clock=clock)
    found = Server(app)
    with found.anonymous.client:
        yield found


@pytest.fixture
def web_queries(web: Web) -> Callable[[], AbstractContextManager[list[str]]]:
    """``with web_queries() as statements:`` collects the SQL the app's store sends."""
    from sqlalchemy import event

    @contextmanager
    def counting() -> Iterator[list[str]]:
        statements: list[str] = []

        def record(*args: Any) -> None:
            statements.append(str(args[2]))

        event.listen(web.ws.store.engine, "before_cursor_execute", record)
        try:
            yield statements
        finally:
            event.remove(web.ws.store.engine, "before_cursor_execute", record)

    return counting


# -- a real server and a real browser --------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class Serving:
    """uvicorn serving an app in a thread on a free loopback port, until :meth:`stop`."""

    def __init__(self, app: FastAPI) -> None:
        import uvicorn

        port = free_port()
        self.base = f"http://127.0.0.1:{port}"
        config = uvicorn.Config(
            app, host="127.0.0.1", port=port, log_level="warning", lifespan="on"
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 15
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                pytest.fail("the web server did not start")
            time.sleep(0.02)

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)


@pytest.fixture
def live_server(web_settings: Settings, clock: FixedClock) -> Iterator[tuple[str, FastAPI]]:
    """The app served by uvicorn in a thread on a free loopback port: (base URL, app)."""
    from onward.web.app import create_app

    app = create_app(web_settings, clock=clock)
    serving = Serving(app)
    try:
        yield serving.base, app
    finally:
        serving.stop()


@pytest.fixture(scope="session")
def _browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@contextmanager
def watched_tab(browser: Any, base: str) -> Iterator[Any]:
    """A fresh browser tab (laptop-sized) whose relative URLs go to ``base``; console errors
    (a CSP violation, a script error) fail the test."""
    context = browser.new_context(base_url=base, viewport={"width": 1280, "height": 860})
    tab = context.new_page()
    problems: list[str] = []

    def console(msg: Any) -> None:
        # A page or API answer with a 4xx status (a refused move, a form with problems) is
        # logged by Chromium as a failed load; that is expected. A failed static file is not.
        url = (msg.location or {}).get("url", "")
        expected = msg.text.startswith("Failed to load resource") and "/static/" not in url
        if msg.type == "error" and not expected:
            problems.append(f"{msg.text} ({url})")

    tab.on("console", console)
    tab.on("pageerror", lambda exc: problems.append(str(exc)))
    try:
        yield tab
    finally:
        context.close()
    assert not problems, problems


@pytest.fixture
def page(_browser: Any, live_server: tuple[str, FastAPI]) -> Iterator[Any]:
    """A watched tab (:func:`watched_tab`) on the live server."""
    with watched_tab(_browser, live_server[0]) as tab:
        yield tab


def screenshot(tab: Any, name: str, *, phone: bool = False) -> Path:
    """Save the whole page to artifacts/screenshots/NAME.png (and a phone-sized one)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    tab.screenshot(path=str(path), full_page=True)
    if phone:
        size = tab.viewport_size
        tab.set_viewport_size({"width": 390, "height": 844})
        tab.screenshot(path=str(SCREENSHOTS / f"{name}-phone.png"), full_page=True)
        tab.set_viewport_size(size)
    return path
