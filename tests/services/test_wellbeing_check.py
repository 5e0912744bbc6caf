"""The weekly WHO-5 check: scored on the device, care when low or falling, a lighter pace,
never more than a check-in (clock: Friday 2026-11-20 10:00 UTC)."""

from __future__ import annotations

from datetime import date

import pytest
from tests.factories import make_application, make_rejection

from onward.clock import FixedClock
from onward.domain.playbook.ghosting import GhostingRules
from onward.domain.playbook.goals import WeeklyGoals
from onward.domain.playbook.wellbeing_check import Care, WellbeingCheck
from onward.errors import InvalidInput
from onward.services.runtime import Workspace
from onward.services.today import today
from onward.services.wellbeing_check import (
    check_wellbeing,
    lighter_goals,
    support_places,
    wellbeing_view,
)

PLACES = "a friend; Samaritans: 116 123"


def test_scores_run_from_0_to_100() -> None:
    day = date(2026, 11, 20)
    assert WellbeingCheck(day, (5, 5, 5, 5, 5)).score == 100
    assert WellbeingCheck(day, (0, 0, 0, 0, 0)).score == 0
    assert WellbeingCheck(day, (3, 2, 3, 2, 3)).score == 52


@pytest.mark.parametrize("answers", [(1, 2, 3), (1, 2, 3, 4, 6), (1, 2, 3, 4, -1)])
def test_a_check_that_cannot_be_scored_is_refused(ws: Workspace, answers: tuple[int, ...]) -> None:
    with pytest.raises(InvalidInput) as caught:
        check_wellbeing(ws.store, ws.owner, answers, ws.clock)
    assert caught.value.field == "answers"
    assert wellbeing_view(ws.store, ws.owner, ws.clock).checks == ()


def test_low_and_falling_scores_call_for_care_and_places_to_talk(
    ws: Workspace, clock: FixedClock
) -> None:
    view = wellbeing_view(ws.store, ws.owner, clock, places=PLACES)
    assert view.due and view.care is Care.STEADY and view.latest is None
    view = check_wellbeing(ws.store, ws.owner, (4, 4, 3, 4, 4), clock, places=PLACES)
    assert view.latest is not None and view.latest.score == 76
    assert view.care is Care.STEADY and not view.due and not view.needs_care
    clock.advance(days=7)
    view = check_wellbeing(ws.store, ws.owner, (3, 3, 3, 3, 4), clock, places=PLACES)
    assert view.latest is not None and view.latest.score == 64 and view.care is Care.FALLING
    assert view.places == ("a friend", "Samaritans: 116 123")
    clock.advance(days=7)
    view = check_wellbeing(ws.store, ws.owner, (2, 2, 2, 3, 2), clock, places=PLACES)
    assert view.care is Care.LOW and "lighter pace" in view.words
    clock.advance(days=15)  # an old low score no longer speaks for now, and a check is due
    view = wellbeing_view(ws.store, ws.owner, clock, places=PLACES)
    assert view.care is Care.STEADY and view.due


def test_today_offers_the_check_only_when_asked_and_never_asks_inside_a_dwell_window(
    ws: Workspace, clock: FixedClock
) -> None:
    rules = GhostingRules()
    assert today(ws.store, ws.owner, clock, ghosting=rules).wellbeing is None
    offered = today(ws.store, ws.owner, clock, ghosting=rules, wellbeing_places=PLACES)
    assert offered.wellbeing is not None and offered.wellbeing.due
    app = make_application(ws, "Acme", "Analyst", days_ago=5)
    make_rejection(ws, app.id)
    inside = today(ws.store, ws.owner, clock, ghosting=rules, wellbeing_places=PLACES)
    assert inside.in_dwell and inside.wellbeing is None  # no questions, only kindness
    check_wellbeing(ws.store, ws.owner, (1, 1, 2, 1, 1), clock)
    inside = today(ws.store, ws.owner, clock, ghosting=rules, wellbeing_places=PLACES)
    assert inside.wellbeing is not None and inside.wellbeing.care is Care.LOW


def test_a_lighter_week_halves_each_goal_but_keeps_one() -> None:
    lighter = lighter_goals(WeeklyGoals(applications=5, follow_ups=2, reflections=1, networking=0))
    assert (lighter.applications, lighter.follow_ups, lighter.reflections) == (3, 1, 1)
    assert lighter.networking == 0
    assert support_places(" a ;; b ;") == ("a", "b")
