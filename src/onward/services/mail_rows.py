"""What the mail import writes and reads back: message rows, text any database can store,
and the state a resumed import starts from (the match index and the company book).

A resumed import must read the rest of a mailbox exactly as an uninterrupted one would, so
what the import keeps in memory between batches is rebuilt here from what was committed,
in the order it was learnt: the company names the reader read (``learnt_company``, in
message order), the threads of job mail (with the new application each waits for) and the
create-application proposals still pending.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from onward.db.store import Tx
from onward.domain.emails import EmailLabel, EmailReading
from onward.domain.mail import AppCandidate, ProposalKind
from onward.domain.pipeline import Stage
from onward.domain.records import Owner
from onward.mail.matching import MatchIndex, PendingCreate, ThreadLink
from onward.mail.parse import ParsedMessage
from onward.understand.mailbox import CompanyBook

__all__ = [
    "details_of",
    "escaped",
    "load_book",
    "load_index",
    "message_row",
    "reading_columns",
    "sender_of",
]


def escaped(text: str, limit: int = 1000) -> str:
    """``text`` as any database stores it: lone surrogates and NUL written as escapes
    (``\\ud800``, ``\\x00``), at most ``limit`` characters. For what Onward writes about a
    message (a quarantine reason, a source key), never for the message's own text."""
    safe = text.encode("utf-8", "backslashreplace").decode("utf-8").replace("\x00", "\\x00")
    return safe[:limit]


def sender_of(name: str, address: str) -> str:
    """One sender as the company book learns it (the same from a message and from a row)."""
    return f"{name} <{address}>" if name and address else address or name


def message_row(
    parsed: ParsedMessage,
    dedupe_key: str,
    digest: str,
    where: tuple[str, str],
    now: datetime,
    *,
    full: bool,
) -> dict[str, Any]:
    """The row of one message (``where``: source and key), as stored before it is read."""
    source, key = where
    return {
        "dedupe_key": dedupe_key[:600],
        "message_id": parsed.message_id[:600] if parsed.message_id else None,
        "content_hash": digest,
        "source": escaped(source),
        "source_key": escaped(key),
        "subject": parsed.subject,
        "sender_name": parsed.sender_name[:300],
        "sender_address": parsed.sender_address[:320],
        "sent_at": parsed.date,
        "thread_ids": list(parsed.thread_ids[:50]),
        "text": None,
        "html": None,
        "learnt_company": None,
        "label": EmailLabel.OTHER.value,
        "confidence": 1.0,
        "evidence": [],
        "details": {},
        "prefiltered": not full,
        "application_id": None,
        "imported_at": now,
    }


def reading_columns(reading: EmailReading) -> dict[str, Any]:
    return {
        "label": reading.label.value,
        "confidence": float(reading.confidence),
        "evidence": list(reading.evidence),
        "details": details_of(reading),
    }


def details_of(reading: EmailReading) -> dict[str, Any]:
    """What the reader extracted, as JSON-ready values (``None`` left out)."""
    values = {
        "company": reading.company,
        "company_read": reading.company_read,
        "role": reading.role,
        "job_ref": reading.job_ref,
        "contact_name": reading.contact_name,
        "contact_email": reading.contact_email,
        "interview_at": reading.interview_at.isoformat() if reading.interview_at else None,
        "rejection_stage": reading.rejection_stage.value if reading.rejection_stage else None,
        "reason": reading.reason.value if reading.reason else None,
        "reason_quote": reading.reason_quote,
        "personal": reading.personal,
    }
    return {k: v for k, v in values.items() if v is not None}


def load_index(tx: Tx, owner: Owner) -> MatchIndex:
    """The person's applications, the pending new applications and the job mail's threads."""
    emails: dict[int, set[str]] = {}
    names: dict[int, set[str]] = {}
    for app_id, email, name in tx.mail.contact_keys(owner.id):
        if email:
            emails.setdefault(app_id, set()).add(email.lower())
        names.setdefault(app_id, set()).add(name.casefold())
    apps = [
        AppCandidate(
            id=r.id,
            company=r.company,
            role=r.role,
            job_ref=r.job_ref,
            stage=Stage(r.stage),
            reached=Stage(r.reached),
            contact_emails=frozenset(emails.get(r.id, ())),
            contact_names=frozenset(names.get(r.id, ())),
        )
        for r in tx.mail.application_rows(owner.id)
    ]
    pending, create_of_message = _pending(tx, owner)
    threads = {
        mid: ThreadLink(app_id, None if app_id else create_of_message.get(stored, waits_for))
        for mid, app_id, stored, waits_for in tx.mail.job_threads(owner.id)
    }
    return MatchIndex(apps, pending, threads, tx.mail.aliases(owner.id))


def _pending(tx: Tx, owner: Owner) -> tuple[list[PendingCreate], dict[int, int]]:
    """The pending create-application proposals, and the one each message's proposals wait
    for (its own, or the one its other proposals name)."""
    pending: list[PendingCreate] = []
    create_of_message: dict[int, int] = {}
    for p in tx.mail.pending_unlinked(owner.id):
        payload = p.payload or {}
        if p.kind == ProposalKind.CREATE_APPLICATION.value:
            pending.append(
                PendingCreate(
                    p.id, payload.get("company") or "", payload.get("role"),
                    payload.get("job_ref"),
                )
            )  # fmt: skip
            create_of_message.setdefault(p.mail_message_id, p.id)
        elif isinstance(payload.get("create_proposal"), int):
            create_of_message.setdefault(p.mail_message_id, payload["create_proposal"])
    return pending, create_of_message


def load_book(tx: Tx, owner: Owner, index: MatchIndex) -> CompanyBook:
    """The company names the person tracks, then those the stored mail taught, in the order
    the import learnt them."""
    book = CompanyBook()
    for app in index.applications:
        book.pin(app.company)
    for name, address, company in tx.mail.learnt_companies(owner.id):
        book.learn(sender_of(name, address), company or None)
    return book
