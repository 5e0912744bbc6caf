"""Sharing with a coach (the job seeker's side): share some scopes with a coach until a day,
see every share and revoke one at once, read who looked at what (the access log), the notes a
coach chose to show, and answer the goals a coach proposed. Linked from Settings and Goals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import ClassVar

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from onward.domain.sharing import DEFAULT_SCOPES, NEVER_SHARED, Scope, Share
from onward.formats import formats
from onward.services.caseload import READ_WORDS
from onward.services.runtime import Workspace
from onward.services.sharing import (
    SharingView,
    answer_proposed_goal,
    revoke_share,
    share_with_coach,
    sharing_view,
)
from onward.web.deps import workspace
from onward.web.forms import Form, read_form
from onward.web.rendering import redirect, render

router = APIRouter()
#: A new share lasts this long unless the person picks another day.
DEFAULT_DAYS = 90


@dataclass(frozen=True)
class SharingPage:
    view: SharingView
    form: Form
    scopes: ClassVar[tuple[Scope, ...]] = tuple(Scope)
    never_shared: ClassVar[str] = NEVER_SHARED
    read_words: ClassVar[dict[Scope, str]] = READ_WORDS

    def checked(self, scope: Scope) -> bool:
        chosen = self.form.lists.get("scopes")
        if chosen is None:
            return scope in DEFAULT_SCOPES
        return scope.value in chosen

    def status(self, share: Share) -> str:
        return share.status(self.view.today).value

    @property
    def active(self) -> tuple[Share, ...]:
        return tuple(s for s in self.view.shares if s.active(self.view.today))

    @property
    def ended(self) -> tuple[Share, ...]:
        return tuple(s for s in self.view.shares if not s.active(self.view.today))


def _page(request: Request, ws: Workspace, form: Form | None = None, status: int = 200) -> Response:
    today = ws.clock.today()
    default = (today + timedelta(days=DEFAULT_DAYS)).isoformat()
    context = SharingPage(
        sharing_view(ws.store, ws.owner, ws.clock), form or Form.empty(today, expires_on=default)
    )
    return render(
        request, "sharing/index.html", context, nav="settings", title="Sharing", status=status
    )


@router.get("/sharing", response_class=HTMLResponse)
def show_sharing(request: Request, ws: Workspace = Depends(workspace)) -> Response:
    return _page(request, ws)


@router.post("/sharing", response_model=None)
def make_share(
    request: Request, form: Form = Depends(read_form), ws: Workspace = Depends(workspace)
) -> Response:
    coach = form.text("coach", required="give your coach's email")
    expires_on = form.day("expires_on")
    if expires_on is None and "expires_on" not in form.errors:
        form.fail("expires_on", "pick the last day your coach may look")
    if form.ok:
        assert coach is not None and isinstance(expires_on, date)
        with form.service_errors("coach"):
            made = share_with_coach(
                ws.store, ws.owner, coach, form.lists.get("scopes", []), expires_on, ws.clock
            )
            until = formats().day(made.expires_on)
            return redirect("/sharing#shares", f"Shared with {made.coach} until {until}.")
    return _page(request, ws, form, 422)


@router.post("/sharing/{share_id}/revoke", response_model=None)
def revoke(share_id: int, ws: Workspace = Depends(workspace)) -> Response:
    gone = revoke_share(ws.store, ws.owner, share_id, ws.clock)
    return redirect("/sharing#shares", f"{gone.coach} can no longer see anything of yours.")


@router.post("/sharing/proposals/{proposed_goal_id}", response_model=None)
def answer(
    proposed_goal_id: int, form: Form = Depends(read_form), ws: Workspace = Depends(workspace)
) -> Response:
    accept = form["answer"] == "accept"
    done = answer_proposed_goal(ws.store, ws.owner, proposed_goal_id, accept, ws.clock)
    words = "is now your weekly goal" if accept else "was declined"
    back = "/goals" if form["next"] == "/goals" else "/sharing#proposals"
    return redirect(back, f"{done.target:g} {done.metric.replace('_', ' ')} a week {words}.")
