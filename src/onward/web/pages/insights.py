"""Insights: patterns across the search (the funnel, timing, reasons, themes, effort, mood)
with plotly charts drawn by our own script from figure JSON in data attributes, and plotly.js
served from the installed Python package. While a dwell window is open the numbers wait."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Depends, Request
from fastapi.responses import FileResponse, HTMLResponse

from onward.errors import NotFound
from onward.services.insights_page import (
    InsightsView,
    in_dwell,
    insights_view,
    plotly_script,
    plotly_style_ids,
)
from onward.services.runtime import Workspace
from onward.web.deps import workspace
from onward.web.rendering import render

router = APIRouter()


@dataclass(frozen=True)
class InsightsPage:
    view: InsightsView | None
    dwelling: bool
    plotly_url: str
    #: Placeholders that keep plotly.js from adding inline styles (see insights_page).
    style_ids: tuple[str, ...] = ()


def plotly_url() -> str:
    return f"/vendor/plotly-{plotly_script()[1]}.min.js"


@router.get("/insights", response_class=HTMLResponse)
def show_insights(
    request: Request, anyway: bool = False, ws: Workspace = Depends(workspace)
) -> HTMLResponse:
    dwelling = in_dwell(ws.store, ws.owner, ws.clock)
    view = None if dwelling and not anyway else insights_view(ws.store, ws.owner, ws.clock)
    context = InsightsPage(view, dwelling, plotly_url(), plotly_style_ids() if view else ())
    return render(request, "insights/index.html", context, nav="insights", title="Insights")


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
