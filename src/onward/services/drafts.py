"""Drafts: messages written from an application, checked, kept, edited, exported, and marked
sent by the person. Nothing is ever sent for them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from onward.clock import Clock
from onward.db.store import Store, Tx
from onward.domain.drafts import DraftKind, Trigger
from onward.domain.pipeline import Stage
from onward.domain.playbook.advice import DueWindow, draft_window
from onward.domain.playbook.stored import DraftStatus, SavedDraft, check_draft_move
from onward.domain.records import Application, Contact, Owner
from onward.drafting import Draft, DraftFacts, Finding, check_draft, render_draft, to_eml_bytes
from onward.drafting import to_mailto as mailto_link
from onward.drafting.render import draft_kind
from onward.errors import Action, Hint, InvalidInput, NotFound
from onward.files import write_atomically
from onward.formats import formats

#: Trigger dates count from this time of day (the date alone says nothing about the hour).
TRIGGER_TIME = time(9, 0)
#: Longest text the live check reads (a message is never this long).
MAX_PREVIEW = 50_000
_INTERVIEWS = (Stage.INTERVIEW, Stage.FINAL)


@dataclass(frozen=True)
class DraftTiming:
    """When a draft is due: its kind's window counted from the trigger, if the trigger is known."""

    trigger: Trigger
    trigger_on: date | None
    #: The send window; None when the trigger is unknown or the window stays open.
    window: DueWindow | None
    note: str
    #: The earliest sensible moment (also for kinds whose window stays open).
    earliest_at: datetime | None = None

    def describe(self, now: datetime) -> str:
        """In words, in the person's locale, e.g. "send by Sun 22 Nov, 09:00 (rejection
        received on Fri, 20 Nov 2026)"."""
        what = self.trigger.value.replace("_", " ")
        if self.trigger_on is None:
            return f"counted from: {what} (not recorded yet)"
        fmt = formats()
        since = f"({what} on {fmt.day(self.trigger_on)})"
        if self.window is None:
            if self.earliest_at is not None and now < self.earliest_at:
                return f"send from {fmt.day(self.earliest_at)} {since}; {self.note}"
            return f"any time now {since}; {self.note}"
        opens, closes = self.window.opens_at, self.window.closes_at
        if now > closes:
            when = f"the suggested window closed {fmt.moment(closes)}; later is fine if it helps"
        elif now < opens:
            when = f"send between {fmt.moment(opens)} and {fmt.moment(closes)}"
        else:
            when = f"send by {fmt.moment(closes)}"
        return f"{when} {since}; {self.note}"


@dataclass(frozen=True)
class DraftView:
    """A kept draft with its quality findings and when it is due."""

    draft: SavedDraft
    findings: tuple[Finding, ...]
    timing: DraftTiming | None

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "error")


def create_draft(
    store: Store,
    owner: Owner,
    app_id: int,
    kind: DraftKind | str,
    clock: Clock,
    *,
    highlight: str | None = None,
    update: str | None = None,
    feedback_point: str | None = None,
    contact_id: int | None = None,
    templates_dir: Path | None = None,
    sender_name: str = "",
    signature: str = "",
) -> DraftView:
    """Write a draft of ``kind`` for an application, check it and keep it (status draft);
    ``signature`` goes under the name that signs it."""
    kind = draft_kind(kind)
    if not sender_name.strip():
        raise InvalidInput(
            "Onward needs your name to sign drafts",
            field="sender_name",
            hint=Hint(Action.SET_SETTING, {"name": "ONWARD_SENDER_NAME", "example": "'Ana Ruiz'"}),
        )
    with store.transaction() as tx:
        app = _application(tx, owner, app_id)
        contact = _contact_for(tx, owner, app, contact_id)
        facts = DraftFacts(
            company=app.company,
            role=app.role,
            sender_name=sender_name,
            contact_name=contact.name if contact else None,
            contact_email=contact.fields.email if contact else None,
            interview_date=_latest(app, _INTERVIEWS),
            applied_date=_first(app, Stage.APPLIED),
            highlight=highlight,
            update=update,
            feedback_point=feedback_point,
        )
        draft = render_draft(kind, facts, templates_dir)
        draft_id = tx.drafts.insert(
            owner.id,
            application_id=app.id,
            contact_id=contact.id if contact else None,
            kind=kind,
            to=draft.to,
            subject=draft.subject,
            body=f"{draft.body.rstrip()}\n{signature.strip()}\n"
            if signature.strip()
            else draft.body,
            now=clock.now(),
        )
        return _view(tx, owner, _get(tx, owner, draft_id), clock)


