"""Prepare for a no in the browser and through the API; the rejection page shows it kindly."""

from __future__ import annotations

from tests.factories import make_application, make_rejection
from tests.web.api.conftest import Api
from tests.web.conftest import Web

from onward.domain.pipeline import Stage


def test_prepare_from_the_application_page_and_see_it_after_a_no(web: Web) -> None:
    app = make_application(web.ws, "Acme Robotics", "Data Analyst", stage=Stage.INTERVIEW)
    page = web.get(f"/applications/{app.id}")
    assert f'href="/applications/{app.id}/prepare"' in page.text
    assert "Before your interview" in web.get("/").text
    form = web.get(f"/applications/{app.id}/prepare")
    assert form.status_code == 200 and 'name="step_1"' in form.text
    saved = web.post(
        f"/applications/{app.id}/prepare",
        {"step_1": "Send the two applications I saved", "step_2": "", "step_3": "Rest",
         "proud": "How I told the warehouse story"},
    )  # fmt: skip
    assert "you know your next steps" in web.follow(saved).text
    assert "Before your interview" not in web.get("/").text
    make_rejection(web.ws, app.id)
    quiet = web.get(f"/applications/{app.id}/rejection")
    assert "How I told the warehouse story" in quiet.text
    assert "first ones waiting for you" in quiet.text


def test_an_empty_preparation_comes_back_beside_the_first_step(web: Web) -> None:
    app = make_application(web.ws, "Acme Robotics", "Data Analyst", stage=Stage.INTERVIEW)
    page = web.post(f"/applications/{app.id}/prepare", {"step_1": " ", "proud": "x"})
    assert page.status_code == 422 and 'id="e-step_1"' in page.text
    assert 'value="x"' in page.text or ">x</textarea>" in page.text


def test_prepare_through_the_api(web: Web) -> None:
    api = Api(web)
    app = make_application(web.ws, "Acme Robotics", "Data Analyst", stage=Stage.INTERVIEW)
    url = f"/api/v1/applications/{app.id}/preparation"
    assert api.get(url).status_code == 404
    put = web.client.put(url, json={"steps": ["Call Sam"], "proud": "I tried"}, headers=api.headers)
    assert put.status_code == 200 and put.json()["steps"] == ["Call Sam"]
    assert api.get(url).json()["proud"] == "I tried"
    bad = web.client.put(url, json={"steps": []}, headers=api.headers)
    assert bad.status_code == 422 and bad.json()["field"] == "steps"
