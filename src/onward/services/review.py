"""The review queue: what mail import proposes, for the person to accept, edit or dismiss.

UI-agnostic services returning dataclasses (the CLI's ``onward review`` and the web app's
review page call the same functions):

    list_proposals(store, owner, status=PENDING) -> list[ProposalView]
    accept_proposals(store, owner, ids, clock, dwell=...) -> ReviewOutcome
    accept_confident(store, owner, threshold, clock, dwell=...) -> ReviewOutcome   # --auto
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

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from onward.clock import Clock
from onward.db.store import Store
from onward.domain.companies import company_key
from onward.domain.dates import parse_day
from onward.domain.emails import EmailLabel, RejectionReason, RejectionStage
from onward.domain.mail import ProposalKind, ProposalStatus, describe
from onward.domain.pipeline import Stage
from onward.domain.playbook.dwell import DEFAULT_DWELL, DwellChoice
from onward.domain.records import ApplicationFields, ContactFields, ContactRole, Owner, parse_choice
from onward.errors import InvalidInput, NotFound, UserError
from onward.services.applications import add_application, get_application, move_application
from onward.services.contacts import add_contact
from onward.services.rejections import RejectionDetails, reject_application

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
class ProposalView:
    """One proposal with the message it came from."""

    id: int
    kind: ProposalKind
    status: ProposalStatus
    summary: str
    confidence: float
    payload: dict[str, Any]
    proposed: dict[str, Any]
    application_id: int | None
    waiting_on: int | None  # the create-application proposal this one needs first
    message_id: int
    subject: str
    sender: str
    sent_at: datetime | None
    label: str
    evidence: tuple[str, ...]
    created_at: datetime
    decided_at: datetime | None


@dataclass(frozen=True)
class Accepted:
    """What accepting one proposal did."""

    proposal_id: int
    application_id: int
    done: str
    rejection_logged: bool = False


@dataclass(frozen=True)
class ReviewOutcome:
    accepted: tuple[Accepted, ...]
    failed: tuple[tuple[int, str], ...]  # (proposal id, why)


def _view(row: dict[str, Any]) -> ProposalView:
    kind = ProposalKind(row["kind"])
    payload = dict(row["payload"] or {})
    sender = row["sender_address"]
    if row["sender_name"]:
        sender = f"{row['sender_name']} <{sender}>" if sender else row["sender_name"]
    waiting = payload.get("create_proposal") if row["application_id"] is None else None
    return ProposalView(
        id=row["id"],
        kind=kind,
        status=ProposalStatus(row["status"]),
        summary=describe(kind, payload),
        confidence=float(row["confidence"]),
        payload=payload,
        proposed=dict(row["proposed"] or {}),
        application_id=row["application_id"],
        waiting_on=waiting if isinstance(waiting, int) else None,
        message_id=row["mail_message_id"],
        subject=row["subject"],
        sender=sender,
        sent_at=row["sent_at"],
        label=row["label"],
        evidence=tuple(row["evidence"] or ()),
        created_at=row["created_at"],
        decided_at=row["decided_at"],
    )


def list_proposals(
    store: Store,
    owner: Owner,
    *,
    status: ProposalStatus | None = ProposalStatus.PENDING,
    ids: Sequence[int] = (),
    limit: int | None = None,
) -> list[ProposalView]:
    """Proposals (pending by default; ``status=None`` for all), oldest message first."""
    with store.transaction() as tx:
        rows = tx.mail.proposals(
            owner.id, statuses=(status.value,) if status else (), ids=ids, limit=limit
        )
    return [_view(r) for r in rows]


def _get(store: Store, owner: Owner, proposal_id: int) -> ProposalView:
    found = list_proposals(store, owner, status=None, ids=(proposal_id,))
    if not found:
        raise NotFound(f"no proposal #{proposal_id}", hint="see `onward review` for the ids")
    return found[0]


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
    views = [_get(store, owner, i) for i in dict.fromkeys(ids)]
    order = sorted(views, key=lambda v: (v.kind is not ProposalKind.CREATE_APPLICATION, v.id))
    accepted: list[Accepted] = []
    failed: list[tuple[int, str]] = []
    for view in order:
        try:
            accepted.extend(_accept(store, owner, view.id, clock, dwell, edited=False))
        except UserError as exc:
            failed.append((view.id, exc.message + (f" ({exc.hint})" if exc.hint else "")))
    return ReviewOutcome(tuple(accepted), tuple(failed))


def accept_confident(
    store: Store,
    owner: Owner,
    threshold: float,
    clock: Clock,
    *,
    dwell: DwellChoice = DEFAULT_DWELL,
) -> ReviewOutcome:
    """Accept every pending proposal whose confidence is at least ``threshold`` (0-1)."""
    if not 0 < threshold <= 1:
        raise InvalidInput(
            f"the confidence threshold must be above 0 and at most 1, not {threshold}"
        )
    pending = list_proposals(store, owner)
    chosen = [v.id for v in pending if v.confidence >= threshold]
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
    view = _get(store, owner, proposal_id)
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
        done = _accept(store, owner, proposal_id, clock, dwell, edited=True)
    except UserError as exc:
        return ReviewOutcome((), ((proposal_id, exc.message),))
    return ReviewOutcome(tuple(done), ())


def dismiss_proposals(
    store: Store, owner: Owner, ids: Sequence[int], clock: Clock, *, not_job: bool = False
) -> list[ProposalView]:
    """Dismiss pending proposals. ``not_job`` also records that their messages are not job
    mail, as training examples."""
    views = [_get(store, owner, i) for i in dict.fromkeys(ids)]
    for view in views:
        if view.status is not ProposalStatus.PENDING:
            raise InvalidInput(f"proposal #{view.id} is already {view.status.value}")
    now = clock.now()
    with store.transaction() as tx:
        for view in views:
            tx.mail.decide_proposal(
                owner.id, view.id, status=ProposalStatus.DISMISSED.value, decided_at=now
            )
            if not_job:
                _save_example(tx, owner, view.message_id, EmailLabel.OTHER.value, {}, True, now)
    return list_proposals(store, owner, status=None, ids=[v.id for v in views])


# -- accepting one ---------------------------------------------------------------------


def _accept(
    store: Store,
    owner: Owner,
    proposal_id: int,
    clock: Clock,
    dwell: DwellChoice,
    *,
    edited: bool,
) -> list[Accepted]:
    view = _get(store, owner, proposal_id)
    if view.status is not ProposalStatus.PENDING:
        raise InvalidInput(f"proposal #{view.id} is already {view.status.value}")
    p = view.payload
    done: list[Accepted] = []
    app_id = view.application_id
    if app_id is None and view.kind is not ProposalKind.CREATE_APPLICATION:
        app_id = _application_first(store, owner, view, clock, dwell, done)
    rejected = False
    if view.kind is ProposalKind.CREATE_APPLICATION:
        if app_id is None:
            app = add_application(
                store, owner, _fields(view), clock,
                stage=parse_choice(Stage, str(p.get("stage") or "applied"), "stage"),
                on=_day(p.get("on"), clock), note="from mail",
            )  # fmt: skip
            app_id = app.id
            what = f"added application #{app.id} {app.fields.company} – {app.fields.role}"
        else:
            what = f"linked to application #{app_id}"
    elif view.kind is ProposalKind.MOVE_STAGE:
        stage = parse_choice(Stage, str(p.get("stage")), "stage")
        assert app_id is not None
        move_application(
            store, owner, app_id, stage, clock, on=_day(p.get("on"), clock), source="mail"
        )
        what = f"moved application #{app_id} to {stage.value}"
    elif view.kind is ProposalKind.LOG_REJECTION:
        assert app_id is not None
        details = RejectionDetails(
            received_on=_day(p.get("received_on"), clock),
            stage=RejectionStage(p["stage"]) if p.get("stage") else None,
            reason=RejectionReason(p.get("reason") or "unspecified"),
            quote=p.get("quote") or None,
            personal=p.get("personal"),
        )
        reject_application(store, owner, app_id, details, clock, dwell=dwell)
        rejected = True
        what = f"logged the rejection for application #{app_id}; its playbook has started"
    elif view.kind is ProposalKind.ADD_CONTACT:
        assert app_id is not None
        contact = add_contact(
            store,
            owner,
            ContactFields(
                name=str(p.get("name") or "").strip(),
                role=ContactRole.RECRUITER,
                email=p.get("email") or None,
                company=p.get("company") or None,
            ),
            clock,
            application_ids=(app_id,),
        )
        what = f"added contact #{contact.id} {contact.fields.name} to application #{app_id}"
    else:
        assert app_id is not None
        at = _moment(p.get("at"))
        app = get_application(store, owner, app_id)
        local = at.astimezone(clock.now().tzinfo).strftime("%Y-%m-%d %H:%M")
        move_application(
            store, owner, app_id, Stage.INTERVIEW, clock,
            on=max(_day(p.get("on"), clock), app.stage_on), note=f"interview on {local}",
            source="mail",
        )  # fmt: skip
        what = f"application #{app_id} at interview, on {local}"
    _settle(store, owner, view, app_id, clock, edited=edited)
    done.append(Accepted(view.id, app_id, what, rejected))
    return done


def _application_first(
    store: Store,
    owner: Owner,
    view: ProposalView,
    clock: Clock,
    dwell: DwellChoice,
    done: list[Accepted],
) -> int:
    """The application a proposal for a not-yet-tracked job is about: its create proposal
    is accepted first (or, when that was dismissed, one is created from this proposal)."""
    if view.waiting_on is not None:
        create = _get(store, owner, view.waiting_on)
        if create.status is ProposalStatus.PENDING:
            done.extend(_accept(store, owner, create.id, clock, dwell, edited=False))
            create = _get(store, owner, create.id)
        if create.application_id is not None and create.status is not ProposalStatus.DISMISSED:
            return create.application_id
    app = add_application(
        store, owner, _fields(view), clock, on=_day(view.payload.get("on") or
        view.payload.get("received_on"), clock), note="from mail",
    )  # fmt: skip
    done.append(
        Accepted(view.id, app.id, f"added application #{app.id} {app.fields.company}", False)
    )
    return app.id


def _settle(
    store: Store, owner: Owner, view: ProposalView, app_id: int, clock: Clock, *, edited: bool
) -> None:
    """Mark the proposal decided, link its message and waiting proposals, keep the example."""
    now = clock.now()
    status = ProposalStatus.EDITED if edited else ProposalStatus.ACCEPTED
    with store.transaction() as tx:
        tx.mail.decide_proposal(
            owner.id, view.id, status=status.value, decided_at=now, application_id=app_id
        )
        tx.mail.link_messages(owner.id, [view.message_id], app_id)
        if view.kind is ProposalKind.CREATE_APPLICATION:
            for waiting in tx.mail.dependents(owner.id, view.id):
                tx.mail.decide_proposal(owner.id, waiting["id"], application_id=app_id)
                tx.mail.link_messages(owner.id, [waiting["mail_message_id"]], app_id)
        _save_example(tx, owner, view.message_id, view.label, view.payload, edited, now)


def _save_example(
    tx: Any,
    owner: Owner,
    message_id: int,
    label: str,
    payload: dict[str, Any],
    corrected: bool,
    now: datetime,
) -> None:
    row = tx.mail.get_message(owner.id, message_id)
    if row is None or row["text"] is None:
        return
    sender = row["sender_address"]
    if row["sender_name"]:
        sender = f"{row['sender_name']} <{sender}>"
    rejection = label == EmailLabel.REJECTION.value
    tx.mail.save_example(
        owner.id,
        {
            "mail_message_id": message_id,
            "subject": row["subject"],
            "sender": sender,
            "body": row["text"],
            "label": label,
            "company": payload.get("company"),
            "role": payload.get("role"),
            "stage": payload.get("stage") if rejection else None,
            "reason": payload.get("reason") if rejection else None,
            "corrected": corrected,
            "created_at": now,
        },
    )


# -- small helpers ----------------------------------------------------------------------


def _fields(view: ProposalView) -> ApplicationFields:
    company = str(view.payload.get("company") or "").strip()
    role = str(view.payload.get("role") or "").strip()
    if not company:
        raise InvalidInput(
            f"proposal #{view.id} does not know the company",
            hint=f"onward review edit {view.id} --company NAME",
        )
    return ApplicationFields(company=company, role=role or "(role not given)",
                             job_ref=view.payload.get("job_ref") or None)  # fmt: skip


def _day(value: Any, clock: Clock) -> date:
    if not value:
        return clock.today()
    return min(date.fromisoformat(str(value)), clock.today())


def _moment(value: Any) -> datetime:
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        raise InvalidInput(
            f"not a date and time: {value!r}", hint="e.g. 2026-12-03T14:00"
        ) from None
    if moment.tzinfo is None:
        raise InvalidInput(f"{value!r} has no time zone", hint="e.g. 2026-12-03T14:00+01:00")
    return moment


def _clean(kind: ProposalKind, changes: dict[str, Any], clock: Clock) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in changes.items():
        if key == "application_id":
            continue
        text = None if value is None else str(value).strip()
        if key == "stage" and text:
            enum: Any = RejectionStage if kind is ProposalKind.LOG_REJECTION else Stage
            text = parse_choice(enum, text, "stage").value
        elif key == "reason" and text:
            text = parse_choice(RejectionReason, text, "reason").value
        elif key in ("on", "received_on") and text:
            text = parse_day(text, clock.today()).isoformat()
        elif key == "at" and text:
            text = _moment(text).isoformat()
        out[key] = text or None
    return out


def _read_company(tx: Any, owner: Owner, view: ProposalView) -> str | None:
    row = tx.mail.get_message(owner.id, view.message_id)
    return None if row is None else (row["details"] or {}).get("company")


# -- the person's examples, for training and for reading mail ---------------------------


def training_examples(store: Store, owner: Owner) -> list[LabelledExample]:
    """The person's confirmed and corrected readings, as training examples."""
    from onward.domain.emails import EmailText
    from onward.understand import LabelledExample

    with store.transaction() as tx:
        rows = tx.mail.examples(owner.id)
    return [
        LabelledExample(
            email=EmailText(subject=r["subject"], sender=r["sender"], body=r["body"]),
            label=EmailLabel(r["label"]),
            id=f"mine-{r['id']}",
            company=r["company"],
            role=r["role"],
            stage=RejectionStage(r["stage"]) if r["stage"] else None,
            reason=RejectionReason(r["reason"]) if r["reason"] else None,
        )
        for r in rows
    ]


def open_mail_reader(store: Store, owner: Owner, models_dir: Path) -> Reader:
    """The email reader trained on the built-in corpus and the person's examples."""
    from onward.services.model import open_reader

    return open_reader(models_dir, training_examples(store, owner))
