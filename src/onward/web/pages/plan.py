"""The learning plan: a few concrete things to work on, grouped by where they stand, with
buttons to start, finish or drop each; a form to add one; and adding the suggestions from an
application's reflection and feedback. Goals links here (it is not in the navigation)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from fastapi import APIRouter, Request
from fastapi.responses import Response

from onward.domain.playbook.learning_plan import MAX_EFFORT_HOURS, ItemKind, ItemStatus
from onward.domain.playbook.stored import StoredItem
from onward.errors import InvalidInput, NotFound
from onward.services.learning_plan import (
    PlanView,
    add_plan_item,
    move_plan_item,
    plan_view,
    suggest_plan_items,
)
from onward.services.runtime import Workspace
from onward.web.forms import Form
from onward.web.rendering import redirect
from onward.web.routing import Page, PostedForm, Ws, show_page

router = APIRouter()
PAGE = Page("plan/index.html", nav="goals", title="Learning plan")

KINDS = {
    ItemKind.COURSE: "A course",
    ItemKind.CERTIFICATION: "A certification",
    ItemKind.WORKSHOP: "A workshop",
    ItemKind.PRACTISE_INTERVIEW: "Practice (interviews, out loud)",
    ItemKind.UPDATE_RESUME: "Update your resume",
    ItemKind.UPDATE_COVER_LETTER: "Update your cover letter",
    ItemKind.TAILOR_APPLICATIONS: "Tailor your applications",
    ItemKind.UPDATE_LINKEDIN: "Update your LinkedIn profile",
    ItemKind.TALK_TO_SOMEONE: "Talk to someone (a mentor, coach or counsellor)",
}
#: The button actions, the status each moves an item to, and what the notice says.
MOVES = {
    "start": (ItemStatus.DOING, "Started"),
    "done": (ItemStatus.DONE, "Done"),
    "drop": (ItemStatus.DROPPED, "Dropped"),
    "again": (ItemStatus.TODO, "Back in your plan"),
}
#: The groups in the order the page shows them (done and dropped folded away).
GROUPS = (
    (ItemStatus.DOING, "In progress"),
    (ItemStatus.TODO, "Planned"),
    (ItemStatus.DONE, "Done"),
    (ItemStatus.DROPPED, "Dropped"),
)


@dataclass(frozen=True)
class PlanPage:
    view: PlanView
    form: Form
    groups: ClassVar[tuple[tuple[ItemStatus, str], ...]] = GROUPS
    kind_labels: ClassVar[dict[ItemKind, str]] = KINDS

    @property
    def kinds(self) -> tuple[tuple[str, str], ...]:
        return tuple((k.value, label) for k, label in KINDS.items())

    @property
    def applications(self) -> tuple[tuple[str, str], ...]:
        return tuple((str(i), name) for i, name in self.view.choices)

    def items(self, status: ItemStatus) -> list[StoredItem]:
        return [s for s in self.view.items if s.item.status == status]

    def hours_left(self) -> float:
        return sum(
            s.item.effort_hours or 0
            for s in self.view.items
            if s.item.status in (ItemStatus.TODO, ItemStatus.DOING)
        )


def _page(request: Request, ws: Workspace, form: Form | None = None, status: int = 200) -> Response:
    context = PlanPage(plan_view(ws.store, ws.owner), form or Form.empty(ws.clock.today()))
    return PAGE.render(request, context, status)


show_page(router, "/plan", _page)


@router.post("/plan", response_model=None)
def add_item(request: Request, form: PostedForm, ws: Ws) -> Response:
    kind = form.choice("kind", ItemKind)
    if kind is None:
        form.fail("kind", "choose what sort of step it is")
    focus = form.text("focus", required="say what the item is about, e.g. SQL window functions")
    hours = form.number("effort_hours", low=0, high=MAX_EFFORT_HOURS)
    if hours is not None and hours <= 0:
        form.fail("effort_hours", "write a number of hours above 0, or leave it empty")
    app_id = form.whole("application_id", low=1)
    if form.ok and kind is not None and focus is not None:
        try:
            stored = add_plan_item(
                ws.store,
                ws.owner,
                kind,
                focus,
                ws.clock,
                effort_hours=hours,
                application_id=app_id,
                because=form.text("because"),
            )
        except NotFound:  # the application was deleted since the page was shown
            form.fail("application_id", f"application #{app_id} is no longer there; choose "
                                        "another, or none")  # fmt: skip
        except InvalidInput as exc:
            form.fail_with(exc)
        else:
            return redirect(f"/plan#item-{stored.id}", f"Added to your plan: {stored.item.title}.")
    return _page(request, ws, form, 422)


@router.post("/plan/{item_id}/{action}", response_model=None)
def move_item(item_id: int, action: str, ws: Ws) -> Response:
    if action not in MOVES:
        raise NotFound(f"no plan action {action!r}", hint="start, done, drop or again")
    status, verb = MOVES[action]
    stored = move_plan_item(ws.store, ws.owner, item_id, status, ws.clock)
    notice = f"{verb}: {stored.item.title}."
    if status == ItemStatus.DONE:
        return redirect("/plan", f"{notice} Well done.", link=("/goals#log", "Log the hours"))
    return redirect(f"/plan#item-{stored.id}", notice)


@router.post("/applications/{app_id}/plan-suggestions", response_model=None)
def accept_suggestions(app_id: int, ws: Ws) -> Response:
    result = suggest_plan_items(ws.store, ws.owner, app_id, ws.clock, accept=True)
    if result.accepted:
        added = len(result.accepted)
        return redirect("/plan", f"Added {added} {'step' if added == 1 else 'steps'} to your plan.")
    if result.items:
        already = "Those suggestions are already in your plan."
        return redirect(f"/applications/{app_id}#reflection", already, link=("/plan", "See it"))
    return redirect(
        f"/applications/{app_id}#reflection",
        "Nothing to suggest from this one: suggestions come from stages rated 2 or less and "
        "from what feedback mentioned.",
    )
