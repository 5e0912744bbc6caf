"""Today: the agenda (what is due, drafts to send, goals, wins), kindness first while a
dwell window is open, and marking a task done, skipped or snoozed."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from onward.domain.playbook.ghosting import GhostSuggestion
from onward.domain.playbook.if_then import IfThenPlan, when_words
from onward.errors import InvalidInput
from onward.formats import formats
from onward.services.mail_summaries import dismiss_mail_summary
from onward.services.tasks import complete_task, skip_task, snooze_task, snooze_until
from onward.services.today import Today, today
from onward.services.welcome import clear_demo, demo_contents, has_demo, is_empty, load_demo
from onward.web.rendering import redirect
from onward.web.routing import Page, PostedForm, Ws

router = APIRouter()
INDEX_PAGE = Page("today/index.html", nav="today", title="Today")
CLEAR_DEMO_PAGE = Page("today/clear_demo.html", nav="today", title="Remove the demo data?")

METRIC_LABELS = {
    "applications": "Applications",
    "follow_ups": "Follow-ups sent",
    "reflections": "Reflections",
    "learning_hours": "Learning (hours)",
    "networking": "Networking touches",
}


@dataclass(frozen=True)
class TodayPage:
    agenda: Today
    metric_labels: dict[str, str]
    #: Nothing tracked yet: offer demo data and the first application.
    empty: bool = False
    demo: bool = False

    @property
    def quiet(self) -> tuple[GhostSuggestion, ...]:
        """The quietest few; Today is not the place for a long list."""
        return self.agenda.ghosting

    @property
    def more_quiet(self) -> int:
        return self.agenda.more_quiet

    def plan_sentence(self, plan: IfThenPlan) -> str:
        return plan.sentence(when_words(plan.fields.starts_at, self.agenda.now))


@router.get("/", response_class=HTMLResponse)
def show_today(request: Request, ws: Ws) -> HTMLResponse:
    rules = ws.ghosting
    places = ws.settings.support_places if ws.settings.wellbeing_check else None
    agenda = today(ws.store, ws.owner, ws.clock, ghosting=rules, wellbeing_places=places)
    # mail imported and waiting for review is a start: no welcome then
    empty = agenda.mail_summary is None and is_empty(ws.store, ws.owner)
    context = TodayPage(agenda, METRIC_LABELS, empty, not empty and has_demo(ws.store, ws.owner))
    return INDEX_PAGE.render(request, context)


@router.post("/tasks/{task_id}/done")
def finish_task(task_id: int, form: PostedForm, ws: Ws) -> RedirectResponse:
    item = complete_task(ws.store, ws.owner, task_id, ws.clock)
    return redirect(form["next"] or "/", f"Done: {item.stored.task.title}. Well done.")


@router.post("/tasks/{task_id}/skip")
def pass_task(task_id: int, form: PostedForm, ws: Ws) -> RedirectResponse:
    item = skip_task(ws.store, ws.owner, task_id, ws.clock)
    return redirect(form["next"] or "/", f"Skipped: {item.stored.task.title}. That is allowed.")


@router.post("/tasks/{task_id}/snooze")
def snooze(task_id: int, form: PostedForm, ws: Ws) -> RedirectResponse:
    until = form.text("until")
    if until is None:
        raise InvalidInput("say until when to put it away", hint="tomorrow, next week or a date")
    now = ws.clock.now()
    item = snooze_task(ws.store, ws.owner, task_id, snooze_until(until, None, now), ws.clock)
    back = item.stored.task.snoozed_until
    assert back is not None
    return redirect(
        form["next"] or "/",
        f"Put away until {formats().day_short(back)}: {item.stored.task.title}. "
        "It comes back on its own.",
    )


@router.post("/mail-summaries/{summary_id}/dismiss")
def dismiss_card(summary_id: int, ws: Ws) -> RedirectResponse:
    dismiss_mail_summary(ws.store, ws.owner, summary_id, ws.clock)
    return redirect("/", "Put away. Your history stays on the board and in insights.")


@router.post("/welcome/demo")
def add_demo(ws: Ws) -> RedirectResponse:
    count = load_demo(ws.store, ws.owner, ws.clock)
    return redirect(
        "/board", f"Loaded a demo job search with {count} applications. Look around freely."
    )


@router.get("/welcome/clear-demo", response_class=HTMLResponse)
def confirm_remove_demo(request: Request, ws: Ws) -> HTMLResponse:
    """Ask first: what removing the demo takes away, and what stays."""
    contents = demo_contents(ws.store, ws.owner)
    return CLEAR_DEMO_PAGE.render(request, contents)


@router.post("/welcome/clear-demo")
def remove_demo(ws: Ws) -> RedirectResponse:
    removed = clear_demo(ws.store, ws.owner)
    return redirect(
        "/", f"Removed the demo data ({removed.applications} applications). Over to you."
    )
