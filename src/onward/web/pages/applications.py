"""One application: its page (details, timeline, emails, drafts, reflection, feedback,
contacts, linking and unlinking them), and the add and edit forms."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from onward.domain.drafts import DraftKind
from onward.domain.pipeline import OPEN_PATH, Stage
from onward.domain.playbook.feedback_reading import FeedbackReading, read_feedback
from onward.domain.records import Application, ApplicationFields, Channel, plain_fields
from onward.errors import InvalidInput, NotFound
from onward.services.applications import (
    add_application,
    archive_applications,
    edit_application,
    get_application,
)
from onward.services.contacts import link_contact
from onward.services.corrections import History, application_history, correct_event_date
from onward.services.overview import ApplicationOverview, application_overview
from onward.services.runtime import Workspace
from onward.services.skills import ApplicationMatch, match_if_ready
from onward.web.forms import Form
from onward.web.pages.board import allowed_moves
from onward.web.pages.undo import undoable
from onward.web.rendering import redirect
from onward.web.routing import Page, PostedForm, Ws, show_page

router = APIRouter()
FORM_PAGE = Page("applications/form.html", nav="board")
SHOW_PAGE = Page("applications/show.html", nav="board")

START_STAGES = OPEN_PATH
CHANNELS = tuple((c.value, c.value.replace("_", " ").capitalize()) for c in Channel)

#: Which messages usually fit first, by where the application stands.
_FIRST_KINDS = {
    Stage.REJECTED: (DraftKind.THANK_YOU_AFTER_REJECTION, DraftKind.FEEDBACK_REQUEST),
    Stage.GHOSTED: (DraftKind.GHOSTING_FOLLOW_UP, DraftKind.GHOSTING_CLOSURE),
}
_ACTIVE_KINDS = (DraftKind.FOLLOW_UP_AFTER_APPLYING, DraftKind.NETWORKING_NOTE)


def draft_kinds_for(app: Application) -> tuple[DraftKind, ...]:
    """Every draft kind, the ones that usually fit this application first."""
    first = _FIRST_KINDS.get(app.stage, _ACTIVE_KINDS)
    return first + tuple(k for k in DraftKind if k not in first)


@dataclass(frozen=True)
class ApplicationForm:
    form: Form
    app: Application | None
    stages: tuple[tuple[str, str], ...]
    channels: tuple[tuple[str, str], ...]

    @property
    def action(self) -> str:
        return f"/applications/{self.app.id}/edit" if self.app else "/applications/new"


@dataclass(frozen=True)
class ApplicationPage:
    overview: ApplicationOverview
    moves: tuple[Stage, ...]
    draft_kinds: tuple[tuple[str, str], ...]
    contact_form: Form
    history: History
    #: The job description against the resume (None: no description, no resume, or a
    #: dwell window open; the template says which).
    fit: ApplicationMatch | None = None
    #: A date correction that was refused: the step's id and the form with its message.
    date_form: tuple[int, Form] | None = None

    def date_error(self, event_id: int) -> str | None:
        if self.date_form is None or self.date_form[0] != event_id:
            return None
        return next(iter(self.date_form[1].errors.values()), None)

    @property
    def app(self) -> Application:
        return self.overview.application

    @staticmethod
    def reading(text: str) -> FeedbackReading:
        """Feedback read clause by clause: what they valued apart from what they missed."""
        return read_feedback(text)

    @property
    def contact_options(self) -> list[tuple[str, str]]:
        """The person's other contacts, as "Name (role, company)"."""
        options = []
        for c in self.overview.other_contacts:
            about = ", ".join(
                x for x in (c.fields.role.value.replace("_", " "), c.fields.company) if x
            )
            options.append((str(c.id), f"{c.name} ({about})" if about else c.name))
        return options


def _form_page(request: Request, form: Form, app: Application | None, status: int) -> Response:
    stages = tuple((s.value, s.value.capitalize()) for s in START_STAGES)
    context = ApplicationForm(form, app, stages, CHANNELS)
    title = f"Edit {app.company}" if app else "Add an application"
    return FORM_PAGE.render(request, context, status, title=title)


def _fields(form: Form) -> ApplicationFields | None:
    company = form.text("company", required="say which company this is")
    role = form.text("role", required="say which role this is")
    fields = ApplicationFields(
        company=company or "",
        role=role or "",
        job_ref=form.text("job_ref"),
        url=form.text("url"),
        location=form.text("location"),
        channel=form.choice("channel", Channel),
        salary_min=form.whole("salary_min", low=0),
        salary_max=form.whole("salary_max", low=0),
        salary_currency=form.text("salary_currency"),
        excitement=form.whole("excitement", low=1, high=5),
        description=form.text("description"),
        resume_version=form.text("resume_version"),
        tailored=True if form.flag("tailored") else None,
        notes=form.text("notes"),
        tags=tuple(t for t in form["tags"].replace(";", ",").split(",") if t.strip()),
    )
    return fields if form.ok else None


def _values(app: Application) -> dict[str, str]:
    plain = plain_fields(app.fields)
    plain.update(tailored="on" if app.fields.tailored else None, tags=", ".join(app.fields.tags))
    return {k: "" if v is None else str(v) for k, v in plain.items()}


