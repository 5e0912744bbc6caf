"""Tasks and gone-quiet applications through the API: list, done, skip, snooze, reopen; close
quiet applications kindly; bad input is a 4xx naming the field and changes nothing."""

from __future__ import annotations

from typing import Any

import pytest
from tests.factories import make_application, make_rejection
from tests.web.api.conftest import Api

from onward.clock import FixedClock
from onward.domain.pipeline import Stage
from onward.services.applications import get_application
from onward.services.rejections import end_dwell
from onward.services.tasks import list_tasks


def _task(api: Api) -> int:
    """The id of an open task: the first step after a rejection whose window has ended."""
    app = make_application(api.ws, stage=Stage.INTERVIEW, days_ago=3)
    make_rejection(api.ws, app.id)
    end_dwell(api.ws.store, api.ws.owner, app.id, api.ws.clock)
    return list_tasks(api.ws.store, api.ws.owner, api.ws.clock).items[0].id


def _status(api: Api, task_id: int) -> str:
    items = list_tasks(api.ws.store, api.ws.owner, api.ws.clock, everything=True).items
    return next(i.stored.task.status.value for i in items if i.id == task_id)


def test_the_list_has_the_open_tasks_and_everything_the_closed_too(api: Api) -> None:
    task_id = _task(api)
    listed = api.get("/api/v1/tasks").json()
    assert task_id in [t["id"] for t in listed["items"]]
    assert listed["items"][0]["company"] == "Acme" and listed["held_back"] == 0
    api.post(f"/api/v1/tasks/{task_id}/done")
    assert task_id not in [t["id"] for t in api.get("/api/v1/tasks").json()["items"]]
    everything = api.get("/api/v1/tasks?everything=true").json()["items"]
    assert next(t for t in everything if t["id"] == task_id)["state"] == "done"


@pytest.mark.parametrize(("action", "state"), [("done", "done"), ("skip", "skipped")])
def test_a_task_is_done_or_skipped(api: Api, action: str, state: str) -> None:
    task_id = _task(api)
    r = api.post(f"/api/v1/tasks/{task_id}/{action}")
    assert r.status_code == 200, r.text
    assert (r.json()["id"], r.json()["state"]) == (task_id, state)
    assert _status(api, task_id) == state


def test_a_task_is_snoozed_until_a_day_and_reopened(api: Api) -> None:
    task_id = _task(api)
    r = api.post(f"/api/v1/tasks/{task_id}/snooze", json={"until": "tomorrow"})
    assert r.status_code == 200, r.text
    assert r.json()["state"] == "snoozed"
    assert r.json()["stored"]["task"]["snoozed_until"].startswith("2026-11-21T09:00")
    dated = api.post(f"/api/v1/tasks/{task_id}/snooze", json={"until": "2026-12-01"})
    assert dated.json()["stored"]["task"]["snoozed_until"].startswith("2026-12-01")
    back = api.post(f"/api/v1/tasks/{task_id}/reopen")
    assert back.status_code == 200 and _status(api, task_id) == "open"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "until"),
        ({"until": ""}, "until"),
        ({"until": "whenever"}, "until"),
        ({"until": "tomorrow", "x": 1}, "x"),
    ],
)
def test_a_bad_snooze_is_a_422_naming_until_and_changes_nothing(
    api: Api, body: dict[str, Any], field: str
) -> None:
    task_id = _task(api)
    r = api.post(f"/api/v1/tasks/{task_id}/snooze", json=body)
    assert (r.status_code, r.json()["field"]) == (422, field), r.text
    assert _status(api, task_id) == "open"


def test_a_closed_task_cannot_be_done_again(api: Api) -> None:
    task_id = _task(api)
    api.post(f"/api/v1/tasks/{task_id}/skip")
    r = api.post(f"/api/v1/tasks/{task_id}/done")
    assert r.status_code in (400, 409), r.text
    assert _status(api, task_id) == "skipped"


def test_an_unknown_task_is_a_404(api: Api) -> None:
    task_id = _task(api)
    for r in (
        api.post("/api/v1/tasks/9999/done"),
        api.post("/api/v1/tasks/9999/skip"),
        api.post("/api/v1/tasks/9999/snooze", json={"until": "tomorrow"}),
        api.post("/api/v1/tasks/9999/reopen"),
    ):
        assert r.status_code == 404, r.text
        assert r.json()["error"] == "no task #9999"
    assert _status(api, task_id) == "open"


def _quiet_for(api: Api, days: int) -> None:
    """Let time pass with nothing happening."""
    clock = api.ws.clock
    assert isinstance(clock, FixedClock)
    clock.advance(days=days)


def test_quiet_applications_are_listed_and_closed_kindly(api: Api) -> None:
    quiet = make_application(api.ws, "Quiet Co", days_ago=10)
    other = make_application(api.ws, "Also Quiet", days_ago=5)
    _quiet_for(api, days=60)
    make_application(api.ws, "Fresh", days_ago=1)
    listed = api.get("/api/v1/ghosting").json()
    assert [q["application_id"] for q in listed["items"]] == [quiet.id, other.id]
    assert listed["total"] == 2

    r = api.post("/api/v1/ghosting", json={"ids": [quiet.id]})
    assert r.status_code == 200, r.text
    (closed,) = r.json()["closed"]
    assert closed["application"]["stage"] == "ghosted" and closed["tasks"]
    assert get_application(api.ws.store, api.ws.owner, other.id).stage == Stage.APPLIED

    rest = api.post("/api/v1/ghosting", json={}).json()["closed"]
    assert [c["application"]["id"] for c in rest] == [other.id]
    assert api.get("/api/v1/ghosting").json()["items"] == []


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [({"ids": ["all"]}, 422, "ids.0"), ({"all": True}, 422, "all"), ({"ids": [9999]}, 404, None)],
)
def test_a_bad_close_changes_nothing(
    api: Api, body: dict[str, Any], status: int, field: str | None
) -> None:
    quiet = make_application(api.ws, "Quiet Co", days_ago=10)
    _quiet_for(api, days=60)
    r = api.post("/api/v1/ghosting", json=body)
    assert (r.status_code, r.json()["field"]) == (status, field), r.text
    assert get_application(api.ws.store, api.ws.owner, quiet.id).stage == Stage.APPLIED
