"""Tasks: every step due and coming up (Today shows the first few), and the applications
gone quiet, with a kind way to close them."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from onward.domain.playbook.ghosting import GhostSuggestion
from onward.errors import InvalidInput
from onward.services.ghosting import mark_ghosted, quietest
from onward.services.tasks import TaskItem, TaskList, TaskState, list_tasks
from onward.web.rendering import redirect
from onward.web.routing import Page, PostedForm, Ws

router = APIRouter()
TASKS = Page("tasks/index.html", nav="today", title="Tasks")
GHOSTING = Page("tasks/ghosting.html", nav="today", title="Gone quiet")


@dataclass(frozen=True)
class TasksPage:
    tasks: TaskList

    @property
    def now(self) -> list[TaskItem]:
        return [i for i in self.tasks.items if i.state in (TaskState.OVERDUE, TaskState.DUE)]

    @property
    def later(self) -> list[TaskItem]:
        return [i for i in self.tasks.items if i.state == TaskState.UPCOMING]


@dataclass(frozen=True)
class GhostingPage:
    quiet: tuple[GhostSuggestion, ...]


@router.get("/tasks", response_class=HTMLResponse)
def show_tasks(request: Request, ws: Ws) -> HTMLResponse:
    return TASKS.render(request, TasksPage(list_tasks(ws.store, ws.owner, ws.clock)))


@router.get("/ghosting", response_class=HTMLResponse)
def show_ghosting(request: Request, ws: Ws) -> HTMLResponse:
    quiet, _ = quietest(ws.store, ws.owner, ws.clock, rules=ws.ghosting)
    return GHOSTING.render(request, GhostingPage(quiet))


@router.post("/ghosting")
def close_quiet(form: PostedForm, ws: Ws) -> RedirectResponse:
    """Mark one application ghosted (``application``), or every one suggested."""
    one = form.whole("application", low=1)
    if not form.ok:
        raise InvalidInput("choose the application to close", field="application")
    closed = mark_ghosted(
        ws.store, ws.owner, ws.clock, ids=(one,) if one else (), rules=ws.ghosting
    )
    if not closed:
        return redirect("/ghosting", "Nothing is quiet enough to close.")
    names = ", ".join(c.application.company for c in closed[:3])
    more = f" and {len(closed) - 3} more" if len(closed) > 3 else ""
    return redirect(
        "/ghosting",
        f"Closed kindly: {names}{more}. A follow-up stays on your tasks, in case they answer.",
        link=("/tasks", "See your tasks"),
    )
