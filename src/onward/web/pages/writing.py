"""Private writing: today's prompt, up to 20 minutes (a gentle timer, static JS), the sessions
so far by date, reading them again (with the passphrase when locked) and locking them. Never
analysed or shared. Reached from Today and the Journal (it is not in the navigation)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from fastapi import APIRouter, Request
from fastapi.responses import Response

from onward.errors import Conflict, InvalidInput
from onward.services.runtime import Workspace
from onward.services.writing import WritingView, lock_writing, write_session, writing_view
from onward.web.forms import Form
from onward.web.rendering import redirect
from onward.web.routing import Page, PostedForm, Ws, show_page

router = APIRouter()
PAGE = Page("writing/index.html", nav="journal", title="Writing")


@dataclass(frozen=True)
class WritingPage:
    view: WritingView
    form: Form
    lock_form: Form
    open_form: Form
    started_at: str


def _page(
    request: Request,
    ws: Workspace,
    *,
    form: Form | None = None,
    lock_form: Form | None = None,
    open_form: Form | None = None,
    view: WritingView | None = None,
    status: int = 200,
) -> Response:
    today = ws.clock.today()
    context = WritingPage(
        view or writing_view(ws.store, ws.owner, ws.clock),
        form or Form.empty(today),
        lock_form or Form.empty(today),
        open_form or Form.empty(today),
        ws.clock.now().isoformat(),
    )
    return PAGE.render(request, context, status)


show_page(router, "/writing", _page)


@router.post("/writing", response_model=None)
def keep_writing(request: Request, form: PostedForm, ws: Ws) -> Response:
    try:
        started = datetime.fromisoformat(form["started_at"])
    except ValueError:
        started = ws.clock.now()
    try:
        session = write_session(
            ws.store,
            ws.owner,
            form["text"],
            started,
            ws.clock,
            passphrase=form["passphrase"] or None,
        )
    except InvalidInput as exc:
        form.fail_with(exc, "text")
        form.values.pop("passphrase", None)
        return _page(request, ws, form=form, status=422)
    return redirect("/writing", f"Kept, day {session.day} of 4. Thank you for giving it the time.")


@router.post("/writing/open", response_model=None)
def open_writing(request: Request, form: PostedForm, ws: Ws) -> Response:
    try:
        view = writing_view(ws.store, ws.owner, ws.clock, passphrase=form["passphrase"])
    except InvalidInput as exc:
        form.fail_with(exc, "passphrase")
        form.values.pop("passphrase", None)
        return _page(request, ws, open_form=form, status=422)
    return _page(request, ws, view=view)


@router.post("/writing/lock", response_model=None)
def lock(request: Request, form: PostedForm, ws: Ws) -> Response:
    passphrase, again = form["passphrase"], form["again"]
    if passphrase != again:
        form.fail("again", "the two passphrases differ")
    if form.ok:
        try:
            count = lock_writing(ws.store, ws.owner, passphrase, ws.clock)
        except (InvalidInput, Conflict) as exc:
            form.fail_with(exc, "passphrase")
        else:
            sessions = "session" if count == 1 else "sessions"
            return redirect(
                "/writing", f"Locked: {count} {sessions} sealed. Keep the passphrase safe."
            )
    form.values.pop("passphrase", None)
    form.values.pop("again", None)
    return _page(request, ws, lock_form=form, status=422)
