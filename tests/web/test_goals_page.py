"""Goals: this week's progress, the streak, setting goals and logging effort, with bad input
refused and nothing saved, and the same queries however much effort there is."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date, timedelta

from tests.factories import make_application
from tests.web.conftest import Web

from onward.domain.playbook.goals import Metric, WeeklyGoals
from onward.services.goals import get_goals, goal_progress, log_effort

TODAY = date(2026, 11, 20)  # a Friday
GOALS = {"applications": "5", "follow_ups": "2", "reflections": "1", "learning_hours": "2",
         "networking": "1"}  # fmt: skip


def _done(web: Web, metric: Metric) -> float:
    week = goal_progress(web.ws.store, web.ws.owner, web.ws.clock).this_week
    return next(m.done for m in week.metrics if m.metric == metric)


def test_the_goals_page_shows_this_week_with_the_default_goals(web: Web) -> None:
    make_application(web.ws, "Acme", "Analyst")
    page = web.get("/goals")
    assert page.status_code == 200
    assert "This week" in page.text and "Mon, 16 Nov 2026" in page.text
    assert "1 of 5" in page.text  # one application counted from the records
    assert 'name="learning_hours"' in page.text and 'value="2"' in page.text


def test_setting_goals_changes_them_and_zero_stops_tracking(web: Web) -> None:
    data = {**GOALS, "applications": "8", "networking": "0", "learning_hours": "1.5"}
    page = web.follow(web.post("/goals", data))
    assert "weekly goals are set" in page.text
    goals = get_goals(web.ws.store, web.ws.owner)
    assert goals == WeeklyGoals(
        applications=8, follow_ups=2, reflections=1, learning_hours=1.5, networking=0
    )
    assert "Networking touches: " not in page.text
    assert "0 of 8" in page.text


def test_bad_goals_re_render_with_messages_and_change_nothing(web: Web) -> None:
    cases = [
        ({**GOALS, "applications": "-1"}, "applications", "choose 0 to 1000"),
        ({**GOALS, "follow_ups": "lots"}, "follow_ups", "write a number"),
        ({**GOALS, "reflections": ""}, "reflections", "0 stops tracking"),
        ({**GOALS, "networking": "nan"}, "networking", "write a number"),
        ({**GOALS, "learning_hours": "5000"}, "learning_hours", "choose 0 to 1000"),
    ]
    for data, name, message in cases:
        page = web.post("/goals", data)
        assert page.status_code == 422, data
        assert message.lower() in page.text.lower(), data
        assert f'id="e-{name}"' in page.text
    assert get_goals(web.ws.store, web.ws.owner) == WeeklyGoals()


def test_logging_effort_counts_this_week(web: Web) -> None:
    response = web.post(
        "/goals/effort", {"metric": "learning_hours", "amount": "1.5", "on": "", "note": "SQL"}
    )
    page = web.follow(response)
    assert "Logged 1.5 learning (hours)" in page.text
    assert _done(web, Metric.LEARNING_HOURS) == 1.5
    assert "1.5 of 2" in page.text


def test_a_back_dated_log_from_last_week_does_not_count_this_week(web: Web) -> None:
    web.follow(web.post("/goals/effort", {"metric": "networking", "amount": "1",
                                           "on": "2026-11-13"}))  # fmt: skip
    assert _done(web, Metric.NETWORKING) == 0
    weeks = goal_progress(web.ws.store, web.ws.owner, web.ws.clock).weeks
    assert any(m.done == 1 for w in weeks for m in w.metrics if m.metric == Metric.NETWORKING)


def test_bad_effort_re_renders_and_logs_nothing(web: Web) -> None:
    cases = [
        ({"amount": "1"}, "choose what you did"),
        ({"metric": "applications", "amount": "1"}, "counted from your records"),
        ({"metric": "bogus", "amount": "1"}, "choose one of the options"),
        ({"metric": "networking", "amount": ""}, "write how much"),
        ({"metric": "networking", "amount": "0"}, "choose 0.01 to 1000"),
        ({"metric": "networking", "amount": "1", "on": "2026-12-01"}, "in the future"),
        ({"metric": "networking", "amount": "1", "on": "31/31/2026"}, "date"),
    ]
    for data, message in cases:
        page = web.post("/goals/effort", data)
        assert page.status_code == 422, data
        assert message.lower() in page.text.lower(), (data, page.text[:2000])
    week = goal_progress(web.ws.store, web.ws.owner, web.ws.clock).weeks
    assert all(m.done == 0 for w in week for m in w.metrics)


def test_the_goals_page_issues_the_same_queries_as_effort_grows(
    web: Web, web_queries: Callable[[], AbstractContextManager[list[str]]]
) -> None:
    ws = web.ws
    log_effort(ws.store, ws.owner, Metric.NETWORKING, 1, ws.clock)
    with web_queries() as few:
        assert web.get("/goals").status_code == 200
    for i in range(40):
        log_effort(ws.store, ws.owner, Metric.LEARNING_HOURS, 1, ws.clock,
                     on=TODAY - timedelta(days=i))  # fmt: skip
        make_application(ws, f"Co {i}", "Role")
    with web_queries() as many:
        assert web.get("/goals").status_code == 200
    assert len(many) == len(few)
