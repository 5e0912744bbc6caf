"""A NUL character in any form field is refused with a message beside the field (422) and
never reaches the database as an error (500), on SQLite and PostgreSQL alike."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.routing import APIRoute
from tests.factories import make_application
from tests.web.conftest import Web

from onward.domain.records import ApplicationQuery, ContactFields
from onward.services.applications import list_applications
from onward.services.contacts import add_contact, list_contacts
from onward.web.pages import ROUTERS

TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "onward" / "web" / "templates"
NUL = "bad\x00text"


def _field_names() -> set[str]:
    """Every field name the app's templates offer, so new forms are covered as they come."""
    names: set[str] = set()
    for template in TEMPLATES.rglob("*.html"):
        text = template.read_text()
        names |= set(re.findall(r'name="([a-z_]+)"', text))
        names |= set(re.findall(r'(?:field|select|checkbox)\(form, "([a-z_]+)"', text))
    return names - {"csrf_token"}


def test_a_nul_in_a_new_application_comes_back_beside_its_field(web: Web) -> None:
    page = web.post("/applications/new", {"company": NUL, "role": "Analyst", "stage": "applied"})
    assert page.status_code == 422
    assert 'id="e-company"' in page.text and "cannot be saved" in page.text
    assert "bad\ufffdtext" in page.text  # what was typed comes back, the NUL marked
    assert list_applications(web.ws.store, web.ws.owner, ApplicationQuery()).total == 0


def test_a_nul_in_a_contact_or_an_edit_saves_nothing(web: Web) -> None:
    app = make_application(web.ws, "Acme Robotics", "Data Analyst", days_ago=10)
    edit = web.post(f"/applications/{app.id}/edit", {"company": "Acme", "role": NUL})
    assert edit.status_code == 422 and "cannot be saved" in edit.text
    after = list_applications(web.ws.store, web.ws.owner, ApplicationQuery()).items
    assert after[0].fields.role == app.fields.role
    contact = web.post("/contacts/new", {"name": "Priya", "notes": NUL})
    assert contact.status_code == 422 and "cannot be saved" in contact.text
    assert list_contacts(web.ws.store, web.ws.owner) == []


def test_a_nul_in_a_search_is_no_error(web: Web) -> None:
    make_application(web.ws, "Acme Robotics", "Data Analyst", days_ago=10)
    assert web.get("/board/table", params={"q": NUL, "tag": NUL}).status_code == 200


def test_a_nul_posted_to_every_form_is_never_a_server_error(web: Web) -> None:
    app = make_application(web.ws, "Acme Robotics", "Data Analyst", days_ago=10)
    contact = add_contact(web.ws.store, web.ws.owner, ContactFields("Priya"), web.ws.clock)
    ids = {"app_id": app.id, "contact_id": contact.id}
    data = {name: NUL for name in sorted(_field_names())}
    failures = []
    posted = 0
    routes = [route for router in ROUTERS for route in router.routes]
    for route in routes:
        if not isinstance(route, APIRoute) or "POST" not in route.methods:
            continue
        path = re.sub(r"\{(\w+)\}", lambda m: str(ids.get(m.group(1), 1)), route.path)
        if path.startswith("/api/"):
            response = web.client.post(
                path,
                json={"stage": NUL, "body": NUL, "subject": NUL, "to": NUL},
                headers={"x-csrf-token": web.token},
            )
        else:
            response = web.post(path, data)
        posted += 1
        if response.status_code >= 500:
            failures.append((route.path, response.status_code))
    assert posted >= 40
    assert failures == []


def test_uploads_with_invalid_unicode_or_nul_are_refused_clearly(web: Web) -> None:
    backup = b'{"format": "onward-backup", "version": 1, "owner": "x", "applications": [], '
    backup += b'"contacts": [], "playbook": {"journal_entries": [{"text": "\\ud800"}]}}'
    restore = web.post(
        "/data/restore", {}, files={"file": ("bad.json", backup, "application/octet-stream")}
    )
    assert restore.status_code == 422 and "invalid Unicode" in restore.text
    assert "backup.playbook.journal_entries[0].text" in restore.text
    utf16 = "company,role\nAcme,Analyst\n".encode("utf-16-le")
    csv = web.post("/data/csv", {}, files={"file": ("t.csv", utf16, "text/csv")})
    assert csv.status_code == 422 and "NUL characters" in csv.text


def test_a_nul_in_the_query_of_every_page_is_never_a_server_error(web: Web) -> None:
    app = make_application(web.ws, "Acme Robotics", "Data Analyst", days_ago=10)
    ids = {"app_id": app.id}
    params = {name: NUL for name in ("q", "tag", "company", "search", "stage", "sort", "show")}
    failures = []
    for route in [route for router in ROUTERS for route in router.routes]:
        if not isinstance(route, APIRoute) or "GET" not in route.methods:
            continue
        path = re.sub(r"\{(\w+)\}", lambda m: str(ids.get(m.group(1), 1)), route.path)
        status = web.get(path, params=params).status_code
        if status >= 500:
            failures.append((route.path, status))
    assert failures == []
