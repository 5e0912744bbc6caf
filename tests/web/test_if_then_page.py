"""The if-then plans page and Today's card (clock: Friday 2026-11-20 10:00 UTC)."""

from __future__ import annotations

from tests.web.conftest import Web

from onward.clock import FixedClock
from onward.services.if_then import if_then_overview


def test_make_a_plan_see_it_on_today_and_say_how_it_went(web: Web, clock: FixedClock) -> None:
    empty = web.get("/if-then")
    assert empty.status_code == 200 and "Nothing planned yet" in empty.text
    made = web.post(
        "/if-then",
        {"when": "2026-11-20T14:00", "place": "the library", "action": "send two applications",
         "for_text": "Acme", "minutes": "45", "metric": "applications"},
    )  # fmt: skip
    page = web.follow(made)
    assert "When today at 14:00 at the library, I will send two applications for Acme." in (
        page.text
    )
    today = web.get("/")
    assert "Your plans today" in today.text and "send two applications" in today.text
    (plan,) = if_then_overview(web.ws.store, web.ws.owner, clock).coming
    clock.advance(hours=5)
    today = web.get("/")
    assert "how did it go?" in today.text and f"/if-then/{plan.id}/kept" in today.text
    missed = web.follow(web.post(f"/if-then/{plan.id}/missed"))
    assert "pick a new when" in missed.text.lower() and f'id="move-{plan.id}" open' in missed.text
    moved = web.follow(web.post(f"/if-then/{plan.id}/move", {"when": "2026-11-23T09:00"}))
    assert "Moved. When Monday 23 November at 09:00" in moved.text
    goals = web.get("/goals")
    assert "/if-then" in goals.text


def test_a_plan_that_cannot_be_made_comes_back_beside_its_field(web: Web) -> None:
    page = web.post("/if-then", {"when": "2026-11-19T09:00", "action": "apply", "minutes": "30"})
    assert page.status_code == 422
    assert 'id="e-when"' in page.text and "time has passed" in page.text
    page = web.post("/if-then", {"when": "", "action": "", "minutes": "30"})
    assert page.status_code == 422 and 'id="e-action"' in page.text and 'id="e-when"' in page.text
    assert if_then_overview(web.ws.store, web.ws.owner, web.ws.clock).empty
