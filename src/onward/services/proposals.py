"""One proposal of the review queue: how it is read, and what accepting it does.

``apply_proposal`` changes the tracker through the same services as typing the change by
hand (``add_application``, ``move_application``, ``add_contact``, ``reject_application``, so an
accepted rejection starts the playbook), then marks the proposal decided, links its message
and the proposals that were waiting for the new application, and keeps the person's reading
of the email as a training example. ``onward.services.review`` is the public face.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from onward.clock import Clock
from onward.db.mail_rows import QueuedProposal
from onward.db.store import Store
from onward.domain.changes import ChangeKind
from onward.domain.emails import EmailLabel, RejectionReason, RejectionStage
from onward.domain.mail import ProposalKind, ProposalStatus, describe
from onward.domain.pipeline import Stage
from onward.domain.playbook.dwell import DwellChoice
from onward.domain.playbook.tasks import Task, TaskKind
from onward.domain.records import (
    Application,
    ApplicationFields,
    ContactFields,
    ContactRole,
    Owner,
    parse_choice,
)
from onward.errors import Action, Hint, InvalidInput, NotFound
from onward.services.applications import add_application, get_application, move_application
from onward.services.changes import Recording, recording
from onward.services.contacts import add_contact
from onward.services.rejections import RejectionDetails, reject_application

__all__ = [
    "Accepted",
    "ProposalView",
    "apply_proposal",
    "get_proposal",
    "load_proposals",
    "moment",
    "save_example",
    "view_of",
]


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

    @property
    def sure(self) -> str:
        """The confidence as people read it: a whole percentage between 1% and 99% (a
        reading of an email is never certain, nor ever quite impossible)."""
        return f"{min(99, max(1, round(self.confidence * 100)))}%"


@dataclass(frozen=True)
class Accepted:
    """What accepting one proposal did."""

    proposal_id: int
    application_id: int
    done: str
    rejection_logged: bool = False


def view_of(queued: QueuedProposal) -> ProposalView:
    row = queued.proposal
    kind = ProposalKind(row.kind)
    payload = dict(row.payload or {})
    sender = queued.sender_address
    if queued.sender_name:
        sender = f"{queued.sender_name} <{sender}>" if sender else queued.sender_name
    waiting = payload.get("create_proposal") if row.application_id is None else None
    return ProposalView(
        id=row.id,
        kind=kind,
        status=ProposalStatus(row.status),
        summary=describe(kind, payload),
        confidence=float(row.confidence),
        payload=payload,
        proposed=dict(row.proposed or {}),
        application_id=row.application_id,
        waiting_on=waiting if isinstance(waiting, int) else None,
        message_id=row.mail_message_id,
        subject=queued.subject,
        sender=sender,
        sent_at=queued.sent_at,
        label=queued.label,
        evidence=tuple(queued.evidence or ()),
        created_at=row.created_at,
        decided_at=row.decided_at,
    )


def load_proposals(
    store: Store,
    owner: Owner,
    *,
    statuses: Sequence[str] = (),
    ids: Sequence[int] = (),
    limit: int | None = None,
) -> list[ProposalView]:
    with store.transaction() as tx:
        rows = tx.mail.proposals(owner.id, statuses=statuses, ids=ids, limit=limit)
    return [view_of(r) for r in rows]


def get_proposal(store: Store, owner: Owner, proposal_id: int) -> ProposalView:
    """One proposal, whatever its status; ``NotFound`` when there is none."""
    found = load_proposals(store, owner, ids=(proposal_id,))
    if not found:
        raise NotFound(f"no proposal #{proposal_id}", hint=Hint(Action.LIST_PROPOSALS))
    return found[0]


def apply_proposal(
    store: Store,
    owner: Owner,
    proposal_id: int,
    clock: Clock,
    dwell: DwellChoice,
    *,
    edited: bool,
) -> list[Accepted]:
    """Carry out one pending proposal (and the new application it waits on, if any) and mark
    it decided, in one transaction: a refused move or a crash leaves nothing half-done."""
    with recording(store, owner, ChangeKind.ACCEPT, clock) as change:
        view = get_proposal(store, owner, proposal_id)
        if view.status is not ProposalStatus.PENDING:
            raise InvalidInput(f"proposal #{view.id} is already {view.status.value}")
        _watch(store, owner, view, change)
        if change.proposal_id is None:  # the proposal accepted, not one it needed first
            change.proposal_id = view.id
        done: list[Accepted] = []
        app_id = view.application_id
        if app_id is None and view.kind is not ProposalKind.CREATE_APPLICATION:
            app_id = _application_first(store, owner, view, clock, dwell, done)
        outcome = HANDLERS[view.kind](_Acceptance(store, owner, view, app_id, clock, dwell))
        _settle(store, owner, view, outcome.app_id, clock, edited=edited)
        done.append(Accepted(view.id, outcome.app_id, outcome.what, outcome.rejected))
        if change.proposal_id == view.id:
            change.summary = f"accepted from mail: {view.summary}"
        return done


def _watch(store: Store, owner: Owner, view: ProposalView, change: Recording) -> None:
    """Before accepting: the rows accepting may change besides the application's own (the
    proposal, those waiting on it, their messages and the examples kept of them), so an undo
    puts them back (the proposal pending again)."""
    with store.transaction() as tx:
        waiting = (
            tx.mail.dependents(owner.id, view.id)
            if view.kind is ProposalKind.CREATE_APPLICATION
            else []
        )
    proposals = [view.id, *(w.id for w in waiting)]
    messages = [view.message_id, *(w.mail_message_id for w in waiting)]
    change.track([view.application_id] if view.application_id is not None else [])
    change.track_rows(
        [("mail_proposals", {"id": i}) for i in proposals]
        + [("mail_messages", {"id": i}) for i in messages]
        + [("mail_examples", {"mail_message_id": i}) for i in messages]
    )


@dataclass(frozen=True)
class _Acceptance:
    """One proposal being accepted, with what its handler needs."""

    store: Store
    owner: Owner
    view: ProposalView
    app_id: int | None  # None only for a new application
    clock: Clock
    dwell: DwellChoice

    @property
    def application(self) -> int:
        assert self.app_id is not None
        return self.app_id


@dataclass(frozen=True)
class _Outcome:
    app_id: int
    what: str
    rejected: bool = False


def _create_application(a: _Acceptance) -> _Outcome:
    if a.app_id is not None:
        return _Outcome(a.app_id, f"linked to application #{a.app_id}")
    p = a.view.payload
    app = add_application(
        a.store, a.owner, _fields(a.view), a.clock,
        stage=parse_choice(Stage, str(p.get("stage") or "applied"), "stage"),
        on=_day(p.get("on"), a.clock), note="from mail",
    )  # fmt: skip
    return _Outcome(app.id, f"added application #{app.id} {app.fields.company} – {app.fields.role}")


def _move_stage(a: _Acceptance) -> _Outcome:
    p = a.view.payload
    stage = parse_choice(Stage, str(p.get("stage")), "stage")
    move_application(
        a.store, a.owner, a.application, stage, a.clock, on=_day(p.get("on"), a.clock),
        source="mail",
    )  # fmt: skip
    return _Outcome(a.application, f"moved application #{a.application} to {stage.value}")


def _log_rejection(a: _Acceptance) -> _Outcome:
    p = a.view.payload
    details = RejectionDetails(
        received_on=_day(p.get("received_on"), a.clock),
        stage=RejectionStage(p["stage"]) if p.get("stage") else None,
        reason=RejectionReason(p.get("reason") or "unspecified"),
        quote=p.get("quote") or None,
        personal=p.get("personal"),
    )
    reject_application(a.store, a.owner, a.application, details, a.clock, dwell=a.dwell)
    what = f"logged the rejection for application #{a.application}; its playbook has started"
    return _Outcome(a.application, what, rejected=True)


def _add_contact(a: _Acceptance) -> _Outcome:
    p = a.view.payload
    fields = ContactFields(
        name=str(p.get("name") or "").strip(),
        role=ContactRole.RECRUITER,
        email=p.get("email") or None,
        company=p.get("company") or None,
    )
    contact = add_contact(a.store, a.owner, fields, a.clock, application_ids=(a.application,))
    what = f"added contact #{contact.id} {contact.fields.name} to application #{a.application}"
    return _Outcome(a.application, what)


def _schedule_interview(a: _Acceptance) -> _Outcome:
    p, clock, app_id = a.view.payload, a.clock, a.application
    at = moment(p.get("at"), clock)
    app = get_application(a.store, a.owner, app_id)
    local = at.astimezone(clock.now().tzinfo).strftime("%Y-%m-%d %H:%M")
    move_application(
        a.store, a.owner, app_id, Stage.INTERVIEW, clock,
        on=max(_day(p.get("on"), clock), app.stage_on), note=f"interview on {local}",
        source="mail",
    )  # fmt: skip
    what = f"application #{app_id} at interview, on {local}"
    if at > clock.now():
        _plan_preparation(a.store, a.owner, app, at, clock)
        what += "; a task to prepare is on your list"
    return _Outcome(app_id, what)


#: What accepting each kind of proposal does.
HANDLERS: dict[ProposalKind, Callable[[_Acceptance], _Outcome]] = {
    ProposalKind.CREATE_APPLICATION: _create_application,
    ProposalKind.MOVE_STAGE: _move_stage,
    ProposalKind.LOG_REJECTION: _log_rejection,
    ProposalKind.ADD_CONTACT: _add_contact,
    ProposalKind.SCHEDULE_INTERVIEW: _schedule_interview,
}


#: How long before an interview the task to prepare for it shows up.
PREPARE_AHEAD = timedelta(days=2)


def _plan_preparation(
    store: Store, owner: Owner, app: Application, at: datetime, clock: Clock
) -> None:
    """A task to prepare for the interview: shown two days ahead, due when it starts."""
    when = at.astimezone(clock.now().tzinfo).strftime("%a %d %b, %H:%M")
    task = Task(
        application_id=app.id,
        kind=TaskKind.PREPARE_INTERVIEW,
        title=f"Prepare for the interview on {when}",
        due_at=at,
        not_before=max(at - PREPARE_AHEAD, clock.now()),
    )
    with store.transaction() as tx:
        tx.tasks.insert(owner.id, task, clock.now())


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
        create = get_proposal(store, owner, view.waiting_on)
        if create.status is ProposalStatus.PENDING:
            done.extend(apply_proposal(store, owner, create.id, clock, dwell, edited=False))
            create = get_proposal(store, owner, create.id)
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
                tx.mail.decide_proposal(owner.id, waiting.id, application_id=app_id)
                tx.mail.link_messages(owner.id, [waiting.mail_message_id], app_id)
        save_example(tx, owner, view.message_id, view.label, view.payload, edited, now)


def save_example(
    tx: Any,
    owner: Owner,
    message_id: int,
    label: str,
    payload: dict[str, Any],
    corrected: bool,
    now: datetime,
) -> None:
    row = tx.mail.get_message(owner.id, message_id)
    if row is None or row.text is None:
        return
    sender = row.sender_address
    if row.sender_name:
        sender = f"{row.sender_name} <{sender}>"
    rejection = label == EmailLabel.REJECTION.value
    tx.mail.save_example(
        owner.id,
        {
            "mail_message_id": message_id,
            "subject": row.subject,
            "sender": sender,
            "body": row.text,
            "label": label,
            "company": payload.get("company"),
            "role": payload.get("role"),
            "stage": payload.get("stage") if rejection else None,
            "reason": payload.get("reason") if rejection else None,
            "corrected": corrected,
            "created_at": now,
        },
    )


def _fields(view: ProposalView) -> ApplicationFields:
    company = str(view.payload.get("company") or "").strip()
    role = str(view.payload.get("role") or "").strip()
    if not company:
        raise InvalidInput(
            f"proposal #{view.id} does not know the company",
            hint=Hint(Action.EDIT_PROPOSAL, {"proposal_id": view.id}),
        )
    return ApplicationFields(company=company, role=role or "(role not given)",
                             job_ref=view.payload.get("job_ref") or None)  # fmt: skip


def _day(value: Any, clock: Clock) -> date:
    if not value:
        return clock.today()
    return min(date.fromisoformat(str(value)), clock.today())


def moment(value: Any, clock: Clock) -> datetime:
    """A date and time; one without a zone (as emails write them) is the person's local time."""
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        raise InvalidInput(
            f"not a date and time: {value!r}", hint="e.g. 2026-12-03 14:00"
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=clock.now().tzinfo)
    return moment
