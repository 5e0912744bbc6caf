"""Today in real Chromium: the page loads with no CSP violation or script error, keyboard
users can skip to the content, and a screenshot is kept for a human to look at."""

from __future__ import annotations

from typing import Any

from tests.web.conftest import screenshot


def test_today_in_chromium_with_demo_data(page: Any, live_server: Any) -> None:
    from onward.services.demo import seed_demo

    _base, app = live_server
    ws = app.state.workspace
    seed_demo(ws.store, ws.owner, ws.clock)
    page.goto("/")
    assert page.title() == "Today · Onward"
    assert page.get_by_role("heading", level=1).inner_text().startswith("Today,")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to the content")
    assert skip.evaluate("el => el === document.activeElement")
    screenshot(page, "today", phone=True)
