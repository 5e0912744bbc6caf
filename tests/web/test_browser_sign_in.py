"""Signing in and out of a multi-user server in real Chromium: the sign-in page, a wrong
password answered in plain words, the person's own pages after signing in, and signing out
from the footer. Screenshots in artifacts/screenshots/. PostgreSQL only, like server mode."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from tests.web.conftest import PASSWORD, Serving, screenshot, watched_tab

from onward.clock import FixedClock
from onward.config import Settings
from onward.domain.accounts import Role
from onward.services.accounts import add_account


@pytest.fixture
def live_multi(server_settings: Settings, clock: FixedClock) -> Iterator[tuple[str, FastAPI]]:
    from onward.web.app import create_app

    app = create_app(server_settings, clock=clock)
    serving = Serving(app)
    try:
        yield serving.base, app
    finally:
        serving.stop()


@pytest.fixture
def tab(_browser: Any, live_multi: tuple[str, FastAPI]) -> Iterator[Any]:
    with watched_tab(_browser, live_multi[0]) as found:
        yield found


def test_sign_in_and_out(tab: Any, live_multi: tuple[str, FastAPI]) -> None:
    ws = live_multi[1].state.workspace
    add_account(ws.store, "ana@example.org", Role.SEEKER, PASSWORD, ws.clock)
    tab.goto("/journal")
    tab.wait_for_url("**/signin?next=%2Fjournal")
    assert tab.locator("nav.nav, ul.nav").count() == 0  # no pages to show before signing in
    screenshot(tab, "sign-in", phone=True)

    tab.get_by_label("Email").fill("ana@example.org")
    tab.get_by_label("Password").fill("not my password")
    tab.get_by_role("button", name="Sign in").click()
    problem = tab.locator("#signin-problem").inner_text()
    assert "did not sign you in" in problem and "ana@example.org" not in problem
    assert tab.get_by_label("Email").input_value() == "ana@example.org"
    assert tab.get_by_label("Password").input_value() == ""

    tab.get_by_label("Password").fill(PASSWORD)
    tab.get_by_role("button", name="Sign in").click()
    tab.wait_for_url("**/journal")
    assert "Signed in as ana@example.org" in tab.locator("footer").inner_text()
    cookies = {c["name"]: c for c in tab.context.cookies()}
    assert cookies["onward_session"]["httpOnly"] and cookies["onward_session"]["sameSite"] == "Lax"

    tab.get_by_role("button", name="Sign out").click()
    tab.wait_for_url("**/signin")
    assert "You are signed out" in tab.content()
    tab.goto("/journal")
    tab.wait_for_url("**/signin?next=%2Fjournal")


def test_the_admin_page(tab: Any, live_multi: tuple[str, FastAPI]) -> None:
    ws = live_multi[1].state.workspace
    add_account(ws.store, "boss@example.org", Role.ADMIN, PASSWORD, ws.clock)
    add_account(ws.store, "coach@example.org", Role.COACH, None, ws.clock)
    tab.goto("/signin")
    tab.get_by_label("Email").fill("boss@example.org")
    tab.get_by_label("Password").fill(PASSWORD)
    tab.get_by_role("button", name="Sign in").click()
    tab.wait_for_url("**/")
    tab.locator("footer").get_by_role("link", name="Admin").click()
    tab.wait_for_url("**/admin")
    users = tab.locator("table.admin-users").inner_text()
    assert "boss@example.org" in users and "invited" in users
    screenshot(tab, "admin", phone=True)
