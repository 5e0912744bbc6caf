"""A first import of an old mailbox, in real Chromium: Today shows one card saying what the
mail found, with the review and the board a click away, and no flood (no time to sit with
old rejections, no tasks or ghosting reminders about long-closed applications). Screenshots
at laptop (1366x900) and phone (390x844) size in artifacts/screenshots/."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.support.old_mailbox import write_old_mailbox
from tests.web.conftest import screenshot

from onward.services.mail import import_path
from onward.services.review import accept_proposals, list_proposals
from onward.understand import load_reader

LAPTOP = {"width": 1366, "height": 900}
HEADLINE = "6 applications since March 2024: 3 rejections, 2 interviews, 1 offer."


def test_first_import_of_an_old_mailbox(
    page: Any, live_server: Any, tmp_path: Path, mail_models_dir: Path
) -> None:
    ws = live_server[1].state.workspace
    mailbox = tmp_path / "Takeout.mbox"
    write_old_mailbox(mailbox, ws.clock.today())
    reader = load_reader(mail_models_dir)
    import_path(ws.store, ws.owner, mailbox, lambda: reader, ws.clock)
    page.set_viewport_size(LAPTOP)
    page.goto("/")
    card = page.locator("section.mail-summary")
    assert card.locator(".lead").inner_text() == HEADLINE
    assert card.get_by_role("link", name="Review 18 proposals").get_attribute("href") == "/review"
    assert card.get_by_role("link", name="See the board").get_attribute("href") == "/board"
    assert page.locator("section.welcome").count() == 0  # the mail was a start
    screenshot(page, "today-mail-summary", phone=True)

    waiting = [p.id for p in list_proposals(ws.store, ws.owner)]
    accept_proposals(ws.store, ws.owner, waiting, ws.clock)  # all ticked, then Accept
    ws.clock.advance(days=1)  # the one recent rejection's quiet time has passed
    page.reload()
    assert card.locator(".lead").inner_text() == HEADLINE
    assert card.get_by_role("link", name="Review 18 proposals").count() == 0  # all decided
    text = page.locator("main").inner_text()
    assert "Time to sit with" not in text
    for old in ("Quillfield", "Tesselworks", "Harborline", "Copperloop"):
        assert old not in text  # history: no tasks, quiet time or reminders about them
    assert "Basaltgate" in text  # quiet since its stage's threshold passed, five days ago
    due = page.locator("section[aria-labelledby=due] li")
    assert 0 < due.count() <= 3 and "Fernstack" in due.first.inner_text()
    screenshot(page, "today-after-old-mailbox", phone=True)

    with page.expect_navigation(url="**/"):
        card.get_by_role("button", name="Dismiss").click()
    assert page.locator("section.mail-summary").count() == 0
    assert "Put away" in page.locator(".notice").inner_text()
