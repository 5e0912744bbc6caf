"""Contacts through the API: add, list, read, change, delete, link, check in, due check-ins;
refusals name their field and change nothing, an unknown id is a 404."""

from __future__ import annotations

from typing import Any

from tests.web.api.conftest import Api

from onward.services.contacts import list_contacts

BASE = "/api/v1/contacts"


def _app(api: Api, company: str = "Acme") -> int:
    made = api.post("/api/v1/applications", json={"company": company, "role": "Analyst"})
    assert made.status_code == 201, made.text
    app_id: int = made.json()["id"]
    return app_id


def _names(api: Api) -> list[str]:
    return [c.fields.name for c in list_contacts(api.ws.store, api.ws.owner)]


def _patch(api: Api, url: str, body: dict[str, Any]) -> Any:
    return api.web.client.patch(url, json=body, headers=api.headers)


def test_a_contact_is_added_listed_changed_and_deleted(api: Api) -> None:
    app_id = _app(api)
    made = api.post(
        BASE,
        json={"name": " Dana Reyes ", "role": "recruiter", "company": "Acme",
              "email": "dana@acme.example", "application_ids": [app_id]},
    )  # fmt: skip
    assert made.status_code == 201, made.text
    dana = made.json()
    assert (dana["name"], dana["role"]) == ("Dana Reyes", "recruiter")
    assert dana["application_ids"] == [app_id]
    api.post(BASE, json={"name": "Sam", "company": "Globex"})
    assert [c["name"] for c in api.get(BASE).json()] == ["Dana Reyes", "Sam"]
    assert [c["name"] for c in api.get(BASE, params={"company": "Acme"}).json()] == ["Dana Reyes"]
    assert len(api.get(BASE, params={"limit": 1}).json()) == 1
    assert api.get(f"{BASE}/{dana['id']}").json() == dana
    changed = _patch(api, f"{BASE}/{dana['id']}", {"notes": "met at the meetup", "email": None})
    assert changed.status_code == 200, changed.text
    assert changed.json()["notes"] == "met at the meetup" and changed.json()["email"] is None
    assert changed.json()["company"] == "Acme"  # left out: kept
    gone = api.delete(f"{BASE}/{dana['id']}")
    assert gone.status_code == 200 and gone.json()["name"] == "Dana Reyes"
    assert _names(api) == ["Sam"]
    assert api.get(f"/api/v1/applications/{app_id}").status_code == 200  # untouched


def test_bad_contacts_are_refused_with_their_field_and_nothing_changes(api: Api) -> None:
    empty = api.post(BASE, json={"name": "  "})
    assert empty.status_code == 422 and empty.json()["field"] == "name"
    role = api.post(BASE, json={"name": "Dana", "role": "boss"})
    assert role.status_code == 422 and role.json()["field"] == "role"
    unknown = api.post(BASE, json={"name": "Dana", "phone": "123"})
    assert unknown.status_code == 422 and unknown.json()["field"] == "phone"
    no_app = api.post(BASE, json={"name": "Dana", "application_ids": [99]})
    assert no_app.status_code == 404 and no_app.json()["field"] == "application_ids"
    assert _names(api) == []
    dana = api.post(BASE, json={"name": "Dana", "email": "dana@acme.example"}).json()
    blank = _patch(api, f"{BASE}/{dana['id']}", {"name": ""})
    assert blank.status_code == 422 and blank.json()["field"] == "name"
    bad_mail = _patch(api, f"{BASE}/{dana['id']}", {"email": "not an address"})
    assert bad_mail.status_code == 422 and bad_mail.json()["field"] == "email"
    assert api.get(f"{BASE}/{dana['id']}").json() == dana
    assert api.get(f"{BASE}/99").status_code == 404
    assert _patch(api, f"{BASE}/99", {"notes": "x"}).status_code == 404
    assert api.delete(f"{BASE}/99").status_code == 404
    assert api.get(BASE, params={"limit": 0}).status_code == 422


def test_contacts_are_linked_and_unlinked(api: Api) -> None:
    app_id = _app(api)
    dana = api.post(BASE, json={"name": "Dana"}).json()
    linked = api.post(f"{BASE}/{dana['id']}/applications", json={"application_id": app_id})
    assert linked.status_code == 200 and linked.json()["application_ids"] == [app_id]
    missing = api.post(f"{BASE}/{dana['id']}/applications", json={"application_id": 99})
    assert missing.status_code == 404 and missing.json()["field"] == "application_id"
    nobody = api.post(f"{BASE}/99/applications", json={"application_id": app_id})
    assert nobody.status_code == 404 and nobody.json()["field"] is None
    assert api.get(f"{BASE}/{dana['id']}").json()["application_ids"] == [app_id]
    unlinked = api.delete(f"{BASE}/{dana['id']}/applications/{app_id}")
    assert unlinked.status_code == 200 and unlinked.json()["application_ids"] == []
    assert api.delete(f"{BASE}/{dana['id']}/applications/99").status_code == 404
    assert api.delete(f"{BASE}/99/applications/{app_id}").status_code == 404
    assert api.get(f"{BASE}/{dana['id']}").json()["application_ids"] == []


def test_a_check_in_is_noted_and_due_check_ins_listed(api: Api) -> None:
    dana = api.post(BASE, json={"name": "Dana", "next_checkin_on": "2026-11-22"}).json()
    api.post(BASE, json={"name": "Later", "next_checkin_on": "2027-03-01"})
    due = api.get("/api/v1/checkins").json()
    assert [(d["contact"]["name"], d["due_on"], d["days_left"]) for d in due] == [
        ("Dana", "2026-11-22", 2)
    ]
    future = api.post(f"{BASE}/{dana['id']}/checkin", json={"on": "2026-12-01"})
    assert future.status_code == 422 and future.json()["field"] == "on"
    backwards = api.post(
        f"{BASE}/{dana['id']}/checkin", json={"on": "2026-11-19", "next_on": "2026-11-01"}
    )
    assert backwards.status_code == 422 and backwards.json()["field"] == "next_on"
    assert api.get(f"{BASE}/{dana['id']}").json()["last_contact_on"] is None
    done = api.post(f"{BASE}/{dana['id']}/checkin", json={"on": "2026-11-19"})
    assert done.status_code == 200, done.text
    assert done.json()["last_contact_on"] == "2026-11-19"
    assert done.json()["next_checkin_on"] > "2026-12-19"
    assert api.get("/api/v1/checkins").json() == []
    assert api.post(f"{BASE}/99/checkin", json={}).status_code == 404
    assert len(api.get("/api/v1/checkins", params={"within_days": 365}).json()) == 2
    negative = api.get("/api/v1/checkins", params={"within_days": -1})
    assert negative.status_code == 422 and negative.json()["field"] == "within_days"
