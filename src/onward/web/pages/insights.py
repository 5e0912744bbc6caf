"""Insights: patterns across the search (the funnel, timing, reasons, themes, effort, mood)
with plotly charts drawn by our own script from figure JSON in data attributes, and plotly.js
served from the installed Python package. While a dwell window is open the numbers wait."""

from __future__ import annotations

from dataclasses import replace

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

from onward.errors import NotFound
from onward.services.experiments import experiment_results
from onward.services.insights import read_insights
from onward.services.skills import DEFAULT_TOP, PlannedGaps, plan_skill_gaps, planned_skills
from onward.web.contexts.insights import insights_page, plotly_script
from onward.web.rendering import redirect
from onward.web.routing import Page, PostedForm, Ws

router = APIRouter()
PAGE = Page("insights/index.html", nav="insights", title="Insights")
#: After adding skills to the plan, the notice links to it.
PLAN_LINK = ("/plan", "See your learning plan")


@router.get("/insights", response_class=HTMLResponse)
def show_insights(request: Request, ws: Ws, anyway: bool = False) -> HTMLResponse:
    reading = read_insights(ws.store, ws.owner, ws.clock, anyway=anyway, ghosting=ws.ghosting)
    gaps = reading.insights.skill_gaps if reading.insights else None
    planned = planned_skills(ws.store, ws.owner) if gaps and gaps.gaps else frozenset()
    context = insights_page(reading, planned, anyway=anyway)
    if context.view is not None:
        tried = tuple(experiment_results(ws.store, ws.owner))
        context = replace(context, experiments=tried)
    return PAGE.render(request, context)


def planned_notice(done: PlannedGaps) -> str:
    """What pressing "Add the top N to my learning plan" did, in a sentence or two."""
    added = ", ".join(s.item.focus for s in done.added)
    already = ", ".join(g.skill.name for g in done.already_planned)
    if added:
        more = f" Already there: {already}." if already else ""
        return f"Added to your learning plan: {added}.{more}"
    if already:
        verb = "is" if len(done.already_planned) == 1 else "are"
        return f"Nothing new to add: {already} {verb} already in your learning plan."
    return "There are no skill gaps to add to your learning plan yet."


@router.post("/insights/plan-skills", response_model=None)
def plan_skills(form: PostedForm, ws: Ws) -> Response:
    top = form.whole("top", low=1, high=50) or DEFAULT_TOP
    try:
        done = plan_skill_gaps(ws.store, ws.owner, ws.clock, top=top)
    except NotFound:  # no resume saved (it was deleted since the page was shown)
        return redirect("/resume", "Add your resume first: the gaps are what it does not mention.")
    back = "/insights?anyway=1" if form.flag("anyway") else "/insights"
    return redirect(back + "#skill-gaps", planned_notice(done), link=PLAN_LINK)


@router.get("/vendor/plotly-{version}.min.js")
def plotly_js(version: str) -> FileResponse:
    path, installed = plotly_script()
    if version != installed:
        raise NotFound(f"no plotly.js {version} here", hint=f"this Onward has {installed}")
    return FileResponse(
        path,
        media_type="text/javascript; charset=utf-8",
        headers={"cache-control": "public, max-age=31536000, immutable"},
    )
