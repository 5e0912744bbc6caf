"""Review: what mail import proposes (a new application, a stage move, a rejection, a contact,
an interview), with the evidence from the message, to accept, edit or dismiss, one or many.
Nothing in the tracker changes until the person says so."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any, ClassVar

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from onward.domain.emails import RejectionReason, RejectionStage
from onward.domain.mail import ProposalKind
from onward.domain.pipeline import Stage
from onward.errors import InvalidInput, NotFound
from onward.services.mail_evidence import ProposalEvidence, proposal_evidence
from onward.services.rejections import dwell_choice
from onward.services.review import (
    EDITABLE,
    ReviewOutcome,
    accept_proposals,
    dismiss_proposals,
    edit_proposal,
)
from onward.services.review_queue import review_queue
from onward.services.runtime import Workspace
from onward.web.contexts.review import KINDS, ReviewPage, filter_form, read_filter
from onward.web.forms import Form
from onward.web.hints import shown
from onward.web.rendering import redirect
from onward.web.routing import Page, PostedForm, Ws

router = APIRouter()
INDEX_PAGE = Page("review/index.html", nav="review", title="Review")
SHOW_PAGE = Page("review/show.html", nav="review")

#: Emails listed on one page of the queue.
PAGE = 25
LABELS = {
    "company": "Company",
    "role": "Role",
    "job_ref": "Job reference",
    "stage": "Stage",
    "on": "Date",
    "reason": "Reason they gave",
    "quote": "Their words",
    "received_on": "Received on",
    "name": "Name",
    "email": "Email",
    "at": "Interview at (date and time in your time zone, e.g. 2026-12-03 14:00)",
}


@dataclass(frozen=True)
class ProposalPage:
    found: ProposalEvidence
    form: Form
    kinds: ClassVar[dict[ProposalKind, str]] = KINDS
    labels: ClassVar[dict[str, str]] = LABELS

    @property
    def editable(self) -> tuple[str, ...]:
        return EDITABLE[self.found.proposal.kind]

    def choices(self, name: str) -> tuple[tuple[str, str], ...] | None:
        """The options of a field that takes one of a few values, else None."""
        kinds: dict[str, type[StrEnum]] = {"reason": RejectionReason}
        if self.found.proposal.kind is ProposalKind.LOG_REJECTION:
            kinds["stage"] = RejectionStage
        else:
            kinds["stage"] = Stage
        kind = kinds.get(name)
        if kind is None:
            return None
        return tuple((str(v.value), str(v.value).replace("_", " ")) for v in kind)


@router.get("/review", response_class=HTMLResponse)
def show_queue(request: Request, ws: Ws) -> HTMLResponse:
    form = filter_form(request.query_params, ws.clock.today())
    chosen = read_filter(request.query_params, form)
    page = form.whole("page", low=1) or 1
    queue = review_queue(
        ws.store, ws.owner, chosen, ws.clock, page=page, per_page=PAGE,
        own_address=ws.settings.sender_email,
    )  # fmt: skip
    if page > queue.pages:  # past the end (the queue shrank): the last page
        queue = review_queue(
            ws.store, ws.owner, chosen, ws.clock, page=queue.pages, per_page=PAGE,
            own_address=ws.settings.sender_email,
        )  # fmt: skip
    context = ReviewPage(queue, form, select_page=form.flag("select"))
    status = 422 if form.errors else 200
    return INDEX_PAGE.render(request, context, status)


def _notice(outcome: ReviewOutcome) -> str:
    parts = []
    if outcome.accepted:
        done = "; ".join(a.done for a in outcome.accepted[:3])
        extra = f" and {len(outcome.accepted) - 3} more" if len(outcome.accepted) > 3 else ""
        parts.append(f"Done: {done}{extra}.")
        if any(a.rejection_logged for a in outcome.accepted):
            parts.append("A rejection is in; be gentle with yourself, the next steps can wait.")
    for proposal_id, why in outcome.failed[:3]:
        parts.append(
            f"#{proposal_id} could not be accepted: {_with_hint(outcome, proposal_id, why)}."
        )
    return " ".join(parts) or "Nothing was changed."


def _with_hint(outcome: ReviewOutcome, proposal_id: int, why: str) -> str:
    """Why a proposal failed, with its hint's words (this page is where to act on it)."""
    hint = shown(outcome.hints.get(proposal_id))
    return f"{why} ({hint.text})" if hint and hint.text else why


