"""The review page in real Chromium: accept everything at least N% sure after its preview,
and the keyboard shortcuts (j/k to move, a to accept, x for not job mail, ? for the list)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from tests.web.conftest import screenshot
from tests.web.review_data import import_one, know_sender

from onward.domain.emails import EmailLabel
from onward.domain.mail import ProposalStatus
from onward.domain.records import ApplicationQuery
from onward.services.applications import list_applications
from onward.services.review import list_proposals

pytestmark = pytest.mark.slow


def _companies(ws: Any) -> list[str]:
    page = list_applications(ws.store, ws.owner, ApplicationQuery(archived=None))
    return sorted(a.company for a in page.items)


def test_accept_everything_sure_enough_after_seeing_the_preview(
    page: Any, live_server: Any, tmp_path: Path
) -> None:
    ws = live_server[1].state.workspace
    know_sender(ws)
    import_one(ws, tmp_path, "n1", company="Northwind Health", confidence=0.96)
    import_one(ws, tmp_path, "g1", company="Globex", label=EmailLabel.REJECTION, confidence=0.92)
    import_one(ws, tmp_path, "f1", company="Fabrikam", confidence=0.75, day=18)
    import_one(ws, tmp_path, "s1", sender="hello@stranger.example", company="Stranger Things",
               confidence=0.99, day=19)  # fmt: skip
    page.goto("/review")
    assert page.get_by_role("heading", name="Maybe").is_visible()
    screenshot(page, "review-queue", phone=True)
    page.get_by_label("Accept everything at least").fill("90")
    page.get_by_role("button", name="See what would change").click()
    page.wait_for_url(re.compile(r"/review/preview\?sure=90"))
    assert page.get_by_role("heading", name=re.compile("Applications created")).is_visible()
    assert page.get_by_role("heading", name=re.compile("Rejections logged")).is_visible()
    assert page.get_by_text("1 maybe proposal is left out").is_visible()
    assert page.get_by_text("Fabrikam").count() == 0
    screenshot(page, "review-preview", phone=True)
    assert _companies(ws) == ["Known Sender Co"]  # nothing yet
    with page.expect_navigation(url="**/review"):
        page.get_by_role("button", name="Accept these 3").click()
    assert "Done:" in page.locator(".notice").inner_text()
    assert _companies(ws) == ["Globex", "Known Sender Co", "Northwind Health"]
    left = {v.payload["company"] for v in list_proposals(ws.store, ws.owner)}
    assert left == {"Fabrikam", "Stranger Things"}


def test_the_keyboard_moves_accepts_and_marks_not_job_mail(
    page: Any, live_server: Any, tmp_path: Path
) -> None:
    ws = live_server[1].state.workspace
    know_sender(ws)
    import_one(ws, tmp_path, "k1", company="Initech", day=10)
    import_one(ws, tmp_path, "k2", company="Umbrella", day=11)
    import_one(ws, tmp_path, "k3", sender="news@club.example", company="Book Club", day=12)
    page.goto("/review")
    page.keyboard.press("?")
    assert page.locator("#review-keys").evaluate("el => el.open")
    screenshot(page, "review-keys")
    page.keyboard.press("?")
    page.keyboard.press("j")
    page.keyboard.press("j")  # the second email, Umbrella
    current = page.locator("[data-row].current")
    assert "Umbrella" in current.inner_text()
    page.keyboard.press("k")
    assert "Initech" in page.locator("[data-row].current").inner_text()
    page.keyboard.press("j")
    with page.expect_navigation():
        page.keyboard.press("a")
    assert "Umbrella" in page.locator(".notice").inner_text()
    assert _companies(ws) == ["Known Sender Co", "Umbrella"]
    page.keyboard.press("j")
    page.keyboard.press("j")  # now the club's newsletter (the Initech one comes first)
    assert "Book Club" in page.locator("[data-row].current").inner_text()
    with page.expect_navigation():
        page.keyboard.press("x")
    assert "not job mail" in page.locator(".notice").inner_text()
    [club] = [
        v for v in list_proposals(ws.store, ws.owner, status=None)
        if v.payload.get("company") == "Book Club"
    ]  # fmt: skip
    assert club.status is ProposalStatus.DISMISSED
    page.goto("/review/not-job-mail")
    assert page.get_by_text("news@club.example").is_visible()
    screenshot(page, "review-not-job-mail", phone=True)
    with page.expect_navigation(url="**/review"):
        page.get_by_role("button", name="Take it back").first.click()
    assert "Taken back" in page.locator(".notice").inner_text()
    [club] = [
        v for v in list_proposals(ws.store, ws.owner)
        if v.payload.get("company") == "Book Club"
    ]  # fmt: skip
