"""The review queue in bulk: a preview of what accepting many proposals would change (before
anything does), and "not job mail" that teaches Onward about a sender, taken back here too."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from onward.errors import InvalidInput
from onward.services.not_job_mail import (
    NotJobSender,
    list_not_job_senders,
    mark_not_job_mail,
    take_back_not_job_mail,
)
from onward.services.review_preview import (
    preview_acceptance,
    preview_confident,
    preview_matching,
)
from onward.services.undo import undo_accept
from onward.web.contexts.review import PreviewPage, filter_form, filter_link, read_filter
from onward.web.rendering import redirect
from onward.web.routing import Page, Ws

router = APIRouter()
PREVIEW_PAGE = Page("review/preview.html", nav="review", title="Before you accept")
NOT_JOB_PAGE = Page("review/not_job.html", nav="review", title="Not job mail")


@router.get("/review/preview", response_class=HTMLResponse)
def preview(request: Request, ws: Ws) -> Response:
    """What accepting would change: everything at least ``sure`` % sure (never the maybe
    group), everything the filter matches (``all=1``), or the ticked ``ids``."""
    form = filter_form(request.query_params, ws.clock.today())
    chosen = read_filter(request.query_params, form)
    sure = form.whole("sure", low=1, high=100)
    back = filter_link(form)
    if form.errors:
        return redirect(back, "That filter could not be read; nothing was chosen.")
    mine = ws.settings.sender_email
    if sure is not None:
        found = preview_confident(ws.store, ws.owner, sure / 100, ws.clock, own_address=mine)
        asked = f"everything at least {sure}% sure"
    elif form.flag("all"):
        found = preview_matching(ws.store, ws.owner, chosen, ws.clock, own_address=mine)
        asked = "everything that matches the filter"
    else:
        found = preview_acceptance(ws.store, ws.owner, form.ids("ids"))
        asked = "the proposals you ticked"
    page = PreviewPage(found, back, asked)
    return PREVIEW_PAGE.render(request, page)


@router.post("/review/{proposal_id}/undo", response_model=None)
def undo_accepted(proposal_id: int, ws: Ws) -> Response:
    """Undo an accept: what it changed is put back and the proposal waits for review again."""
    undo_accept(ws.store, ws.owner, proposal_id, ws.clock)
    return redirect("/review", f"Undone: proposal #{proposal_id} is waiting for you again.")


@router.post("/review/{proposal_id}/not-job", response_model=None)
def not_job(proposal_id: int, ws: Ws) -> Response:
    taught = mark_not_job_mail(ws.store, ws.owner, proposal_id, ws.clock)
    listed = taught.mailing_list and f"the list {taught.mailing_list}"
    learnt = [x for x in (taught.address, listed) if x]
    said = f" Mail from {' or '.join(learnt)} will not be proposed again." if learnt else ""
    if taught.also_dismissed:
        said += f" {_emails(taught.also_dismissed)} from them waiting here went too."
    return redirect(
        "/review",
        f"Marked as not job mail.{said}",
        link=("/review/not-job-mail", "Take it back"),
    )


def _emails(proposals: int) -> str:
    return "1 more proposal" if proposals == 1 else f"{proposals} more proposals"


@dataclass(frozen=True)
class NotJobPage:
    senders: list[NotJobSender]


@router.get("/review/not-job-mail", response_class=HTMLResponse)
def not_job_list(request: Request, ws: Ws) -> HTMLResponse:
    page = NotJobPage(list_not_job_senders(ws.store, ws.owner))
    return NOT_JOB_PAGE.render(request, page)


@router.post("/review/not-job-mail/{message_id}/take-back", response_model=None)
def take_back(message_id: int, ws: Ws) -> Response:
    try:
        restored = take_back_not_job_mail(ws.store, ws.owner, message_id)
    except InvalidInput as exc:
        return redirect("/review/not-job-mail", exc.message)
    waits = f" {len(restored)} proposal{'s' if len(restored) != 1 else ''} wait for you again."
    return redirect("/review", f"Taken back: Onward will propose mail from them again.{waits}")
