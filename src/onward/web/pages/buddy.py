"""A buddy: your week next to your buddies' latest; your card, their cards, and the signed
weekly summaries you swap as files. Reached from Goals (not in the navigation)."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import Response

from onward.errors import Conflict, InvalidInput, NotFound
from onward.services.buddy import (
    BuddyView,
    add_buddy,
    buddy_view,
    import_summary,
    make_card,
    weekly_summary,
)
from onward.services.runtime import Workspace
from onward.web.forms import Form, read_upload
from onward.web.rendering import attachment, redirect
from onward.web.routing import Page, PostedForm, Ws, show_page

router = APIRouter()
PAGE = Page("buddy/index.html", nav="goals", title="Buddy")


@dataclass(frozen=True)
class BuddyPage:
    view: BuddyView
    card_form: Form
    send_form: Form
    file_form: Form


def _page(
    request: Request,
    ws: Workspace,
    *,
    card_form: Form | None = None,
    send_form: Form | None = None,
    file_form: Form | None = None,
    status: int = 200,
) -> Response:
    today = ws.clock.today()
    context = BuddyPage(
        buddy_view(ws.store, ws.owner, ws.clock),
        card_form or Form.empty(today),
        send_form or Form.empty(today),
        file_form or Form.empty(today),
    )
    return PAGE.render(request, context, status)


show_page(router, "/buddy", _page)


@router.post("/buddy/card", response_model=None)
def card(request: Request, form: PostedForm, ws: Ws) -> Response:
    try:
        text = make_card(ws.store, ws.owner, form["name"], form["passphrase"], ws.clock)
    except InvalidInput as exc:
        form.fail_with(exc, "name")
        form.values.pop("passphrase", None)
        return _page(request, ws, card_form=form, status=422)
    return attachment(text, "my.buddy-card.json", "application/json")


@router.post("/buddy/send", response_model=None)
def send(request: Request, form: PostedForm, ws: Ws) -> Response:
    try:
        text = weekly_summary(
            ws.store, ws.owner, form["passphrase"], ws.clock, rejections=form.flag("rejections")
        )
    except InvalidInput as exc:
        form.fail_with(exc, "passphrase")
        form.values.pop("passphrase", None)
        return _page(request, ws, send_form=form, status=422)
    return attachment(text, f"week-{ws.clock.today():%Y-%m-%d}.buddy.json", "application/json")


@router.post("/buddy/files", response_model=None)
async def receive(request: Request, ws: Ws) -> Response:
    upload = await read_upload(request)
    form = Form.empty(ws.clock.today())
    if upload is None:
        form.fail("file", "choose your buddy's card or weekly summary")
        return _page(request, ws, file_form=form, status=422)
    try:
        text = upload.data.decode("utf-8")
        if '"onward-buddy-card"' in text:
            notice = f"{add_buddy(ws.store, ws.owner, text, ws.clock)} is your buddy now."
        else:
            week = import_summary(ws.store, ws.owner, text, ws.clock)
            notice = f"{week.name}'s week is in."
    except UnicodeDecodeError:
        form.fail("file", "this file is not text: choose the .json your buddy sent")
    except (InvalidInput, NotFound, Conflict) as exc:
        form.fail_with(exc, "file")
    else:
        return redirect("/buddy", notice)
    return _page(request, ws, file_form=form, status=422)
