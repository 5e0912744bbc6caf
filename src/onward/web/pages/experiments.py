"""Strategy experiments: the changes being tried, how applications with each fared against the
rest (with the minimum-data guard), tagging applications, and ending one with a decision.
Reached from Insights and from a reflection (it is not in the navigation)."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import Response

from onward.errors import Conflict, InvalidInput
from onward.services.experiments import (
    ExperimentResult,
    end_experiment,
    experiment_results,
    start_experiment,
    tag_applications,
)
from onward.services.learning_plan import plan_view
from onward.services.runtime import Workspace
from onward.web.forms import Form
from onward.web.rendering import redirect
from onward.web.routing import Page, PostedForm, Ws, show_page

router = APIRouter()
PAGE = Page("experiments/index.html", nav="insights", title="Experiments")


@dataclass(frozen=True)
class ExperimentsPage:
    results: list[ExperimentResult]
    form: Form
    choices: tuple[tuple[str, str], ...]


def _page(request: Request, ws: Workspace, form: Form | None = None, status: int = 200) -> Response:
    context = ExperimentsPage(
        experiment_results(ws.store, ws.owner),
        form or Form.empty(ws.clock.today()),
        tuple((str(i), name) for i, name in plan_view(ws.store, ws.owner, choices=30).choices),
    )
    return PAGE.render(request, context, status)


show_page(router, "/experiments", _page)


@router.post("/experiments", response_model=None)
def start(request: Request, form: PostedForm, ws: Ws) -> Response:
    try:
        experiment = start_experiment(ws.store, ws.owner, form["name"], ws.clock)
    except (InvalidInput, Conflict) as exc:
        form.fail_with(exc, "name")
        return _page(request, ws, form, 422)
    return redirect(
        f"/experiments#exp-{experiment.id}",
        f"Trying: {experiment.name}. Tag the applications that use it.",
    )


@router.post("/experiments/{exp_id}/applications", response_model=None)
def tag(request: Request, exp_id: int, form: PostedForm, ws: Ws) -> Response:
    try:
        marked = tag_applications(ws.store, ws.owner, exp_id, form.ids("application_ids"), ws.clock)
    except InvalidInput as exc:  # not someone else's id: that is a 404 like any other
        return redirect(f"/experiments#exp-{exp_id}", exc.message.capitalize() + ".")
    words = "application" if marked == 1 else "applications"
    return redirect(f"/experiments#exp-{exp_id}", f"Marked {marked} {words}.")


@router.post("/experiments/{exp_id}/end", response_model=None)
def end(exp_id: int, form: PostedForm, ws: Ws) -> Response:
    experiment = end_experiment(ws.store, ws.owner, exp_id, form["decision"], ws.clock)
    verb = "Keeping" if experiment.state == "kept" else "Dropped"
    return redirect("/experiments", f"{verb}: {experiment.name}. Trying things is how you learn.")
