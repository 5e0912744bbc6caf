"""Proposals read from mail: list them (paged, filtered, each saying whether it is "maybe"),
preview or accept some (by id, or all above a confidence but never the maybe ones), and mark
one's email as not job mail (or take that back)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from pydantic import Field, model_validator

from onward.domain.mail import ProposalKind, ProposalStatus
from onward.domain.review import Grouping, QueueFilter, Show
from onward.errors import InvalidInput, NotFound
from onward.services.not_job_mail import mark_not_job_mail, take_back_not_job_mail
from onward.services.proposals import ProposalView, get_proposal
from onward.services.rejections import dwell_choice
from onward.services.review import (
    EDITABLE,
    ReviewOutcome,
    accept_confident,
    accept_proposals,
    dismiss_proposals,
    edit_proposal,
)
from onward.services.review_preview import (
    AcceptPreview,
    PreviewItem,
    preview_acceptance,
    preview_confident,
)
from onward.services.review_queue import MAX_PER_PAGE, find_proposals
from onward.web.routing import Body, Ws

router = APIRouter(tags=["proposals"])


#: The ``status`` parameter as the queue shows it ("accepted" includes edited ones).
SHOWS = {
    ProposalStatus.PENDING: Show.PENDING,
    ProposalStatus.ACCEPTED: Show.ACCEPTED,
    ProposalStatus.EDITED: Show.ACCEPTED,
    ProposalStatus.DISMISSED: Show.DISMISSED,
}


class Acceptance(Body):
    """Which proposals to accept: ``ids``, or every pending one at ``min_confidence`` or more
    that is not "maybe". ``preview``: say what would change, change nothing."""

    ids: list[int] | None = Field(default=None, min_length=1)
    min_confidence: float | None = Field(default=None, gt=0, le=1)
    preview: bool = False

    @model_validator(mode="after")
    def one_of(self) -> Acceptance:
        if (self.ids is None) == (self.min_confidence is None):
            raise ValueError("send either ids or min_confidence")
        return self


@router.get("/proposals")
def read(
    request: Request,
    response: Response,
    ws: Ws,
    status: ProposalStatus | None = ProposalStatus.PENDING,
    kind: Annotated[list[ProposalKind] | None, Query()] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
    max_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
    company: Annotated[str, Query(max_length=200)] = "",
    since: date | None = None,
    until: date | None = None,
    maybe: bool | None = None,
    page: Annotated[int, Query(ge=1)] = 1,
    per_page: Annotated[int, Query(ge=1, le=MAX_PER_PAGE)] = 100,
    limit: Annotated[int | None, Query(ge=1, le=1000)] = None,
) -> list[dict[str, Any]]:
    """Proposals (pending ones unless ``status`` says otherwise; ``accepted`` includes edited
    ones), sure ones first, then "maybe" ones, oldest message first within each. Paged:
    ``X-Total-Count`` says how many match, ``Link`` gives the next page. ``limit`` (older
    clients): the first ``limit``, unpaged."""
    chosen = QueueFilter(
        show=SHOWS[status or ProposalStatus.PENDING], kinds=tuple(kind or ()),
        min_confidence=min_confidence, max_confidence=max_confidence, company=company,
        since=since, until=until, maybe=maybe, grouping=Grouping.EMAIL,
    )  # fmt: skip
    size = limit or per_page
    views, total = find_proposals(
        ws.store, ws.owner, chosen, ws.clock, offset=(page - 1) * size, limit=size,
        own_address=ws.settings.sender_email,
    )  # fmt: skip
    response.headers["X-Total-Count"] = str(total)
    if page * size < total and limit is None:
        following = request.url.include_query_params(page=page + 1)
        response.headers["Link"] = f'<{following}>; rel="next"'
    return [proposal_record(v) for v in views]


@router.post("/proposals/accept")
def accept(body: Acceptance, ws: Ws) -> dict[str, Any]:
    """Accept proposals; each is applied on its own, and one that cannot be is listed under
    ``failed`` with the reason while the others go ahead. By ``min_confidence``, "maybe"
    proposals are never accepted (choose them by id). With ``preview``, nothing changes: the
    answer says what would."""
    mine = ws.settings.sender_email
    if body.preview:
        if body.ids is not None:
            found = preview_acceptance(ws.store, ws.owner, body.ids)
        else:
            assert body.min_confidence is not None
            found = preview_confident(
                ws.store, ws.owner, body.min_confidence, ws.clock, own_address=mine
            )
        return preview_record(found)
    if body.ids is not None:
        outcome = accept_proposals(ws.store, ws.owner, body.ids, ws.clock)
    else:
        assert body.min_confidence is not None
        outcome = accept_confident(
            ws.store, ws.owner, body.min_confidence, ws.clock, own_address=mine
        )
    return outcome_record(outcome)


@router.post("/proposals/{proposal_id}/not-job-mail")
def not_job_mail(proposal_id: int, ws: Ws) -> dict[str, Any]:
    """The proposal's email is not job mail: its pending proposals are dismissed and its
    sender's address and mailing list are remembered, so their later mail is not proposed."""
    taught = mark_not_job_mail(ws.store, ws.owner, proposal_id, ws.clock)
    return {
        "message_id": taught.message_id,
        "dismissed": list(taught.dismissed),
        "also_dismissed": taught.also_dismissed,
        "remembered": {"address": taught.address, "list": taught.mailing_list},
    }


