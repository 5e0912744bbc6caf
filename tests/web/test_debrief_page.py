"""Debriefs in the browser, the CLI and the API; the reflection shows them again."""

from __future__ import annotations

from tests.factories import make_application, make_rejection
from tests.web.api.conftest import Api
from tests.web.conftest import Web

from onward.domain.pipeline import Stage


def test_debrief_then_read_it_in_the_reflection(web: Web) -> None:
    app = make_application(web.ws, "Acme", "Analyst", stage=Stage.INTERVIEW, days_ago=1)
    assert "How did the interview go?" in web.get("/").text
    assert f'href="/applications/{app.id}/debrief"' in web.get(f"/applications/{app.id}").text
    saved = web.post(
        f"/applications/{app.id}/debrief",
        {"held_on": "2026-11-19", "landed": "The warehouse story", "missing": "Numbers",
         "questions": "Why this role?\nA time you failed"},
    )  # fmt: skip
    page = web.follow(saved)
    assert "Debrief kept" in page.text and "A time you failed" in page.text
    stories = web.get("/stories")
    assert "Why this role?" in stories.text
    added = web.follow(web.post("/stories", {"title": "The migration", "action": "Led it"}))
    assert "Story kept: The migration" in added.text
    bad = web.post("/stories", {"title": "", "action": "x"})
    assert bad.status_code == 422 and 'id="e-title"' in bad.text
    empty = web.post(f"/applications/{app.id}/debrief", {"held_on": "2026-11-19"})
    assert empty.status_code == 422 and 'id="e-landed"' in empty.text
    make_rejection(web.ws, app.id)
    web.ws.clock.advance(days=3)  # type: ignore[attr-defined]
    reflect = web.get(f"/applications/{app.id}/reflect")
    assert "What you noted after the interview" in reflect.text
    assert "The warehouse story" in reflect.text


def test_debriefs_and_stories_through_the_api(web: Web) -> None:
    api = Api(web)
    app = make_application(web.ws, "Acme", "Analyst", stage=Stage.INTERVIEW)
    url = f"/api/v1/applications/{app.id}/debriefs"
    kept = api.post(url, json={"landed": "rapport", "questions": ["Why us?"]})
    assert kept.status_code == 201 and kept.json()["questions"] == ["Why us?"]
    assert api.get(url).json()["debriefs"][0]["landed"] == "rapport"
    assert api.get("/api/v1/questions").json()[0]["question"] == "Why us?"
    story = api.post("/api/v1/stories", json={"title": "Launch", "result": "Shipped on time"})
    assert story.status_code == 201 and api.get("/api/v1/stories").json()[0]["title"] == "Launch"
    bad = api.post(url, json={})
    assert bad.status_code == 422 and bad.json()["field"] == "landed"
