"""Reminders in real Chromium with the notification permission granted beforehand: a due
check-in becomes a browser notification on the open page (observed through a test hook that
records each ``Notification`` the page constructs), once; the Settings page says they are
allowed; and nothing is shown while a dwell window is open."""

from __future__ import annotations

from typing import Any

import pytest
from tests.factories import make_application, make_contact, make_rejection
from tests.web.conftest import screenshot

pytestmark = pytest.mark.slow

#: Runs before the page's scripts: keeps the real Notification, records every construction.
RECORD = """
(() => {
  const Real = window.Notification;
  window.__shown = [];
  function Recorded(title, options) {
    window.__shown.push({ title: title, body: (options || {}).body, tag: (options || {}).tag });
    try { return new Real(title, options); } catch (e) { return { close() {} }; }
  }
  Object.defineProperty(Recorded, "permission", { get: () => Real.permission });
  Recorded.requestPermission = (...args) => Real.requestPermission(...args);
  window.Notification = Recorded;
})();
"""


def _granted(page: Any, base: str) -> None:
    page.context.grant_permissions(["notifications"], origin=base)
    page.context.add_init_script(RECORD)


def test_a_due_check_in_is_shown_as_a_notification_once(page: Any, live_server: Any) -> None:
    base, app = live_server
    ws = app.state.workspace
    contact = make_contact(ws, "Priya Natarajan", next_checkin_on=ws.clock.today())
    _granted(page, base)
    page.goto("/")
    page.wait_for_function("() => window.__shown.length > 0")
    [shown] = page.evaluate("window.__shown")
    assert shown["title"] == "Check-in: Check in with Priya Natarajan"
    assert shown["tag"].startswith(f"checkin-{contact.id}-")
    page.goto("/settings")  # a second page: the same reminder is not shown again
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__shown") == []
    state = page.locator("#notification-state")
    assert state.inner_text() == "Notifications are allowed in this browser."
    assert page.locator("#allow-notifications").count() == 0  # nothing left to ask
    screenshot(page, "settings-reminders")


def test_nothing_is_shown_during_a_dwell_window(page: Any, live_server: Any) -> None:
    base, app = live_server
    ws = app.state.workspace
    make_contact(ws, "Priya Natarajan", next_checkin_on=ws.clock.today())
    rejected = make_application(ws, "Harbour Labs", "Data Analyst", days_ago=5)
    make_rejection(ws, rejected.id)
    _granted(page, base)
    page.goto("/")
    answer = page.evaluate("fetch('/reminders/due').then(r => r.json())")
    assert answer["silence"] == "dwell" and answer["reminders"] == []
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__shown") == []
