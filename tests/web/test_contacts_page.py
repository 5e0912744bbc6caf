"""Contacts: list, add, edit, link to applications, check-ins due, delete; unknown ids are 404
pages, bad forms re-render with messages and save nothing, the list's queries stay constant."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date

from tests.factories import make_application
from tests.web.conftest import Web

from onward.domain.records import ContactFields, ContactRole
from onward.services.contacts import add_contact, get_contact, list_contacts

TODAY = date(2026, 11, 20)


def _app(web: Web, company: str = "Acme", role: str = "Analyst") -> int:
    return make_application(web.ws, company, role).id


def _contact(web: Web, name: str = "Priya Natarajan", **fields: object) -> int:
    return add_contact(
        web.ws.store,
        web.ws.owner,
        ContactFields(name, **fields),
        web.ws.clock,  # type: ignore[arg-type]
    ).id


def test_an_empty_contact_book_invites_a_first_contact(web: Web) -> None:
    page = web.get("/contacts")
    assert page.status_code == 200
    assert "No contacts yet" in page.text and 'href="/contacts/new"' in page.text


def test_adding_a_contact_linked_to_an_application(web: Web) -> None:
    app_id = _app(web)
    form = web.get("/contacts/new")
    assert f'<option value="{app_id}">Acme · Analyst (#{app_id})</option>' in form.text
    response = web.post(
        "/contacts/new",
        {
            "name": "Priya <Natarajan>",
            "role": "recruiter",
            "email": "priya@example.org",
            "company": "Acme",
            "next_checkin_on": "2026-11-22",
            "application_id": str(app_id),
            "notes": "Met at the meetup",
        },
    )
    page = web.follow(response)
    assert "Added Priya &lt;Natarajan&gt;" in page.text
    [contact] = list_contacts(web.ws.store, web.ws.owner)
    assert contact.fields.role == ContactRole.RECRUITER
    assert contact.application_ids == (app_id,)
    assert contact.fields.next_checkin_on == date(2026, 11, 22)
    listing = web.get("/contacts").text
    assert "Check-ins due" in listing and f'href="/applications/{app_id}">Acme</a>' in listing


def test_bad_contacts_re_render_with_messages_and_save_nothing(web: Web) -> None:
    cases = [
        ({"name": " "}, "write their name"),
        ({"name": "Ana", "email": "not-an-address"}, "not an email address"),
        ({"name": "Ana", "linkedin_url": "linkedin.com/in/ana"}, "must start with https://"),
        ({"name": "Ana", "next_checkin_on": "the 40th"}, "date"),
        ({"name": "Ana", "role": "boss"}, "choose one of the options"),
        ({"name": "Ana", "application_id": "404"}, "no application #404"),
    ]
    for data, message in cases:
        page = web.post("/contacts/new", data)
        assert page.status_code == 422, data
        assert message.lower() in page.text.lower(), (data, page.text[-3000:])
        assert "Nothing was saved yet" in page.text
    assert list_contacts(web.ws.store, web.ws.owner) == []


def test_editing_a_contact_changes_and_clears_fields(web: Web) -> None:
    cid = _contact(web, email="old@example.org", company="Acme")
    form = web.get(f"/contacts/{cid}/edit")
    assert 'value="old@example.org"' in form.text
    data = {"name": "Priya N.", "role": "mentor", "email": "", "company": "Globex"}
    page = web.follow(web.post(f"/contacts/{cid}/edit", data))
    assert "Saved Priya N." in page.text
    fields = get_contact(web.ws.store, web.ws.owner, cid).fields
    assert (fields.name, fields.role, fields.email, fields.company) == (
        "Priya N.",
        ContactRole.MENTOR,
        None,
        "Globex",
    )


def test_a_bad_edit_changes_nothing(web: Web) -> None:
    cid = _contact(web, email="old@example.org")
    page = web.post(f"/contacts/{cid}/edit", {"name": "New", "email": "broken"})
    assert page.status_code == 422 and "not an email address" in page.text.lower()
    assert get_contact(web.ws.store, web.ws.owner, cid).fields.email == "old@example.org"
    assert get_contact(web.ws.store, web.ws.owner, cid).name == "Priya Natarajan"


def test_linking_and_unlinking_applications(web: Web) -> None:
    cid, app_id = _contact(web), _app(web, "Globex", "Engineer")
    page = web.get(f"/contacts/{cid}")
    assert "Not linked to any application yet" in page.text
    web.follow(web.post(f"/contacts/{cid}/link", {"application_id": str(app_id)}))
    assert get_contact(web.ws.store, web.ws.owner, cid).application_ids == (app_id,)
    bad = web.post(f"/contacts/{cid}/link", {"application_id": "999"})
    assert bad.status_code == 422 and "no application #999" in bad.text.lower()
    none = web.post(f"/contacts/{cid}/link", {"application_id": ""})
    assert none.status_code == 422 and "choose an application" in none.text.lower()
    web.follow(web.post(f"/contacts/{cid}/unlink/{app_id}"))
    assert get_contact(web.ws.store, web.ws.owner, cid).application_ids == ()


def test_recording_a_check_in_plans_the_next_one(web: Web) -> None:
    cid = _contact(web, next_checkin_on=date(2026, 11, 1))
    assert "due since" in web.get("/contacts").text
    response = web.post(f"/contacts/{cid}/checkin", {"on": "", "next_on": "", "back": "/contacts"})
    assert response.headers["location"] == "/contacts"
    fields = get_contact(web.ws.store, web.ws.owner, cid).fields
    assert fields.last_contact_on == TODAY
    assert fields.next_checkin_on == date(2027, 2, 20)  # three months later (the default)
    assert "Check-ins due" not in web.get("/contacts").text


def test_a_bad_check_in_is_refused_and_changes_nothing(web: Web) -> None:
    cid = _contact(web, next_checkin_on=date(2026, 11, 1))
    future = web.post(f"/contacts/{cid}/checkin", {"on": "2026-12-01"})
    assert future.status_code == 422 and "in the future" in future.text.lower()
    backwards = web.post(f"/contacts/{cid}/checkin", {"on": "", "next_on": "2026-11-02"})
    assert backwards.status_code == 422 and "must come after" in backwards.text.lower()
    assert get_contact(web.ws.store, web.ws.owner, cid).fields.last_contact_on is None


def test_deleting_a_contact_keeps_the_applications(web: Web) -> None:
    app_id = _app(web)
    cid = _contact(web)
    web.follow(web.post(f"/contacts/{cid}/link", {"application_id": str(app_id)}))
    page = web.follow(web.post(f"/contacts/{cid}/delete"))
    assert "Deleted Priya Natarajan" in page.text
    assert list_contacts(web.ws.store, web.ws.owner) == []
    assert web.get(f"/applications/{app_id}").status_code == 200


def test_unknown_contacts_are_404_pages(web: Web) -> None:
    app_id = _app(web)
    for response in (
        web.get("/contacts/999"),
        web.get("/contacts/999/edit"),
        web.get("/contacts/abc"),
        web.post("/contacts/999/edit", {"name": "X"}),
        web.post("/contacts/999/link", {"application_id": str(app_id)}),
        web.post(f"/contacts/999/unlink/{app_id}"),
        web.post("/contacts/999/checkin"),
        web.post("/contacts/999/delete"),
    ):
        assert response.status_code == 404, response.url
        assert "We could not find that" in response.text


def test_the_company_filter(web: Web) -> None:
    _contact(web, "Ana", company="Acme")
    _contact(web, "Ben", company="Globex")
    page = web.get("/contacts", params={"company": "glo"})
    assert ">Ben</a>" in page.text and ">Ana</a>" not in page.text
    assert "Nobody at a company containing" in web.get("/contacts?company=zzz").text


def test_a_long_list_shows_the_first_hundred_then_everyone(web: Web) -> None:
    for i in range(103):
        _contact(web, f"Person {i:03d}")
    page = web.get("/contacts")
    assert page.text.count('<a href="/contacts/') == 100
    assert "Show everyone (3 more)" in page.text
    assert web.get("/contacts?everyone=1").text.count('<a href="/contacts/') == 103


def test_the_contacts_list_issues_the_same_queries_as_rows_grow(
    web: Web, web_queries: Callable[[], AbstractContextManager[list[str]]]
) -> None:
    def fill(start: int, n: int) -> None:
        for i in range(start, start + n):
            app_id = _app(web, f"Co {i}")
            add_contact(
                web.ws.store,
                web.ws.owner,
                ContactFields(f"Person {i}", next_checkin_on=date(2026, 11, 21)),
                web.ws.clock,
                application_ids=(app_id,),
            )

    fill(0, 2)
    with web_queries() as few:
        assert web.get("/contacts").status_code == 200
    fill(2, 40)
    with web_queries() as many:
        page = web.get("/contacts")
    assert page.text.count('<a href="/contacts/') >= 42
    assert len(many) == len(few), (len(few), len(many))