def edit_draft(
    store: Store,
    owner: Owner,
    draft_id: int,
    clock: Clock,
    *,
    subject: str | None = None,
    body: str | None = None,
    to: str | None = None,
) -> DraftView:
    """Change the subject, body or recipient ('' clears the recipient); checks it again."""
    if subject is None and body is None and to is None:
        raise InvalidInput("nothing to change", hint="give a subject, a body or a recipient")
    with store.transaction() as tx:
        saved = _get(tx, owner, draft_id)
        check_draft_move(saved, DraftStatus.DRAFT)
        new_subject = saved.subject if subject is None else " ".join(subject.split())
        new_body = saved.body if body is None else body.replace("\r\n", "\n").strip()
        new_to = saved.to if to is None else (to.strip() or None)
        if not new_subject:
            raise InvalidInput("the subject cannot be empty", field="subject")
        if not new_body:
            raise InvalidInput("the body cannot be empty", field="body")
        if new_to is not None:
            _check_address(new_to)
        tx.drafts.update_text(
            owner.id, draft_id, subject=new_subject, body=new_body, to=new_to, now=clock.now()
        )
        return _view(tx, owner, _get(tx, owner, draft_id), clock)


def get_draft(store: Store, owner: Owner, draft_id: int, clock: Clock) -> DraftView:
    """One draft with its quality checks run again and its timing."""
    with store.transaction() as tx:
        return _view(tx, owner, _get(tx, owner, draft_id), clock)


def list_drafts(
    store: Store,
    owner: Owner,
    *,
    statuses: tuple[DraftStatus, ...] = (DraftStatus.DRAFT, DraftStatus.SENT),
    application_id: int | None = None,
) -> list[SavedDraft]:
    with store.transaction() as tx:
        return tx.drafts.query(owner.id, statuses=statuses, application_id=application_id)


def first_drafts(
    store: Store, owner: Owner, *, statuses: tuple[DraftStatus, ...], limit: int
) -> tuple[list[SavedDraft], int]:
    """The oldest ``limit`` drafts with these statuses, and how many there are in all."""
    if limit < 1:
        raise InvalidInput(f"limit must be 1 or more, not {limit}")
    with store.transaction() as tx:
        found = tx.drafts.query(owner.id, statuses=statuses, limit=limit)
        return found, tx.drafts.count(owner.id, statuses=statuses)


def mark_draft_sent(store: Store, owner: Owner, draft_id: int, clock: Clock) -> SavedDraft:
    """The person sent it from their mail program: keep when, and complete the open task
    that asked for a message of this kind for the same application."""
    return _set_status(store, owner, draft_id, DraftStatus.SENT, clock)


def discard_draft(store: Store, owner: Owner, draft_id: int, clock: Clock) -> SavedDraft:
    return _set_status(store, owner, draft_id, DraftStatus.DISCARDED, clock)


def export_draft_eml(
    store: Store, owner: Owner, draft_id: int, path: Path, clock: Clock, *, from_addr: str | None
) -> SavedDraft:
    """Write the draft as an .eml file a mail program opens as an editable draft."""
    saved, data = draft_eml(store, owner, draft_id, clock, from_addr=from_addr)
    write_atomically(path, data)
    return saved


def draft_eml(
    store: Store, owner: Owner, draft_id: int, clock: Clock, *, from_addr: str | None
) -> tuple[SavedDraft, bytes]:
    """The draft, and the draft as an .eml a mail program opens as an editable draft."""
    if not from_addr:
        raise InvalidInput(
            "an .eml file needs your email address as its sender",
            hint=Hint(
                Action.SET_SETTING, {"name": "ONWARD_SENDER_EMAIL", "example": "ana@example.org"}
            ),
        )
    with store.transaction() as tx:
        saved = _get(tx, owner, draft_id)
    return saved, to_eml_bytes(_as_draft(saved, None), from_addr, clock.now())


def preview_draft_checks(
    store: Store, owner: Owner, draft_id: int, *, subject: str, body: str, to: str | None
) -> tuple[Finding, ...]:
    """The quality findings ``subject`` and ``body`` would get as draft ``draft_id`` (nothing
    is saved)."""
    if len(subject) + len(body) > MAX_PREVIEW:
        raise InvalidInput(f"a draft of more than {MAX_PREVIEW:,} characters cannot be checked")
    with store.transaction() as tx:
        saved = _get(tx, owner, draft_id)
        app = (
            tx.applications.get(owner.id, saved.application_id, with_events=False)
            if saved.application_id is not None
            else None
        )
    if app is None:
        return ()
    draft = Draft(
        kind=saved.kind,
        subject=" ".join(subject.split()),
        body=body.replace("\r\n", "\n").strip(),
        to=(to or "").strip() or None,
        facts=DraftFacts(company=app.company, role=app.role),
    )
    return tuple(check_draft(draft))


def draft_mailto(store: Store, owner: Owner, draft_id: int) -> str:
    """A mailto: link that opens the draft in the person's mail program."""
    with store.transaction() as tx:
        saved = _get(tx, owner, draft_id)
    return mailto_link(_as_draft(saved, None))


def _timing(tx: Tx, owner: Owner, saved: SavedDraft, clock: Clock) -> DraftTiming | None:
    """When ``saved`` is due, from its kind's timing and the application's history."""
    if saved.application_id is None:
        return None
    app = tx.applications.get(owner.id, saved.application_id)
    if app is None:
        return None
    timing = saved.kind.timing
    day = _trigger_day(tx, owner, app, timing.trigger)
    if day is None:
        return DraftTiming(timing.trigger, None, None, timing.note)
    at = datetime.combine(day, TRIGGER_TIME, tzinfo=clock.now().tzinfo)
    window = draft_window(saved.kind, at)
    return DraftTiming(timing.trigger, day, window, timing.note, at + timing.earliest)


