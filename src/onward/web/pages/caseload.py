"""The coach's caseload: the people who share with them (active shares only) with plain health
flags, the cohort view and its report, and one person's shared page with the coach's notes
and proposed goals. A person who does not share with this coach is a 404 that says nothing
more (``onward.services.sharing.read_shared``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from onward.domain.caseload import EFFORT_WEEKS, QUIET_DAYS
from onward.domain.playbook.goals import Metric
from onward.domain.sharing import Scope
from onward.errors import InvalidInput, NotFound
from onward.services.caseload import (
    CaseloadPerson,
    PersonView,
    add_coach_note,
    caseload,
    person_view,
    propose_goal,
)
from onward.services.cohort import CohortView, cohort_view
from onward.services.runtime import Workspace
from onward.web.forms import Form
from onward.web.rendering import redirect, render
from onward.web.routing import PostedForm, Ws

router = APIRouter()


@dataclass(frozen=True)
class CaseloadPage:
    people: tuple[CaseloadPerson, ...]
    quiet_days: ClassVar[int] = QUIET_DAYS


@dataclass(frozen=True)
class CohortPage:
    view: CohortView
    effort_weeks: ClassVar[int] = EFFORT_WEEKS


@dataclass(frozen=True)
class PersonPage:
    view: PersonView
    note_form: Form
    goal_form: Form
    scopes: ClassVar[tuple[Scope, ...]] = tuple(Scope)
    metrics: ClassVar[tuple[tuple[str, str], ...]] = tuple(
        (m.value, m.value.replace("_", " ").capitalize()) for m in Metric
    )

    @property
    def shares_goals(self) -> bool:
        return Scope.GOALS in self.view.person.share.scopes


@router.get("/caseload", response_class=HTMLResponse)
def show_caseload(request: Request, ws: Ws) -> Response:
    people = tuple(caseload(ws.store, ws.owner, ws.clock))
    return render(request, "caseload/index.html", CaseloadPage(people), title="Caseload")


@router.get("/caseload/cohort", response_class=HTMLResponse)
def show_cohort(request: Request, ws: Ws) -> Response:
    view = cohort_view(ws.store, ws.owner, ws.clock)
    return render(request, "caseload/cohort.html", CohortPage(view), title="Cohort")


def _person_page(
    request: Request,
    ws: Workspace,
    person_id: int,
    *,
    note: Form | None = None,
    goal: Form | None = None,
    status: int = 200,
) -> Response:
    view = person_view(ws.store, ws.owner, person_id, ws.clock)
    today = ws.clock.today()
    page = PersonPage(view, note or Form.empty(today), goal or Form.empty(today))
    return render(request, "caseload/person.html", page, title=view.person.name, status=status)


@router.get("/caseload/{person_id}", response_class=HTMLResponse)
def show_person(person_id: int, request: Request, ws: Ws) -> Response:
    return _person_page(request, ws, person_id)


@router.post("/caseload/{person_id}/notes", response_model=None)
def add_note(
    person_id: int,
    request: Request,
    form: PostedForm,
    ws: Ws,
) -> Response:
    text = form.text("text", required="write the note first")
    if form.ok:
        assert text is not None
        with form.service_errors("text"):
            add_coach_note(ws.store, ws.owner, person_id, text, ws.clock, shown=form.flag("shown"))
            return redirect(f"/caseload/{person_id}#notes", "Note kept.")
    return _person_page(request, ws, person_id, note=form, status=422)


@router.post("/caseload/{person_id}/goals", response_model=None)
def suggest_goal(
    person_id: int,
    request: Request,
    form: PostedForm,
    ws: Ws,
) -> Response:
    target = form.number("target")
    if target is None and "target" not in form.errors:
        form.fail("target", "say how many a week")
    if form.ok:
        assert target is not None
        try:
            propose_goal(
                ws.store, ws.owner, person_id, form["metric"], target, ws.clock, why=form["why"]
            )
        except (InvalidInput, NotFound) as exc:
            if isinstance(exc, NotFound):
                raise
            form.fail_with(exc, "target")
        else:
            return redirect(f"/caseload/{person_id}#goals", "Goal suggested; they decide.")
    return _person_page(request, ws, person_id, goal=form, status=422)
