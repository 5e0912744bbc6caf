"""Rejections through the API: log one with the web form's details, read it (kindness only
while the dwell window is open), end the window; refusals change nothing. And reflection,
which waits for the window too."""

from __future__ import annotations

from typing import Any

import pytest
from tests.factories import make_application, make_rejection
from tests.web.api.conftest import Api

from onward.domain.pipeline import Stage
from onward.services.applications import get_application
from onward.services.reflection import list_reflections

NO = {
    "reason": "experience_mismatch",
    "sting": 3,
    "quote": "we went with someone else",
    "dwell": "48h",
}


def test_a_rejection_is_logged_and_the_window_holds_the_next_steps_back(api: Api) -> None:
    app = make_application(api.ws, stage=Stage.INTERVIEW, days_ago=3)
    r = api.post(f"/api/v1/applications/{app.id}/rejection", json=NO)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["in_dwell_window"] is True
    assert body["rejection"]["reason"] == "experience_mismatch" and body["rejection"]["sting"] == 3
    assert body["tasks"] == [] and body["advice"] is None
    assert body["tasks_ready_at"] == body["window"]["ends_at"]
    assert get_application(api.ws.store, api.ws.owner, app.id).stage == Stage.REJECTED
    assert api.get(f"/api/v1/applications/{app.id}/rejection").json() == body


def test_ready_ends_the_window_and_opens_the_tasks(api: Api) -> None:
    app = make_application(api.ws, stage=Stage.INTERVIEW, days_ago=3)
    api.post(f"/api/v1/applications/{app.id}/rejection", json=NO)
    r = api.post(f"/api/v1/applications/{app.id}/ready")
    assert r.status_code == 200, r.text
    assert r.json()["in_dwell_window"] is False and r.json()["tasks"]
    assert api.get(f"/api/v1/applications/{app.id}/rejection").json()["tasks"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"sting": 9}, "sting"),
        ({"reason": "astrology"}, "reason"),
        ({"channel": "pigeon"}, "channel"),
        ({"dwell": "forever and a day"}, "dwell"),
        ({"received_on": "2030-01-01"}, "received_on"),
        ({"mood": "low"}, "mood"),
    ],
)
def test_a_bad_rejection_is_a_422_naming_the_field_and_changes_nothing(
    api: Api, body: dict[str, Any], field: str
) -> None:
    app = make_application(api.ws, days_ago=3)
    r = api.post(f"/api/v1/applications/{app.id}/rejection", json=body)
    assert (r.status_code, r.json()["field"]) == (422, field), r.text
    assert get_application(api.ws.store, api.ws.owner, app.id).stage == Stage.APPLIED
    assert api.get(f"/api/v1/applications/{app.id}/rejection").status_code == 404


def test_a_second_rejection_is_a_409(api: Api) -> None:
    app = make_application(api.ws, days_ago=3)
    assert api.post(f"/api/v1/applications/{app.id}/rejection", json={}).status_code == 201
    r = api.post(f"/api/v1/applications/{app.id}/rejection", json=NO)
    assert r.status_code == 409 and "already rejected" in r.json()["error"]
    assert api.get(f"/api/v1/applications/{app.id}/rejection").json()["rejection"]["sting"] is None


def test_an_unknown_application_is_a_404(api: Api) -> None:
    for r in (
        api.post("/api/v1/applications/9999/rejection", json={}),
        api.get("/api/v1/applications/9999/rejection"),
        api.post("/api/v1/applications/9999/ready"),
        api.get("/api/v1/applications/9999/reflection"),
        api.post("/api/v1/applications/9999/reflection", json={"ratings": {"applied": 3}}),
    ):
        assert r.status_code == 404, r.text
        assert r.json()["error"] == "no application #9999"


def test_reflection_waits_for_the_window_then_is_kept(api: Api) -> None:
    app = make_application(api.ws, stage=Stage.INTERVIEW, days_ago=3)
    make_rejection(api.ws, app.id)
    waiting = api.get(f"/api/v1/applications/{app.id}/reflection").json()
    assert waiting["prompts"] is None and "reflection can wait" in waiting["waiting"]
    refused = api.post(f"/api/v1/applications/{app.id}/reflection", json={"answers": {}})
    assert refused.status_code == 422 and "reflection can wait" in refused.json()["error"]
    assert list_reflections(api.ws.store, api.ws.owner, application_id=app.id) == []

    api.post(f"/api/v1/applications/{app.id}/ready")
    prompts = api.get(f"/api/v1/applications/{app.id}/reflection").json()["prompts"]
    topic = prompts["topics"][0]["id"]
    question = prompts["questions"][0]["id"]
    body = {"ratings": {topic: 4}, "answers": {question: "I rushed the case study"}}
    r = api.post(f"/api/v1/applications/{app.id}/reflection", json=body)
    assert r.status_code == 201, r.text
    assert r.json()["experiment"] is None
    kept = api.get(f"/api/v1/applications/{app.id}/reflection").json()["reflections"]
    assert len(kept) == 1 and kept[0]["id"] == r.json()["reflection"]["id"]


def test_a_reflection_can_start_a_change_to_try(api: Api) -> None:
    app = make_application(api.ws, stage=Stage.INTERVIEW, days_ago=3)
    question = api.get(f"/api/v1/applications/{app.id}/reflection").json()["prompts"]
    body = {"answers": {question["questions"][0]["id"]: "more prep"}, "try_next": "Prep notes"}
    r = api.post(f"/api/v1/applications/{app.id}/reflection", json=body)
    assert r.status_code == 201, r.text
    assert r.json()["experiment"]["name"] == "Prep notes"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"ratings": {"applied": 7}}, "ratings.applied"),
        ({"ratings": {}, "answers": {}}, None),
        ({"feelings": "mixed"}, "feelings"),
        ({"answers": {"x": "y"}, "try_next": "x" * 500}, "try_next"),
    ],
)
def test_a_bad_reflection_is_a_422_and_keeps_nothing(
    api: Api, body: dict[str, Any], field: str | None
) -> None:
    app = make_application(api.ws, stage=Stage.INTERVIEW, days_ago=3)
    r = api.post(f"/api/v1/applications/{app.id}/reflection", json=body)
    assert (r.status_code, r.json()["field"]) == (422, field), r.text
    assert list_reflections(api.ws.store, api.ws.owner, application_id=app.id) == []
