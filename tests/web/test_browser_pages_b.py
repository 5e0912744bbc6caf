"""Journal, Goals, Contacts, Review, Insights, Import & export and Settings in real Chromium:
write a journal entry, set a goal, accept a proposal, see a chart drawn, with no CSP violation
or script error in the console (the ``page`` fixture fails the test on any), and a laptop and
a phone-sized screenshot of each page in artifacts/screenshots/."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.web.conftest import SCREENSHOTS, screenshot
from tests.web.review_data import import_received, import_rejection

from onward.domain.records import ContactFields
from onward.services.contacts import add_contact
from onward.services.demo import seed_demo
from onward.services.goals import get_goals
from onward.services.journal import list_journal
from onward.services.review import list_proposals


def _ws(live_server: Any) -> Any:
    return live_server[1].state.workspace


def test_writing_a_journal_entry(page: Any, live_server: Any) -> None:
    ws = _ws(live_server)
    seed_demo(ws.store, ws.owner, ws.clock)
    page.goto("/journal")
    page.get_by_label("4 · good").check()
    page.get_by_label("A few words, if you like").fill("Talked to Sam about the case study.")
    with page.expect_navigation(url="**/journal"):
        page.get_by_role("button", name="Keep this entry").click()
    assert "Thank you for checking in" in page.locator(".notice").inner_text()
    assert "Talked to Sam about the case study." in page.locator(".entries").inner_text()
    assert [e.mood for e in list_journal(ws.store, ws.owner)][:1] == [4]
    page.get_by_label("Add a win of your own").fill("Finished the SQL course")
    with page.expect_navigation(url="**/journal#wins"):
        page.get_by_role("button", name="Keep this win").click()
    screenshot(page, "journal", phone=True)


def test_an_empty_mood_is_explained_beside_the_field(page: Any, live_server: Any) -> None:
    page.goto("/journal")
    page.get_by_role("button", name="Keep this entry").click()
    assert "choose how you feel" in page.locator("#form-errors").inner_text().lower()
    assert page.locator("#form-errors").evaluate("el => el === document.activeElement")


def test_setting_a_goal_and_logging_effort(page: Any, live_server: Any) -> None:
    ws = _ws(live_server)
    seed_demo(ws.store, ws.owner, ws.clock)
    page.goto("/goals")
    page.get_by_role("spinbutton", name="Applications sent").fill("3")
    with page.expect_navigation(url="**/goals"):
        page.get_by_role("button", name="Set these goals").click()
    assert "weekly goals are set" in page.locator(".notice").inner_text()
    assert get_goals(ws.store, ws.owner).applications == 3
    page.get_by_label("What you did").select_option("learning_hours")
    page.get_by_label("How much").fill("1.5")
    with page.expect_navigation(url="**/goals"):
        page.get_by_role("button", name="Log it").click()
    assert "Logged 1.5" in page.locator(".notice").inner_text()
    screenshot(page, "goals", phone=True)


def test_accepting_a_review_proposal(page: Any, live_server: Any, tmp_path: Path) -> None:
    ws = _ws(live_server)
    import_received(ws, tmp_path, 3)
    import_rejection(ws, tmp_path)
    page.goto("/review")
    screenshot(page, "review", phone=True)
    first = list_proposals(ws.store, ws.owner)[0]
    with page.expect_navigation(url="**/review"):
        page.locator(f'form.review-list button[formaction="/review/{first.id}/accept"]').click()
    assert "added application" in page.locator(".notice").inner_text()
    assert first.id not in [p.id for p in list_proposals(ws.store, ws.owner)]
    page.locator(".proposal a", has_text="See the email and edit").first.click()
    page.locator(".message-text").wait_for()
    page.locator("summary", has_text="As the sender formatted it").click()
    assert "Your status" in page.locator(".message-html").inner_text()
    assert page.locator(".message-html img").count() == 0
    screenshot(page, "review-proposal", phone=True)


def test_insights_draw_their_charts(page: Any, live_server: Any) -> None:
    ws = _ws(live_server)
    seed_demo(ws.store, ws.owner, ws.clock)
    page.goto("/insights")
    page.wait_for_selector('#chart-funnel[data-drawn="true"]', timeout=30_000)
    assert page.locator("#chart-funnel svg.main-svg").count() >= 1
    drawn = page.locator('[data-figure][data-drawn="true"]').count()
    assert drawn == page.locator("[data-figure]").count() >= 3  # flow, funnel, effort
    screenshot(page, "insights")
    page.set_viewport_size({"width": 390, "height": 844})  # drawn afresh at a phone's width
    page.reload()
    page.wait_for_selector('#chart-funnel[data-drawn="true"]', timeout=30_000)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, width  # nothing wider than the phone
    page.screenshot(path=str(SCREENSHOTS / "insights-phone.png"), full_page=True)


def test_contacts_import_export_and_settings_pages(
    page: Any, live_server: Any, tmp_path: Path
) -> None:
    ws = _ws(live_server)
    seed_demo(ws.store, ws.owner, ws.clock)
    add_contact(ws.store, ws.owner, ContactFields("Priya Natarajan", company="Northwind Health",
                email="priya@example.org", next_checkin_on=ws.clock.today()), ws.clock,
                application_ids=(1,))  # fmt: skip
    page.goto("/contacts")
    assert "Check-ins due" in page.locator("main").inner_text()
    screenshot(page, "contacts", phone=True)
    page.get_by_role("link", name="Priya Natarajan").first.click()
    page.get_by_role("heading", name="Priya Natarajan").wait_for()
    screenshot(page, "contact", phone=True)
    page.goto("/contacts/new")
    page.get_by_role("button", name="Add this contact").click()
    assert "write their name" in page.locator("#form-errors").inner_text().lower()
    screenshot(page, "contact-form-errors", phone=True)
    page.goto("/data")
    screenshot(page, "data", phone=True)
    tracker = tmp_path / "tracker.csv"
    tracker.write_text(
        "Employer,Job title,Date applied,Status\nHooli,Designer,2026-10-02,screen\n"
        "Initrode,Analyst,not a date,applied\n",
        encoding="utf-8",
    )
    page.locator("#f-csvfile").set_input_files(str(tracker))
    page.get_by_role("button", name="Check this spreadsheet").click()
    page.locator(".problems").wait_for()
    assert "line 3" in page.locator(".problems").inner_text()
    screenshot(page, "data-csv-preview", phone=True)
    page.goto("/settings")
    assert "ONWARD_HOME" in page.locator("main").inner_text()
    screenshot(page, "settings", phone=True)
