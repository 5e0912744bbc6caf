"""Proposals through the API: list them, accept by id or by confidence."""

from __future__ import annotations

from pathlib import Path

from tests.web.api.conftest import Api
from tests.web.review_data import import_received, import_rejection

from onward.domain.mail import ProposalStatus
from onward.services.review import list_proposals


def _pending(api: Api) -> int:
    return len(list_proposals(api.ws.store, api.ws.owner))


def test_pending_proposals_are_listed_with_their_message(api: Api, tmp_path: Path) -> None:
    import_received(api.ws, tmp_path, n=2)
    r = api.get("/api/v1/proposals")
    assert r.status_code == 200
    listed = r.json()
    assert len(listed) == 2
    first = listed[0]
    assert first["status"] == "pending" and first["kind"] == "create_application"
    assert first["confidence"] == 0.93
    assert first["message"]["subject"].startswith("Your application")
    assert api.get("/api/v1/proposals", params={"status": "accepted"}).json() == []
    assert len(api.get("/api/v1/proposals", params={"limit": 1}).json()) == 1
    assert api.get("/api/v1/proposals", params={"status": "maybe"}).status_code == 422


def test_proposals_are_accepted_by_id(api: Api, tmp_path: Path) -> None:
    import_received(api.ws, tmp_path, n=2)
    first = api.get("/api/v1/proposals").json()[0]["id"]
    r = api.post("/api/v1/proposals/accept", json={"ids": [first]})
    assert r.status_code == 200
    [accepted] = r.json()["accepted"]
    assert accepted["proposal_id"] == first and accepted["application_id"] > 0
    assert r.json()["failed"] == []
    assert api.get(f"/api/v1/applications/{accepted['application_id']}").status_code == 200
    assert _pending(api) == 1


def test_proposals_at_or_above_a_confidence_are_accepted(api: Api, tmp_path: Path) -> None:
    import_received(api.ws, tmp_path, n=1)  # read at 0.93
    import_rejection(api.ws, tmp_path)  # read at 0.88
    r = api.post("/api/v1/proposals/accept", json={"min_confidence": 0.9})
    assert r.status_code == 200
    assert len(r.json()["accepted"]) == 1
    left = list_proposals(api.ws.store, api.ws.owner)
    assert left and all(p.confidence == 0.88 for p in left)
    done = list_proposals(api.ws.store, api.ws.owner, status=ProposalStatus.ACCEPTED)
    assert [p.confidence for p in done] == [0.93]


def test_a_bad_acceptance_is_refused_and_nothing_is_accepted(api: Api, tmp_path: Path) -> None:
    import_received(api.ws, tmp_path, n=2)
    for body in (
        {},
        {"ids": []},
        {"ids": [1], "min_confidence": 0.5},
        {"min_confidence": 1.5},
        {"min_confidence": 0},
        {"ids": ["one"]},
    ):
        r = api.post("/api/v1/proposals/accept", json=body)
        assert r.status_code == 422, (body, r.text)
        assert r.json()["error"]
    r = api.post("/api/v1/proposals/accept", json={"ids": [99999]})
    assert r.status_code == 404
    assert _pending(api) == 2


def test_a_proposal_that_cannot_be_accepted_is_listed_under_failed(
    api: Api, tmp_path: Path
) -> None:
    import_received(api.ws, tmp_path, n=1)
    first = api.get("/api/v1/proposals").json()[0]["id"]
    assert len(api.post("/api/v1/proposals/accept", json={"ids": [first]}).json()["accepted"]) == 1
    again = api.post("/api/v1/proposals/accept", json={"ids": [first]})
    assert again.status_code == 200
    assert again.json()["accepted"] == []
    [failed] = again.json()["failed"]
    assert failed["proposal_id"] == first and failed["error"]
