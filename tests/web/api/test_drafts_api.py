"""Drafts through the API: write one for an application, read it with its checks, edit, mark
sent, discard; bad input is a 4xx naming the field and changes nothing."""

from __future__ import annotations

from typing import Any

import pytest
from tests.factories import make_application, make_draft
from tests.web.api.conftest import Api

from onward.config import Settings
from onward.domain.playbook.stored import DraftStatus
from onward.services.drafts import get_draft, list_drafts


def _patch(api: Api, url: str, body: dict[str, Any]) -> Any:
    return api.web.client.patch(url, headers=api.headers, json=body)


def _all(api: Api) -> list[Any]:
    statuses = tuple(DraftStatus)
    return list_drafts(api.ws.store, api.ws.owner, statuses=statuses)


def test_a_draft_is_written_read_and_listed(api: Api) -> None:
    app = make_application(api.ws, days_ago=10)
    r = api.post(
        f"/api/v1/applications/{app.id}/drafts",
        json={"kind": "follow_up_after_applying", "highlight": "my SQL work"},
    )
    assert r.status_code == 201, r.text
    made = r.json()
    assert made["application_id"] == app.id and made["status"] == "draft"
    assert "Alex Tester" in made["body"] and "Acme" in made["body"]
    assert isinstance(made["findings"], list) and made["timing"]["trigger"]
    assert made["timing_text"]
    read = api.get(f"/api/v1/drafts/{made['id']}").json()
    assert read == made
    assert [d["id"] for d in api.get("/api/v1/drafts").json()["items"]] == [made["id"]]


@pytest.mark.parametrize(
    ("body", "field"),
    [({}, "kind"), ({"kind": "love_letter"}, "kind"), ({"kind": "networking_note", "to": 1}, "to")],
)
def test_a_bad_new_draft_is_a_422_and_writes_nothing(
    api: Api, body: dict[str, Any], field: str
) -> None:
    app = make_application(api.ws)
    r = api.post(f"/api/v1/applications/{app.id}/drafts", json=body)
    assert (r.status_code, r.json()["field"]) == (422, field), r.text
    assert _all(api) == []


class TestWithoutASenderName:
    @pytest.fixture
    def web_settings(self, settings: Settings) -> Settings:
        return settings.but(sender_name="")

    def test_a_draft_needs_the_name_to_sign_with(self, api: Api) -> None:
        app = make_application(api.ws)
        r = api.post(f"/api/v1/applications/{app.id}/drafts", json={"kind": "networking_note"})
        assert (r.status_code, r.json()["field"]) == (422, "sender_name"), r.text
        assert r.json()["hint"]["args"]["name"] == "ONWARD_SENDER_NAME"
        assert _all(api) == []


def test_an_edit_changes_the_text_and_checks_it_again(api: Api) -> None:
    app = make_application(api.ws)
    draft = make_draft(api.ws, app.id, "networking_note").draft
    body = {"subject": "Hello   again", "to": "sam@example.org"}
    r = _patch(api, f"/api/v1/drafts/{draft.id}", body)
    assert r.status_code == 200, r.text
    assert (r.json()["subject"], r.json()["to"], r.json()["body"]) == (
        "Hello again",
        "sam@example.org",
        draft.body,
    )
    stored = get_draft(api.ws.store, api.ws.owner, draft.id, api.ws.clock).draft
    assert stored.subject == "Hello again"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"subject": " "}, "subject"),
        ({"body": ""}, "body"),
        ({"to": "not an address"}, "to"),
        ({"cc": "x@example.org"}, "cc"),
    ],
)
def test_a_bad_edit_is_a_422_and_changes_nothing(
    api: Api, body: dict[str, Any], field: str
) -> None:
    app = make_application(api.ws)
    draft = make_draft(api.ws, app.id, "networking_note").draft
    r = _patch(api, f"/api/v1/drafts/{draft.id}", body)
    assert (r.status_code, r.json()["field"]) == (422, field), r.text
    assert get_draft(api.ws.store, api.ws.owner, draft.id, api.ws.clock).draft == draft


def test_sent_and_discarded_drafts_are_closed(api: Api) -> None:
    app = make_application(api.ws)
    sent = make_draft(api.ws, app.id, "networking_note").draft
    gone = make_draft(api.ws, app.id, "follow_up_after_applying").draft
    r = api.post(f"/api/v1/drafts/{sent.id}/sent")
    assert r.status_code == 200 and r.json()["status"] == "sent" and r.json()["sent_at"]
    d = api.delete(f"/api/v1/drafts/{gone.id}")
    assert d.status_code == 200 and d.json()["status"] == "discarded"
    assert [x["id"] for x in api.get("/api/v1/drafts").json()["items"]] == [sent.id]
    again = _patch(api, f"/api/v1/drafts/{sent.id}", {"subject": "Changed"})
    assert again.status_code == 409, again.text
    assert api.delete(f"/api/v1/drafts/{sent.id}").status_code == 409
    assert get_draft(api.ws.store, api.ws.owner, sent.id, api.ws.clock).draft.status == "sent"


def test_an_unknown_draft_or_application_is_a_404(api: Api) -> None:
    app = make_application(api.ws)
    draft = make_draft(api.ws, app.id, "networking_note").draft
    for r in (
        api.get("/api/v1/drafts/9999"),
        _patch(api, "/api/v1/drafts/9999", {"subject": "x"}),
        api.post("/api/v1/drafts/9999/sent"),
        api.delete("/api/v1/drafts/9999"),
        api.post("/api/v1/applications/9999/drafts", json={"kind": "networking_note"}),
    ):
        assert r.status_code == 404, r.text
    assert _all(api) == [get_draft(api.ws.store, api.ws.owner, draft.id, api.ws.clock).draft]
