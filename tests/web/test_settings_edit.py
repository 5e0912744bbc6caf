"""Settings edited in the app: the Settings page's form and ``/api/v1/settings`` save them for
the owner, in effect on the next request (no restart); bad input gets a message by its field
and changes nothing; an environment variable wins and the page says which. Runs on SQLite and
PostgreSQL."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.routing import APIRoute
from tests.factories import make_application, make_rejection
from tests.web.conftest import Web

from onward.clock import FixedClock
from onward.config import EDITABLE, PREFIX, Settings
from onward.web.api import settings as settings_api
from onward.web.pages import ROUTERS

FORM = {
    "sender_name": "Ana Ruiz",
    "sender_email": "ana@example.org",
    "sender_signature": "Data analyst\r\nlinkedin.com/in/ana-ruiz",
    "time_zone": "Europe/Paris",
    "dwell_default": "evening",
    "ghost_after_days": "30",
    "ghost_after_interview_days": "10",
    "auto_ghost": "on",
    "review_auto_threshold": "0.8",
    "checkin_months": "6",
}


@pytest.fixture(autouse=True)
def _no_setting_in_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in EDITABLE:
        monkeypatch.delenv(PREFIX + name.upper(), raising=False)


@pytest.fixture
def fresh(settings: Settings, clock: FixedClock) -> Iterator[Web]:
    """The app as a new person finds it: no setting given at all."""
    from onward.web.app import create_app

    client = Web(create_app(settings, clock=clock))
    with client.client:
        yield client


def test_the_form_saves_every_setting_in_effect_at_once(fresh: Web) -> None:
    app = make_application(fresh.ws, "Acme Robotics", "Data Analyst", days_ago=10)
    page = fresh.get("/settings").text
    for name in EDITABLE:
        assert f'id="f-{name}"' in page and "disabled" not in page.split(f'id="f-{name}"')[1][:300]
    usual = fresh.get(f"/applications/{app.id}/reject").text
    assert "Until tomorrow morning (usual)" in usual or "morning" in usual.split("(usual)")[0][-60:]
    saved = fresh.follow(fresh.post("/settings", FORM))
    assert "Saved. Your settings are in effect now." in saved.text
    assert 'value="Ana Ruiz"' in saved.text and 'value="0.8"' in saved.text
    assert "evening" in fresh.get(f"/applications/{app.id}/reject").text.split("(usual)")[0][-60:]
    assert fresh.get("/api/v1/settings").json()["ghost_after_days"] == {
        "value": 30,
        "source": "saved",
        "variable": "ONWARD_GHOST_AFTER_DAYS",
    }


def test_an_unticked_box_and_an_empty_box_go_back(fresh: Web) -> None:
    fresh.post("/settings", FORM)
    fresh.post("/settings", {**FORM, "auto_ghost": "", "checkin_months": ""})
    data = fresh.get("/api/v1/settings").json()
    assert data["auto_ghost"]["value"] is False
    assert data["checkin_months"] == {
        "value": 3,
        "source": "default",
        "variable": "ONWARD_CHECKIN_MONTHS",
    }


def test_bad_input_comes_back_beside_its_fields_and_changes_nothing(fresh: Web) -> None:
    bad = {**FORM, "ghost_after_days": "0", "review_auto_threshold": "2"}
    page = fresh.post("/settings", bad)
    assert page.status_code == 422
    assert 'id="e-ghost_after_days"' in page.text and "whole number of 1 or more" in page.text
    assert 'id="e-review_auto_threshold"' in page.text and "at most 1" in page.text
    assert 'value="Ana Ruiz"' in page.text  # what was typed comes back
    sources = {v["source"] for v in fresh.get("/api/v1/settings").json().values()}
    assert sources == {"default"}


def test_a_form_without_its_csrf_token_changes_nothing(fresh: Web) -> None:
    refused = fresh.client.post("/settings", data=FORM)
    assert refused.status_code == 403
    assert fresh.get("/api/v1/settings").json()["sender_name"]["source"] == "default"


def test_an_environment_variable_wins_and_the_page_says_so(
    settings: Settings, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from onward.web.app import create_app

    monkeypatch.setenv("ONWARD_GHOST_AFTER_DAYS", "45")
    client = Web(
        create_app(Settings(home=settings.home, database_url=settings.database_url), clock=clock)
    )
    with client.client:
        page = client.get("/settings").text
        field = page.split('id="f-ghost_after_days"')[1][:400]
        assert "disabled" in field and 'value="45"' in field
        assert "Set by the environment variable <code>ONWARD_GHOST_AFTER_DAYS</code>" in page
        client.post("/settings", {**FORM, "ghost_after_days": "99"})  # not sent: disabled
        data = client.get("/api/v1/settings").json()
        assert data["ghost_after_days"]["value"] == 45
        assert data["ghost_after_days"]["source"] == "environment"
        assert data["sender_name"]["value"] == "Ana Ruiz"


# -- the JSON API ----------------------------------------------------------------------------------
def _patch(web: Web, body: object) -> object:
    return web.client.patch("/api/v1/settings", json=body, headers={"x-csrf-token": web.token})


def test_the_api_reads_and_changes_settings(fresh: Web) -> None:
    data = fresh.get("/api/v1/settings").json()
    assert list(data) == list(EDITABLE)
    assert data["sender_name"] == {
        "value": "",
        "source": "default",
        "variable": "ONWARD_SENDER_NAME",
    }
    changed = _patch(
        fresh, {"sender_name": "Ana Ruiz", "review_auto_threshold": 0.75, "auto_ghost": True}
    )
    assert changed.status_code == 200  # type: ignore[attr-defined]
    after = changed.json()  # type: ignore[attr-defined]
    assert after["review_auto_threshold"]["value"] == 0.75
    assert after["auto_ghost"] == {
        "value": True,
        "source": "saved",
        "variable": "ONWARD_AUTO_GHOST",
    }
    reset = _patch(fresh, {"review_auto_threshold": None}).json()  # type: ignore[attr-defined]
    assert reset["review_auto_threshold"]["source"] == "default"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"sender_name": "Ana", "ghost_after_interview_days": -1}, "ghost_after_interview_days"),
        ({"sender_name": "Ana", "favourite_colour": "blue"}, "favourite_colour"),
        ({"sender_name": "Ana", "database_url": "sqlite://"}, "database_url"),
        (["sender_name"], None),
        ({}, None),
    ],
)
def test_the_api_refuses_bad_input_by_field_and_changes_nothing(
    fresh: Web, body: object, field: str | None
) -> None:
    refused = _patch(fresh, body)
    assert refused.status_code == 422  # type: ignore[attr-defined]
    problem = refused.json()  # type: ignore[attr-defined]
    assert problem["field"] == field and problem["error"]
    assert fresh.get("/api/v1/settings").json()["sender_name"]["source"] == "default"


def test_the_api_refuses_a_body_that_is_not_json(fresh: Web) -> None:
    refused = fresh.client.patch(
        "/api/v1/settings", content=b"sender_name=Ana", headers={"x-csrf-token": fresh.token}
    )
    assert refused.status_code == 422 and refused.json()["field"] is None


def test_the_api_refuses_a_change_without_the_token(fresh: Web) -> None:
    assert fresh.client.patch("/api/v1/settings", json={"sender_name": "X"}).status_code == 403


# -- no page needs an environment variable the Settings page can set -------------------------------
def test_no_page_or_api_answer_needs_a_variable_the_settings_page_sets(fresh: Web) -> None:
    """With every editable setting saved in the app and none in the environment, every page
    and API answer works and none asks for an ONWARD_ variable of those settings."""
    from onward.services.drafts import create_draft

    assert fresh.post("/settings", FORM).status_code == 303
    app = make_application(fresh.ws, "Fjord Bank", "Data Analyst", days_ago=10)
    make_rejection(fresh.ws, app.id)
    ws = fresh.ws.current()
    draft = create_draft(
        ws.store,
        ws.owner,
        app.id,
        "thank_you_after_rejection",
        ws.clock,
        sender_name=ws.settings.sender_name,
    )
    ids = {"app_id": app.id, "draft_id": draft.draft.id}
    variables = [PREFIX + name.upper() for name in EDITABLE]
    walked, failures = 0, []
    routes = [("", r) for router in ROUTERS for r in router.routes]
    routes += [("/api/v1", r) for r in settings_api.router.routes]
    for prefix, route in routes:
        if not isinstance(route, APIRoute) or "GET" not in route.methods:
            continue
        path = prefix + re.sub(r"\{(\w+)\}", lambda m: str(ids.get(m.group(1), 1)), route.path)
        response = fresh.get(path)
        walked += 1
        text = response.text
        if path == "/settings":  # its table of every variable in effect is not a request
            text = text.split('id="effective"')[0]
        if path == "/api/v1/settings":  # names each setting's variable, by design
            text = ""
        named = [v for v in variables if v in text]
        if response.status_code >= 500 or named or response.status_code == 422:
            failures.append((route.path, response.status_code, named))
    assert walked >= 30
    assert failures == []
    assert fresh.get(f"/drafts/{draft.draft.id}/eml").status_code == 200  # the saved address
    second = fresh.post(f"/applications/{app.id}/drafts", {"kind": "thank_you_after_rejection"})
    assert second.status_code == 303  # the saved name signs it, the signature under it
    body = fresh.follow(second).text
    assert "Ana Ruiz\nData analyst\nlinkedin.com/in/ana-ruiz\n</textarea>" in body


def test_the_email_digest_is_chosen_from_its_three_choices(fresh: Web) -> None:
    page = fresh.get("/settings").text
    select = page.split('<select id="f-digest" name="digest"')[1].split("</select>")[0]
    assert re.findall(r'<option value="(\w+)"', select) == ["daily", "weekly", "off"]
    assert '<option value="daily" selected>' in select  # the default
    saved = fresh.follow(fresh.post("/settings", {**FORM, "digest": "weekly"}))
    assert '<option value="weekly" selected>Weekly, on Mondays</option>' in saved.text
    refused = fresh.post("/settings", {**FORM, "digest": "hourly"})
    assert refused.status_code == 422
    assert fresh.get("/api/v1/settings").json()["digest"]["value"] == "weekly"
