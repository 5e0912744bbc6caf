"""Drafts: the list, and one draft to edit with its quality checks (live as you type, through
/api/drafts/ID/check and static/drafts.js), copy, .eml download and mailto: link. Onward never
sends anything; the person marks a draft sent once they have sent it themselves."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Body, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from onward.domain.playbook.stored import DraftStatus
from onward.drafting import Finding
from onward.errors import InvalidInput
from onward.services.drafts import (
    DraftView,
    create_draft,
    discard_draft,
    draft_eml,
    draft_mailto,
    edit_draft,
    get_draft,
    mark_draft_sent,
    preview_draft_checks,
)
from onward.services.runtime import Workspace
from onward.services.settings import change_settings, check_setting
from onward.web.contexts.drafts import drafts_page
from onward.web.forms import Form
from onward.web.rendering import attachment, redirect
from onward.web.routing import Page, PostedForm, Ws

router = APIRouter()
NAME_PAGE = Page("drafts/name.html", nav="drafts", title="Your name")
SHOW_PAGE = Page("drafts/show.html", nav="drafts")
INDEX_PAGE = Page("drafts/index.html", nav="drafts", title="Drafts")


@dataclass(frozen=True)
class DraftPage:
    view: DraftView
    form: Form
    mailto: str
    timing: str | None
    can_eml: bool

    @property
    def editable(self) -> bool:
        return self.view.draft.status == DraftStatus.DRAFT


def findings_json(findings: tuple[Finding, ...]) -> list[dict[str, str]]:
    return [{"code": f.code, "severity": f.severity.value, "message": f.message} for f in findings]


#: What the draft form sends, carried through the question for your name.
DRAFT_FIELDS = ("kind", "highlight", "update", "feedback_point")


def ask_name(request: Request, ws: Workspace, form: Form, app_id: int) -> Response | None:
    """Without a name to sign with, ask for it on the way (a small form that posts the draft
    request again with ``sender_name``) and save it; None once it is saved."""
    if "sender_name" in form.values:
        try:
            name = check_setting("sender_name", form["sender_name"])
            if name is None:
                raise InvalidInput("write the name to sign your messages with", field="sender_name")
            change_settings(ws.store, ws.owner, {"sender_name": name}, ws.clock)
        except InvalidInput as exc:
            form.fail("sender_name", exc.message)
        else:
            return None
    context = NamePage(app_id, form, tuple((k, form[k]) for k in DRAFT_FIELDS if form[k]))
    status = 422 if form.errors else 200
    return NAME_PAGE.render(request, context, status)


@dataclass(frozen=True)
class NamePage:
    app_id: int
    form: Form
    carried: tuple[tuple[str, str], ...]


@router.get("/drafts", response_class=HTMLResponse)
def show_drafts(request: Request, ws: Ws) -> HTMLResponse:
    return INDEX_PAGE.render(request, drafts_page(ws))


@router.post("/applications/{app_id}/drafts", response_model=None)
def new_draft(request: Request, app_id: int, form: PostedForm, ws: Ws) -> Response:
    if not ws.settings.sender_name:
        asked = ask_name(request, ws, form, app_id)
        if asked is not None:
            return asked
        ws = ws.current()
    view = create_draft(
        ws.store,
        ws.owner,
        app_id,
        form["kind"],
        ws.clock,
        highlight=form.text("highlight"),
        update=form.text("update"),
        feedback_point=form.text("feedback_point"),
        templates_dir=ws.settings.templates_dir,
        sender_name=ws.settings.sender_name,
        signature=ws.settings.sender_signature,
    )
    return redirect(f"/drafts/{view.draft.id}", "Here is a first draft. Make it yours.")


def _draft_page(
    request: Request, ws: Workspace, view: DraftView, form: Form, status: int
) -> Response:
    timing = view.timing.describe(ws.clock.now()) if view.timing else None
    context = DraftPage(
        view,
        form,
        draft_mailto(ws.store, ws.owner, view.draft.id),
        timing,
        bool(ws.settings.sender_email),
    )
    return SHOW_PAGE.render(request, context, status, title=view.draft.subject)


@router.get("/drafts/{draft_id}", response_class=HTMLResponse)
def show_draft(request: Request, draft_id: int, ws: Ws) -> Response:
    view = get_draft(ws.store, ws.owner, draft_id, ws.clock)
    d = view.draft
    form = Form({"to": d.to or "", "subject": d.subject, "body": d.body}, ws.clock.today())
    return _draft_page(request, ws, view, form, 200)


@router.post("/drafts/{draft_id}", response_model=None)
def save_draft(request: Request, draft_id: int, form: PostedForm, ws: Ws) -> Response:
    try:
        edit_draft(
            ws.store,
            ws.owner,
            draft_id,
            ws.clock,
            subject=form["subject"],
            body=form["body"],
            to=form["to"],
        )
    except InvalidInput as exc:
        form.fail_with(exc)
        view = get_draft(ws.store, ws.owner, draft_id, ws.clock)
        return _draft_page(request, ws, view, form, 422)
    return redirect(f"/drafts/{draft_id}", "Saved the draft.")


@router.post("/api/drafts/{draft_id}/check")
def check_draft_text(draft_id: int, ws: Ws, payload: dict[str, Any] = Body(...)) -> JSONResponse:
    """The quality findings of text being edited; nothing is saved."""
    texts = {k: payload.get(k) for k in ("subject", "body", "to")}
    if not all(isinstance(v, str) for v in texts.values() if v is not None):
        raise InvalidInput("subject, body and to must be text")
    findings = preview_draft_checks(
        ws.store,
        ws.owner,
        draft_id,
        subject=texts["subject"] or "",
        body=texts["body"] or "",
        to=texts["to"],
    )
    return JSONResponse({"findings": findings_json(findings)})


@router.get("/drafts/{draft_id}/eml")
def download_eml(draft_id: int, ws: Ws) -> Response:
    if not ws.settings.sender_email:  # asked for on Settings, then back to the draft
        notice = "An .eml file needs your email address as its sender: add it here."
        return redirect(
            "/settings#f-sender_email", notice, link=(f"/drafts/{draft_id}", "Back to the draft")
        )
    _, data = draft_eml(ws.store, ws.owner, draft_id, ws.clock, from_addr=ws.settings.sender_email)
    return attachment(data, f"onward-draft-{draft_id}.eml", "message/rfc822")


@router.post("/drafts/{draft_id}/sent", response_model=None)
def sent(draft_id: int, ws: Ws) -> Response:
    saved = mark_draft_sent(ws.store, ws.owner, draft_id, ws.clock)
    return redirect(f"/drafts/{saved.id}", "Marked as sent. That took courage.")


@router.post("/drafts/{draft_id}/discard", response_model=None)
def discard(draft_id: int, ws: Ws) -> Response:
    discard_draft(ws.store, ws.owner, draft_id, ws.clock)
    return redirect("/drafts", "Discarded the draft.")
