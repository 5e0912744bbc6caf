"""Errors carry data in the web app: the field places a message beside its input, a hint
becomes a link (error pages) or plain words (forms), and the API sends both as JSON."""

from __future__ import annotations

import re

from tests.factories import make_application, make_move
from tests.web.conftest import Web

from onward.domain.pipeline import Stage
from onward.errors import Action, Hint, NotFound
from onward.web.hints import RENDERINGS, Link, Words, shown


def _field_error(html: str, name: str) -> str:
    found = re.search(rf'<p class="field-error" id="e-{name}">([^<]*)</p>', html)
    assert found, f"no message beside {name}"
    return found.group(1).lower()  # a message is shown as a sentence (capital first)


def test_every_action_has_a_link_or_words_and_none_is_a_command() -> None:
    assert set(RENDERINGS) == set(Action)
    for action, rendering in RENDERINGS.items():
        said = rendering.label if isinstance(rendering, Link) else rendering.text
        assert isinstance(rendering, Link | Words)
        assert "onward " not in said.lower() and "--" not in said and "`" not in said, action


def test_a_hint_with_a_page_is_a_link_with_its_arguments_in_the_address() -> None:
    hint = shown(Hint(Action.SHOW_RESUME, {"version": "v 2/x"}, text="it is there"))
    assert hint is not None
    assert (hint.text, hint.label, hint.href) == (
        "it is there",
        "See version v 2/x",
        "/resume/v%202%2Fx",
    )
    words = shown(Hint(Action.FILL_IN, {"field": "label"}, text="use words"))
    assert words is not None and (words.text, words.href) == ("use words", None)
    assert shown(Hint(Action.FILL_IN, {"field": "label"})) is None  # nothing to add


def test_an_error_page_shows_the_hint_as_a_link(web: Web) -> None:
    app = make_application(web.ws, "Northwind", "Data Analyst", days_ago=10)
    make_move(web.ws, app.id, Stage.REJECTED)  # rejected without details
    page = web.get(f"/applications/{app.id}/rejection")
    assert page.status_code == 404
    assert "It was marked rejected without details." in page.text
    assert f'<a href="/applications/{app.id}/reject">Log the rejection</a>' in page.text
    assert "onward reject" not in page.text


def test_the_api_sends_the_field_and_the_hint_as_data(web: Web) -> None:
    headers = {"x-csrf-token": web.token}
    missing = web.client.post(
        "/api/applications/999/move", json={"stage": "screen"}, headers=headers
    )
    assert missing.status_code == 404
    assert missing.json() == {
        "error": "no application #999",
        "field": None,
        "hint": {"action": "list_applications", "args": {}, "text": None},
    }
    app = make_application(web.ws, "Northwind", "Data Analyst", days_ago=10)
    bad = web.client.post(
        f"/api/applications/{app.id}/move", json={"stage": "sideways"}, headers=headers
    )
    assert bad.status_code == 422 and bad.json()["field"] == "stage"


def test_service_errors_sit_beside_the_input_their_field_names(web: Web) -> None:
    form = {"company": "Northwind", "role": "Analyst", "stage": "applied"}
    backwards = web.post(
        "/applications/new", {**form, "salary_min": "90000", "salary_max": "80000"}
    )
    assert backwards.status_code == 422
    assert "runs backwards" in _field_error(backwards.text, "salary_min")
    future = web.post("/applications/new", {**form, "on": "2099-01-01"})
    assert "is in the future" in _field_error(future.text, "on")
    url = web.post("/applications/new", {**form, "url": "ftp://example.org/job"})
    assert "must start with http" in _field_error(url.text, "url")


def test_a_page_maps_a_service_field_to_its_own_input_name(web: Web) -> None:
    future = web.post("/wins", {"win_text": "Finished the course", "win_on": "2099-01-01"})
    assert future.status_code == 422
    assert "is in the future" in _field_error(future.text, "win_on")
    contact = web.post(
        "/contacts/new", {"name": "Priya", "role": "recruiter", "linkedin_url": "ftp://x"}
    )
    assert contact.status_code == 422
    assert "linkedin url must start" in _field_error(contact.text, "linkedin_url")


def test_a_form_message_keeps_the_hint_words_and_no_command(web: Web) -> None:
    page = web.post("/resume", {"label": "v2"}, files={"file": ("cv.md", b"# Ana\n\nSQL, Python")})
    assert page.status_code == 422
    message = _field_error(page.text, "label")
    assert "looks like a version number" in message and "use words" in message
    assert "--label" not in page.text


def test_not_found_carries_its_hint_as_data() -> None:
    error = NotFound("no application #3", hint=Hint(Action.LIST_APPLICATIONS))
    assert error.field is None and str(error) == "no application #3"


def test_each_page_places_its_service_errors_by_field(web: Web) -> None:
    from onward.services.drafts import create_draft

    app = make_application(web.ws, "Northwind", "Data Analyst", days_ago=10)
    ghosted = web.post(f"/applications/{app.id}/reject", {"channel": "none", "quote": "Sorry"})
    assert "no message to quote" in _field_error(ghosted.text, "quote")
    effort = web.post("/goals/effort", {"metric": "networking", "amount": "1", "on": "2099-01-01"})
    assert "is in the future" in _field_error(effort.text, "on")
    counted = web.post("/goals/effort", {"metric": "applications", "amount": "1"})
    assert "counted from your records" in _field_error(counted.text, "metric")
    plan = web.post("/plan", {"kind": "course", "focus": "SQL", "because": "x" * 301})
    assert "reason is longer than 300" in _field_error(plan.text, "because")
    feedback = web.post(f"/applications/{app.id}/feedback", {"text": "x" * 10_001})
    assert "feedback is longer" in _field_error(feedback.text, "text")
    view = create_draft(
        web.ws.store, web.ws.owner, app.id, "keep_in_touch", web.ws.clock, sender_name="Ana",
        update="I finished a course",
    )  # fmt: skip
    emptied = web.post(f"/drafts/{view.draft.id}", {"subject": " ", "body": "Hello", "to": ""})
    assert "subject cannot be empty" in _field_error(emptied.text, "subject")
    bad_to = web.post(f"/drafts/{view.draft.id}", {"subject": "Hi", "body": "Hello", "to": "priya"})
    assert "not an email address" in _field_error(bad_to.text, "to")
