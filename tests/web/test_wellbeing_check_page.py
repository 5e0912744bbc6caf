"""The well-being check in the browser and the API: private, kind, and asked only when wanted."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tests.web.api.conftest import Api
from tests.web.conftest import Web

from onward.clock import FixedClock
from onward.config import Settings

ANSWERS = {"q1": "2", "q2": "2", "q3": "1", "q4": "2", "q5": "2"}


@pytest.fixture
def caring_web(web_settings: Settings, clock: FixedClock) -> Iterator[Web]:
    """The app of a person who asked for the weekly check."""
    from onward.web.app import create_app

    app = create_app(web_settings.but(wellbeing_check=True), clock=clock)
    client = Web(app)
    with client.client:
        yield client


def test_take_the_check_and_see_care_on_today_and_goals(caring_web: Web) -> None:
    web = caring_web
    assert "How have the last two weeks been?" in web.get("/").text
    page = web.get("/wellbeing")
    assert page.status_code == 200 and page.text.count('type="radio"') == 30
    done = web.follow(web.post("/wellbeing", ANSWERS))
    assert "36 of 100" in done.text and "Places to talk to someone" in done.text
    assert "116 123" in done.text and "not a diagnosis" in done.text
    today = web.get("/").text
    assert "Go gently this week" in today and "How have the last two weeks been?" not in today
    assert "A lighter week is a good choice" in web.get("/goals").text


def test_an_unanswered_statement_comes_back_beside_it(caring_web: Web) -> None:
    page = caring_web.post("/wellbeing", {**ANSWERS, "q3": ""})
    assert page.status_code == 422 and 'id="e-q3"' in page.text
    assert "of 100" not in page.text


def test_nothing_is_offered_to_someone_who_did_not_ask(web: Web) -> None:
    assert "How have the last two weeks been?" not in web.get("/").text
    assert web.get("/wellbeing").status_code == 200  # still there if they look for it


def test_the_check_through_the_api(web: Web) -> None:
    api = Api(web)
    assert api.get("/api/v1/wellbeing").json()["due"] is True
    taken = api.post("/api/v1/wellbeing", json={"answers": [4, 4, 4, 4, 4]})
    assert taken.status_code == 201 and taken.json()["checks"][-1]["score"] == 80
    assert taken.json()["care"] == "steady" and taken.json()["places"] == []
    bad = api.post("/api/v1/wellbeing", json={"answers": [1, 2]})
    assert bad.status_code == 422 and bad.json()["field"] == "answers"
