"""An application's page: linking the people behind it (and unlinking them), and the job
emails linked to it."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

from tests.factories import make_application
from tests.web.conftest import Web

from onward.domain.records import ApplicationQuery, ContactFields, ContactRole
from onward.services.applications import list_applications
from onward.services.contacts import add_contact, get_contact

Counter = Callable[[], AbstractContextManager[list[str]]]


def _person(web: Web, name: str, role: ContactRole = ContactRole.RECRUITER, **fields: str) -> int:
    contact = add_contact(
        web.ws.store, web.ws.owner, ContactFields(name=name, role=role, **fields), web.ws.clock
    )
    return contact.id


def test_the_page_offers_the_contacts_not_linked_yet(web: Web) -> None:
    app = make_application(web.ws, "Fjord Bank", "Data Analyst", days_ago=10)
    maya = _person(web, "Maya Lindqvist", ContactRole.HIRING_MANAGER, company="Fjord Bank")
    html = web.get(f"/applications/{app.id}").text
    assert "No one is linked to this application yet" in html
    assert '<label for="f-contact_id">Link someone from your contacts</label>' in html
    assert f'<option value="{maya}">Maya Lindqvist (hiring manager, Fjord Bank)</option>' in html
    assert f'href="/contacts/new?application={app.id}"' in html


def test_linking_a_contact_shows_them_and_unlinking_keeps_the_contact(web: Web) -> None:
    app = make_application(web.ws, "Fjord Bank", "Data Analyst", days_ago=10)
    maya = _person(web, "Maya Lindqvist", email="maya@example.net")
    linked = web.post(f"/applications/{app.id}/contacts", {"contact_id": str(maya)})
    assert linked.headers["location"] == f"/applications/{app.id}#contacts"
    page = web.follow(linked).text
    assert "Linked Maya Lindqvist." in page
    assert f'action="/applications/{app.id}/contacts/{maya}/unlink"' in page
    assert "mailto:maya@example.net" in page
    assert f'<option value="{maya}">' not in page  # no longer offered
    assert get_contact(web.ws.store, web.ws.owner, maya).application_ids == (app.id,)

    gone = web.follow(web.post(f"/applications/{app.id}/contacts/{maya}/unlink")).text
    assert "Maya Lindqvist is no longer linked here; they are still in your contacts." in gone
    assert get_contact(web.ws.store, web.ws.owner, maya).application_ids == ()


def test_a_link_without_a_choice_or_to_no_one_comes_back_with_a_message(web: Web) -> None:
    app = make_application(web.ws, "Fjord Bank", "Data Analyst", days_ago=10)
    maya = _person(web, "Maya Lindqvist")
    empty = web.post(f"/applications/{app.id}/contacts", {"contact_id": ""})
    assert empty.status_code == 422
    assert "Choose someone from your contacts" in empty.text
    assert 'aria-invalid="true"' in empty.text and "Nothing was saved yet." in empty.text
    unknown = web.post(f"/applications/{app.id}/contacts", {"contact_id": "4242"})
    assert unknown.status_code == 422 and "No contact #4242" in unknown.text
    typo = web.post(f"/applications/{app.id}/contacts", {"contact_id": "maya"})
    assert typo.status_code == 422 and "Write a whole number here" in typo.text
    assert get_contact(web.ws.store, web.ws.owner, maya).application_ids == ()


def test_unknown_applications_and_contacts_are_404_pages(web: Web) -> None:
    app = make_application(web.ws, "Fjord Bank", "Data Analyst", days_ago=10)
    maya = _person(web, "Maya Lindqvist")
    for url, data in (
        ("/applications/999/contacts", {"contact_id": str(maya)}),
        (f"/applications/999/contacts/{maya}/unlink", {}),
        (f"/applications/{app.id}/contacts/4242/unlink", {}),
        (f"/applications/{app.id}/contacts/abc/unlink", {}),
    ):
        response = web.post(url, data)
        assert response.status_code == 404, url
        assert "We could not find that" in response.text
    assert get_contact(web.ws.store, web.ws.owner, maya).application_ids == ()


def test_linking_needs_the_csrf_token(web: Web) -> None:
    app = make_application(web.ws, "Fjord Bank", "Data Analyst", days_ago=10)
    maya = _person(web, "Maya Lindqvist")
    response = web.client.post(f"/applications/{app.id}/contacts", data={"contact_id": str(maya)})
    assert response.status_code == 403
    assert get_contact(web.ws.store, web.ws.owner, maya).application_ids == ()


def test_the_page_sends_the_same_queries_however_many_contacts(
    web: Web, web_queries: Counter
) -> None:
    app = make_application(web.ws, "Fjord Bank", "Data Analyst", days_ago=10)

    def count() -> int:
        web.get(f"/applications/{app.id}")
        with web_queries() as statements:
            assert web.get(f"/applications/{app.id}").status_code == 200
        return len(statements)

    _person(web, "Person 0")
    few = count()
    for n in range(1, 25):
        cid = _person(web, f"Person {n}")
        if n % 2:
            web.post(f"/applications/{app.id}/contacts", {"contact_id": str(cid)})
    assert count() == few


def test_the_emails_linked_to_an_application_are_listed_as_plain_text(
    web: Web, tmp_path: Path
) -> None:
    from tests.web.review_data import import_received

    from onward.services.review import list_proposals

    import_received(web.ws, tmp_path)
    [proposal] = list_proposals(web.ws.store, web.ws.owner)
    web.post(f"/review/{proposal.id}/accept")
    [app] = list_applications(web.ws.store, web.ws.owner, ApplicationQuery()).items
    html = web.get(f"/applications/{app.id}").text
    assert "No emails are linked" not in html
    assert "Your application &lt;0&gt;" in html and "application received" in html
    assert "From Priya at Northwind &lt;jobs@northwind.example&gt;" in html
    assert "We received your application &lt;b&gt;today&lt;/b&gt;." in html
    assert "<b>today</b>" not in html and "tracker.example" not in html
    other = make_application(web.ws, "Fjord Bank", "Data Analyst", days_ago=10)
    assert (
        "No emails are linked to this application yet" in web.get(f"/applications/{other.id}").text
    )
