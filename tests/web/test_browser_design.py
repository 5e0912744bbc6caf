"""The design pass, checked in real Chromium: every page at a laptop (1366x900) and a phone
(390x844), in the light and the dark theme. On each: no sideways scrolling of the page at phone
size, no console error (the ``page`` fixture), and axe-core (from npm, tests/browser/) finds no
serious or critical accessibility problem (contrast in both themes, labels, landmarks).
A screenshot of each of the four is saved for a person to look at: in artifacts/screenshots/
design/, or the folder ``ONWARD_SCREENSHOTS`` names. Also: the theme switch is remembered,
and the page arrives in its theme (no flash of the other)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from tests.factories import make_application
from tests.web.conftest import ROOT, SCREENSHOTS
from tests.web.test_browser_every_page import _search, _wider_than_the_window

from onward.services.drafts import create_draft

pytestmark = pytest.mark.slow

AXE = ROOT / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
LAPTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
VARIANTS = (("laptop", LAPTOP, "light"), ("laptop", LAPTOP, "dark"),
            ("phone", PHONE, "light"), ("phone", PHONE, "dark"))  # fmt: skip
#: axe-core's rules for WCAG 2.1 A and AA.
AXE_RUN = """async () => {
  const result = await window.axe.run(document, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    resultTypes: ["violations"],
  });
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => v.id + ": " + v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", "));
}"""


def _shots() -> Path:
    folder = Path(os.environ.get("ONWARD_SCREENSHOTS") or SCREENSHOTS / "design")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _pages(ids: dict[str, int]) -> dict[str, str]:
    return {
        "today": "/",
        "board": "/board",
        "applications": "/board/table",
        "application": f"/applications/{ids['app']}",
        "application-dwell": f"/applications/{ids['dwell']}",
        "add": "/applications/new",
        "edit": f"/applications/{ids['app']}/edit",
        "reject": "/applications/3/reject",
        "rejection-plan": f"/applications/{ids['app']}/rejection",
        "rejection-dwell": f"/applications/{ids['dwell']}/rejection",
        "reflection": f"/applications/{ids['app']}/reflect",
        "reflection-wait": f"/applications/{ids['dwell']}/reflect",
        "review": "/review",
        "proposal": f"/review/{ids['proposal']}",
        "insights": "/insights?anyway=true",
        "goals": "/goals",
        "journal": "/journal",
        "wins": "/wins",
        "tasks": "/tasks",
        "ghosting": "/ghosting",
        "plan": "/plan",
        "resume": "/resume",
        "resume-version": "/resume/1",
        "drafts": "/drafts",
        "draft": f"/drafts/{ids['draft']}",
        "contacts": "/contacts",
        "contact": "/contacts/1",
        "contact-new": "/contacts/new",
        "data": "/data",
        "settings": "/settings",
        "mail": "/mail",
        "debrief": f"/applications/{ids['app']}/debrief",
        "setback": f"/applications/{ids['app']}/prepare",
        "stories": "/stories",
        "if-then": "/if-then",
        "experiments": "/experiments",
        "wellbeing": "/wellbeing",
        "writing": "/writing",
        "buddy": "/buddy",
        "sharing": "/sharing",
        "caseload": "/caseload",
        "not-found": "/applications/9999",
        "offline": "/static/offline.html",
    }


def _axe(tab: Any) -> list[str]:
    found: list[str] = tab.evaluate(AXE_RUN)
    return found


@pytest.fixture
def axe_page(page: Any) -> Any:
    if not AXE.exists():
        pytest.skip("axe-core is not installed: run `npm ci` in tests/browser (.ci/run does)")
    # An init script runs in every page before its own scripts; the page's CSP does not apply.
    page.context.add_init_script(path=str(AXE))
    return page


def test_every_page_in_both_themes_at_both_sizes(
    axe_page: Any, live_server: Any, tmp_path: Path
) -> None:
    page = axe_page
    ids = _search(live_server[1].state.workspace, tmp_path)
    folder = _shots()
    wide, inaccessible = {}, {}
    for name, url in _pages(ids).items():
        for size_name, size, theme in VARIANTS:
            page.set_viewport_size(size)
            page.emulate_media(color_scheme=theme)
            response = page.goto(url)
            assert response is not None
            assert response.status == (404 if name == "not-found" else 200), url
            page.screenshot(path=str(folder / f"{name}-{size_name}-{theme}.png"), full_page=True)
            where = f"{name} ({size_name}, {theme})"
            if size_name == "phone" and (found := _wider_than_the_window(page)):
                wide[where] = found
            scroll = page.evaluate("document.documentElement.scrollWidth")
            if scroll > size["width"]:
                wide[where] = [f"the page scrolls sideways: {scroll} px wide"]
            if problems := _axe(page):
                inaccessible[where] = problems
    found = {"too wide": wide, "axe-core": inaccessible}
    (folder / "problems.json").write_text(json.dumps(found, indent=1), encoding="utf-8")
    assert not (wide or inaccessible), found


def test_the_theme_choice_is_remembered_and_arrives_with_the_page(
    page: Any, live_server: Any
) -> None:
    page.emulate_media(color_scheme="light")
    page.goto("/goals")
    background = "getComputedStyle(document.body).backgroundColor"
    light = page.evaluate(background)
    with page.expect_navigation(url="**/goals"):
        page.get_by_role("button", name="Dark").click()
    assert page.get_by_role("button", name="Dark").get_attribute("aria-pressed") == "true"
    assert page.evaluate(background) != light
    # The next page is dark as the server sends it, before any script runs.
    html = page.request.get("/board").text()
    assert '<html lang="en" data-theme="dark">' in html
    with page.expect_navigation(url="**/goals"):
        page.get_by_role("button", name="System").click()
    assert page.evaluate(background) == light
    assert page.evaluate("document.documentElement.dataset.theme") is None


def test_a_toast_answers_an_action_and_can_be_dismissed(page: Any, live_server: Any) -> None:
    page.goto("/applications/new")
    page.get_by_role("textbox", name="Company").fill("Northwind Health")
    page.get_by_role("textbox", name="Role").fill("Data Analyst")
    page.get_by_role("button", name="Add application").click()
    toast = page.locator(".toast")
    assert "Added Northwind Health" in toast.inner_text()
    page.get_by_role("button", name="Close", exact=True).click()
    assert toast.is_hidden()


def test_a_board_card_says_more(page: Any, live_server: Any) -> None:
    ws = live_server[1].state.workspace
    app = make_application(
        ws, "The Data Company", "Analyst", days_ago=9, excitement=4, tags=("remote", "fintech")
    )
    page.goto("/board")
    card = page.locator(f'.app-card[data-id="{app.id}"]')
    assert card.locator(".avatar").inner_text() == "DC"
    assert "9 days here" in card.inner_text()
    assert card.get_by_role("img", name="Excitement 4 of 5").is_visible()
    assert card.locator(".tag").all_inner_texts() == ["fintech", "remote"]


def test_a_confirm_dialog_asks_before_a_draft_is_discarded(page: Any, live_server: Any) -> None:
    ws = live_server[1].state.workspace
    app = make_application(ws, "Kestrel Analytics", "Analytics Engineer", days_ago=30)
    draft = create_draft(
        ws.store, ws.owner, app.id, "follow_up_after_applying", ws.clock, sender_name="Alex"
    )
    page.goto(f"/drafts/{draft.draft.id}")
    page.get_by_role("button", name="Discard").click()
    dialog = page.get_by_role("dialog", name="Discard this draft? It cannot be brought back.")
    assert dialog.is_visible()
    dialog.get_by_role("button", name="Cancel").click()
    assert dialog.is_hidden()
    assert page.url.endswith(f"/drafts/{draft.draft.id}")
    page.get_by_role("button", name="Discard").click()
    dialog.get_by_role("button", name="Discard").click()
    page.wait_for_url("**/drafts")
    assert "Discarded the draft" in page.locator(".toast").inner_text()


def test_on_a_phone_the_navigation_shows_the_page_you_are_on(page: Any, live_server: Any) -> None:
    page.set_viewport_size(PHONE)
    page.goto("/settings")
    link = page.locator(".nav a[aria-current=page]")
    box = link.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert page.evaluate("document.querySelector('.top nav').scrollLeft") > 0
