"""If-then plans through the API: make, list, keep, miss, move; refusals with their field."""

from __future__ import annotations

from tests.web.api.conftest import Api

from onward.clock import FixedClock

BASE = "/api/v1/if-then-plans"


def test_make_list_keep_and_move_a_plan(api: Api, clock: FixedClock) -> None:
    made = api.post(
        BASE,
        json={"starts_at": "2026-11-20T14:00:00", "action": "send two applications",
              "place": "the library", "for": "Acme", "goal": "applications"},
    )  # fmt: skip
    assert made.status_code == 201, made.text
    plan = made.json()
    assert plan["state"] == "planned" and plan["fields"]["for_text"] == "Acme"
    assert plan["fields"]["starts_at"] == "2026-11-20T14:00:00+00:00"  # local time: UTC here
    listed = api.get(BASE).json()
    assert [p["id"] for p in listed["coming"]] == [plan["id"]]
    early = api.post(f"{BASE}/{plan['id']}/kept")
    assert early.status_code == 409 and early.json()["field"] == "plan"
    clock.advance(hours=5)
    assert api.get(BASE).json()["waiting"][0]["id"] == plan["id"]
    missed = api.post(f"{BASE}/{plan['id']}/missed").json()
    assert missed["state"] == "not_kept"
    moved = api.web.client.patch(
        f"{BASE}/{plan['id']}", json={"starts_at": "2026-11-21T09:00:00Z"}, headers=api.headers
    )
    assert moved.status_code == 200 and moved.json()["moves"] == 1
    clock.advance(days=1)
    kept = api.post(f"{BASE}/{plan['id']}/kept").json()
    assert kept["state"] == "kept"
    assert api.get(BASE).json()["kept"]["kept"] == 1


def test_bad_plans_are_refused_with_their_field_and_nothing_is_saved(api: Api) -> None:
    past = api.post(BASE, json={"starts_at": "2026-11-01T09:00:00Z", "action": "apply"})
    assert past.status_code == 422 and past.json()["field"] == "starts_at"
    empty = api.post(BASE, json={"starts_at": "2026-11-21T09:00:00Z", "action": " "})
    assert empty.status_code == 422 and empty.json()["field"] == "action"
    short = api.post(BASE, json={"starts_at": "2026-11-21T09:00:00Z", "action": "a", "minutes": 1})
    assert short.status_code == 422 and short.json()["field"] == "minutes"
    missing = api.post(
        BASE, json={"starts_at": "2026-11-21T09:00:00Z", "action": "a", "application_id": 99}
    )
    assert missing.status_code == 404 and missing.json()["field"] == "application_id"
    assert api.post(f"{BASE}/5/kept").status_code == 404
    listed = api.get(BASE).json()
    assert listed["coming"] == [] and listed["closed"] == []
