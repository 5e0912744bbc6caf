"""One job message into the review queue: matched to an application (or a new one waiting
in the queue), stored with its proposals.

The match index learns from each message only once everything about it is written, so a
message the database refuses (undone to its savepoint by the import) teaches nothing. What
it learns is also written with the message (the application it matched, the new one it
waits for), so a resumed import rebuilds the same index (``onward.services.mail_rows``).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from onward.clock import Clock
from onward.db.store import Tx
from onward.domain.companies import company_from_domain
from onward.domain.emails import EmailReading
from onward.domain.mail import Match, ProposalDraft, ProposalKind, ProposalStatus, propose
from onward.domain.records import Owner
from onward.mail.matching import MatchIndex, PendingCreate, ThreadLink
from onward.mail.parse import ParsedMessage
from onward.services.mail_rows import details_of, reading_columns

__all__ = ["received_on", "store_job_mail"]


def store_job_mail(
    tx: Tx,
    owner: Owner,
    parsed: ParsedMessage,
    row: dict[str, Any],
    reading: EmailReading,
    index: MatchIndex,
    clock: Clock,
) -> list[ProposalDraft] | None:
    """Store one job message with its proposals; returns them, or None when
    it was held back (it names no company or role and belongs to nothing known: a friend's
    "are you free for a video call?" is not an interview to track)."""
    if reading.company:
        reading = replace(reading, company=index.canonical_name(reading.company))
    match = index.match(reading, parsed.thread_ids, parsed.sender_address)
    names_role = match.pending_create is not None and not match.role and bool(reading.role)
    if names_role:
        # the new application was proposed from mail that named no role: this one names it
        assert match.pending_create is not None and reading.role
        tx.mail.name_pending_role(owner.id, match.pending_create, reading.role)
    fallback = company_from_domain(parsed.sender_address).title() or None
    app_id = match.application.id if match.application else None
    details = details_of(reading) | {"match": match.how}
    if parsed.date_source != "date":  # dated from elsewhere, or not at all: say so
        details["dated_by"] = parsed.date_source or "import"
    if match.note:
        details["match_note"] = match.note
    if app_id is None and match.pending_create is not None:
        details["pending_create"] = match.pending_create
    columns = row | reading_columns(reading) | {"details": details}
    unknown = match.application is None and match.pending_create is None
    if unknown and not (reading.company or fallback or reading.role):
        details["held_back"] = "names no company or role"
        tx.mail.insert_message(owner.id, columns)
        index.remember_thread(parsed.message_id, ThreadLink(None, None))
        return None
    drafts = propose(reading, match, received_on(parsed, clock), fallback_company=fallback)
    message_id = tx.mail.insert_message(owner.id, columns | {"application_id": app_id})
    if message_id is None:  # stored meanwhile (cannot happen within one run; be safe)
        return []
    made = _insert_proposals(tx, owner, message_id, app_id, match, drafts, clock)
    # Only now that all is written does the index learn from this message.
    if names_role:
        assert match.pending_create is not None and reading.role
        index.name_role(match.pending_create, reading.role)
    create_id = match.pending_create
    for pending in made:
        index.remember_pending(pending)
        create_id = pending.proposal_id
    index.remember_thread(parsed.message_id, ThreadLink(app_id, None if app_id else create_id))
    return drafts


def _insert_proposals(
    tx: Tx,
    owner: Owner,
    message_id: int,
    app_id: int | None,
    match: Match,
    drafts: list[ProposalDraft],
    clock: Clock,
) -> list[PendingCreate]:
    """Insert the proposals of one message; returns the new applications it proposes."""
    create_id = match.pending_create
    made: list[PendingCreate] = []
    now = clock.now()
    for draft in drafts:
        payload = dict(draft.payload)
        if draft.after_create and create_id is not None:
            payload["create_proposal"] = create_id
        proposal_id = tx.mail.insert_proposal(
            owner.id,
            {
                "mail_message_id": message_id,
                "application_id": app_id,
                "kind": draft.kind.value,
                "payload": payload,
                "proposed": payload,
                "confidence": draft.confidence,
                "status": ProposalStatus.PENDING.value,
                "created_at": now,
            },
        )
        if draft.kind is ProposalKind.CREATE_APPLICATION:
            create_id = proposal_id
            made.append(
                PendingCreate(
                    proposal_id,
                    payload.get("company") or "",
                    payload.get("role"),
                    payload.get("job_ref"),
                )
            )
    return made


def received_on(parsed: ParsedMessage, clock: Clock) -> date:
    """The day a message came, in the person's zone (today only when the message says
    nothing of its date: no Date, Received or mbox ``From `` line; never later than today)."""
    today = clock.today()
    if parsed.date is None:
        return today
    try:
        local = parsed.date.astimezone(clock.now().tzinfo).date()
    except OverflowError:  # a date at the edge of the calendar (year 9999, behind UTC)
        return today
    return min(local, today)
