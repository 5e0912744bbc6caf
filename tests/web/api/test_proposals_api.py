"""Proposals through the API: list them, accept by id or by confidence."""

from __future__ import annotations

from pathlib import Path

from tests.web.api.conftest import Api
from tests.web.review_data import import_one, import_received, import_rejection, know_sender

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
    know_sender(api.ws)  # strangers' proposals are "maybe": never accepted by confidence
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


def test_proposals_come_in_pages_with_filters_and_the_maybe_flag(api: Api, tmp_path: Path) -> None:
    know_sender(api.ws)
    for n in range(5):
        import_one(api.ws, tmp_path, f"p{n}", company=f"Company {n}", day=1 + n)
    import_one(api.ws, tmp_path, "s", sender="a@stranger.example", company="Stranger", day=9)
    r = api.get("/api/v1/proposals", params={"per_page": 2, "page": 2})
    assert r.status_code == 200
    assert r.headers["x-total-count"] == "6"
    assert 'rel="next"' in r.headers["link"] and "page=3" in r.headers["link"]
    assert [p["message"]["subject"][-3:-1] for p in r.json()] == ["p2", "p3"]
    last = api.get("/api/v1/proposals", params={"per_page": 2, "page": 3})
    assert "link" not in last.headers
    assert [p["maybe"] for p in last.json()] == [False, True]  # the maybe group comes last
    assert "not dealt with" in last.json()[1]["maybe_reason"]
    maybe = api.get("/api/v1/proposals", params={"maybe": "true"}).json()
    assert [p["message"]["subject"][-2] for p in maybe] == ["s"]
    company = api.get("/api/v1/proposals", params={"company": "company 3"}).json()
    assert len(company) == 1
    days = api.get("/api/v1/proposals", params={"since": "2026-11-02", "until": "2026-11-03"})
    assert days.headers["x-total-count"] == "2"
    kinds = api.get("/api/v1/proposals", params={"kind": ["log_rejection", "move_stage"]})
    assert kinds.json() == []
    for bad in ({"page": 0}, {"per_page": 201}, {"min_confidence": 2}, {"kind": "nope"}):
        assert api.get("/api/v1/proposals", params=bad).status_code == 422, bad


def test_acceptance_can_be_previewed_and_by_confidence_leaves_maybe_out(
    api: Api, tmp_path: Path
) -> None:
    know_sender(api.ws)
    import_one(api.ws, tmp_path, "k", company="Known Co", confidence=0.95)
    import_one(
        api.ws, tmp_path, "s", sender="a@stranger.example", company="Stranger", confidence=0.99
    )
    preview = api.post("/api/v1/proposals/accept", json={"min_confidence": 0.9, "preview": True})
    assert preview.status_code == 200
    body = preview.json()
    assert body["preview"] is True and body["left_out_maybe"] == 1
    assert [i["summary"] for i in body["created"]] == [
        "Add application Known Co – Data Analyst at applied"
    ]
    assert _pending(api) == 2  # nothing changed
    done = api.post("/api/v1/proposals/accept", json={"min_confidence": 0.9}).json()
    assert [a["proposal_id"] for a in done["accepted"]] == body["would_accept"]
    assert _pending(api) == 1
    by_id = api.post("/api/v1/proposals/accept", json={"ids": [99999], "preview": True})
    assert by_id.json()["skipped"] == [{"proposal_id": 99999, "why": "no such proposal"}]


def test_not_job_mail_through_the_api_and_taken_back(api: Api, tmp_path: Path) -> None:
    import_one(api.ws, tmp_path, "n", sender="news@club.example", company="Club",
               list_id="Club news <news.club.example>")  # fmt: skip
    [proposal] = api.get("/api/v1/proposals").json()
    r = api.post(f"/api/v1/proposals/{proposal['id']}/not-job-mail")
    assert r.status_code == 200
    assert r.json()["remembered"] == {"address": "news@club.example", "list": "news.club.example"}
    assert _pending(api) == 0
    again = api.post(f"/api/v1/proposals/{proposal['id']}/not-job-mail")
    assert again.status_code == 422 and again.json()["error"]
    back = api.delete(f"/api/v1/proposals/{proposal['id']}/not-job-mail")
    assert back.status_code == 200 and back.json()["restored"] == [proposal["id"]]
    assert _pending(api) == 1
    assert api.delete(f"/api/v1/proposals/{proposal['id']}/not-job-mail").status_code == 422
    assert api.post("/api/v1/proposals/99999/not-job-mail").status_code == 404
