"""Applications through the API: add, read, move; bad input is a clear 4xx and changes nothing."""

from __future__ import annotations

from typing import Any

import pytest
from tests.web.api.conftest import Api

from onward.domain.records import ApplicationQuery
from onward.services.applications import get_application, list_applications

NEW = {"company": "Acme", "role": "Data Analyst", "channel": "referral", "tags": ["remote"]}


def _count(api: Api) -> int:
    return list_applications(api.ws.store, api.ws.owner, ApplicationQuery(archived=None)).total


def test_an_application_is_added_and_read_back(api: Api) -> None:
    r = api.post("/api/v1/applications", json={**NEW, "stage": "screen", "date": "2026-11-10"})
    assert r.status_code == 201
    made = r.json()
    assert (made["company"], made["stage"], made["stage_on"]) == ("Acme", "screen", "2026-11-10")
    assert made["tags"] == ["remote"] and made["channel"] == "referral"
    stored = get_application(api.ws.store, api.ws.owner, made["id"])
    assert stored.fields.company == "Acme"
    read = api.get(f"/api/v1/applications/{made['id']}").json()
    assert read == made
    assert [e["stage"] for e in read["events"]] == ["screen"]


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"company": "Acme"}, "role: Field required"),
        ({**NEW, "stage": "somewhere"}, "stage: Input should be"),
        ({**NEW, "colour": "blue"}, "colour: Extra inputs are not permitted"),
        ({**NEW, "date": "yesterday"}, "date:"),
        ({**NEW, "date": "2030-01-01"}, "is in the future"),
        ({**NEW, "company": "  "}, "company"),
        ({**NEW, "stage": "rejected"}, "cannot start as rejected"),
    ],
)
def test_bad_input_is_a_422_naming_the_problem_and_nothing_is_added(
    api: Api, body: dict[str, Any], words: str
) -> None:
    r = api.post("/api/v1/applications", json=body)
    assert r.status_code == 422, r.text
    assert words in r.json()["error"]
    assert _count(api) == 0


def test_a_422_names_the_field_as_data(api: Api) -> None:
    r = api.post("/api/v1/applications", json={"company": "Acme"})
    assert (r.status_code, r.json()["field"]) == (422, "role")
    r = api.post("/api/v1/applications", json={**NEW, "salary_min": 9, "salary_max": 1})
    assert (r.status_code, r.json()["field"]) == (422, "salary_min")
    assert _count(api) == 0


def test_a_body_that_is_not_json_is_a_422(api: Api) -> None:
    r = api.post("/api/v1/applications", content=b"company=Acme")
    assert r.status_code == 422
    assert _count(api) == 0


def test_an_unknown_application_is_a_404(api: Api) -> None:
    for r in (
        api.get("/api/v1/applications/9999"),
        api.post("/api/v1/applications/9999/moves", json={"stage": "screen"}),
    ):
        assert r.status_code == 404
        assert r.json()["error"] == "no application #9999"
    assert api.get("/api/v1/applications/abc").status_code == 404


def test_a_move_goes_through_the_pipeline(api: Api) -> None:
    app_id = api.post("/api/v1/applications", json=NEW).json()["id"]
    r = api.post(f"/api/v1/applications/{app_id}/moves", json={"stage": "interview"})
    assert r.status_code == 201
    assert (r.json()["stage"], r.json()["interview_round"]) == ("interview", 1)
    stored = get_application(api.ws.store, api.ws.owner, app_id)
    assert [e.stage.value for e in stored.events] == ["applied", "interview"]


def test_an_impossible_move_is_a_409_with_the_reason_and_changes_nothing(api: Api) -> None:
    app_id = api.post("/api/v1/applications", json={**NEW, "stage": "interview"}).json()["id"]
    r = api.post(f"/api/v1/applications/{app_id}/moves", json={"stage": "applied"})
    assert r.status_code == 409
    assert "only move forward" in r.json()["error"]
    r = api.post(
        f"/api/v1/applications/{app_id}/moves", json={"stage": "offer", "date": "2020-01-01"}
    )
    assert r.status_code == 409
    assert "before the last step" in r.json()["error"]
    assert r.json()["field"] == "date"  # the body's name for it
    r = api.post(f"/api/v1/applications/{app_id}/moves", json={"stage": "nowhere"})
    assert r.status_code == 422
    assert "stage" in r.json()["error"]
    stored = get_application(api.ws.store, api.ws.owner, app_id)
    assert [e.stage.value for e in stored.events] == ["interview"]
