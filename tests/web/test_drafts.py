"""Drafts: write one from an application, edit it with its checks, the live check endpoint,
.eml download, mailto link, sent and discarded."""

from __future__ import annotations

from email import message_from_bytes
from email.policy import default

from tests.factories import make_application, make_rejection
from tests.web.conftest import Web

from onward.domain.playbook.stored import DraftStatus
from onward.services.drafts import get_draft


def _draft(web: Web) -> int:
    app = make_application(web.ws, "Fjord Bank", "Data Engineer", days_ago=10)
    make_rejection(web.ws, app.id)
    web.post(f"/applications/{app.id}/ready")
    response = web.post(
        f"/applications/{app.id}/drafts",
        {"kind": "thank_you_after_rejection", "highlight": "the pipeline exercise"},
    )
    assert response.status_code == 303
    return int(response.headers["location"].split("/")[-1])


def test_a_new_draft_opens_in_the_editor_with_its_checks(web: Web) -> None:
    draft_id = _draft(web)
    html = web.get(f"/drafts/{draft_id}").text
    assert "Thank you after rejection" in html
    assert "the pipeline exercise" in html
    assert 'id="findings"' in html and 'class="finding ' in html
    assert 'href="mailto:' in html and f'href="/drafts/{draft_id}/eml"' in html
    assert '<script src="/static/drafts.js" defer>' in html
    assert draft_id and "Fjord Bank" in web.get("/drafts").text


def test_the_live_check_reads_unsaved_text_and_saves_nothing(web: Web) -> None:
    draft_id = _draft(web)
    before = get_draft(web.ws.store, web.ws.owner, draft_id, web.ws.clock).draft
    response = web.client.post(
        f"/api/drafts/{draft_id}/check",
        json={"subject": "Hi", "body": "Thanks. I am desperate, please reconsider!!!", "to": ""},
        headers={"x-csrf-token": web.token},
    )
    assert response.status_code == 200
    findings = response.json()["findings"]
    assert {"code", "severity", "message"} <= set(findings[0])
    assert any(f["severity"] in ("warning", "error") for f in findings)
    after = get_draft(web.ws.store, web.ws.owner, draft_id, web.ws.clock).draft
    assert after == before


def test_the_live_check_refuses_bad_input(web: Web) -> None:
    draft_id = _draft(web)
    headers = {"x-csrf-token": web.token}
    wrong = web.client.post(f"/api/drafts/{draft_id}/check", json={"subject": 5}, headers=headers)
    assert wrong.status_code == 422 and "must be text" in wrong.json()["error"]
    missing = web.client.post("/api/drafts/999/check", json={"subject": "x"}, headers=headers)
    assert missing.status_code == 404
    not_json = web.client.post(
        f"/api/drafts/{draft_id}/check",
        content=b"{nope",
        headers={**headers, "content-type": "application/json"},
    )
    assert not_json.status_code == 422


def test_saving_an_edit_keeps_it_and_bad_edits_come_back(web: Web) -> None:
    draft_id = _draft(web)
    page = web.follow(
        web.post(
            f"/drafts/{draft_id}",
            {"to": "tom@example.net", "subject": "Thank you", "body": "Dear Tom,\n\nThank you."},
        )
    )
    assert "Saved the draft." in page.text
    saved = get_draft(web.ws.store, web.ws.owner, draft_id, web.ws.clock).draft
    assert saved.to == "tom@example.net" and saved.subject == "Thank you"
    bad = web.post(f"/drafts/{draft_id}", {"to": "not an address", "subject": "Hi", "body": "x"})
    assert bad.status_code == 422 and "not an email address" in bad.text.lower()
    empty = web.post(f"/drafts/{draft_id}", {"to": "", "subject": "", "body": "x"})
    assert empty.status_code == 422 and "the subject cannot be empty" in empty.text.lower()
    assert (
        get_draft(web.ws.store, web.ws.owner, draft_id, web.ws.clock).draft.subject == "Thank you"
    )


def test_the_eml_download_is_a_draft_for_the_mail_program(web: Web) -> None:
    draft_id = _draft(web)
    response = web.get(f"/drafts/{draft_id}/eml")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("message/rfc822")
    assert "attachment" in response.headers["content-disposition"]
    message = message_from_bytes(response.content, policy=default)
    assert message["From"] == "alex@example.org" and message["X-Unsent"] == "1"


def test_eml_without_a_sender_address_leads_to_settings(web_settings, clock) -> None:  # type: ignore[no-untyped-def]
    from onward.web.app import create_app

    app = create_app(web_settings.but(sender_email=None), clock=clock)
    web = Web(app)
    with web.client:
        draft_id = _draft(web)
        response = web.get(f"/drafts/{draft_id}/eml")
        assert response.headers["location"] == "/settings#f-sender_email"
        settings = web.follow(response).text
        assert "needs your email address" in settings and f'href="/drafts/{draft_id}"' in settings
        assert "/eml" not in web.get(f"/drafts/{draft_id}").text.split("Download")[0][-200:]
        web.post("/settings", {"sender_email": "ana@example.org"})
        assert web.get(f"/drafts/{draft_id}/eml").status_code == 200


def test_drafting_without_a_name_asks_for_it_and_goes_on(web_settings, clock) -> None:  # type: ignore[no-untyped-def]
    from onward.web.app import create_app

    app = create_app(web_settings.but(sender_name=""), clock=clock)
    web = Web(app)
    with web.client:
        created = make_application(web.ws, "Fjord Bank", "Data Analyst", days_ago=10)
        url = f"/applications/{created.id}/drafts"
        wanted = {"kind": "keep_in_touch", "update": "I joined a data team"}
        asked = web.post(url, wanted)
        assert asked.status_code == 200 and 'name="sender_name"' in asked.text
        assert 'name="update" value="I joined a data team"' in asked.text  # carried through
        assert not get_drafts(web)
        empty = web.post(url, {**wanted, "sender_name": "  "})
        assert empty.status_code == 422 and "write the name" in empty.text.lower()
        page = web.follow(web.post(url, {**wanted, "sender_name": "Ana Ruiz"}))
        assert page.status_code == 200 and "Ana Ruiz" in page.text
        assert "Ana Ruiz" in web.get("/settings").text  # saved, for every draft after


def get_drafts(web: Web) -> list[object]:
    from onward.services.draft_preview import list_draft_items

    return list(list_draft_items(web.ws.store, web.ws.owner))


def test_sent_and_discarded(web: Web) -> None:
    draft_id = _draft(web)
    page = web.follow(web.post(f"/drafts/{draft_id}/sent"))
    assert "Marked as sent." in page.text and "I sent it" not in page.text
    assert (
        get_draft(web.ws.store, web.ws.owner, draft_id, web.ws.clock).draft.status
        == DraftStatus.SENT
    )
    again = web.post(f"/drafts/{draft_id}/discard")
    assert again.status_code == 409


def test_unknown_drafts_and_kinds(web: Web) -> None:
    assert web.get("/drafts/999").status_code == 404
    assert web.get("/drafts/999/eml").status_code == 404
    assert web.post("/drafts/999", {"subject": "x", "body": "y"}).status_code == 404
    app = make_application(web.ws, "Fjord Bank", "Data Analyst", days_ago=10)
    response = web.post(f"/applications/{app.id}/drafts", {"kind": "love_letter"})
    assert response.status_code == 422
