"""Journal and wins through the API: write and read entries, add and list wins; refusals
name their field and keep nothing."""

from __future__ import annotations

from tests.web.api.conftest import Api

from onward.services.journal import list_journal
from onward.services.wins import list_wins


def test_an_entry_is_kept_and_read_back_with_the_trend(api: Api) -> None:
    made = api.post("/api/v1/journal", json={"mood": 4, "text": " a good call ", "rest_day": True})
    assert made.status_code == 201, made.text
    assert made.json() == {"written_on": "2026-11-20", "mood": 4, "text": "a good call",
                           "rest_day": True}  # fmt: skip
    api.post("/api/v1/journal", json={"mood": 2, "on": "2026-11-18"})
    read = api.get("/api/v1/journal").json()
    assert [e["mood"] for e in read["entries"]] == [4, 2]
    assert set(read) >= {"trend", "nudges", "suggestions", "in_dwell"}
    assert len(api.get("/api/v1/journal", params={"limit": 1}).json()["entries"]) == 1
    none = api.get("/api/v1/journal", params={"limit": 0})
    assert none.status_code == 422 and none.json()["field"] == "limit"


def test_bad_entries_are_refused_with_their_field(api: Api) -> None:
    for body, field in (
        ({"mood": 6}, "mood"),
        ({"mood": 0}, "mood"),
        ({}, "mood"),
        ({"mood": 3, "on": "2026-11-21"}, "on"),
        ({"mood": 3, "on": "yesterday"}, "on"),
        ({"mood": 3, "feeling": "meh"}, "feeling"),
    ):
        r = api.post("/api/v1/journal", json=body)
        assert r.status_code == 422 and r.json()["field"] == field, (body, r.text)
    assert list_journal(api.ws.store, api.ws.owner) == []


def test_wins_are_added_and_listed(api: Api) -> None:
    app_id = api.post("/api/v1/applications", json={"company": "Acme", "role": "Analyst"}).json()
    made = api.post(
        "/api/v1/wins", json={"text": "finished the SQL course", "application_id": app_id["id"]}
    )
    assert made.status_code == 201, made.text
    win = made.json()
    assert win["id"] and win["on"] == "2026-11-20" and win["kind"] is None
    listed = api.get("/api/v1/wins").json()
    assert win["id"] in [w["id"] for w in listed]
    assert api.get("/api/v1/wins", params={"days": 0}).status_code == 422


def test_bad_wins_are_refused_with_their_field(api: Api) -> None:
    for body, status, field in (
        ({"text": "  "}, 422, "text"),
        ({"text": "x" * 1001}, 422, "text"),
        ({"text": "a win", "on": "2026-12-01"}, 422, "on"),
        ({"text": "a win", "application_id": 99}, 404, "application_id"),
    ):
        r = api.post("/api/v1/wins", json=body)
        assert (r.status_code, r.json()["field"]) == (status, field), (body, r.text)
    assert [w for w in list_wins(api.ws.store, api.ws.owner, api.ws.clock) if w.id] == []