def _accept(ws: Workspace, ids: list[int]) -> ReviewOutcome:
    dwell = dwell_choice(None, ws.settings.dwell_default)
    return accept_proposals(ws.store, ws.owner, ids, ws.clock, dwell=dwell)


@router.post("/review/accept", response_model=None)
def accept_many(form: PostedForm, ws: Ws) -> Response:
    ids = form.ids("ids")
    if not ids:
        return redirect("/review", "Tick the proposals to accept first; nothing was changed.")
    return redirect("/review", _notice(_accept(ws, ids)))


@router.post("/review/dismiss", response_model=None)
def dismiss_many(form: PostedForm, ws: Ws) -> Response:
    ids = form.ids("ids")
    if not ids:
        return redirect("/review", "Tick the proposals to dismiss first; nothing was changed.")
    not_job = form.flag("not_job")
    done = dismiss_proposals(ws.store, ws.owner, ids, ws.clock, not_job=not_job)
    return _dismissed(f"Dismissed {len(done)}.", "their senders" if not_job else None)


@router.get("/review/{proposal_id}", response_class=HTMLResponse)
def show_proposal(request: Request, proposal_id: int, ws: Ws) -> HTMLResponse:
    found = proposal_evidence(ws.store, ws.owner, proposal_id)
    values = {k: _text(found.proposal.payload.get(k)) for k in EDITABLE[found.proposal.kind]}
    if found.proposal.application_id:
        values["application_id"] = str(found.proposal.application_id)
    return _proposal_page(request, found, Form.empty(ws.clock.today(), **values), 200)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _proposal_page(
    request: Request, found: ProposalEvidence, form: Form, status: int
) -> HTMLResponse:
    return SHOW_PAGE.render(
        request, ProposalPage(found, form), status, title=found.proposal.summary
    )


@router.post("/review/{proposal_id}/accept", response_model=None)
def accept_one(proposal_id: int, ws: Ws) -> Response:
    return redirect("/review", _notice(_accept(ws, [proposal_id])))


@router.post("/review/{proposal_id}/dismiss", response_model=None)
def dismiss_one(proposal_id: int, form: PostedForm, ws: Ws) -> Response:
    not_job = form.flag("not_job")
    dismiss_proposals(ws.store, ws.owner, [proposal_id], ws.clock, not_job=not_job)
    return _dismissed(f"Dismissed #{proposal_id}.", "its sender" if not_job else None)


def _dismissed(notice: str, senders: str | None) -> Response:
    """Back to the review list; mail marked as not job mail says its ``senders`` are left
    alone from now on, with a link to take that back."""
    if senders is None:
        return redirect("/review", notice)
    return redirect(
        "/review",
        f"{notice} Onward will not propose mail from {senders} again.",
        link=("/review/not-job-mail", "Take it back"),
    )


@router.post("/review/{proposal_id}/edit", response_model=None)
def edit_one(request: Request, proposal_id: int, form: PostedForm, ws: Ws) -> Response:
    found = proposal_evidence(ws.store, ws.owner, proposal_id)
    view = found.proposal
    changes: dict[str, Any] = {
        k: form[k].strip()
        for k in EDITABLE[view.kind]
        if form[k].strip() != _text(view.payload.get(k)).strip()
    }
    app_id = form.whole("application_id", low=1)
    if app_id is not None and app_id != view.application_id:
        changes["application_id"] = app_id
    if form.ok:
        try:
            outcome = edit_proposal(
                ws.store, ws.owner, proposal_id, changes, ws.clock,
                dwell=dwell_choice(None, ws.settings.dwell_default),
            )  # fmt: skip
        except NotFound as exc:
            form.fail_with(exc, "application_id")
        except InvalidInput as exc:
            form.fail_with(exc)
        else:
            if outcome.failed:
                form.fail(
                    "",
                    "Your changes are kept, but it could not be accepted: "
                    + _with_hint(outcome, *outcome.failed[0]),
                )
                found = proposal_evidence(ws.store, ws.owner, proposal_id)
            else:
                return redirect("/review", _notice(outcome))
    return _proposal_page(request, found, form, 422)
