"""Experiments in the browser (from a reflection and by hand), the CLI and the API."""

from __future__ import annotations

from tests.factories import make_application
from tests.web.api.conftest import Api
from tests.web.conftest import Web

from onward.domain.pipeline import Stage


def test_a_reflection_ends_with_one_change_to_try(web: Web) -> None:
    app = make_application(web.ws, "Acme", "Analyst", stage=Stage.INTERVIEW, days_ago=5)
    form = web.get(f"/applications/{app.id}/reflect")
    assert 'name="try_next"' in form.text
    answers = {"rating_preparation": "4", "try_next": "Ask for a referral first"}
    saved = web.post(f"/applications/{app.id}/reflect", answers)
    assert "a change to try: Ask for a referral first" in web.follow(saved).text
    page = web.get("/experiments")
    assert "Ask for a referral first" in page.text and "Too early to tell" in page.text
    marked = web.follow(web.post("/experiments/1/applications", {"application_ids": str(app.id)}))
    assert "Marked 1 application" in marked.text
    ended = web.follow(web.post("/experiments/1/end", {"decision": "drop"}))
    assert "Dropped: Ask for a referral first" in ended.text
    bad = web.post("/experiments", {"name": ""})
    assert bad.status_code == 422 and 'id="e-name"' in bad.text


def test_experiments_through_the_api(web: Web) -> None:
    api = Api(web)
    started = api.post("/api/v1/experiments", json={"name": "Tailor the first paragraph"})
    assert started.status_code == 201 and started.json()["tag"] == "try-tailor-the-first-paragraph"
    assert api.get("/api/v1/experiments").json()[0]["verdict"] == "more_time"
    ended = api.post(f"/api/v1/experiments/{started.json()['id']}/end", json={"decision": "keep"})
    assert ended.json()["state"] == "kept"
    assert api.post("/api/v1/experiments", json={"name": ""}).status_code == 422
