"""If-then plans: "When [day, time, place], I will [action] for [job or person]". The page lists
what is on now, what waits for a word, what is coming and what was kept; a form makes a plan.
Goals and Today link here (it is not in the navigation)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from fastapi import APIRouter, Request
from fastapi.responses import Response

from onward.domain.dates import parse_when
from onward.domain.playbook.goals import Metric
from onward.domain.playbook.if_then import IfThenFields, IfThenPlan, when_words
from onward.errors import InvalidInput, NotFound
from onward.services.if_then import (
    IfThenOverview,
    if_then_overview,
    keep_if_then_plan,
    make_if_then_plan,
    move_if_then_plan,
)
from onward.services.learning_plan import plan_view
from onward.services.runtime import Workspace
from onward.web.forms import Form
from onward.web.rendering import redirect
from onward.web.routing import Page, PostedForm, Ws, show_page

router = APIRouter()
PAGE = Page("if_then/index.html", nav="goals", title="If-then plans")

GOALS = {
    Metric.APPLICATIONS: "Applications",
    Metric.FOLLOW_UPS: "Follow-ups",
    Metric.REFLECTIONS: "Reflections",
    Metric.LEARNING_HOURS: "Learning",
    Metric.NETWORKING: "Networking",
}


@dataclass(frozen=True)
class IfThenPage:
    overview: IfThenOverview
    form: Form
    choices: tuple[tuple[str, str], ...]
    now: datetime
    goals: ClassVar[tuple[tuple[str, str], ...]] = tuple((m.value, w) for m, w in GOALS.items())

    def sentence(self, plan: IfThenPlan) -> str:
        return plan.sentence(when_words(plan.fields.starts_at, self.now))

    @property
    def earliest(self) -> str:
        """The ``min`` of the "when" input: now, in the person's time zone."""
        return f"{self.now:%Y-%m-%dT%H:%M}"


def _page(request: Request, ws: Workspace, form: Form | None = None, status: int = 200) -> Response:
    context = IfThenPage(
        if_then_overview(ws.store, ws.owner, ws.clock),
        form or Form.empty(ws.clock.today(), minutes="30"),
        tuple((str(i), name) for i, name in plan_view(ws.store, ws.owner, choices=50).choices),
        ws.clock.now(),
    )
    return PAGE.render(request, context, status)


show_page(router, "/if-then", _page)


@router.post("/if-then", response_model=None)
def make_plan(request: Request, form: PostedForm, ws: Ws) -> Response:
    action = form.text("action", required="say what you will do, e.g. send two applications")
    when = form.text("when", required="choose a day and a time")
    minutes = form.whole("minutes", low=5, high=480)
    metric = form.choice("metric", Metric)
    app_id = form.whole("application_id", low=1)
    if form.ok and action is not None and when is not None:
        try:
            fields = IfThenFields(
                starts_at=parse_when(when, ws.clock.now()),
                action=action,
                minutes=minutes or 30,
                place=form.text("place"),
                for_text=form.text("for_text"),
                application_id=app_id,
                metric=metric,
            )
            plan = make_if_then_plan(ws.store, ws.owner, fields, ws.clock)
        except (InvalidInput, NotFound) as exc:
            form.fail_with(exc, inputs={"starts_at": "when"})
        else:
            words = plan.sentence(when_words(plan.fields.starts_at, ws.clock.now()))
            return redirect(f"/if-then#plan-{plan.id}", f"Planned. {words}")
    return _page(request, ws, form, 422)


@router.post("/if-then/{plan_id}/kept", response_model=None)
def plan_kept(plan_id: int, ws: Ws) -> Response:
    keep_if_then_plan(ws.store, ws.owner, plan_id, ws.clock)
    return redirect("/if-then", "Kept. That counts towards this week.")


@router.post("/if-then/{plan_id}/missed", response_model=None)
def plan_missed(plan_id: int, ws: Ws) -> Response:
    keep_if_then_plan(ws.store, ws.owner, plan_id, ws.clock, kept=False)
    return redirect(
        f"/if-then#move-{plan_id}", "Noted. Plans slip; pick a new when and it counts the same."
    )


@router.post("/if-then/{plan_id}/move", response_model=None)
def plan_move(request: Request, plan_id: int, form: PostedForm, ws: Ws) -> Response:
    when = form.text("when", required="choose a new day and time")
    if when is not None:
        with form.service_errors("when", inputs={"starts_at": "when"}):
            plan = move_if_then_plan(
                ws.store, ws.owner, plan_id, parse_when(when, ws.clock.now()), ws.clock
            )
            words = plan.sentence(when_words(plan.fields.starts_at, ws.clock.now()))
            return redirect(f"/if-then#plan-{plan.id}", f"Moved. {words}")
    return _page(request, ws, form, 422)
