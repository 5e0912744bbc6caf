"""Applications through the API: list, add, read, edit, move, archive, delete; bad input is a
clear 4xx and changes nothing."""

from __future__ import annotations

from typing import Any

import pytest
from tests.factories import make_application
from tests.web.api.conftest import Api

from onward.domain.pipeline import Stage
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


def _patch(api: Api, url: str, body: dict[str, Any]) -> Any:
    return api.web.client.patch(url, headers=api.headers, json=body)


def test_the_list_filters_searches_and_pages_like_the_table(api: Api) -> None:
    for i in range(3):
        make_application(api.ws, f"Acme {i}", "Analyst", days_ago=3 - i)
    make_application(api.ws, "Birch", "Engineer", stage=Stage.SCREEN, tags=("remote",))

    everything = api.get("/api/v1/applications").json()
    assert everything["total"] == 4 and everything["pages"] == 1
    assert everything["items"][0]["company"] == "Birch"  # most recent step first
    assert "events" not in everything["items"][0]
    assert [a["company"] for a in api.get("/api/v1/applications?stage=screen").json()["items"]] == [
        "Birch"
    ]
    assert api.get("/api/v1/applications?q=acme").json()["total"] == 3
    assert api.get("/api/v1/applications?tag=remote").json()["total"] == 1
    page = api.get("/api/v1/applications?q=acme&sort=company&limit=2&page=2").json()
    assert (page["total"], page["pages"], page["page"]) == (3, 2, 2)
    assert [a["company"] for a in page["items"]] == ["Acme 2"]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("stage=nowhere", "stage"),
        ("sort=colour", "sort"),
        ("page=0", "page"),
        ("limit=100000", "limit"),
        ("archived=maybe", "archived"),
    ],
)
def test_a_bad_list_query_is_a_422_naming_the_parameter(api: Api, query: str, field: str) -> None:
    r = api.get(f"/api/v1/applications?{query}")
    assert (r.status_code, r.json()["field"]) == (422, field), r.text


def test_an_edit_changes_only_the_fields_given_and_null_clears_one(api: Api) -> None:
    app = make_application(api.ws, url="https://acme.example/job", location="Lyon")
    r = _patch(api, f"/api/v1/applications/{app.id}", {"role": "Lead Analyst", "url": None})
    assert r.status_code == 200, r.text
    assert (r.json()["role"], r.json()["url"], r.json()["location"]) == (
        "Lead Analyst",
        None,
        "Lyon",
    )
    stored = get_application(api.ws.store, api.ws.owner, app.id).fields
    assert (stored.role, stored.url, stored.location) == ("Lead Analyst", None, "Lyon")
    tags = _patch(api, f"/api/v1/applications/{app.id}", {"tags": ["Remote", "remote"]})
    assert tags.json()["tags"] == ["remote"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"company": ""}, "company"),
        ({"company": None}, "company"),
        ({"excitement": 9}, "excitement"),
        ({"url": "acme.example"}, "url"),
        ({"salary_min": 9, "salary_max": 1}, "salary_min"),
        ({"colour": "blue"}, "colour"),
        ({"channel": "pigeon"}, "channel"),
    ],
)
def test_a_bad_edit_is_a_422_naming_the_field_and_changes_nothing(
    api: Api, body: dict[str, Any], field: str
) -> None:
    app = make_application(api.ws)
    r = _patch(api, f"/api/v1/applications/{app.id}", body)
    assert (r.status_code, r.json()["field"]) == (422, field), r.text
    assert get_application(api.ws.store, api.ws.owner, app.id).fields == app.fields


def test_an_edit_with_nothing_to_change_is_a_422(api: Api) -> None:
    app = make_application(api.ws)
    r = _patch(api, f"/api/v1/applications/{app.id}", {})
    assert r.status_code == 422 and "nothing to change" in r.json()["error"]


def test_archive_hides_an_application_and_unarchive_brings_it_back(api: Api) -> None:
    app = make_application(api.ws)
    r = api.post(f"/api/v1/applications/{app.id}/archive")
    assert r.status_code == 200 and r.json()["archived_at"] is not None
    assert api.get("/api/v1/applications").json()["total"] == 0
    assert api.get("/api/v1/applications?archived=true").json()["total"] == 1
    assert api.get("/api/v1/applications?archived=any").json()["total"] == 1
    back = api.post(f"/api/v1/applications/{app.id}/unarchive")
    assert back.status_code == 200 and back.json()["archived_at"] is None
    assert api.get("/api/v1/applications").json()["total"] == 1


def test_delete_removes_an_application_and_undo_brings_it_back(api: Api) -> None:
    app = make_application(api.ws)
    r = api.delete(f"/api/v1/applications/{app.id}")
    assert r.status_code == 200 and r.json()["id"] == app.id
    assert _count(api) == 0
    assert api.get(f"/api/v1/applications/{app.id}").status_code == 404
    assert api.post(f"/api/v1/applications/{app.id}/undo").status_code == 200
    assert _count(api) == 1


def test_an_unknown_application_is_a_404_for_every_new_route(api: Api) -> None:
    make_application(api.ws)
    for r in (
        _patch(api, "/api/v1/applications/9999", {"role": "X"}),
        api.post("/api/v1/applications/9999/archive"),
        api.post("/api/v1/applications/9999/unarchive"),
        api.delete("/api/v1/applications/9999"),
    ):
        assert r.status_code == 404, r.text
        assert r.json()["error"] == "no application #9999"
    assert _count(api) == 1
