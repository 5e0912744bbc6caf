"""Settings: the settings in effect (never a secret), how to change each one, and where your
data lives. Settings come from ``ONWARD_*`` environment variables, read when Onward starts;
what is yours to change from here (weekly goals) links to its own page."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from onward.domain.playbook.goals import WeeklyGoals
from onward.services.about import AboutData, about
from onward.services.momentum import get_goals
from onward.services.runtime import Workspace
from onward.web.deps import workspace
from onward.web.rendering import render

router = APIRouter()


@dataclass(frozen=True)
class SettingsPage:
    about: AboutData
    goals: WeeklyGoals
    drafting_ready: bool


@router.get("/settings", response_class=HTMLResponse)
def show_settings(request: Request, ws: Workspace = Depends(workspace)) -> HTMLResponse:
    context = SettingsPage(
        about(ws.settings), get_goals(ws.store, ws.owner), bool(ws.settings.sender_name)
    )
    return render(request, "settings/index.html", context, nav="settings", title="Settings")
