"""Add, edit and show an application; bad input re-renders the form and saves nothing."""

from __future__ import annotations

from tests.factories import make_application, make_move
from tests.web.conftest import Web

from onward.domain.pipeline import Stage
from onward.domain.records import ApplicationQuery, ContactFields, ContactRole
from onward.services.applications import get_application, list_applications
from onward.services.contacts import add_contact

GOOD = {
    "company": "Northwind Health",
    "role": "Clinical Data Analyst",
    "stage": "applied",
    "on": "2026-11-18",
    "location": "Leeds",
    "channel": "referral",
    "salary_min": "40,000",
    "salary_max": "48000",
    "salary_currency": "gbp",
    "excitement": "4",
    "tags": "Healthcare, remote",
    "tailored": "on",
    "note": "Referred by Sam",
}


def _count(web: Web) -> int:
    return list_applications(web.ws.store, web.ws.owner, ApplicationQuery(archived=None)).total


def test_the_add_form_has_a_label_for_every_field(web: Web) -> None:
    html = web.get("/applications/new").text
    for name in ("company", "role", "stage", "on", "url", "excitement", "tags", "notes"):
        assert f'<label for="f-{name}"' in html, name
        assert f'id="f-{name}"' in html, name


def test_adding_an_application_saves_it_and_shows_its_page(web: Web) -> None:
    response = web.post("/applications/new", GOOD)
    assert response.status_code == 303
    page = web.follow(response)
    assert "Added Northwind Health: Clinical Data Analyst." in page.text
    app = get_application(
        web.ws.store, web.ws.owner, int(response.headers["location"].split("/")[-1])
    )
    assert app.fields.salary_min == 40000 and app.fields.salary_currency == "GBP"
    assert app.fields.tags == ("healthcare", "remote") and app.fields.tailored is True
    assert app.events[0].note == "Referred by Sam"
    assert app.stage_on.isoformat() == "2026-11-18"
    assert "Referred by Sam" in page.text and "Leeds" in page.text


def test_a_form_with_problems_comes_back_with_messages_and_saves_nothing(web: Web) -> None:
    bad = {**GOOD, "company": "  ", "excitement": "9", "salary_min": "lots", "on": "someday"}
    response = web.post("/applications/new", bad)
    assert response.status_code == 422
    html = response.text
    assert "Please look at 4 things before saving" in html
    assert "Say which company this is" in html
    assert "Choose 1 to 5, not 9" in html
    assert "Write a whole number here, not &#39;lots&#39;" in html
    assert 'aria-invalid="true"' in html
    assert 'value="Clinical Data Analyst"' in html  # what was typed is kept
    assert _count(web) == 0


def test_service_refusals_come_back_beside_the_field(web: Web) -> None:
    response = web.post("/applications/new", {**GOOD, "salary_min": "50000", "salary_max": "40000"})
    assert response.status_code == 422 and "runs backwards" in response.text
    response = web.post("/applications/new", {**GOOD, "url": "javascript:alert(1)"})
    assert response.status_code == 422 and "must start with http" in response.text
    response = web.post("/applications/new", {**GOOD, "on": "2030-01-01"})
    assert response.status_code == 422 and "in the future" in response.text
    assert _count(web) == 0


def test_user_text_is_escaped_everywhere(web: Web) -> None:
    evil = '<script>alert("x")</script>'
    response = web.post("/applications/new", {**GOOD, "company": evil, "notes": evil})
    page = web.follow(response)
    assert evil not in page.text
    assert "&lt;script&gt;" in page.text
    assert evil not in web.get("/board").text and evil not in web.get("/board/table").text


def test_the_application_page_shows_every_section(web: Web) -> None:
    app = make_application(web.ws, "Fjord Bank", "Data Engineer", days_ago=10)
    make_move(web.ws, app.id, Stage.SCREEN)
    add_contact(
        web.ws.store,
        web.ws.owner,
        ContactFields(name="Tom Okafor", role=ContactRole.HIRING_MANAGER, email="tom@example.net"),
        web.ws.clock,
        application_ids=(app.id,),
    )
    html = web.get(f"/applications/{app.id}").text
    for heading in (
        "Details",
        "Timeline",
        "Emails",
        "Drafts",
        "Feedback",
        "Reflection",
        "Contacts",
    ):
        assert f">{heading}</h2>" in html, heading
    assert "Tom Okafor" in html and "mailto:tom@example.net" in html
    assert "Log the next step" in html


def test_editing_changes_fields_and_empty_clears_them(web: Web) -> None:
    created = web.post("/applications/new", GOOD)
    app_id = int(created.headers["location"].split("/")[-1])
    form = web.get(f"/applications/{app_id}/edit").text
    assert 'value="Northwind Health"' in form and 'value="healthcare, remote"' in form
    changed = {**GOOD, "role": "Senior Analyst", "location": "", "tags": "dream"}
    page = web.follow(web.post(f"/applications/{app_id}/edit", changed))
    assert "Saved your changes." in page.text
    app = get_application(web.ws.store, web.ws.owner, app_id)
    assert app.role == "Senior Analyst" and app.fields.location is None
    assert app.fields.tags == ("dream",)


def test_a_bad_edit_saves_nothing(web: Web) -> None:
    created = web.post("/applications/new", GOOD)
    app_id = int(created.headers["location"].split("/")[-1])
    response = web.post(f"/applications/{app_id}/edit", {**GOOD, "role": "", "company": "New name"})
    assert response.status_code == 422 and "Say which role this is" in response.text
    assert get_application(web.ws.store, web.ws.owner, app_id).company == "Northwind Health"


def test_unknown_and_malformed_ids_are_404_pages(web: Web) -> None:
    for url in (
        "/applications/77",
        "/applications/77/edit",
        "/applications/abc",
        "/applications/77/reject",
    ):
        response = web.get(url)
        assert response.status_code == 404, url
        assert "We could not find that" in response.text
    assert web.post("/applications/77/edit", GOOD).status_code == 404


def test_archiving_hides_it_from_the_board_and_bringing_it_back(web: Web) -> None:
    app = make_application(web.ws, "Acme Robotics", "Data Analyst", days_ago=10)
    board = web.follow(web.post(f"/applications/{app.id}/archive"))
    assert "Archived Acme Robotics" in board.text
    assert f'href="/applications/{app.id}"' not in board.text
    assert "Acme Robotics" in web.get("/board/table?show=archived").text
    web.post(f"/applications/{app.id}/archive", {"undo": "1"})
    assert f'href="/applications/{app.id}"' in web.get("/board").text
