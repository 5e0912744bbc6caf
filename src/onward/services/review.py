"""The review queue: what mail import proposes, for the person to accept, edit or dismiss.

UI-agnostic services returning dataclasses (the CLI's review commands and the web app's
review page call the same functions):

    list_proposals(store, owner, status=PENDING) -> list[ProposalView]
    accept_proposals(store, owner, ids, clock, dwell=...) -> ReviewOutcome
    accept_confident(store, owner, threshold, clock, dwell=...) -> ReviewOutcome   # auto-accept
                                                  (never the "maybe" group: services.review_queue)
    edit_proposal(store, owner, id, changes, clock, accept=True, dwell=...) -> ReviewOutcome
    dismiss_proposals(store, owner, ids, clock, not_job=False) -> list[ProposalView]

Accepting goes through the same services as typing the change by hand: a new application
(``add_application``), a stage move (``move_application``), a contact (``add_contact``), and
a rejection through ``reject_application``, so the rejection playbook starts (dwell window,
reframe, plan). A proposal that needs an application proposed alongside it (a rejection for
a job not tracked yet) accepts that one first. Each accepted or edited proposal keeps the
person's reading of the message as a training example; a company corrected in an edit is
remembered as an alias, so the next import gets it right.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from onward.clock import Clock
from onward.db.store import Store
from onward.domain.companies import company_key
from onward.domain.dates import parse_day
from onward.domain.emails import EmailLabel, RejectionReason, RejectionStage
from onward.domain.mail import ProposalKind, ProposalStatus
from onward.domain.pipeline import Stage
from onward.domain.playbook.dwell import DEFAULT_DWELL, DwellChoice
from onward.domain.records import Owner, parse_choice
from onward.errors import Hint, InvalidInput, UserError
from onward.services.applications import get_application
from onward.services.not_job_mail import mark_not_job_mail
from onward.services.proposals import (
    Accepted,
    ProposalView,
    apply_proposal,
    get_proposal,
    load_proposals,
    moment,
)
from onward.services.review_queue import sure_ids

if TYPE_CHECKING:
    from onward.understand import LabelledExample, Reader

__all__ = [
    "EDITABLE",
    "Accepted",
    "ProposalView",
    "ReviewOutcome",
    "accept_confident",
    "accept_proposals",
    "dismiss_proposals",
    "edit_proposal",
    "list_proposals",
    "open_mail_reader",
    "training_examples",
]

#: What ``edit_proposal`` may change, by kind (plus ``application_id`` for every kind).
EDITABLE: dict[ProposalKind, tuple[str, ...]] = {
    ProposalKind.CREATE_APPLICATION: ("company", "role", "job_ref", "stage", "on"),
    ProposalKind.MOVE_STAGE: ("company", "role", "stage", "on"),
    ProposalKind.LOG_REJECTION: (
        "company",
        "role",
        "stage",
        "reason",
        "quote",
        "received_on",
    ),
    ProposalKind.ADD_CONTACT: ("company", "role", "name", "email"),
    ProposalKind.SCHEDULE_INTERVIEW: ("company", "role", "at", "on"),
}


@dataclass(frozen=True)
class ReviewOutcome:
    accepted: tuple[Accepted, ...]
    failed: tuple[tuple[int, str], ...]  # (proposal id, why)
    #: The way forward for a failed proposal, by its id, for each shell to render.
    hints: Mapping[int, Hint] = field(default_factory=dict)


def list_proposals(
    store: Store,
    owner: Owner,
    *,
    status: ProposalStatus | None = ProposalStatus.PENDING,
    ids: Sequence[int] = (),
    limit: int | None = None,
) -> list[ProposalView]:
    """Proposals (pending by default; ``status=None`` for all), oldest message first."""
    statuses = (status.value,) if status else ()
    return load_proposals(store, owner, statuses=statuses, ids=ids, limit=limit)


def accept_proposals(
    store: Store,
    owner: Owner,
    ids: Sequence[int],
    clock: Clock,
    *,
    dwell: DwellChoice = DEFAULT_DWELL,
) -> ReviewOutcome:
    """Accept proposals: each is applied on its own; one that cannot be is reported and the
    rest go ahead. New applications are created before the news about them."""
    views = [get_proposal(store, owner, i) for i in dict.fromkeys(ids)]
    order = sorted(views, key=lambda v: (v.kind is not ProposalKind.CREATE_APPLICATION, v.id))
    accepted: list[Accepted] = []
    failed: list[tuple[int, str]] = []
    hints: dict[int, Hint] = {}
    for view in order:
        try:
            accepted.extend(apply_proposal(store, owner, view.id, clock, dwell, edited=False))
        except UserError as exc:
            failed.append((view.id, exc.message))
            if exc.hint:
                hints[view.id] = exc.hint
    return ReviewOutcome(tuple(accepted), tuple(failed), hints)


def accept_confident(
    store: Store,
    owner: Owner,
    threshold: float,
    clock: Clock,
    *,
    dwell: DwellChoice = DEFAULT_DWELL,
    own_address: str | None = None,
) -> ReviewOutcome:
    """Accept every pending proposal whose confidence is at least ``threshold`` (0-1),
    except the "maybe" ones (unsure, or from a sender never dealt with about a job):
    those wait for the person to choose them. ``own_address`` is the person's address (mail
    they sent marks their threads)."""
    chosen = sure_ids(store, owner, threshold, clock, own_address=own_address)
    return accept_proposals(store, owner, chosen, clock, dwell=dwell)


def edit_proposal(
    store: Store,
    owner: Owner,
    proposal_id: int,
    changes: dict[str, Any],
    clock: Clock,
    *,
    accept: bool = True,
    dwell: DwellChoice = DEFAULT_DWELL,
) -> ReviewOutcome:
    """Change what a pending proposal would write, then (by default) accept it.

    ``changes`` may name the fields in ``EDITABLE`` for the proposal's kind, and
    ``application_id`` to point it at an existing application instead. A changed company is
    remembered as an alias of what the email said.
    """
    view = get_proposal(store, owner, proposal_id)
    if view.status is not ProposalStatus.PENDING:
        raise InvalidInput(f"proposal #{proposal_id} is already {view.status.value}")
    allowed = (*EDITABLE[view.kind], "application_id")
    unknown = sorted(set(changes) - set(allowed))
    if unknown:
        raise InvalidInput(
            f"a {view.kind.value.replace('_', ' ')} proposal has no {', '.join(unknown)}",
            hint=f"it can change: {', '.join(allowed)}",
        )
    payload = view.payload | _clean(view.kind, changes, clock)
    app_id = view.application_id
    if "application_id" in changes:
        app_id = int(changes["application_id"])
        get_application(store, owner, app_id)  # NotFound when it does not exist
        payload.pop("create_proposal", None)
        payload.pop("application_id", None)
    now = clock.now()
    with store.transaction() as tx:
        tx.mail.decide_proposal(owner.id, proposal_id, payload=payload, application_id=app_id)
        if payload.get("company") and payload.get("company") != view.proposed.get("company"):
            said = company_key(_read_company(tx, owner, view) or view.proposed.get("company"))
            if said and said != company_key(payload["company"]):
                tx.mail.save_alias(owner.id, said, str(payload["company"]), now)
    if not accept:
        return ReviewOutcome((), ())
    try:
        done = apply_proposal(store, owner, proposal_id, clock, dwell, edited=True)
    except UserError as exc:
        hints = {proposal_id: exc.hint} if exc.hint else {}
        return ReviewOutcome((), ((proposal_id, exc.message),), hints)
    return ReviewOutcome(tuple(done), ())


def dismiss_proposals(
    store: Store, owner: Owner, ids: Sequence[int], clock: Clock, *, not_job: bool = False
) -> list[ProposalView]:
    """Dismiss pending proposals. ``not_job``: their emails are not job mail, which teaches
    Onward about their senders and lists (``onward.services.not_job_mail``: all of each
    email's pending proposals are dismissed, and it can be taken back)."""
    views = [get_proposal(store, owner, i) for i in dict.fromkeys(ids)]
    for view in views:
        if view.status is not ProposalStatus.PENDING:
            raise InvalidInput(f"proposal #{view.id} is already {view.status.value}")
    now = clock.now()
    with store.transaction() as tx:
        if not_job:
            firsts = {v.message_id: v.id for v in reversed(views)}
            for proposal_id in firsts.values():
                mark_not_job_mail(store, owner, proposal_id, clock)
        else:
            for view in views:
                tx.mail.decide_proposal(
                    owner.id, view.id, status=ProposalStatus.DISMISSED.value, decided_at=now
                )
    return list_proposals(store, owner, status=None, ids=[v.id for v in views])


def _clean(kind: ProposalKind, changes: dict[str, Any], clock: Clock) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in changes.items():
        if key == "application_id":
            continue
        text = None if value is None else str(value).strip()
        try:
            out[key] = _clean_value(kind, key, text, clock) if text else None
        except InvalidInput as exc:  # the change it is about is the field
            raise InvalidInput(exc.message, field=key, hint=exc.hint) from None
    return out


def _clean_value(kind: ProposalKind, key: str, text: str, clock: Clock) -> str:
    if key == "stage":
        enum: Any = RejectionStage if kind is ProposalKind.LOG_REJECTION else Stage
        return str(parse_choice(enum, text, "stage").value)
    if key == "reason":
        return str(parse_choice(RejectionReason, text, "reason").value)
    if key in ("on", "received_on"):
        return parse_day(text, clock.today()).isoformat()
    if key == "at":
        return moment(text, clock).isoformat()
    return text


def _read_company(tx: Any, owner: Owner, view: ProposalView) -> str | None:
    row = tx.mail.get_message(owner.id, view.message_id)
    return None if row is None else (row.details or {}).get("company")


# -- the person's examples, for training and for reading mail ---------------------------


def training_examples(store: Store, owner: Owner) -> list[LabelledExample]:
    """The person's confirmed and corrected readings, as training examples."""
    from onward.domain.emails import EmailText
    from onward.understand import LabelledExample

    with store.transaction() as tx:
        rows = tx.mail.examples(owner.id)
    return [
        LabelledExample(
            email=EmailText(subject=r.subject, sender=r.sender, body=r.body),
            label=EmailLabel(r.label),
            id=f"mine-{r.id}",
            company=r.company,
            role=r.role,
            stage=RejectionStage(r.stage) if r.stage else None,
            reason=RejectionReason(r.reason) if r.reason else None,
        )
        for r in rows
    ]


def open_mail_reader(store: Store, owner: Owner, models_dir: Path) -> Reader:
    """The email reader trained on the built-in corpus and the person's examples."""
    from onward.services.model import open_reader

    return open_reader(models_dir, training_examples(store, owner))
