"""The rejection flow: log the "no", then the playbook step by step. While the dwell window is
open the page offers only kindness (a journal prompt, something kind to do, the reason's
reframe); the tasks, the reply advice and the drafts open when it ends, or when the person
says they feel ready."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from onward.domain.emails import RejectionReason, RejectionStage
from onward.domain.playbook.dwell import DwellChoice, DwellPreset, parse_dwell
from onward.domain.playbook.rejection import RejectionChannel
from onward.domain.records import Application, Contact
from onward.errors import InvalidInput
from onward.services.applications import get_application
from onward.services.contacts import list_contacts
from onward.services.rejections import (
    RejectionDetails,
    RejectionOverview,
    dwell_choice,
    end_dwell,
    get_rejection_overview,
    reject_application,
)
from onward.services.runtime import Workspace
from onward.services.tasks import TaskState, task_state
from onward.web.forms import Form
from onward.web.pages.undo import undoable
from onward.web.rendering import redirect
from onward.web.routing import Page, PostedForm, Ws

router = APIRouter()
FORM_PAGE = Page("rejection/form.html", nav="board")
SHOW_PAGE = Page("rejection/show.html", nav="board")

REASONS = tuple(
    (r.value, "They did not say" if r == RejectionReason.UNSPECIFIED else r.value.replace("_", " "))
    for r in RejectionReason
)
CHANNELS = (
    ("email", "By email"),
    ("phone", "On the phone"),
    ("portal", "In an applicant portal"),
)
STAGES = tuple(
    (s.value, s.value.capitalize()) for s in RejectionStage if s != RejectionStage.UNKNOWN
)
DWELL = (
    (DwellPreset.MORNING.value, "Until tomorrow morning"),
    (DwellPreset.EVENING.value, "Until this evening"),
    (DwellPreset.WEEKEND.value, "Over the weekend"),
    ("24h", "For a day"),
    ("48h", "For two days"),
)


def dwell_options(usual: DwellChoice) -> tuple[tuple[str, str], ...]:
    """The dwell choices with the person's usual one (``ONWARD_DWELL_DEFAULT``) first, sent
    as "" so the setting decides."""
    named = [(value, label, parse_dwell(value)) for value, label in DWELL]
    first = next((label for _, label, c in named if c == usual), f"For {usual.hours} hours")
    return (("", f"{first} (usual)"), *((v, label) for v, label, c in named if c != usual))


PERSONAL = (("", "Not sure"), ("yes", "A person wrote to me"), ("no", "A template"))


@dataclass(frozen=True)
class RejectForm:
    app: Application
    form: Form
    contacts: tuple[Contact, ...]
    dwell: tuple[tuple[str, str], ...]
    reasons: tuple[tuple[str, str], ...] = REASONS
    channels: tuple[tuple[str, str], ...] = CHANNELS
    stages: tuple[tuple[str, str], ...] = STAGES
    personal: tuple[tuple[str, str], ...] = PERSONAL


@dataclass(frozen=True)
class RejectionPage:
    overview: RejectionOverview
    states: dict[int, TaskState]
    now: datetime


def _form_page(
    request: Request, ws: Workspace, app: Application, form: Form, status: int
) -> Response:
    contacts = tuple(list_contacts(ws.store, ws.owner, application_id=app.id))
    return FORM_PAGE.render(
        request,
        RejectForm(app, form, contacts, dwell_options(dwell_choice("", ws.settings.dwell_default))),
        status,
        title=f"A no from {app.company}",
    )


@router.get("/applications/{app_id}/reject", response_class=HTMLResponse)
def reject_form(request: Request, app_id: int, ws: Ws) -> Response:
    app = get_application(ws.store, ws.owner, app_id)
    form = Form.empty(ws.clock.today(), received_on=ws.clock.today().isoformat(), channel="email")
    return _form_page(request, ws, app, form, 200)


@router.post("/applications/{app_id}/reject", response_model=None)
def log_rejection(request: Request, app_id: int, form: PostedForm, ws: Ws) -> Response:
    app = get_application(ws.store, ws.owner, app_id)
    personal = {"yes": True, "no": False}.get(form["personal"])
    contact = form.whole("contact_id", low=1)
    details = RejectionDetails(
        received_on=form.day("received_on"),
        stage=form.choice("stage", RejectionStage),
        channel=form.choice("channel", RejectionChannel) or RejectionChannel.EMAIL,
        reason=form.choice("reason", RejectionReason) or RejectionReason.UNSPECIFIED,
        quote=form.text("quote"),
        contact_id=contact,
        personal=personal,
        sting=form.whole("sting", low=1, high=5),
        good_impression=form.flag("good_impression"),
    )
    try:
        choice = dwell_choice(form["dwell"], ws.settings.dwell_default)
    except InvalidInput as exc:
        form.fail_with(exc, "dwell")
    if form.ok:
        with form.service_errors():
            reject_application(ws.store, ws.owner, app_id, details, ws.clock, dwell=choice)
            return redirect(
                f"/applications/{app_id}/rejection",
                "Logged. Take the time you need; nothing else is asked of you for now.",
                undo=undoable(ws, app_id),
            )
    return _form_page(request, ws, app, form, 422)


@router.get("/applications/{app_id}/rejection", response_class=HTMLResponse)
def show_rejection(request: Request, app_id: int, ws: Ws) -> HTMLResponse:
    overview = get_rejection_overview(ws.store, ws.owner, app_id, ws.clock)
    now = ws.clock.now()
    states = {s.id: task_state(s.task, now) for s in overview.tasks}
    app = overview.application
    return SHOW_PAGE.render(
        request, RejectionPage(overview, states, now), title=f"After the no from {app.company}"
    )


@router.post("/applications/{app_id}/ready", response_model=None)
def feel_ready(app_id: int, ws: Ws) -> Response:
    end_dwell(ws.store, ws.owner, app_id, ws.clock)
    return redirect(f"/applications/{app_id}/rejection", "Your tasks are open. Go gently.")
