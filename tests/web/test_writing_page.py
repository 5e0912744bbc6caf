"""Private writing in the browser and the API: keep a session, lock it, open it again."""

from __future__ import annotations

from tests.factories import make_application, make_rejection
from tests.web.api.conftest import Api
from tests.web.conftest import Web

from onward.services.rejections import RejectionDetails

PASS = "correct horse battery"


def test_write_lock_and_read_again_in_the_browser(web: Web) -> None:
    app = make_application(web.ws, "Acme", "Analyst", days_ago=10)
    make_rejection(web.ws, app.id, RejectionDetails(sting=5))
    today = web.get("/")
    assert "Writing can help" in today.text  # offered inside the dwell window too
    page = web.get("/writing")
    assert "Day 1 of 4" in page.text and 'src="/static/writing.js"' in page.text
    kept = web.post("/writing", {"text": "It stung.", "started_at": web.ws.clock.now().isoformat()})
    assert "day 1 of 4" in web.follow(kept).text
    mismatch = web.post("/writing/lock", {"passphrase": PASS, "again": "something else"})
    assert mismatch.status_code == 422 and 'id="e-again"' in mismatch.text
    assert PASS not in mismatch.text  # a passphrase is never echoed back
    locked = web.follow(web.post("/writing/lock", {"passphrase": PASS, "again": PASS}))
    assert "Locked: 1 session sealed" in locked.text and "It stung." not in locked.text
    wrong = web.post("/writing/open", {"passphrase": "not the one at all"})
    assert wrong.status_code == 422 and "does not open" in wrong.text
    opened = web.post("/writing/open", {"passphrase": PASS})
    assert opened.status_code == 200 and "It stung." in opened.text
    refused = web.post("/writing", {"text": "More."})
    assert refused.status_code == 422 and 'id="e-passphrase"' in refused.text


def test_writing_through_the_api_never_shows_text_unasked(web: Web) -> None:
    api = Api(web)
    kept = api.post("/api/v1/writing", json={"text": "Private words."})
    assert kept.status_code == 201 and kept.json()["day"] == 1
    listed = api.get("/api/v1/writing").json()
    assert "text" not in listed["sessions"][0] and listed["locked"] is False
    assert api.post("/api/v1/writing/lock", json={"passphrase": PASS}).json() == {"sealed": 1}
    wrong = api.post("/api/v1/writing/open", json={"passphrase": "not the one at all"})
    assert wrong.status_code == 422 and wrong.json()["field"] == "passphrase"
    opened = api.post("/api/v1/writing/open", json={"passphrase": PASS}).json()
    assert opened["sessions"][0]["text"] == "Private words."
    empty = api.post("/api/v1/writing", json={"text": " ", "passphrase": PASS})
    assert empty.status_code == 422 and empty.json()["field"] == "text"
