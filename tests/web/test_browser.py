"""The web app in real Chromium (Debian's, through Playwright): the journeys a person takes,
with a screenshot of each page in artifacts/screenshots/ for a human to look at. Any console
error (a CSP violation, a script error) fails the test (see the ``page`` fixture)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from tests.factories import make_application, make_move, make_rejection
from tests.web.conftest import screenshot

from onward.domain.pipeline import Stage
from onward.services.applications import get_application
from onward.services.runtime import Workspace
from onward.web.nav import NAV

pytestmark = pytest.mark.slow


def _ws(live_server: Any) -> Any:
    return live_server[1].state.workspace


def test_add_an_application_with_the_keyboard_and_labels(page: Any, live_server: Any) -> None:
    page.goto("/applications/new")
    page.get_by_role("button", name="Add application").click()
    errors = page.locator("#form-errors")
    assert errors.is_visible() and errors.evaluate("el => el === document.activeElement")
    screenshot(page, "add-application-problems")
    page.get_by_role("textbox", name=re.compile("^Company")).fill("Northwind Health")
    page.get_by_role("textbox", name=re.compile("^Role")).fill("Clinical Data Analyst")
    page.get_by_label("Where it stands").select_option("screen")
    page.get_by_label("Excitement").fill("4")
    page.get_by_label("Tags").fill("healthcare, remote")
    screenshot(page, "add-application", phone=True)
    page.get_by_label("I tailored my resume for this role").press("Space")
    page.get_by_role("button", name="Add application").press("Enter")
    page.wait_for_url(re.compile(r"/applications/\d+$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Northwind Health"
    assert "Added Northwind Health" in page.get_by_role("status").first.inner_text()
    screenshot(page, "application", phone=True)


def test_log_a_rejection_see_the_dwell_window_then_the_plan(page: Any, live_server: Any) -> None:
    ws = _ws(live_server)
    app = make_application(ws, "Fjord Bank", "Data Engineer", days_ago=20)
    make_move(ws, app.id, Stage.INTERVIEW)
    page.goto(f"/applications/{app.id}")
    page.get_by_role("link", name="They said no").click()
    screenshot(page, "rejection-form", phone=True)
    page.get_by_text("More, if you want to").click()
    page.get_by_label("Did they give a reason?").select_option("stronger_candidates")
    page.get_by_label("Their words, if you want to keep them").fill("It was a very close call.")
    page.get_by_role("button", name="Save, and take some time").click()
    page.wait_for_url(f"**/applications/{app.id}/rejection")
    assert page.get_by_role("heading", name="Time to sit with it").is_visible()
    assert page.get_by_text("Should you reply?").count() == 0
    screenshot(page, "rejection-dwell", phone=True)
    page.goto("/")
    assert page.get_by_role("heading", name="Time to sit with Fjord Bank").is_visible()
    screenshot(page, "today-dwell", phone=True)
    page.get_by_role("button", name="I feel ready for the next steps").click()
    page.wait_for_url(f"**/applications/{app.id}/rejection")
    assert page.get_by_role("heading", name="Should you reply?").is_visible()
    screenshot(page, "rejection-plan", phone=True)


def test_write_a_reflection(page: Any, live_server: Any) -> None:
    ws = _ws(live_server)
    app = make_application(ws, "Kestrel Software", "Analytics Engineer", days_ago=20)
    make_move(ws, app.id, Stage.INTERVIEW)
    make_rejection(ws, app.id)
    page.goto(f"/applications/{app.id}/reflect")
    assert page.get_by_role("heading", name="Not yet").is_visible()
    screenshot(page, "reflection-wait")
    page.get_by_role("button", name="I feel ready now").click()
    page.goto(f"/applications/{app.id}/reflect")
    page.get_by_role("group", name="Preparation").get_by_label("4").check()
    page.get_by_role("group", name="Interview round 1").get_by_label("2", exact=True).check()
    page.get_by_label("What went well?").fill("I explained the dbt project clearly.")
    screenshot(page, "reflection", phone=True)
    page.get_by_role("button", name="Keep this reflection").click()
    page.wait_for_url(f"**/applications/{app.id}")
    assert page.get_by_text("I explained the dbt project clearly.").is_visible()


def test_edit_a_draft_and_see_its_checks_live(page: Any, live_server: Any) -> None:
    ws = _ws(live_server)
    app = make_application(ws, "Fjord Bank", "Data Engineer", days_ago=20)
    make_move(ws, app.id, Stage.INTERVIEW)
    make_rejection(ws, app.id)
    page.goto(f"/applications/{app.id}/rejection")
    page.get_by_role("button", name="I feel ready now").click()
    page.get_by_role("button", name="Draft a feedback request").click()
    page.wait_for_url(re.compile(r"/drafts/\d+$"))
    findings = page.locator("#findings")
    before = findings.inner_text()
    screenshot(page, "draft", phone=True)
    page.get_by_label("Message").fill("Thanks. I am devastated and desperate, please reconsider!!!")
    page.wait_for_function(
        "before => document.getElementById('findings').innerText !== before", arg=before
    )
    assert "short" in findings.inner_text()
    screenshot(page, "draft-live-checks")
    page.get_by_role("button", name="Save").click()
    assert "Saved the draft." in page.get_by_role("status").first.inner_text()
    assert (
        page.get_by_role("link", name="Open in my mail program")
        .get_attribute("href")
        .startswith("mailto:")
    )
    page.goto("/drafts")
    screenshot(page, "drafts")


def test_move_cards_on_the_board_by_button_and_by_drag(page: Any, live_server: Any) -> None:
    from onward.services.demo import seed_demo

    ws = _ws(live_server)
    seed_demo(ws.store, ws.owner, ws.clock)
    pine = next(a for a in _board_apps(ws) if a.company == "Pine & Co Hotels")
    fjord = next(a for a in _board_apps(ws) if a.company == "Fjord Bank")
    page.goto("/board")
    screenshot(page, "board", phone=True)
    card = page.locator(f'.app-card[data-id="{pine.id}"]')
    card.locator("summary").click()
    card.get_by_label("To").select_option("screen")
    card.get_by_role("button", name="Move").click()
    assert "Moved Pine & Co Hotels to screen." in page.get_by_role("status").first.inner_text()
    assert get_application(ws.store, ws.owner, pine.id).stage == Stage.SCREEN
    # drag to the next column: moved, and the board reloads with the card there
    page.locator(f'.app-card[data-id="{pine.id}"]').drag_to(
        page.locator('.column[data-stage="assessment"]')
    )
    page.wait_for_selector(f'.column[data-stage="assessment"] .app-card[data-id="{pine.id}"]')
    assert get_application(ws.store, ws.owner, pine.id).stage == Stage.ASSESSMENT
    # a refused drag is explained and changes nothing
    page.locator(f'.app-card[data-id="{fjord.id}"]').drag_to(
        page.locator('.column[data-stage="applied"]')
    )
    status = page.locator("#board-status")
    status.filter(has_text="Not moved").wait_for()
    assert "only move forward" in status.inner_text()
    screenshot(page, "board-refused-drag")
    assert get_application(ws.store, ws.owner, fjord.id).stage == Stage.INTERVIEW
    page.goto("/board/table?sort=company")
    screenshot(page, "table", phone=True)


def test_every_page_in_the_navigation_renders(page: Any, live_server: Any) -> None:
    from onward.services.demo import seed_demo

    ws = _ws(live_server)
    page.goto("/")
    screenshot(page, "today-welcome", phone=True)
    seed_demo(ws.store, ws.owner, ws.clock)
    for item in NAV:
        page.goto(item.path)
        nav = page.get_by_role("navigation", name="Pages")
        assert nav.get_by_role("link", name=item.label).get_attribute("aria-current") == "page"
        screenshot(page, f"nav-{item.key}", phone=item.key == "today")
    page.goto("/applications/1")
    screenshot(page, "application-demo")
    page.goto("/applications/1/edit")
    assert page.get_by_role("textbox", name=re.compile("^Company")).input_value() == (
        "Northwind Health"
    )
    screenshot(page, "edit-application")
    page.goto("/no/such/page")
    screenshot(page, "not-found")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to the content"


def _board_apps(ws: Workspace) -> list[Any]:
    from onward.domain.records import ApplicationQuery
    from onward.services.applications import list_applications

    return list_applications(ws.store, ws.owner, ApplicationQuery()).items
