"""Undo and correction through the API: undo a move and a rejection, nothing to undo is a
409 with the error as data, a proposal's accept undone, a step's date corrected."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from tests.factories import make_application, make_move, make_rejection
from tests.web.api.conftest import Api
from tests.web.review_data import import_received

from onward.domain.pipeline import Stage
from onward.domain.records import ApplicationQuery
from onward.services.applications import get_application, list_applications


def test_a_move_is_undone_and_done_again(api: Api) -> None:
    app = make_application(api.ws, days_ago=5)
    api.post(f"/api/v1/applications/{app.id}/moves", json={"stage": "screen"})

    r = api.post(f"/api/v1/applications/{app.id}/undo")

    assert r.status_code == 200, r.text
    body = r.json()
    assert body["undone"]["kind"] == "move" and body["correction"]["kind"] == "undo"
    assert body["correction"]["undoes"] == body["undone"]["id"] and body["redo"] is False
    assert body["application"]["stage"] == "applied"
    again = api.post(f"/api/v1/applications/{app.id}/undo").json()
    assert again["redo"] is True and again["application"]["stage"] == "screen"


def test_a_rejection_is_undone_with_its_plan(api: Api) -> None:
    app = make_application(api.ws, days_ago=5)
    make_rejection(api.ws, app.id)
    r = api.post(f"/api/v1/applications/{app.id}/undo")
    assert r.status_code == 200 and r.json()["undone"]["kind"] == "reject"
    with api.ws.store.transaction() as tx:
        assert tx.rejections.for_application(api.ws.owner.id, app.id) is None
        assert tx.tasks.query(api.ws.owner.id, application_id=app.id) == []


def test_nothing_to_undo_is_a_409_with_the_error_as_data(api: Api) -> None:
    app = make_application(api.ws)
    r = api.post(f"/api/v1/applications/{app.id}/undo")
    assert r.status_code == 409
    body = r.json()
    assert body["error"].startswith("nothing to undo for #")
    assert body["field"] is None
    assert body["hint"]["action"] == "show_application"
    assert body["hint"]["args"] == {"application_id": app.id}
    assert api.post("/api/v1/applications/999/undo").status_code == 404


def test_the_history_lists_undone_steps_and_changes(api: Api) -> None:
    app = make_application(api.ws, days_ago=5)
    make_move(api.ws, app.id, Stage.SCREEN)
    api.post(f"/api/v1/applications/{app.id}/undo")
    body = api.get(f"/api/v1/applications/{app.id}/history").json()
    assert [(e["stage"], e["undone_at"] is not None) for e in body["events"]] == [
        ("applied", False),
        ("screen", True),
    ]
    assert [c["kind"] for c in body["changes"]] == ["move", "undo"]
    assert body["latest"]["kind"] == "undo"
    second = api.post(f"/api/v1/changes/{body['changes'][0]['id']}/undo")
    assert second.status_code == 409 and "already undone" in second.json()["error"]


def test_a_steps_date_is_corrected_and_checked(api: Api) -> None:
    app = make_application(api.ws, days_ago=10)
    make_move(api.ws, app.id, Stage.SCREEN)
    step = get_application(api.ws.store, api.ws.owner, app.id).events[-1]
    url = f"/api/v1/applications/{app.id}/events/{step.id}"
    future = (api.ws.clock.today() + timedelta(days=1)).isoformat()

    bad = api.web.client.patch(url, json={"date": future}, headers=api.headers)
    assert bad.status_code == 422 and bad.json()["field"] == "date"
    day = (api.ws.clock.today() - timedelta(days=2)).isoformat()
    good = api.web.client.patch(url, json={"date": day}, headers=api.headers)
    assert good.status_code == 200, good.text
    assert good.json()["application"]["stage_on"] == day
    assert good.json()["latest"]["kind"] == "correct_date"


def test_an_accepted_proposal_is_undone_and_waits_for_review_again(
    api: Api, tmp_path: Path
) -> None:
    import_received(api.ws, tmp_path, n=1)
    proposal = api.get("/api/v1/proposals").json()[0]["id"]
    never = api.post(f"/api/v1/proposals/{proposal}/undo")
    assert never.status_code == 409 and never.json()["field"] == "proposal_id"
    api.post("/api/v1/proposals/accept", json={"ids": [proposal]})
    assert api.get("/api/v1/proposals").json() == []

    r = api.post(f"/api/v1/proposals/{proposal}/undo")

    assert r.status_code == 200, r.text
    assert r.json()["undone"]["kind"] == "accept" and r.json()["application"] is None
    assert [p["id"] for p in api.get("/api/v1/proposals").json()] == [proposal]
    assert list_applications(api.ws.store, api.ws.owner, ApplicationQuery()).total == 0
    assert api.post("/api/v1/proposals/77/undo").status_code == 404


def test_the_openapi_document_describes_undo(api: Api) -> None:
    paths = api.get("/api/v1/openapi.json").json()["paths"]
    for path in (
        "/api/v1/applications/{app_id}/undo",
        "/api/v1/proposals/{proposal_id}/undo",
        "/api/v1/changes/{change_id}/undo",
        "/api/v1/applications/{app_id}/history",
        "/api/v1/applications/{app_id}/events/{event_id}",
    ):
        assert path in paths, path
