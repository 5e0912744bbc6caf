"""Undo in real Chromium: a move from the board and a rejection, each undone from the notice's
Undo button, with no CSP violation or script error (the ``page`` fixture fails the test on
any), and screenshots of the notice and the history at laptop and phone size."""

from __future__ import annotations

from typing import Any

from tests.factories import make_application
from tests.web.conftest import screenshot

from onward.domain.pipeline import Stage
from onward.services.applications import get_application


def _ws(live_server: Any) -> Any:
    return live_server[1].state.workspace


def test_a_move_is_undone_from_the_notice(page: Any, live_server: Any) -> None:
    ws = _ws(live_server)
    app = make_application(ws, "Fjord Bank", "Data Engineer", days_ago=6)
    page.goto("/board")
    card = page.locator(f'li.app-card[data-id="{app.id}"]')
    card.locator("summary").click()
    page.locator(f"#move-{app.id}").select_option("screen")
    with page.expect_navigation(url="**/board"):
        card.locator("button", has_text="Move").click()
    notice = page.locator(".notice")
    assert "Moved Fjord Bank to screen." in notice.inner_text()
    screenshot(page, "undo-notice", phone=True)

    notice.get_by_role("button", name="Undo").click()

    page.wait_for_url(f"**/applications/{app.id}")
    assert "Undone: moved to screen." in page.locator(".notice").inner_text()
    assert get_application(ws.store, ws.owner, app.id).stage is Stage.APPLIED
    assert "undone" in page.locator(".timeline li.undone").inner_text()
    screenshot(page, "undo-history", phone=True)
    with page.expect_navigation(url=f"**/applications/{app.id}"):
        page.locator(".notice").get_by_role("button", name="Redo").click()
    assert get_application(ws.store, ws.owner, app.id).stage is Stage.SCREEN


def test_a_rejection_logged_by_mistake_is_undone_from_the_notice(
    page: Any, live_server: Any
) -> None:
    ws = _ws(live_server)
    app = make_application(ws, "Fjord Bank", "Data Engineer", days_ago=6)
    page.goto(f"/applications/{app.id}/reject")
    page.get_by_role("button", name="Save, and take some time").click()
    page.wait_for_url(f"**/applications/{app.id}/rejection")
    assert "Logged." in page.locator(".notice").inner_text()

    page.locator(".notice").get_by_role("button", name="Undo").click()

    page.wait_for_url(f"**/applications/{app.id}")
    assert "Undone: rejection logged" in page.locator(".notice").inner_text()
    assert get_application(ws.store, ws.owner, app.id).stage is Stage.APPLIED
    with ws.store.transaction() as tx:
        assert tx.rejections.for_application(ws.owner.id, app.id) is None
        assert tx.dwell.for_application(ws.owner.id, app.id) is None
        assert tx.tasks.query(ws.owner.id, application_id=app.id) == []
    assert page.get_by_role("link", name="They said no").is_visible()
