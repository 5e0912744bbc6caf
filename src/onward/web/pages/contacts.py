"""Contacts: the people behind applications (list, add, edit, delete), their links to
applications, and the check-ins that are due."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from onward.domain.records import ApplicationSummary, Contact, ContactFields, ContactRole
from onward.errors import InvalidInput, NotFound
from onward.formats import formats
from onward.services.checkins import record_checkin
from onward.services.contacts import (
    add_contact,
    delete_contact,
    edit_contact,
    get_contact,
    link_contact,
)
from onward.services.runtime import Workspace
from onward.web.contexts.contacts import (
    ContactBook,
    ContactCard,
    contact_book,
    contact_card,
    link_choices,
)
from onward.web.forms import Form
from onward.web.rendering import redirect
from onward.web.routing import Page, PostedForm, Ws, show_page

router = APIRouter()
FORM_PAGE = Page("contacts/form.html", nav="contacts")
SHOW_PAGE = Page("contacts/show.html", nav="contacts")
INDEX_PAGE = Page("contacts/index.html", nav="contacts", title="Contacts")

ROLES = tuple((r.value, r.value.replace("_", " ").capitalize()) for r in ContactRole)
TEXT_FIELDS = ("name", "email", "linkedin_url", "company", "notes")
DAY_FIELDS = ("last_contact_on", "next_checkin_on")


#: Contacts listed before "show everyone" (a coach's long list stays quick to open).
SHOWN = 100


@dataclass(frozen=True)
class ContactsPage:
    book: ContactBook
    company: str
    everyone: bool

    @property
    def shown(self) -> list[Contact]:
        return self.book.contacts

    @property
    def hidden(self) -> int:
        return self.book.total - len(self.book.contacts)


@dataclass(frozen=True)
class ContactPage:
    card: ContactCard
    checkin_months: int
    link_form: Form
    checkin_form: Form

    @property
    def choice_options(self) -> list[tuple[str, str]]:
        return [(str(a.id), a.label) for a in self.card.choices]


@dataclass(frozen=True)
class ContactForm:
    form: Form
    contact: Contact | None
    choices: list[ApplicationSummary]
    roles: ClassVar[tuple[tuple[str, str], ...]] = ROLES

    @property
    def action(self) -> str:
        return f"/contacts/{self.contact.id}/edit" if self.contact else "/contacts/new"

    @property
    def choice_options(self) -> list[tuple[str, str]]:
        return [(str(a.id), a.label) for a in self.choices]


@router.get("/contacts", response_class=HTMLResponse)
def list_people(
    request: Request, ws: Ws, company: str = "", everyone: bool = False
) -> HTMLResponse:
    company = company.strip()[:200]
    limit = None if everyone else SHOWN
    book = contact_book(ws, company=company or None, limit=limit)
    context = ContactsPage(book, company, everyone)
    return INDEX_PAGE.render(request, context)


def _form_page(
    request: Request, ws: Workspace, form: Form, contact: Contact | None, status: int = 200
) -> HTMLResponse:
    choices = link_choices(ws) if contact is None else []
    title = f"Edit {contact.name}" if contact else "Add a contact"
    return FORM_PAGE.render(request, ContactForm(form, contact, choices), status, title=title)


def _fields(form: Form) -> dict[str, Any]:
    """The typed values of the contact form ("" clears an optional field)."""
    values: dict[str, Any] = {name: form[name].strip() for name in TEXT_FIELDS}
    if not values["name"]:
        form.fail("name", "write their name")
    values["role"] = form.choice("role", ContactRole) or ContactRole.OTHER
    for name in DAY_FIELDS:
        values[name] = form.day(name) if form[name].strip() else ""
    return values


@router.get("/contacts/new", response_class=HTMLResponse)
def new_contact(request: Request, ws: Ws, application: int | None = None) -> HTMLResponse:
    values = {"role": "recruiter"}
    if application:
        values["application_id"] = str(application)
    return _form_page(request, ws, Form.empty(ws.clock.today(), **values), None)


@router.post("/contacts/new", response_model=None)
def create_contact(request: Request, form: PostedForm, ws: Ws) -> Response:
    values = _fields(form)
    app_id = form.whole("application_id", low=1)
    if form.ok:
        cleaned: dict[str, Any] = {k: (None if v == "" else v) for k, v in values.items()}
        fields = ContactFields(**cleaned)
        try:
            contact = add_contact(
                ws.store, ws.owner, fields, ws.clock, application_ids=(app_id,) if app_id else ()
            )
        except NotFound as exc:
            form.fail_with(exc, "application_id")
        except InvalidInput as exc:
            form.fail_with(exc)
        else:
            return redirect(f"/contacts/{contact.id}", f"Added {contact.name}.")
    return _form_page(request, ws, form, None, 422)


def _contact_page(
    request: Request,
    ws: Workspace,
    contact_id: int,
    *,
    link_form: Form | None = None,
    checkin_form: Form | None = None,
    status: int = 200,
) -> HTMLResponse:
    card = contact_card(ws, contact_id)
    today = ws.clock.today()
    context = ContactPage(
        card,
        ws.settings.checkin_months,
        link_form or Form.empty(today),
        checkin_form or Form.empty(today, on=today.isoformat()),
    )
    return SHOW_PAGE.render(request, context, status, title=card.contact.name)


show_page(router, "/contacts/{contact_id}", _contact_page)


@router.get("/contacts/{contact_id}/edit", response_class=HTMLResponse)
def edit_form(request: Request, contact_id: int, ws: Ws) -> HTMLResponse:
    contact = get_contact(ws.store, ws.owner, contact_id)
    f = contact.fields
    values = {name: getattr(f, name) or "" for name in TEXT_FIELDS}
    values["role"] = f.role.value
    for name in DAY_FIELDS:
        day = getattr(f, name)
        values[name] = day.isoformat() if day else ""
    return _form_page(request, ws, Form.empty(ws.clock.today(), **values), contact)


@router.post("/contacts/{contact_id}/edit", response_model=None)
def save_contact(request: Request, contact_id: int, form: PostedForm, ws: Ws) -> Response:
    contact = get_contact(ws.store, ws.owner, contact_id)
    values = _fields(form)
    if form.ok:
        with form.service_errors():
            saved = edit_contact(ws.store, ws.owner, contact_id, values, ws.clock)
            return redirect(f"/contacts/{contact_id}", f"Saved {saved.name}.")
    return _form_page(request, ws, form, contact, 422)


@router.post("/contacts/{contact_id}/link", response_model=None)
def link(request: Request, contact_id: int, form: PostedForm, ws: Ws) -> Response:
    get_contact(ws.store, ws.owner, contact_id)  # an unknown contact is a 404 page
    app_id = form.whole("application_id", low=1)
    if app_id is None and form.ok:
        form.fail("application_id", "choose an application")
    if form.ok and app_id is not None:
        try:
            contact = link_contact(ws.store, ws.owner, contact_id, app_id)
        except NotFound as exc:
            form.fail_with(exc, "application_id")
        else:
            return redirect(f"/contacts/{contact_id}", f"Linked {contact.name} to #{app_id}.")
    return _contact_page(request, ws, contact_id, link_form=form, status=422)


@router.post("/contacts/{contact_id}/unlink/{app_id}", response_model=None)
def unlink(contact_id: int, app_id: int, ws: Ws) -> Response:
    contact = link_contact(ws.store, ws.owner, contact_id, app_id, unlink=True)
    return redirect(f"/contacts/{contact_id}", f"{contact.name} is no longer linked to #{app_id}.")


@router.post("/contacts/{contact_id}/checkin", response_model=None)
def check_in(request: Request, contact_id: int, form: PostedForm, ws: Ws) -> Response:
    get_contact(ws.store, ws.owner, contact_id)
    on = form.day("on")
    next_on = form.day("next_on")
    if form.ok:
        with form.service_errors("on"):
            contact = record_checkin(
                ws.store, ws.owner, contact_id, ws.clock, on=on, next_on=next_on,
                months=ws.settings.checkin_months,
            )  # fmt: skip
            upcoming = contact.fields.next_checkin_on
            note = f" Next check-in: {formats().day(upcoming)}." if upcoming else ""
            back = form["back"] if form["back"] in ("/contacts", "/") else f"/contacts/{contact_id}"
            return redirect(back, f"Noted: you were in touch with {contact.name}.{note}")
    return _contact_page(request, ws, contact_id, checkin_form=form, status=422)


@router.post("/contacts/{contact_id}/delete", response_model=None)
def remove(contact_id: int, ws: Ws) -> Response:
    contact = delete_contact(ws.store, ws.owner, contact_id)
    return redirect("/contacts", f"Deleted {contact.name}. Their applications are untouched.")
