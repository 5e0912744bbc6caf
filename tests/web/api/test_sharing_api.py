"""The sharing and caseload API: errors as the rest of the API answers them, nothing written
on a refusal, and a person who does not share with the coach asking is a 404 like any other."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from tests.factories import make_application
from tests.support.coaching import person, share, web_as
from tests.web.api.conftest import Api

from onward.clock import FixedClock
from onward.config import Settings
from onward.domain.accounts import Role
from onward.services.runtime import Workspace


@pytest.fixture
def ana(ws: Workspace) -> Workspace:
    return person(ws, "ana@example.org")


@pytest.fixture
def coach(ws: Workspace) -> Workspace:
    return person(ws, "coach@example.org", Role.COACH)


@contextmanager
def api_as(settings: Settings, clock: FixedClock, email: str) -> Iterator[Api]:
    with web_as(settings, clock, email) as web:
        yield Api(web)


def test_create_list_and_revoke_a_share(
    ana: Workspace, coach: Workspace, web_settings: Settings, clock: FixedClock
) -> None:
    with api_as(web_settings, clock, "ana@example.org") as api:
        made = api.post(
            "/api/v1/shares",
            json={
                "coach": "coach@example.org",
                "scopes": ["insights", "pipeline"],
                "expires_on": "2026-12-31",
            },
        )
        assert made.status_code == 201, made.text
        body = made.json()
        assert body["scopes"] == ["pipeline", "insights"] and body["status"] == "active"
        assert body["coach"] == "coach@example.org" and body["expires_on"] == "2026-12-31"
        listed = api.get("/api/v1/shares").json()
        assert [s["id"] for s in listed["shares"]] == [body["id"]] and listed["access"] == []
        gone = api.delete(f"/api/v1/shares/{body['id']}")
        assert gone.status_code == 200 and gone.json()["status"] == "revoked"
        assert api.delete("/api/v1/shares/999").status_code == 404


@pytest.mark.parametrize(
    ("body", "field", "words"),
    [
        ({"coach": "nobody@example.org", "scopes": ["pipeline"]}, "coach", "no coach with"),
        ({"coach": "ben@example.org", "scopes": ["pipeline"]}, "coach", "no coach with"),
        ({"coach": "ana@example.org", "scopes": ["pipeline"]}, "coach", "your own email"),
        ({"coach": "coach@example.org", "scopes": ["writing"]}, "scopes", "unknown scope"),
        (
            {"coach": "coach@example.org", "scopes": ["pipeline"], "expires_on": "2026-11-19"},
            "expires_on",
            "has passed",
        ),
    ],
)
def test_refused_shares_answer_with_the_field_and_write_nothing(
    ws: Workspace,
    ana: Workspace,
    coach: Workspace,
    web_settings: Settings,
    clock: FixedClock,
    body: dict[str, object],
    field: str,
    words: str,
) -> None:
    person(ws, "ben@example.org")
    with api_as(web_settings, clock, "ana@example.org") as api:
        refused = api.post("/api/v1/shares", json={"expires_on": "2026-12-31", **body})
        assert refused.status_code == 422, refused.text
        assert refused.json()["field"] == field and words in refused.json()["error"]
        assert api.get("/api/v1/shares").json()["shares"] == []


def test_the_caseload_and_a_person_through_the_api(
    ws: Workspace, ana: Workspace, coach: Workspace, web_settings: Settings, clock: FixedClock
) -> None:
    make_application(ana, "Acme")
    share(ana, coach, ("pipeline", "goals"))
    ben = person(ws, "ben@example.org")
    with api_as(web_settings, clock, "coach@example.org") as api:
        [entry] = api.get("/api/v1/caseload").json()["people"]
        assert entry["person"] == ana.owner.id and entry["flags"] == []
        one = api.get(f"/api/v1/caseload/{ana.owner.id}").json()
        assert [a["company"] for a in one["applications"]] == ["Acme"]
        assert one["journal"] is None and one["insights"] is None
        only = api.get(f"/api/v1/caseload/{ana.owner.id}", params={"scopes": "goals"}).json()
        assert only["applications"] is None and only["goals"] is not None
        for refused in (
            api.get(f"/api/v1/caseload/{ana.owner.id}", params={"scopes": "journal"}),
            api.get(f"/api/v1/caseload/{ben.owner.id}"),
            api.post(f"/api/v1/caseload/{ben.owner.id}/notes", json={"text": "hi"}),
        ):
            assert refused.status_code == 404
            assert refused.json() == {
                "error": "no one with that id in your caseload",
                "field": "person",
                "hint": None,
            }
        made = api.post(
            f"/api/v1/caseload/{ana.owner.id}/goals", json={"metric": "applications", "target": 3}
        )
        assert made.status_code == 201 and made.json()["state"] == "proposed"
        cohort = api.get("/api/v1/caseload/cohort").json()
        assert cohort["cohort"]["people"] == 1
        csv = api.get("/api/v1/caseload/cohort", params={"format": "csv"})
        assert csv.text.startswith("person,shared,")
    with api_as(web_settings, clock, "ana@example.org") as api:
        access = api.get("/api/v1/shares").json()["access"]
        assert {a["scope"] for a in access} == {"pipeline", "goals"}
        waiting = api.get("/api/v1/shares/from-coaches").json()["proposals"]
        answered = api.post(f"/api/v1/shares/proposals/{waiting[0]['id']}", json={"accept": False})
        assert answered.json()["state"] == "declined"
