"""Goals through the API: progress and streak, setting targets, logging effort; refusals
name their field and change nothing."""

from __future__ import annotations

from typing import Any

from tests.web.api.conftest import Api

from onward.services.goals import get_goals, goal_progress


def _put(api: Api, body: dict[str, Any]) -> Any:
    return api.web.client.put("/api/v1/goals", json=body, headers=api.headers)


def test_goals_are_set_and_progress_read(api: Api) -> None:
    read = api.get("/api/v1/goals").json()
    assert read["goals"]["applications"] == 5 and len(read["weeks"]) == 8
    assert {"this_week", "streak", "tracked"} <= set(read)
    assert len(api.get("/api/v1/goals", params={"weeks": 2}).json()["weeks"]) == 2
    assert api.get("/api/v1/goals", params={"weeks": 0}).json()["field"] == "weeks"
    saved = _put(api, {"applications": 3, "networking": 0})
    assert saved.status_code == 200, saved.text
    assert saved.json()["applications"] == 3 and saved.json()["networking"] == 0
    assert saved.json()["follow_ups"] == 2  # left out: kept
    assert api.get("/api/v1/goals").json()["goals"] == saved.json()


def test_bad_goals_are_refused_and_nothing_changes(api: Api) -> None:
    for body, field in (
        ({"applications": -1}, "applications"),
        ({"applications": 1001}, "applications"),
        ({"applications": "many"}, "applications"),
        ({"sleep": 8}, "sleep"),
        ({}, None),
    ):
        r = _put(api, body)
        assert r.status_code == 422 and r.json()["field"] == field, (body, r.text)
    assert get_goals(api.ws.store, api.ws.owner).applications == 5


def test_effort_is_logged_and_counts(api: Api) -> None:
    r = api.post("/api/v1/goals/effort", json={"metric": "learning_hours", "amount": 1.5,
                                               "note": "SQL course"})  # fmt: skip
    assert r.status_code == 201, r.text
    assert r.json() == {"on": "2026-11-20", "metric": "learning_hours", "amount": 1.5}
    assert _done(api)["learning_hours"] == 1.5
    shown = api.get("/api/v1/goals").json()["this_week"]["metrics"]
    assert {m["metric"]: m["done"] for m in shown}["learning_hours"] == 1.5


def test_bad_effort_is_refused_with_its_field_and_not_logged(api: Api) -> None:
    for body, field in (
        ({"metric": "applications", "amount": 1}, "metric"),
        ({"metric": "dancing", "amount": 1}, "metric"),
        ({"metric": "networking", "amount": 0}, "amount"),
        ({"metric": "networking", "amount": 5000}, "amount"),
        ({"metric": "networking"}, "amount"),
        ({"metric": "networking", "amount": 1, "on": "2026-11-25"}, "on"),
    ):
        r = api.post("/api/v1/goals/effort", json=body)
        assert r.status_code == 422 and r.json()["field"] == field, (body, r.text)
    assert _done(api)["networking"] == 0


def _done(api: Api) -> dict[str, float]:
    """This week's count per metric, as the service has it."""
    week = goal_progress(api.ws.store, api.ws.owner, api.ws.clock).this_week
    return {m.metric.value: m.done for m in week.metrics}
