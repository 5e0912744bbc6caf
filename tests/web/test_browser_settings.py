"""A new person in real Chromium: "Draft a thank you" right after a rejection, with no name
set anywhere, asks for the name on the way and writes the draft; the Settings page then shows
it saved, takes a change at once and explains a bad value beside its field. Screenshots at
laptop (1366x900) and phone (390x844) size in artifacts/screenshots/."""

from __future__ import annotations

from typing import Any

import pytest
from tests.factories import make_application, make_move, make_rejection
from tests.web.conftest import screenshot

from onward.config import EDITABLE, PREFIX, Settings
from onward.domain.pipeline import Stage
from onward.services.rejections import end_dwell
from onward.services.settings import read_settings

LAPTOP = {"width": 1366, "height": 900}


@pytest.fixture
def web_settings(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> Settings:
    """As a new person starts: no name, no address, nothing in the environment but the
    variables a test passes (``indirect`` parameters), read as ``onward serve`` reads them."""
    for name in EDITABLE:
        monkeypatch.delenv(PREFIX + name.upper(), raising=False)
    for variable, value in getattr(request, "param", {}).items():
        monkeypatch.setenv(variable, value)
    return Settings(home=settings.home, database_url=settings.database_url)


def test_settings_then_draft(page: Any, live_server: Any) -> None:
    ws = live_server[1].state.workspace
    app = make_application(ws, "Fjord Bank", "Data Analyst", days_ago=10)
    make_move(ws, app.id, Stage.INTERVIEW)  # after a conversation: thanks and one question
    make_rejection(ws, app.id)
    end_dwell(ws.store, ws.owner, app.id, ws.clock)
    page.set_viewport_size(LAPTOP)
    page.goto(f"/applications/{app.id}/rejection")
    page.get_by_role("button", name="Draft a feedback request").click()
    page.get_by_role("heading", name="Who is signing?").wait_for()
    screenshot(page, "draft-asks-name", phone=True)
    page.get_by_role("button", name="Save and write the draft").click()
    assert "write the name" in page.locator("#form-errors").inner_text().lower()
    page.get_by_role("textbox", name="Your name").fill("Ana Ruiz")
    page.get_by_role("button", name="Save and write the draft").click()
    page.wait_for_url("**/drafts/*")
    assert page.locator("#f-body").input_value().rstrip().endswith("Ana Ruiz")
    assert read_settings(ws.store, ws.owner, ws.settings).settings.sender_name == "Ana Ruiz"

    page.goto("/settings")
    assert page.get_by_role("textbox", name="Your name").input_value() == "Ana Ruiz"
    screenshot(page, "settings", phone=True)
    page.get_by_label("Days of quiet before ghosting is suggested").fill("0")
    page.get_by_role("button", name="Save settings").click()
    assert "whole number of 1 or more" in page.locator("#e-ghost_after_days").inner_text()
    screenshot(page, "settings-errors", phone=True)
    page.get_by_label("Days of quiet before ghosting is suggested").fill("28")
    page.get_by_label("Your email address").fill("ana@example.org")
    with page.expect_navigation(url="**/settings"):
        page.get_by_role("button", name="Save settings").click()
    assert "in effect now" in page.locator(".notice").inner_text()
    effective = read_settings(ws.store, ws.owner, ws.settings).settings
    assert (effective.ghost_after_days, effective.sender_email) == (28, "ana@example.org")


@pytest.mark.parametrize("web_settings", [{"ONWARD_GHOST_AFTER_DAYS": "45"}], indirect=True)
def test_a_setting_fixed_by_the_environment_is_shown_greyed_out(page: Any) -> None:
    page.set_viewport_size(LAPTOP)
    page.goto("/settings")
    days = page.get_by_label("Days of quiet before ghosting is suggested")
    assert days.is_disabled() and days.input_value() == "45"
    assert "ONWARD_GHOST_AFTER_DAYS" in page.locator("#h-ghost_after_days").inner_text()
    page.locator("#h-ghost_after_days").scroll_into_view_if_needed()
    screenshot(page, "settings-environment", phone=True)
