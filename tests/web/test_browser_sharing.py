"""Sharing and the caseload in real Chromium: a seeker shares with a coach (reflections and the
journal unticked by default), the coach opens the caseload and the person's page and leaves a
note for them, the seeker sees the access log and the note, and stops sharing; the coach's
next look is a 404. Each person has their own app (the owner named by their email), on one
database. Screenshots in artifacts/screenshots/."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from tests.factories import make_application
from tests.support.coaching import person
from tests.web.conftest import Serving, screenshot, watched_tab

from onward.clock import FixedClock
from onward.config import Settings
from onward.domain.accounts import Role
from onward.services.runtime import Workspace


@contextmanager
def tab_as(browser: Any, settings: Settings, clock: FixedClock, email: str) -> Iterator[Any]:
    from onward.web.app import create_app

    serving = Serving(create_app(settings.but(owner=email), clock=clock))
    try:
        with watched_tab(browser, serving.base) as tab:
            yield tab
    finally:
        serving.stop()


def test_share_look_and_stop_sharing(
    _browser: Any, ws: Workspace, web_settings: Settings, clock: FixedClock
) -> None:
    ana = person(ws, "ana@example.org")
    person(ws, "coach@example.org", Role.COACH)
    make_application(ana, "Fjord Bank", "Data Analyst")
    with tab_as(_browser, web_settings, clock, "ana@example.org") as seeker:
        seeker.goto("/sharing")
        assert not seeker.get_by_label("Journal and mood").is_checked()
        assert seeker.get_by_label("Pipeline and outcomes").is_checked()
        seeker.get_by_label("Your coach's email").fill("coach@example.org")
        seeker.get_by_label("Insights").uncheck()
        with seeker.expect_navigation():  # the answer to the form, not the page already open
            seeker.get_by_role("button", name="Share", exact=True).click()
        assert "coach@example.org" in seeker.locator("#shares").inner_text()
        screenshot(seeker, "sharing", phone=True)

        with tab_as(_browser, web_settings, clock, "coach@example.org") as coach:
            coach.goto("/caseload")
            coach.get_by_role("link", name="ana@example.org").click()
            coach.wait_for_url(f"**/caseload/{ana.owner.id}")
            assert "Fjord Bank" in coach.locator("#pipeline").locator("..").inner_text()
            assert coach.locator("#insights").count() == 0
            coach.get_by_role("textbox", name="Note").fill("Good progress on Fjord Bank")
            coach.get_by_label("Show this note to them too").check()
            with coach.expect_navigation():
                coach.get_by_role("button", name="Keep the note").click()
            screenshot(coach, "caseload-person")

            seeker.goto("/sharing")
            log = seeker.locator("#access").inner_text()
            assert "coach@example.org viewed your pipeline and outcomes" in log
            assert "Good progress on Fjord Bank" in seeker.locator("#notes").inner_text()
            seeker.get_by_role("button", name="Stop sharing with coach@example.org").click()
            with seeker.expect_navigation():
                seeker.get_by_role("button", name="Stop sharing", exact=True).click()
            assert "You share nothing with anyone." in seeker.locator("#shares").inner_text()

            answer = coach.goto(f"/caseload/{ana.owner.id}")
            assert answer is not None and answer.status == 404
            coach.goto("/caseload")
            assert "No one shares with you now" in coach.locator("main").inner_text()
