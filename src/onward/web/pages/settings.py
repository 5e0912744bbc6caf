"""Settings: the settings in effect (never a secret), how to change each one, and where your
data lives. Settings come from ``ONWARD_*`` environment variables, read when Onward starts;
what is yours to change from here (weekly goals) links to its own page."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from onward.domain.playbook.goals import WeeklyGoals
from onward.services.momentum import get_goals
from onward.services.runtime import Workspace
from onward.web.contexts.settings import AboutData, about_data
from onward.web.deps import workspace
from onward.web.rendering import render

router = APIRouter()


#: How each weekly goal reads in a sentence: (field, one, many).
GOAL_WORDS = (
    ("applications", "application", "applications"),
    ("follow_ups", "follow-up", "follow-ups"),
    ("reflections", "reflection", "reflections"),
    ("learning_hours", "hour of learning", "hours of learning"),
    ("networking", "networking touch", "networking touches"),
)


@dataclass(frozen=True)
class SettingsPage:
    about: AboutData
    goals: WeeklyGoals
    drafting_ready: bool

    @property
    def goal_words(self) -> str:
        """ "5 applications, 2 follow-ups and 1 reflection" (goals set to 0 are left out)."""
        parts = []
        for name, one, many in GOAL_WORDS:
            target = getattr(self.goals, name)
            if target:
                parts.append(f"{target:g} {one if target == 1 else many}")
        if len(parts) < 2:
            return "".join(parts)
        return ", ".join(parts[:-1]) + f" and {parts[-1]}"


@router.get("/settings", response_class=HTMLResponse)
def show_settings(request: Request, ws: Workspace = Depends(workspace)) -> HTMLResponse:
    context = SettingsPage(
        about_data(ws.settings), get_goals(ws.store, ws.owner), bool(ws.settings.sender_name)
    )
    return render(request, "settings/index.html", context, nav="settings", title="Settings")
