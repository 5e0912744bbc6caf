"""Prepare for the setback: before an interview, the next three steps for if it is a no and
what the person will be proud of either way (docs/playbook.md). Reached from the application's
page and from Today when an interview is coming."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import Response

from onward.domain.playbook.setback import MAX_STEPS, Preparation
from onward.domain.records import Application
from onward.errors import Conflict, InvalidInput
from onward.services.applications import get_application
from onward.services.runtime import Workspace
from onward.services.setback import get_preparation, prepare_for_setback
from onward.web.forms import Form
from onward.web.rendering import redirect
from onward.web.routing import Page, PostedForm, Ws, show_page

router = APIRouter()
PAGE = Page("setback/prepare.html", nav="board")
STEP_FIELDS = tuple(f"step_{n}" for n in range(1, MAX_STEPS + 1))


@dataclass(frozen=True)
class PreparePage:
    app: Application
    prepared: Preparation | None
    form: Form
    step_fields: tuple[str, ...] = STEP_FIELDS


def _page(
    request: Request, ws: Workspace, app_id: int, form: Form | None = None, status: int = 200
) -> Response:
    app = get_application(ws.store, ws.owner, app_id)
    prepared = get_preparation(ws.store, ws.owner, app_id)
    if form is None:
        steps = prepared.steps if prepared else ()
        values = {name: step for name, step in zip(STEP_FIELDS, steps, strict=False)}
        form = Form.empty(
            ws.clock.today(), proud=prepared.proud or "" if prepared else "", **values
        )
    context = PreparePage(app, prepared, form)
    title = f"Prepare for a no: {app.company}"
    return PAGE.render(request, context, status, title=title)


show_page(router, "/applications/{app_id}/prepare", _page)


@router.post("/applications/{app_id}/prepare", response_model=None)
def save_prepare(request: Request, app_id: int, form: PostedForm, ws: Ws) -> Response:
    steps = [form[name] for name in STEP_FIELDS]
    try:
        prepare_for_setback(ws.store, ws.owner, app_id, steps, form.text("proud"), ws.clock)
    except (InvalidInput, Conflict) as exc:
        form.fail_with(exc, inputs={"steps": "step_1"})
        return _page(request, ws, app_id, form, 422)
    return redirect(
        f"/applications/{app_id}",
        "Saved. Whatever they decide, you know your next steps. Good luck.",
    )
