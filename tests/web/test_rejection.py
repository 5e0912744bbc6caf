"""The rejection flow: the form, the dwell window (only kindness while it is open), ending it
early, and the plan afterwards."""

from __future__ import annotations

from tests.factories import make_application, make_move, make_rejection
from tests.web.conftest import Web

from onward.clock import FixedClock
from onward.config import Settings
from onward.domain.pipeline import Stage
from onward.services.applications import get_application
from onward.services.rejections import get_rejection_overview


def test_the_rejection_form_is_kind_and_short(web: Web) -> None:
    app = make_application(web.ws, "Fjord Bank", "Data Analyst", days_ago=10)
    html = web.get(f"/applications/{app.id}/reject").text
    assert "I am sorry." in html
    assert "can stay empty" in html
    assert '<label for="f-received_on"' in html and '<label for="f-dwell"' in html


def test_logging_a_rejection_opens_the_dwell_window_with_only_kindness(web: Web) -> None:
    app = make_application(web.ws, "Fjord Bank", "Data Analyst", days_ago=10)
    make_move(web.ws, app.id, Stage.INTERVIEW)
    response = web.post(
        f"/applications/{app.id}/reject",
        {
            "received_on": "2026-11-20",
            "channel": "email",
            "reason": "stronger_candidates",
            "quote": "It was a very close call",
            "personal": "yes",
            "sting": "4",
            "dwell": "",
        },
    )
    assert response.headers["location"] == f"/applications/{app.id}/rejection"
    page = web.follow(response)
    assert "Time to sit with it" in page.text
    assert "A journal prompt" in page.text and "Something kind to do" in page.text
    assert "I feel ready now" in page.text
    for held_back in ("Should you reply?", "Your tasks", "Saved jobs worth", "In proportion"):
        assert held_back not in page.text, held_back
    assert get_application(web.ws.store, web.ws.owner, app.id).stage == Stage.REJECTED


def test_the_application_page_holds_drafts_and_reflection_back_during_the_window(web: Web) -> None:
    app = make_application(web.ws, "Fjord Bank", "Data Analyst", days_ago=10)
    make_rejection(web.ws, app.id)
    html = web.get(f"/applications/{app.id}").text
    assert "Your quiet time" in html
    assert "Messages can wait until your quiet time ends." in html
    assert "Looking back can wait" in html
    wait = web.get(f"/applications/{app.id}/reflect")
    assert "Not yet" in wait.text and "reflection can wait" in wait.text


def test_feeling_ready_opens_the_plan_step_by_step(web: Web) -> None:
    app = make_application(web.ws, "Fjord Bank", "Data Analyst", days_ago=10)
    make_move(web.ws, app.id, Stage.INTERVIEW)
    make_rejection(web.ws, app.id)
    page = web.follow(web.post(f"/applications/{app.id}/ready"))
    assert "Your tasks are open. Go gently." in page.text
    for step in ("In proportion", "Should you reply?", "Your tasks", "Look back, gently"):
        assert step in page.text, step
    assert "Draft a feedback request" in page.text  # one message advised, one draft
    overview = get_rejection_overview(web.ws.store, web.ws.owner, app.id, web.ws.clock)
    assert not overview.in_window


def test_ready_twice_is_explained(web: Web) -> None:
    app = make_application(web.ws, "Fjord Bank", "Data Analyst", days_ago=10)
    make_rejection(web.ws, app.id)
    web.post(f"/applications/{app.id}/ready")
    again = web.post(f"/applications/{app.id}/ready")
    assert again.status_code == 409 and "already ended" in again.text


def test_bad_rejection_forms_save_nothing(web: Web) -> None:
    app = make_application(web.ws, "Fjord Bank", "Data Analyst", days_ago=5)
    cases = [
        ({"received_on": "2099-01-01"}, "in the future"),
        ({"received_on": "2026-11-01"}, "before you applied"),
        ({"sting": "11"}, "choose 1 to 5"),
        ({"channel": "phone", "personal": "no"}, "a phone call is a conversation"),
        ({"dwell": "forever"}, "cannot read a dwell window"),
        ({"reason": "bad_vibes"}, "choose one of the options"),
    ]
    for data, message in cases:
        response = web.post(f"/applications/{app.id}/reject", {"channel": "email", **data})
        assert response.status_code == 422, data
        assert message in response.text.lower(), (data, response.text[-3000:])
        assert "Nothing was saved yet." in response.text
    assert get_application(web.ws.store, web.ws.owner, app.id).stage == Stage.APPLIED


def test_a_second_rejection_is_refused(web: Web) -> None:
    app = make_application(web.ws, "Fjord Bank", "Data Analyst", days_ago=10)
    make_rejection(web.ws, app.id)
    response = web.post(f"/applications/{app.id}/reject", {"channel": "email"})
    assert response.status_code == 409 and "already rejected" in response.text


def test_a_saved_job_cannot_be_rejected(web: Web) -> None:
    app = make_application(web.ws, "Fjord Bank", "Data Analyst", stage=Stage.SAVED, days_ago=10)
    response = web.post(f"/applications/{app.id}/reject", {"channel": "email"})
    assert response.status_code in (409, 422)
    assert get_application(web.ws.store, web.ws.owner, app.id).stage == Stage.SAVED


def test_no_rejection_logged_is_a_404(web: Web) -> None:
    app = make_application(web.ws, "Fjord Bank", "Data Analyst", days_ago=10)
    response = web.get(f"/applications/{app.id}/rejection")
    assert response.status_code == 404 and "has no rejection logged" in response.text
    assert web.get("/applications/999/rejection").status_code == 404


def test_a_rejection_moved_without_details_can_get_them_and_a_plan(web: Web) -> None:
    app = make_application(web.ws, "Fjord Bank", "Data Analyst", days_ago=10)
    make_move(web.ws, app.id, Stage.REJECTED)
    html = web.get(f"/applications/{app.id}").text
    assert "Add what happened, and a plan" in html
    page = web.follow(web.post(f"/applications/{app.id}/reject", {"channel": "email"}))
    assert "Time to sit with it" in page.text


def test_the_dwell_choice_names_your_usual_one(web: Web) -> None:
    app = make_application(web.ws, "Fjord Bank", "Data Analyst", days_ago=10)
    html = web.get(f"/applications/{app.id}/reject").text
    assert '<option value="" selected>Until tomorrow morning (usual)</option>' in html
    assert '<option value="morning">' not in html and '<option value="evening">' in html


def test_the_dwell_choice_follows_the_setting(web_settings: Settings, clock: FixedClock) -> None:
    from onward.web.app import create_app

    for setting, usual, offered in (
        ("evening", "Until this evening (usual)", "morning"),
        ("36h", "For 36 hours (usual)", "24h"),
    ):
        app = create_app(web_settings.but(dwell_default=setting), clock=clock)
        other = Web(app)
        with other.client:
            job = make_application(other.ws, f"Company {setting}", "Data Analyst", days_ago=10)
            html = other.get(f"/applications/{job.id}/reject").text
            assert f'<option value="" selected>{usual}</option>' in html
            assert f'<option value="{offered}">' in html
            assert f'<option value="{setting}">' not in html
