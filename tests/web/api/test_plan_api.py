"""The learning plan through the API: add and list items, move them as the web's buttons do
(an impossible move is a 409), add an application's suggestions, plan skill gaps; refusals
name their field and change nothing."""

from __future__ import annotations

from datetime import date

from tests.factories import make_application, make_move, make_rejection
from tests.web.api.conftest import Api

from onward.domain.pipeline import Stage
from onward.domain.playbook.learning_plan import ItemStatus
from onward.domain.records import ApplicationFields
from onward.services.applications import add_application
from onward.services.feedback import log_feedback
from onward.services.learning_plan import list_plan_items
from onward.services.rejections import end_dwell
from onward.services.resumes import add_uploaded_resume

BASE = "/api/v1/plan-items"
EVERY = tuple(ItemStatus)


def _count(api: Api) -> int:
    return len(list_plan_items(api.ws.store, api.ws.owner, statuses=EVERY))


def test_items_are_added_listed_and_moved(api: Api) -> None:
    app = make_application(api.ws, "Acme", "Analyst", days_ago=3)
    made = api.post(BASE, json={"kind": "course", "focus": "SQL window functions",
                                "effort_hours": 6, "application_id": app.id})  # fmt: skip
    assert made.status_code == 201, made.text
    item = made.json()
    assert item["item"]["status"] == "todo" and item["application_id"] == app.id
    listed = api.get(BASE).json()
    assert [i["id"] for i in listed["items"]] == [item["id"]]
    assert listed["linked"] == {str(app.id): "Acme: Analyst"}
    started = api.post(f"{BASE}/{item['id']}/start")
    assert started.status_code == 200 and started.json()["item"]["status"] == "doing"
    done = api.post(f"{BASE}/{item['id']}/done").json()
    assert done["item"]["status"] == "done"
    impossible = api.post(f"{BASE}/{item['id']}/again")  # done reopens to doing, not todo
    assert impossible.status_code == 409, impossible.text
    assert "allowed: doing" in impossible.json()["hint"]["text"]
    assert api.get(BASE).json()["items"][0]["item"]["status"] == "done"
    assert api.post(f"{BASE}/{item['id']}/start").json()["item"]["status"] == "doing"
    assert api.post(f"{BASE}/{item['id']}/drop").json()["item"]["status"] == "dropped"
    again = api.post(f"{BASE}/{item['id']}/again").json()
    assert again["item"]["status"] == "todo"
    assert api.post(f"{BASE}/{item['id']}/finish").status_code == 404
    assert api.post(f"{BASE}/99/start").status_code == 404


def test_bad_items_are_refused_with_their_field_and_nothing_is_added(api: Api) -> None:
    for body, status, field in (
        ({"kind": "degree", "focus": "SQL"}, 422, "kind"),
        ({"kind": "course", "focus": "  "}, 422, "focus"),
        ({"kind": "course", "focus": "SQL", "effort_hours": 0}, 422, "effort_hours"),
        ({"kind": "course", "focus": "SQL", "effort_hours": 10_000}, 422, "effort_hours"),
        ({"kind": "course", "focus": "SQL", "application_id": 99}, 404, "application_id"),
        ({"kind": "course"}, 422, "focus"),
    ):
        r = api.post(BASE, json=body)
        assert (r.status_code, r.json()["field"]) == (status, field), (body, r.text)
    assert _count(api) == 0


def test_an_applications_suggestions_go_into_the_plan_once(api: Api) -> None:
    ws = api.ws
    app = make_application(ws, "Harbour Labs", "Data Analyst", days_ago=12)
    make_move(ws, app.id, Stage.INTERVIEW)
    make_rejection(ws, app.id)
    end_dwell(ws.store, ws.owner, app.id, ws.clock)
    log_feedback(ws.store, ws.owner, app.id, "Go deeper on the technical side.", ws.clock,
                 themes=["technical_depth"])  # fmt: skip
    url = f"/api/v1/applications/{app.id}/plan-suggestions"
    first = api.post(url)
    assert first.status_code == 200, first.text
    assert len(first.json()["accepted"]) == 2 and first.json()["application_id"] == app.id
    again = api.post(url).json()
    assert again["accepted"] == [] and again["already_planned"] == 2
    assert _count(api) == 2
    assert api.post("/api/v1/applications/999/plan-suggestions").status_code == 404
    assert _count(api) == 2


def test_skill_gaps_go_into_the_plan(api: Api) -> None:
    ws = api.ws
    url = "/api/v1/insights/plan-skills"
    no_resume = api.post(url, json={"top": 3})
    assert no_resume.status_code == 404
    add_uploaded_resume(ws.store, ws.owner, ws.settings.home, "cv.md", b"Analyst: SQL daily.",
                        ws.clock)  # fmt: skip
    fields = ApplicationFields("Northwind", "Analyst", description="SQL, Python and Power BI.")
    app = add_application(ws.store, ws.owner, fields, ws.clock, on=date(2026, 10, 1))
    make_move(ws, app.id, Stage.SCREEN, on=date(2026, 10, 8))
    make_move(ws, app.id, Stage.REJECTED, on=date(2026, 11, 1))
    too_many = api.post(url, json={"top": 51})
    assert too_many.status_code == 422 and too_many.json()["field"] == "top"
    assert _count(api) == 0
    done = api.post(url, json={"top": 3})
    assert done.status_code == 200, done.text
    added = [i["item"]["focus"] for i in done.json()["added"]]
    assert added and _count(api) == len(added)
    again = api.post(url, json={}).json()
    assert again["added"] == [] and set(again["already_planned"]) >= set(added)
