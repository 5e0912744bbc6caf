"""Goals: weekly targets that count effort (applications and reflections from your records,
follow-ups, learning and networking logged by hand), the last weeks and the streak."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from onward.domain.playbook.goals import Metric, WeeklyGoals
from onward.domain.sharing import ProposedGoal
from onward.services.goals import LOGGABLE, GoalProgress, goal_progress, log_effort, set_goals
from onward.services.runtime import Workspace
from onward.services.sharing import open_proposals
from onward.services.wellbeing_check import lighter_goals, wellbeing_view
from onward.web.forms import Form
from onward.web.rendering import redirect
from onward.web.routing import Page, PostedForm, Ws, show_page

router = APIRouter()
PAGE = Page("goals/index.html", nav="goals", title="Goals")

WEEKS = 8
LABELS = {
    Metric.APPLICATIONS: "Applications sent",
    Metric.FOLLOW_UPS: "Follow-ups sent",
    Metric.REFLECTIONS: "Reflections written",
    Metric.LEARNING_HOURS: "Learning (hours)",
    Metric.NETWORKING: "Networking touches",
}
SHORT = {
    Metric.APPLICATIONS: "Sent",
    Metric.FOLLOW_UPS: "Follow-ups",
    Metric.REFLECTIONS: "Reflections",
    Metric.LEARNING_HOURS: "Learning (h)",
    Metric.NETWORKING: "Networking",
}
HOW = {
    Metric.APPLICATIONS: "counted from your applications",
    Metric.FOLLOW_UPS: "counted from drafts marked sent, plus what you log",
    Metric.REFLECTIONS: "counted from your reflections",
    Metric.LEARNING_HOURS: "what you log",
    Metric.NETWORKING: "what you log",
}
MAX_TARGET = 1000


@dataclass(frozen=True)
class GoalsPage:
    progress: GoalProgress
    goals_form: Form
    effort_form: Form
    #: A lighter week, suggested when the latest well-being check is low or falling.
    lighter: WeeklyGoals | None = None
    #: Weekly goals a coach proposed, waiting for an answer (docs/coaching.md).
    proposals: tuple[ProposedGoal, ...] = ()
    labels: ClassVar[dict[Metric, str]] = LABELS
    short: ClassVar[dict[Metric, str]] = SHORT
    how: ClassVar[dict[Metric, str]] = HOW
    metrics: ClassVar[tuple[Metric, ...]] = tuple(Metric)

    @property
    def loggable(self) -> tuple[tuple[str, str], ...]:
        return tuple((m.value, LABELS[m]) for m in LOGGABLE)


def _goal_values(progress: GoalProgress) -> dict[str, str]:
    return {m.value: f"{progress.goals.target(m):g}" for m in Metric}


def _page(
    request: Request,
    ws: Workspace,
    *,
    goals_form: Form | None = None,
    effort_form: Form | None = None,
    status: int = 200,
) -> HTMLResponse:
    today = ws.clock.today()
    progress = goal_progress(ws.store, ws.owner, ws.clock, weeks=WEEKS)
    lighter = None
    if ws.settings.wellbeing_check and wellbeing_view(ws.store, ws.owner, ws.clock).needs_care:
        lighter = lighter_goals(progress.goals)
    context = GoalsPage(
        progress,
        goals_form or Form.empty(today, **_goal_values(progress)),
        effort_form or Form.empty(today, on=today.isoformat(), amount="1"),
        lighter,
        tuple(open_proposals(ws.store, ws.owner)),
    )
    return PAGE.render(request, context, status)


show_page(router, "/goals", _page)


@router.post("/goals", response_model=None)
def save_goals(request: Request, form: PostedForm, ws: Ws) -> Response:
    changes: dict[Metric, float] = {}
    for metric in Metric:
        if not form[metric.value].strip():
            form.fail(metric.value, "write a number (0 stops tracking this one)")
            continue
        value = form.number(metric.value, low=0, high=MAX_TARGET)
        if value is not None:
            changes[metric] = value
    if form.ok:
        with form.service_errors():
            set_goals(ws.store, ws.owner, changes, ws.clock)
            return redirect("/goals", "Your weekly goals are set. Modest goals kept beat big ones.")
    return _page(request, ws, goals_form=form, status=422)


@router.post("/goals/effort", response_model=None)
def save_effort(request: Request, form: PostedForm, ws: Ws) -> Response:
    metric = form.choice("metric", Metric)
    if metric is None and "metric" not in form.errors:
        form.fail("metric", "choose what you did")
    if not form["amount"].strip():
        form.fail("amount", "write how much, for example 1 or 1.5")
    amount = form.number("amount", low=0.01, high=MAX_TARGET)
    on = form.day("on")
    if form.ok and metric is not None and amount is not None:
        with form.service_errors("metric"):
            log_effort(ws.store, ws.owner, metric, amount, ws.clock, on=on, note=form.text("note"))
            return redirect("/goals", f"Logged {amount:g} {LABELS[metric].lower()}. It counts.")
    return _page(request, ws, effort_form=form, status=422)
