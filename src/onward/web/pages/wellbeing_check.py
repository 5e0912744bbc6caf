"""The weekly well-being check (WHO-5): five statements about the last two weeks, the scores
so far, and the care a low or falling score calls for. Private by design. Reached from Today
and the Journal (it is not in the navigation)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from fastapi import APIRouter, Request
from fastapi.responses import Response

from onward.domain.playbook.wellbeing_check import ANSWERS, NOT_A_DIAGNOSIS, STATEMENTS
from onward.services.runtime import Workspace
from onward.services.wellbeing_check import WellbeingView, check_wellbeing, wellbeing_view
from onward.web.forms import Form
from onward.web.rendering import redirect
from onward.web.routing import Page, PostedForm, Ws, show_page

router = APIRouter()
PAGE = Page("wellbeing_check/index.html", nav="journal", title="Well-being")
QUESTIONS = tuple(f"q{n}" for n in range(1, len(STATEMENTS) + 1))
STATEMENT_FIELDS = tuple(zip(QUESTIONS, STATEMENTS, strict=True))


@dataclass(frozen=True)
class WellbeingPage:
    view: WellbeingView
    form: Form
    statements: ClassVar[tuple[tuple[str, str], ...]] = tuple(
        zip(QUESTIONS, STATEMENTS, strict=True)
    )
    answers: ClassVar[tuple[tuple[int, str], ...]] = ANSWERS
    not_a_diagnosis: ClassVar[str] = NOT_A_DIAGNOSIS


def _page(request: Request, ws: Workspace, form: Form | None = None, status: int = 200) -> Response:
    view = wellbeing_view(ws.store, ws.owner, ws.clock, places=ws.settings.support_places)
    context = WellbeingPage(view, form or Form.empty(ws.clock.today()))
    return PAGE.render(request, context, status)


show_page(router, "/wellbeing", _page)


@router.post("/wellbeing", response_model=None)
def take_check(request: Request, form: PostedForm, ws: Ws) -> Response:
    answers = [form.whole(name, low=0, high=5) for name in QUESTIONS]
    for name, answer in zip(QUESTIONS, answers, strict=True):
        if answer is None and name not in form.errors:
            form.fail(name, "choose how often, from all of the time to at no time")
    if form.ok:
        with form.service_errors("q1"):
            view = check_wellbeing(
                ws.store,
                ws.owner,
                [a for a in answers if a is not None],
                ws.clock,
                places=ws.settings.support_places,
            )
            return redirect("/wellbeing#result", f"Thank you. {view.words}")
    return _page(request, ws, form, 422)