@router.get("/applications/new", response_class=HTMLResponse)
def new_application(request: Request, ws: Ws) -> Response:
    form = Form.empty(ws.clock.today(), stage="applied", on=ws.clock.today().isoformat())
    return _form_page(request, form, None, 200)


@router.post("/applications/new", response_model=None)
def create_application(request: Request, form: PostedForm, ws: Ws) -> Response:
    fields = _fields(form)
    stage = form.choice("stage", Stage) or Stage.APPLIED
    on = form.day("on")
    if fields is not None and form.ok:
        with form.service_errors():
            app = add_application(
                ws.store, ws.owner, fields, ws.clock, stage=stage, on=on, note=form.text("note")
            )
            return redirect(f"/applications/{app.id}", f"Added {app.company}: {app.role}.")
    return _form_page(request, form, None, 422)


def _show_page(
    request: Request,
    ws: Workspace,
    app_id: int,
    contact_form: Form | None = None,
    status: int = 200,
    date_form: tuple[int, Form] | None = None,
) -> HTMLResponse:
    overview = application_overview(ws.store, ws.owner, app_id, ws.clock)
    kinds = tuple((k.value, k.label.capitalize()) for k in draft_kinds_for(overview.application))
    form = contact_form or Form.empty(ws.clock.today())
    fit = None if overview.in_dwell else match_if_ready(ws.store, ws.owner, app_id)
    history = application_history(ws.store, ws.owner, app_id)
    moves = allowed_moves(overview.application)
    context = ApplicationPage(overview, moves, kinds, form, history, fit, date_form)
    app = overview.application
    return SHOW_PAGE.render(request, context, status, title=f"{app.company}: {app.role}")


show_page(router, "/applications/{app_id}", _show_page)


@router.get("/applications/{app_id}/edit", response_class=HTMLResponse)
def edit_form(request: Request, app_id: int, ws: Ws) -> Response:
    app = get_application(ws.store, ws.owner, app_id)
    return _form_page(request, Form(_values(app), ws.clock.today()), app, 200)


@router.post("/applications/{app_id}/edit", response_model=None)
def save_application(request: Request, app_id: int, form: PostedForm, ws: Ws) -> Response:
    app = get_application(ws.store, ws.owner, app_id)
    fields = _fields(form)
    if fields is not None:
        changes: dict[str, Any] = {
            name: ("" if value is None else value) for name, value in vars(fields).items()
        }
        with form.service_errors():
            saved = edit_application(ws.store, ws.owner, app_id, changes, ws.clock)
            return redirect(
                f"/applications/{saved.id}", "Saved your changes.", undo=undoable(ws, app_id)
            )
    return _form_page(request, form, app, 422)


@router.post("/applications/{app_id}/archive", response_model=None)
def archive(app_id: int, form: PostedForm, ws: Ws) -> Response:
    undo = form.flag("undo")
    (app,) = archive_applications(ws.store, ws.owner, [app_id], ws.clock, undo=undo)
    button = undoable(ws, app_id)
    if undo:
        return redirect(
            f"/applications/{app.id}", f"{app.company} is back on the board.", undo=button
        )
    return redirect(
        "/board", f"Archived {app.company}; the table view can still show it.", undo=button
    )


@router.post("/applications/{app_id}/events/{event_id}/date", response_model=None)
def correct_date(
    request: Request, app_id: int, event_id: int, form: PostedForm, ws: Ws
) -> Response:
    """Correct the day a step happened (the form on each step of the history)."""
    on = form.day("on")
    if on is None and form.ok:
        form.fail("on", "give the day it happened")
    if form.ok and on is not None:
        try:
            correct_event_date(ws.store, ws.owner, app_id, event_id, on, ws.clock)
        except (InvalidInput, NotFound) as exc:
            form.fail_with(exc, "on")
        else:
            return redirect(
                f"/applications/{app_id}#timeline",
                f"Corrected the date to {on.isoformat()}.",
                undo=undoable(ws, app_id),
            )
    return _show_page(request, ws, app_id, status=422, date_form=(event_id, form))


@router.post("/applications/{app_id}/contacts", response_model=None)
def link_person(request: Request, app_id: int, form: PostedForm, ws: Ws) -> Response:
    get_application(ws.store, ws.owner, app_id)  # an unknown application is a 404 page
    contact_id = form.whole("contact_id", low=1)
    if contact_id is None and form.ok:
        form.fail("contact_id", "choose someone from your contacts")
    if form.ok and contact_id is not None:
        try:
            contact = link_contact(ws.store, ws.owner, contact_id, app_id)
        except NotFound as exc:
            form.fail_with(exc, "contact_id")
        else:
            return redirect(f"/applications/{app_id}#contacts", f"Linked {contact.name}.")
    return _show_page(request, ws, app_id, form, 422)


@router.post("/applications/{app_id}/contacts/{contact_id}/unlink", response_model=None)
def unlink_person(app_id: int, contact_id: int, ws: Ws) -> Response:
    contact = link_contact(ws.store, ws.owner, contact_id, app_id, unlink=True)
    return redirect(
        f"/applications/{app_id}#contacts",
        f"{contact.name} is no longer linked here; they are still in your contacts.",
    )
