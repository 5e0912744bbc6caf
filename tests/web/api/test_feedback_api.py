"""Feedback through the API, read clause by clause."""

from __future__ import annotations

from tests.web.api.conftest import Api


def test_feedback_through_the_api_is_read_clause_by_clause(api: Api) -> None:
    app = api.post("/api/v1/applications", json={"company": "Acme", "role": "Analyst"}).json()
    url = f"/api/v1/applications/{app['id']}/feedback"
    text = "Strong SQL and communication; we needed more hands-on dbt and A/B testing."
    kept = api.post(url, json={"text": text})
    assert kept.status_code == 201
    assert kept.json()["strengths"] == ["SQL", "communication"]
    assert kept.json()["gaps"] == ["hands-on dbt", "A/B testing"]
    assert "interview_communication" not in kept.json()["themes"]
    assert [f["id"] for f in api.get(url).json()] == [kept.json()["id"]]
    empty = api.post(url, json={"text": "  "})
    assert empty.status_code == 422 and empty.json()["field"] == "text"