@router.delete("/proposals/{proposal_id}/not-job-mail")
def take_back(proposal_id: int, ws: Ws) -> dict[str, Any]:
    """Take back "not job mail" on the proposal's email: sender and list are forgotten and
    the proposals it dismissed wait again."""
    message_id = get_proposal(ws.store, ws.owner, proposal_id).message_id
    restored = take_back_not_job_mail(ws.store, ws.owner, message_id)
    return {"message_id": message_id, "restored": restored}


class Dismissal(Body):
    """Which pending proposals to dismiss; ``not_job``: their emails are not job mail (their
    senders and lists are remembered, as ``/proposals/{id}/not-job-mail`` does)."""

    ids: list[int] = Field(min_length=1)
    not_job: bool = False


class Correction(Body):
    """What to change before accepting: ``fields`` (those the proposal's kind can change,
    listed as ``editable`` by GET) and ``application_id`` (an existing application instead)."""

    fields: dict[str, str] = Field(default_factory=dict)
    application_id: int | None = None


@router.get("/proposals/{proposal_id}")
def read_one(proposal_id: int, ws: Ws) -> dict[str, Any]:
    """One proposal, with ``editable``: the fields an accept can correct. ``maybe`` is null
    here: whether one is "maybe" is the queue's call (``GET /proposals``)."""
    view = get_proposal(ws.store, ws.owner, proposal_id)
    extra = {"maybe": None, "maybe_reason": None, "editable": list(EDITABLE[view.kind])}
    return proposal_record(view) | extra


@router.post("/proposals/{proposal_id}/accept")
def accept_one(proposal_id: int, ws: Ws, body: Correction | None = None) -> dict[str, Any]:
    """Accept one proposal, corrected first when the body says how (the web's edit form: the
    corrections are kept even when accepting then fails, as ``failed`` says)."""
    get_proposal(ws.store, ws.owner, proposal_id)  # an unknown proposal is a 404 without a field
    dwell = dwell_choice(None, ws.settings.dwell_default)
    if body is None or (not body.fields and body.application_id is None):
        outcome = accept_proposals(ws.store, ws.owner, [proposal_id], ws.clock, dwell=dwell)
        return outcome_record(outcome)
    changes: dict[str, Any] = dict(body.fields)
    if body.application_id is not None:
        changes["application_id"] = body.application_id
    try:
        outcome = edit_proposal(ws.store, ws.owner, proposal_id, changes, ws.clock, dwell=dwell)
    except NotFound as exc:
        exc.field = "application_id"
        raise
    except InvalidInput as exc:
        exc.field = f"fields.{exc.field}" if exc.field else "fields"
        raise
    return outcome_record(outcome)


@router.post("/proposals/dismiss")
def dismiss(body: Dismissal, ws: Ws) -> dict[str, Any]:
    """Dismiss pending proposals (all of them, or none when one is unknown or decided)."""
    try:
        done = dismiss_proposals(ws.store, ws.owner, body.ids, ws.clock, not_job=body.not_job)
    except InvalidInput as exc:
        exc.field = exc.field or "ids"
        raise
    return {"dismissed": [v.id for v in done]}


@router.delete("/not-job-mail/{message_id}")
def take_back_message(message_id: int, ws: Ws) -> dict[str, Any]:
    """Take back "not job mail" on an email by its id (``message.id`` of a proposal): as
    ``DELETE /proposals/{id}/not-job-mail``; nothing to take back is a 422."""
    restored = take_back_not_job_mail(ws.store, ws.owner, message_id)
    return {"message_id": message_id, "restored": restored}


def outcome_record(outcome: ReviewOutcome) -> dict[str, Any]:
    """What accepting did: each accepted one, and each that could not be with the reason."""
    return {
        "accepted": [
            {
                "proposal_id": a.proposal_id,
                "application_id": a.application_id,
                "done": a.done,
                "rejection_logged": a.rejection_logged,
            }
            for a in outcome.accepted
        ],
        "failed": [
            {
                "proposal_id": i,
                "error": why,
                "hint": outcome.hints[i].as_json() if i in outcome.hints else None,
            }
            for i, why in outcome.failed
        ],
    }


def _items(items: tuple[PreviewItem, ...]) -> list[dict[str, Any]]:
    return [
        {
            "proposal_id": i.proposal_id,
            "kind": i.kind.value,
            "summary": i.summary,
            "application_id": i.application_id,
            "pulled_in": i.pulled_in,
            "problem": i.problem,
        }
        for i in items
    ]


def preview_record(found: AcceptPreview) -> dict[str, Any]:
    return {
        "preview": True,
        "would_accept": list(found.ids),
        "created": _items(found.created),
        "moved": _items(found.moved),
        "rejected": _items(found.rejected),
        "other": _items(found.other),
        "skipped": [{"proposal_id": i, "why": why} for i, why in found.skipped],
        "left_out_maybe": found.left_out_maybe,
    }


def proposal_record(view: ProposalView) -> dict[str, Any]:
    return {
        "id": view.id,
        "kind": view.kind.value,
        "status": view.status.value,
        "summary": view.summary,
        "confidence": view.confidence,
        "maybe": view.maybe is not None,
        "maybe_reason": view.maybe,
        "proposed": view.proposed,
        "application_id": view.application_id,
        "waiting_on": view.waiting_on,
        "message": {
            "id": view.message_id,
            "subject": view.subject,
            "sender": view.sender,
            "sent_at": view.sent_at,
            "label": view.label,
            "evidence": list(view.evidence),
        },
        "created_at": view.created_at,
        "decided_at": view.decided_at,
    }
