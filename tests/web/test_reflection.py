"""The reflection form and the feedback form."""

from __future__ import annotations

from tests.factories import make_application, make_move, make_rejection
from tests.web.conftest import Web

from onward.domain.pipeline import Stage
from onward.services.feedback import list_feedback
from onward.services.reflection import list_reflections


def _rejected_after_interview(web: Web) -> int:
    app = make_application(web.ws, "Kestrel Software", "Data Analyst", days_ago=10)
    make_move(web.ws, app.id, Stage.INTERVIEW)
    make_rejection(web.ws, app.id)
    web.post(f"/applications/{app.id}/ready")
    return app.id


def test_the_form_asks_about_the_stages_reached(web: Web) -> None:
    app_id = _rejected_after_interview(web)
    html = web.get(f"/applications/{app_id}/reflect").text
    assert "Interview round 1" in html and "Preparation" in html
    assert "Did I answer their questions clearly?" in html
    assert "Screening call" not in html  # never reached


def test_a_reflection_is_kept(web: Web) -> None:
    app_id = _rejected_after_interview(web)
    response = web.post(
        f"/applications/{app_id}/reflect",
        {
            "rating_preparation": "4",
            "rating_interview_1": "2",
            "answer_went_well": "Clear examples",
            "answer_do_differently": "",
        },
    )
    page = web.follow(response)
    assert "Reflection kept." in page.text and "Clear examples" in page.text
    (kept,) = list_reflections(web.ws.store, web.ws.owner, application_id=app_id)
    assert kept.reflection.score("interview_1") == 2
    assert kept.reflection.answer("do_differently") is None


def test_an_empty_or_bad_reflection_is_refused(web: Web) -> None:
    app_id = _rejected_after_interview(web)
    empty = web.post(f"/applications/{app_id}/reflect", {"answer_went_well": "  "})
    assert empty.status_code == 422 and "there is nothing to keep yet" in empty.text.lower()
    bad = web.post(f"/applications/{app_id}/reflect", {"rating_preparation": "7"})
    assert bad.status_code == 422 and "choose 1 to 5" in bad.text.lower()
    assert list_reflections(web.ws.store, web.ws.owner, application_id=app_id) == []


def test_reflecting_on_an_unknown_application_is_a_404(web: Web) -> None:
    assert web.get("/applications/404/reflect").status_code == 404
    assert web.post("/applications/404/reflect", {"rating_preparation": "3"}).status_code == 404


def test_feedback_is_logged_and_bad_feedback_comes_back(web: Web) -> None:
    app = make_application(web.ws, "Kestrel Software", "Data Analyst", days_ago=10)
    page = web.follow(
        web.post(
            f"/applications/{app.id}/feedback",
            {"text": "Strong SQL; go deeper on dbt.", "from_whom": "Tom"},
        )
    )
    assert "Feedback kept" in page.text and "Strong SQL; go deeper on dbt." in page.text
    missing = web.post(f"/applications/{app.id}/feedback", {"text": " "})
    assert missing.status_code == 422 and "write what they said" in missing.text.lower()
    future = web.post(
        f"/applications/{app.id}/feedback", {"text": "Good", "received_on": "2099-01-01"}
    )
    assert future.status_code == 422
    assert len(list_feedback(web.ws.store, web.ws.owner, application_id=app.id).items) == 1
