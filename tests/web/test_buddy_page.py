"""A buddy in the browser, the CLI and the API: cards, signed weeks, both weeks side by side."""

from __future__ import annotations

import json

from tests.web.api.conftest import Api
from tests.web.conftest import Web

from onward.services.buddy import add_buddy, make_card, weekly_summary
from onward.services.runtime import Workspace, open_workspace

PASS = "a long signing passphrase"


def test_swap_weeks_in_the_browser(web: Web) -> None:
    sam = open_workspace(web.ws.settings.but(owner="sam"), web.ws.clock)
    try:
        _swap(web, sam)
    finally:
        sam.close()


def _swap(web: Web, sam: Workspace) -> None:
    sam_card = make_card(sam.store, sam.owner, "Sam", "sam's passphrase", sam.clock)
    page = web.get("/buddy")
    assert page.status_code == 200 and "1. Make your card" in page.text
    mine = web.post("/buddy/card", {"name": "Alex", "passphrase": PASS})
    assert mine.status_code == 200 and json.loads(mine.text)["name"] == "Alex"
    assert "attachment" in mine.headers["content-disposition"]
    added = web.client.post(
        "/buddy/files",
        data={"csrf_token": web.token},
        files={"file": ("sam.json", sam_card.encode(), "application/json")},
    )
    assert "Sam is your buddy now" in web.follow(added).text
    add_buddy(sam.store, sam.owner, mine.text, sam.clock)
    week = weekly_summary(sam.store, sam.owner, "sam's passphrase", sam.clock)
    received = web.client.post(
        "/buddy/files",
        data={"csrf_token": web.token},
        files={"file": ("week.json", week.encode(), "application/json")},
    )
    assert "week is in" in web.follow(received).text
    wrong = web.post("/buddy/send", {"passphrase": "not it at all"})
    assert wrong.status_code == 422 and 'id="e-passphrase"' in wrong.text
    assert "not it at all" not in wrong.text
    sent = web.post("/buddy/send", {"passphrase": PASS, "rejections": "1"})
    assert json.loads(sent.text)["summary"]["rejections"] == 0
    broken = web.client.post(
        "/buddy/files",
        data={"csrf_token": web.token},
        files={"file": ("x.json", b"\xff\xfe", "application/json")},
    )
    assert broken.status_code == 422 and 'id="e-file"' in broken.text


def test_buddy_through_the_api(web: Web) -> None:
    api = Api(web)
    card = api.post("/api/v1/buddy/card", json={"name": "Alex", "passphrase": PASS}).json()
    assert card["format"] == "onward-buddy-card"
    summary = api.post("/api/v1/buddy/summary", json={"passphrase": PASS})
    assert summary.status_code == 200 and summary.json()["summary"]["name"] == "Alex"
    assert api.get("/api/v1/buddy").json()["has_card"] is True
    unknown = api.post("/api/v1/buddy/files", json=summary.json())
    assert unknown.status_code == 404  # no buddy card added yet
    bad = api.post("/api/v1/buddy/card", json={"name": "Alex", "passphrase": "short"})
    assert bad.status_code == 422 and bad.json()["field"] == "passphrase"