def _trigger_day(tx: Tx, owner: Owner, app: Application, trigger: Trigger) -> date | None:
    if trigger == Trigger.APPLICATION_SENT:
        return _first(app, Stage.APPLIED)
    if trigger == Trigger.REJECTION_RECEIVED:
        rejection = tx.rejections.for_application(owner.id, app.id)
        return rejection.received_on if rejection else _latest(app, (Stage.REJECTED,))
    if trigger == Trigger.FEEDBACK_RECEIVED:
        found = tx.feedback.query(owner.id, application_id=app.id)
        return found[-1].feedback.received_on if found else None
    if trigger == Trigger.LAST_CONTACT:
        talks = [e.occurred_on for e in app.events if e.stage != Stage.GHOSTED]
        return max(talks) if talks else None
    sent = [
        d.sent_at
        for d in tx.drafts.query(
            owner.id,
            statuses=(DraftStatus.SENT,),
            application_id=app.id,
            kinds=(DraftKind.GHOSTING_FOLLOW_UP,),
        )
        if d.sent_at is not None
    ]
    return max(sent).date() if sent else None


def _set_status(
    store: Store, owner: Owner, draft_id: int, status: DraftStatus, clock: Clock
) -> SavedDraft:
    """Mark a draft sent (completing the task that asked for it) or discarded."""
    with store.transaction() as tx:
        return _change_status(tx, owner, draft_id, status, clock)


def _change_status(
    tx: Tx, owner: Owner, draft_id: int, status: DraftStatus, clock: Clock
) -> SavedDraft:
    saved = _get(tx, owner, draft_id)
    check_draft_move(saved, status)
    now = clock.now()
    sent_at = now if status == DraftStatus.SENT else None
    tx.drafts.set_status(owner.id, draft_id, status, sent_at=sent_at, now=now)
    if status == DraftStatus.SENT and saved.application_id is not None:
        tx.tasks.complete_open(
            owner.id,
            now,
            draft_kind=saved.kind,
            application_id=saved.application_id,
            first_only=True,
        )
    return _get(tx, owner, draft_id)


def _view(tx: Tx, owner: Owner, saved: SavedDraft, clock: Clock) -> DraftView:
    app = (
        tx.applications.get(owner.id, saved.application_id, with_events=False)
        if saved.application_id is not None
        else None
    )
    facts = DraftFacts(company=app.company, role=app.role) if app else None
    findings = tuple(check_draft(_as_draft(saved, facts))) if facts else ()
    return DraftView(saved, findings, _timing(tx, owner, saved, clock))


def _as_draft(saved: SavedDraft, facts: DraftFacts | None) -> Draft:
    return Draft(kind=saved.kind, subject=saved.subject, body=saved.body, to=saved.to, facts=facts)


def _contact_for(tx: Tx, owner: Owner, app: Application, contact_id: int | None) -> Contact | None:
    """The contact named, else the one who gave the rejection, else the first one linked."""
    if contact_id is not None:
        contact = tx.contacts.get(owner.id, contact_id)
        if contact is None:
            raise NotFound(f"no contact #{contact_id}", hint=Hint(Action.LIST_CONTACTS))
        return contact
    rejection = tx.rejections.for_application(owner.id, app.id)
    if rejection is not None and rejection.contact_id is not None:
        contact = tx.contacts.get(owner.id, rejection.contact_id)
        if contact is not None:
            return contact
    linked = tx.contacts.query(owner.id, application_id=app.id)
    with_email = [c for c in linked if c.fields.email]
    chosen = with_email or linked
    return chosen[0] if chosen else None


def _check_address(address: str) -> None:
    local, at, domain = address.partition("@")
    if not (local and at and domain) or "@" in domain or any(c.isspace() for c in address):
        raise InvalidInput(
            f"not an email address: {address!r}", field="to", hint="write name@example.com"
        )


def _first(app: Application, stage: Stage) -> date | None:
    days = [e.occurred_on for e in app.events if e.stage == stage]
    return min(days) if days else None


def _latest(app: Application, stages: tuple[Stage, ...]) -> date | None:
    days = [e.occurred_on for e in app.events if e.stage in stages]
    return max(days) if days else None


def _application(tx: Tx, owner: Owner, app_id: int) -> Application:
    app = tx.applications.get(owner.id, app_id)
    if app is None:
        raise NotFound(f"no application #{app_id}", hint=Hint(Action.LIST_APPLICATIONS))
    return app


def _get(tx: Tx, owner: Owner, draft_id: int) -> SavedDraft:
    saved = tx.drafts.get(owner.id, draft_id)
    if saved is None:
        raise NotFound(f"no draft #{draft_id}", hint=Hint(Action.LIST_DRAFTS))
    return saved
