"""Looking back: the guided reflection form (ratings for the stages reached, a few questions,
all optional), and logging feedback. Reflection waits, kindly, while a dwell window is open."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from onward.domain.playbook.debrief import Debrief
from onward.domain.playbook.experiments import check_name
from onward.domain.records import Application
from onward.errors import Conflict, InvalidInput
from onward.services.applications import get_application
from onward.services.debriefs import debrief_view
from onward.services.experiments import start_experiment
from onward.services.feedback import log_feedback
from onward.services.reflection import ReflectionPrompts, reflect_on, reflection_prompts
from onward.services.runtime import Workspace
from onward.web.forms import Form
from onward.web.rendering import redirect
from onward.web.routing import Page, PostedForm, Ws

router = APIRouter()
FORM_PAGE = Page("reflection/form.html", nav="board")
FEEDBACK_PAGE = Page("reflection/feedback.html", nav="board", title="Feedback")
WAIT_PAGE = Page("reflection/wait.html", nav="board", title="Not yet")

SCALE = (
    ("1", "1 · went badly"),
    ("2", "2"),
    ("3", "3 · so-so"),
    ("4", "4"),
    ("5", "5 · went well"),
)


@dataclass(frozen=True)
class ReflectPage:
    prompts: ReflectionPrompts
    form: Form
    scale: tuple[tuple[str, str], ...] = SCALE
    #: What the person noted after the interviews, to read again before rating them.
    debriefs: tuple[Debrief, ...] = ()


@dataclass(frozen=True)
class WaitPage:
    app: Application
    message: str


@dataclass(frozen=True)
class FeedbackPage:
    app: Application
    form: Form


def _reflect_page(
    request: Request, ws: Workspace, app_id: int, form: Form, status: int
) -> Response:
    try:
        prompts = reflection_prompts(ws.store, ws.owner, app_id, ws.clock)
    except InvalidInput as exc:  # the dwell window is still open
        app = get_application(ws.store, ws.owner, app_id)
        context = WaitPage(app, exc.message)
        return WAIT_PAGE.render(request, context)
    app = prompts.application
    return FORM_PAGE.render(
        request,
        ReflectPage(prompts, form, debriefs=debrief_view(ws.store, ws.owner, app_id).debriefs),
        status,
        title=f"Looking back at {app.company}",
    )


@router.get("/applications/{app_id}/reflect", response_class=HTMLResponse)
def reflection_form(request: Request, app_id: int, ws: Ws) -> Response:
    return _reflect_page(request, ws, app_id, Form.empty(ws.clock.today()), 200)


@router.post("/applications/{app_id}/reflect", response_model=None)
def save_reflection(request: Request, app_id: int, form: PostedForm, ws: Ws) -> Response:
    ratings: dict[str, int] = {}
    answers: dict[str, str] = {}
    for name in form.values:
        if name.startswith("rating_"):
            score = form.whole(name, low=1, high=5)
            if score is not None:
                ratings[name.removeprefix("rating_")] = score
        elif name.startswith("answer_"):
            text = form.text(name)
            if text:
                answers[name.removeprefix("answer_")] = text
    try_next = form.text("try_next")
    if try_next:
        try:
            check_name(try_next)
        except InvalidInput as exc:
            form.fail_with(exc, inputs={"name": "try_next"})
    if form.ok:
        try:
            reflect_on(ws.store, ws.owner, app_id, ratings, answers, ws.clock)
        except InvalidInput as exc:
            form.fail_with(exc)
        else:
            if try_next:
                return _start_trying(ws, app_id, try_next)
            return redirect(
                f"/applications/{app_id}", "Reflection kept. Looking back like this takes care."
            )
    return _reflect_page(request, ws, app_id, form, 422)


@router.post("/applications/{app_id}/feedback", response_model=None)
def add_feedback(request: Request, app_id: int, form: PostedForm, ws: Ws) -> Response:
    app = get_application(ws.store, ws.owner, app_id)
    text = form.text("text", required="write what they said")
    on = form.day("received_on")
    if form.ok and text:
        with form.service_errors("text"):
            log_feedback(
                ws.store,
                ws.owner,
                app_id,
                text,
                ws.clock,
                received_on=on,
                from_whom=form.text("from_whom"),
            )
            return redirect(f"/applications/{app_id}", "Feedback kept, with a thank-you planned.")
    return FEEDBACK_PAGE.render(request, FeedbackPage(app, form), 422)


def _start_trying(ws: Workspace, app_id: int, name: str) -> Response:
    """After a reflection: start the change it chose (or say it is being tried already)."""
    try:
        experiment = start_experiment(ws.store, ws.owner, name, ws.clock)
    except Conflict:
        notice = f"Reflection kept. You are already trying {name!r}; keep tagging it."
    else:
        notice = (
            f"Reflection kept, and a change to try: {experiment.name}. Tag the applications "
            f"that use it {experiment.tag!r}."
        )
    return redirect(f"/applications/{app_id}", notice, link=("/experiments", "Your experiments"))
