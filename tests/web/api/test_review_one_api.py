"""One proposal at a time through the API: read it, accept it (corrected first, as the web's
edit form), dismiss some; mail summary cards dismissed; refusals change nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.web.api.conftest import Api
from tests.web.review_data import import_one, import_received

from onward.domain.mail import MailSummary, ProposalStatus
from onward.services.mail_summaries import keep_mail_summary, open_mail_summary
from onward.services.proposals import get_proposal


def _status(api: Api, proposal_id: int) -> ProposalStatus:
    return get_proposal(api.ws.store, api.ws.owner, proposal_id).status


def test_one_proposal_is_read_and_accepted(api: Api, tmp_path: Path) -> None:
    import_received(api.ws, tmp_path, n=1)
    [listed] = api.get("/api/v1/proposals").json()
    one = api.get(f"/api/v1/proposals/{listed['id']}").json()
    queue_only = ("editable", "maybe", "maybe_reason")
    assert {k: v for k, v in one.items() if k not in queue_only} == {
        k: v for k, v in listed.items() if k not in queue_only
    }
    assert one["maybe"] is None
    assert one["editable"] == ["company", "role", "job_ref", "stage", "on"]
    r = api.post(f"/api/v1/proposals/{listed['id']}/accept")
    assert r.status_code == 200, r.text
    [accepted] = r.json()["accepted"]
    assert accepted["proposal_id"] == listed["id"] and r.json()["failed"] == []
    assert _status(api, listed["id"]) is ProposalStatus.ACCEPTED
    again = api.post(f"/api/v1/proposals/{listed['id']}/accept").json()
    assert again["accepted"] == [] and again["failed"][0]["proposal_id"] == listed["id"]
    assert api.get("/api/v1/proposals/999").status_code == 404
    assert api.post("/api/v1/proposals/999/accept").status_code == 404


def test_a_corrected_proposal_is_accepted_as_corrected(api: Api, tmp_path: Path) -> None:
    import_received(api.ws, tmp_path, n=1)
    [listed] = api.get("/api/v1/proposals").json()
    url = f"/api/v1/proposals/{listed['id']}/accept"
    bad = api.post(url, json={"fields": {"salary": "lots"}})
    assert bad.status_code == 422 and bad.json()["field"] == "fields", bad.text
    no_app = api.post(url, json={"application_id": 99})
    assert no_app.status_code == 404 and no_app.json()["field"] == "application_id"
    unknown = api.post(url, json={"company": "Globex"})
    assert unknown.status_code == 422 and unknown.json()["field"] == "company"
    assert _status(api, listed["id"]) is ProposalStatus.PENDING
    r = api.post(url, json={"fields": {"company": "Globex Corp", "role": "Data Analyst"}})
    assert r.status_code == 200 and r.json()["failed"] == [], r.text
    app_id = r.json()["accepted"][0]["application_id"]
    app = api.get(f"/api/v1/applications/{app_id}").json()
    assert (app["company"], app["role"]) == ("Globex Corp", "Data Analyst")
    assert _status(api, listed["id"]) is ProposalStatus.EDITED


def test_proposals_are_dismissed_all_or_none(api: Api, tmp_path: Path) -> None:
    import_received(api.ws, tmp_path, n=2)
    first, second = (p["id"] for p in api.get("/api/v1/proposals").json())
    assert api.post("/api/v1/proposals/dismiss", json={"ids": []}).status_code == 422
    missing = api.post("/api/v1/proposals/dismiss", json={"ids": [first, 999]})
    assert missing.status_code == 404
    assert _status(api, first) is ProposalStatus.PENDING
    r = api.post("/api/v1/proposals/dismiss", json={"ids": [first]})
    assert r.status_code == 200 and r.json() == {"dismissed": [first]}
    twice = api.post("/api/v1/proposals/dismiss", json={"ids": [second, first]})
    assert twice.status_code == 422 and twice.json()["field"] == "ids"
    assert _status(api, second) is ProposalStatus.PENDING
    assert _status(api, first) is ProposalStatus.DISMISSED


def test_a_mail_summary_card_is_dismissed(api: Api) -> None:
    ws = api.ws
    found = MailSummary(applications=3, rejections=1, since=date(2026, 11, 1))
    assert keep_mail_summary(ws.store, ws.owner, "import", found, ws.clock)
    card = open_mail_summary(ws.store, ws.owner)
    assert card is not None
    assert api.post("/api/v1/mail-summaries/999/dismiss").status_code == 404
    assert open_mail_summary(ws.store, ws.owner) is not None
    r = api.post(f"/api/v1/mail-summaries/{card.id}/dismiss")
    assert r.status_code == 200 and r.json() == {"dismissed": card.id}
    assert open_mail_summary(ws.store, ws.owner) is None
    assert api.post(f"/api/v1/mail-summaries/{card.id}/dismiss").status_code == 404


def test_not_job_mail_is_taken_back_by_its_message(api: Api, tmp_path: Path) -> None:
    import_one(api.ws, tmp_path, "n", sender="news@club.example", company="Club")
    [proposal] = api.get("/api/v1/proposals").json()
    message_id = proposal["message"]["id"]
    nothing = api.delete(f"/api/v1/not-job-mail/{message_id}")
    assert nothing.status_code == 422 and nothing.json()["field"] == "message_id"
    assert _status(api, proposal["id"]) is ProposalStatus.PENDING
    assert api.post(f"/api/v1/proposals/{proposal['id']}/not-job-mail").status_code == 200
    back = api.delete(f"/api/v1/not-job-mail/{message_id}")
    assert back.status_code == 200, back.text
    assert back.json() == {"message_id": message_id, "restored": [proposal["id"]]}
    assert _status(api, proposal["id"]) is ProposalStatus.PENDING
    unknown = api.delete("/api/v1/not-job-mail/99999")
    assert unknown.status_code == 404 and unknown.json()["field"] == "message_id"
