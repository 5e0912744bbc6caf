"""Settings: what is yours to change (name, email, dwell default, ghosting and review
thresholds, check-ins), saved for you in the database and in effect at once; where your data
lives; and every setting in effect. An ``ONWARD_*`` environment variable wins over what is
saved here, and the page says so beside the setting it fixes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from onward.domain.playbook.goals import WeeklyGoals
from onward.errors import InvalidInput
from onward.services.goals import get_goals
from onward.services.runtime import Workspace
from onward.services.settings import (
    EffectiveSettings,
    SettingValue,
    change_settings,
    check_setting,
    read_settings,
)
from onward.web.contexts.settings import AboutData, about_data
from onward.web.deps import base_workspace
from onward.web.forms import Form
from onward.web.rendering import redirect
from onward.web.routing import Page, PostedForm

router = APIRouter()
PAGE = Page("settings/index.html", nav="settings", title="Settings")


#: How each weekly goal reads in a sentence: (field, one, many).
GOAL_WORDS = (
    ("applications", "application", "applications"),
    ("follow_ups", "follow-up", "follow-ups"),
    ("reflections", "reflection", "reflections"),
    ("learning_hours", "hour of learning", "hours of learning"),
    ("networking", "networking touch", "networking touches"),
)
#: The page's groups: (group, heading, what it is about).
GROUPS = (
    ("you", "You", "Drafted messages are signed with your name and sent from your address."),
    ("pace", "Pace", "How long Onward keeps the next steps away after a rejection."),
    ("mail", "Mail", "When a quiet application counts as ghosted, and reading your mail."),
    (
        "reminders",
        "Reminders",
        "How Onward reminds you of what is due: check-ins with contacts, notifications in "
        "your browser and an email digest. Nothing reaches you during the time to feel a "
        "rejection or in your quiet hours.",
    ),
)
#: Input attributes per setting (the browser's hints; the service checks every value).
INPUTS: dict[str, dict[str, str]] = {
    "sender_email": {"type": "email", "autocomplete": "email"},
    "sender_name": {"autocomplete": "name"},
    "sender_signature": {"type": "textarea", "rows": "3"},
    "time_zone": {"placeholder": "this computer's, or e.g. Europe/Paris", "spellcheck": "false"},
    "ghost_after_days": {"type": "number", "min": "1", "step": "1"},
    "ghost_after_interview_days": {"type": "number", "min": "1", "step": "1"},
    "checkin_months": {"type": "number", "min": "1", "step": "1"},
    "locale": {"placeholder": "e.g. en_GB, en_US, fr_FR", "spellcheck": "false"},
    "quiet_hours": {"placeholder": "21:00-08:00, or off", "spellcheck": "false"},
    "digest_time": {"type": "time"},
    "review_auto_threshold": {"type": "number", "min": "0.01", "max": "1", "step": "0.01"},
}


#: Settings chosen from a short list: (value, words) each, shown as a select.
CHOICES: dict[str, tuple[tuple[str, str], ...]] = {
    "digest": (("daily", "Daily"), ("weekly", "Weekly, on Mondays"), ("off", "Off")),
}


def form_text(value: Any) -> str:
    """A setting's value as an input shows it."""
    if isinstance(value, bool):
        return "on" if value else ""
    return "" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


@dataclass(frozen=True)
class SettingsPage:
    about: AboutData
    goals: WeeklyGoals
    effective: EffectiveSettings
    form: Form
    groups: ClassVar[tuple[tuple[str, str, str], ...]] = GROUPS
    inputs: ClassVar[dict[str, dict[str, str]]] = INPUTS
    choices: ClassVar[dict[str, tuple[tuple[str, str], ...]]] = CHOICES

    @property
    def drafting_ready(self) -> bool:
        return bool(self.effective.settings.sender_name)

    def in_group(self, group: str) -> list[SettingValue]:
        return [v for v in self.effective.values if v.group == group]

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


def _page(request: Request, ws: Workspace, form: Form | None = None, status: int = 200) -> Response:
    effective = read_settings(ws.store, ws.owner, ws.settings)
    if form is None:
        values = {v.name: form_text(v.value) for v in effective.values}
        form = Form.empty(ws.clock.today(), **values)
    context = SettingsPage(
        about_data(effective.settings), get_goals(ws.store, ws.owner), effective, form
    )
    return PAGE.render(request, context, status)


@router.get("/settings", response_class=HTMLResponse)
def show_settings(request: Request, ws: Workspace = Depends(base_workspace)) -> Response:
    return _page(request, ws)


@router.post("/settings", response_model=None)
def save_settings(
    request: Request, form: PostedForm, ws: Workspace = Depends(base_workspace)
) -> Response:
    effective = read_settings(ws.store, ws.owner, ws.settings)
    changes: dict[str, Any] = {}
    for v in effective.values:
        if not v.overridden:
            changes[v.name] = form.flag(v.name) if isinstance(v.value, bool) else form[v.name]
            try:
                check_setting(v.name, changes[v.name])
            except InvalidInput as exc:
                form.fail(v.name, exc.message)
    if form.ok:
        try:
            change_settings(ws.store, ws.owner, changes, ws.clock)
        except InvalidInput as exc:
            form.fail(exc.field or "", exc.message)
        else:
            return redirect("/settings", "Saved. Your settings are in effect now.")
    return _page(request, ws, form, status=422)
