"""Importing mail: store each message once, read the job mail, queue proposals for review.

``import_messages`` is source-agnostic: files (``import_path``) and IMAP sync both hand it
``(source_key, raw bytes)`` pairs. What it guarantees:

- **Idempotent.** A message is stored once per person, recognised by its Message-ID, or by
  the SHA-256 of its bytes when it has none. Importing the same mail again (or the same
  message from two folders) adds nothing and proposes nothing twice.
- **Crash-safe.** Messages are committed in batches, each batch in one transaction with the
  source's progress (the key of its last message). Killed mid-import, a rerun resumes after
  the last committed batch (an mbox seeks straight there) and the uncommitted batch is read
  again: nothing is lost and, thanks to the unique dedupe key, nothing is doubled.
- **Tolerant.** A message that cannot be read is quarantined with the reason (once per
  source and key) and the import goes on.
- **Fast.** Mail that plainly is not about a job (``onward.mail.prefilter``) is stored from
  its headers alone, without the full parse or the reader; replies in a known job thread
  always get the full read. Only job mail keeps its text.

Nothing in the tracker changes during an import: job mail becomes proposals (create an
application, move a stage, log a rejection, add a contact, schedule an interview) that the
person accepts, edits or dismisses in the review queue (``onward.services.review``).
"""

from __future__ import annotations

import hashlib
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from onward.clock import Clock
from onward.db.store import Store, Tx
from onward.domain.companies import company_from_domain
from onward.domain.emails import EmailLabel, EmailReading, EmailText
from onward.domain.mail import (
    AppCandidate,
    ImportSummary,
    ProposalKind,
    ProposalStatus,
    propose,
)
from onward.domain.pipeline import Stage
from onward.domain.records import Owner
from onward.errors import MalformedMessage
from onward.mail.matching import MatchIndex, PendingCreate, ThreadLink
from onward.mail.parse import ParsedMessage, parse_headers, parse_message
from onward.mail.prefilter import is_bulk_mail, may_be_job_mail
from onward.understand.mailbox import CompanyBook

if TYPE_CHECKING:
    from onward.db.mail import ImportProgressRow

__all__ = [
    "BATCH_SIZE",
    "MailReader",
    "ProgressCallback",
    "get_import_progress",
    "import_messages",
]

BATCH_SIZE = 500
#: Mailing-list and marketing mail must be read this confidently to count as job mail
#: (shop "offers" are not job offers).
BULK_MIN_CONFIDENCE = 0.8
#: Called after each committed batch with the messages read so far and the last key.
ProgressCallback = Callable[[int, str], None]


class MailReader(Protocol):
    """What reads one email (``onward.understand.Reader`` is one)."""

    def read(self, email: EmailText) -> EmailReading: ...


@dataclass
class _Item:
    key: str
    digest: str
    size: int
    parsed: ParsedMessage | None = None
    full: bool = False
    bulk: bool = False
    reason: str | None = None

    @property
    def dedupe_key(self) -> str:
        assert self.parsed is not None
        return self.parsed.message_id or f"sha256:{self.digest}"


@dataclass
class _Run:
    """Counters of one import, turned into the summary at the end."""

    read: int = 0
    new: int = 0
    already_seen: int = 0
    proposals: int = 0
    quarantined: int = 0
    prefiltered: int = 0
    held_back: int = 0
    job_mail: Counter[str] = field(default_factory=Counter)


def get_import_progress(store: Store, owner: Owner, source_name: str) -> ImportProgressRow | None:
    """How far ``source_name`` was imported (position, fingerprint, state), if ever."""
    with store.transaction() as tx:
        return tx.mail.progress(owner.id, source_name)


def import_messages(
    store: Store,
    owner: Owner,
    source_name: str,
    messages: Iterable[tuple[str, bytes]],
    reader: MailReader,
    clock: Clock,
    progress: ProgressCallback | None = None,
    *,
    batch_size: int = BATCH_SIZE,
    fingerprint: str | None = None,
    state: dict[str, Any] | None = None,
    prefilter: bool = True,
) -> ImportSummary:
    """Import ``messages`` (``(source_key, raw)`` pairs, in a stable order) from one source.

    ``source_name`` names the source for progress and quarantine (``mbox:/path``,
    ``imap:account/INBOX``). After each batch the key of its last message is saved as the
    source's ``position``; when the messages run out the source is marked complete with
    ``fingerprint`` (how an unchanged source is recognised next time) and ``state``
    (source-specific extras, e.g. an IMAP folder's UIDVALIDITY). ``prefilter=False`` reads
    every message fully. Returns counts of what happened.
    """
    started = time.perf_counter()
    with store.transaction() as tx:
        index = _load_index(tx, owner)
        book = _load_book(tx, owner, index)
    run = _Run()
    batch: list[_Item] = []
    last_key: str | None = None
    for key, raw in messages:
        run.read += 1
        last_key = key
        batch.append(_prepare(key, raw, index, prefilter))
        if len(batch) >= batch_size:
            _flush(store, owner, source_name, batch, index, book, reader, clock, run, last_key)
            batch = []
            if progress is not None:
                progress(run.read, last_key)
    _flush(
        store,
        owner,
        source_name,
        batch,
        index,
        book,
        reader,
        clock,
        run,
        last_key,
        completed=True,
        fingerprint=fingerprint,
        state=state,
    )
    if progress is not None and last_key is not None:
        progress(run.read, last_key)
    if run.new:
        store.refresh_statistics()
    return ImportSummary(
        source=source_name,
        read=run.read,
        new=run.new,
        already_seen=run.already_seen,
        job_mail=dict(sorted(run.job_mail.items())),
        proposals=run.proposals,
        quarantined=run.quarantined,
        prefiltered=run.prefiltered,
        held_back=run.held_back,
        seconds=round(time.perf_counter() - started, 3),
    )


def _prepare(key: str, raw: bytes, index: MatchIndex, prefilter: bool) -> _Item:
    """Parse one message as far as needed, outside any transaction."""
    digest = hashlib.sha256(raw).hexdigest()
    item = _Item(key, digest, len(raw))
    try:
        if prefilter and not may_be_job_mail(raw):
            head = parse_headers(raw, content_hash=digest)
            if not any(mid in index.threads for mid in head.thread_ids):
                item.parsed = head
                return item
        item.parsed = parse_message(raw)
        item.full = True
        item.bulk = is_bulk_mail(raw)
    except MalformedMessage as exc:
        item.reason = exc.reason
    return item


def _flush(
    store: Store,
    owner: Owner,
    source_name: str,
    batch: list[_Item],
    index: MatchIndex,
    book: CompanyBook,
    reader: MailReader,
    clock: Clock,
    run: _Run,
    last_key: str | None,
    *,
    completed: bool = False,
    fingerprint: str | None = None,
    state: dict[str, Any] | None = None,
) -> None:
    now = clock.now()
    with store.transaction() as tx:
        known = tx.mail.known_keys(owner.id, (i.dedupe_key for i in batch if i.parsed))
        readings = _read_batch(batch, known, reader, book)
        plain: list[dict[str, Any]] = []
        for item in batch:
            if item.parsed is None:
                tx.mail.quarantine(
                    owner.id,
                    {
                        "source": source_name,
                        "source_key": item.key,
                        "reason": item.reason or "unreadable",
                        "content_hash": item.digest,
                        "size": item.size,
                        "quarantined_at": now,
                    },
                )
                run.quarantined += 1
                continue
            dedupe = item.dedupe_key
            if dedupe in known:
                run.already_seen += 1
                continue
            known.add(dedupe)
            run.new += 1
            row = _row(item, source_name, now)
            if not item.full:
                run.prefiltered += 1
                plain.append(row)
                continue
            reading = readings[id(item)]
            if reading.label is EmailLabel.OTHER:
                plain.append(row | _reading_columns(reading))
                continue
            if item.bulk and reading.confidence < BULK_MIN_CONFIDENCE:
                held = {"read_as": reading.label.value, "held_back": "bulk mail, not sure enough"}
                plain.append(row | _reading_columns(reading) | {"label": "other", "details": held})
                continue
            run.job_mail[reading.label.value] += 1
            made = _store_job_mail(tx, owner, item.parsed, row, reading, index, clock)
            if made is None:
                run.held_back += 1
            else:
                run.proposals += made
        tx.mail.insert_messages(owner.id, plain)
        if last_key is not None or completed:
            tx.mail.save_progress(
                owner.id,
                source_name,
                now,
                position=last_key,
                read=len(batch),
                completed=completed,
                fingerprint=fingerprint,
                state=state,
            )


def _read_batch(
    batch: list[_Item], known: set[str], reader: MailReader, book: CompanyBook
) -> dict[int, EmailReading]:
    """Read the new, fully parsed messages of a batch, then give each the company name the
    mailbox knows (``onward.understand.mailbox``): the tracker, the stored job mail and the
    job mail of the whole batch are learnt first, so a message can use what a later one
    spells out. Mail read as *other* is resolved too, but never learnt from."""
    fresh: list[tuple[_Item, EmailReading]] = []
    seen: set[str] = set()
    for item in batch:
        if item.parsed is None or not item.full:
            continue
        dedupe = item.dedupe_key
        if dedupe in known or dedupe in seen:
            continue
        seen.add(dedupe)
        reading = reader.read(item.parsed.to_email_text())
        fresh.append((item, reading))
        if reading.label is not EmailLabel.OTHER:
            book.learn(item.parsed.sender, reading.company)
    out: dict[int, EmailReading] = {}
    for item, reading in fresh:
        assert item.parsed is not None
        company = book.resolve(item.parsed.sender, reading.company)
        if company != reading.company:
            reading = replace(reading, company=company, company_read=reading.company)
        out[id(item)] = reading
    return out


def _row(item: _Item, source_name: str, now: Any) -> dict[str, Any]:
    parsed = item.parsed
    assert parsed is not None
    return {
        "dedupe_key": item.dedupe_key[:600],
        "message_id": parsed.message_id[:600] if parsed.message_id else None,
        "content_hash": item.digest,
        "source": source_name[:1000],
        "source_key": item.key[:1000],
        "subject": parsed.subject,
        "sender_name": parsed.sender_name[:300],
        "sender_address": parsed.sender_address[:320],
        "sent_at": parsed.date,
        "thread_ids": list(parsed.thread_ids[:50]),
        "text": None,
        "label": EmailLabel.OTHER.value,
        "confidence": 1.0,
        "evidence": [],
        "details": {},
        "prefiltered": not item.full,
        "application_id": None,
        "imported_at": now,
    }


def _reading_columns(reading: EmailReading) -> dict[str, Any]:
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


def _store_job_mail(
    tx: Tx,
    owner: Owner,
    parsed: ParsedMessage,
    row: dict[str, Any],
    reading: EmailReading,
    index: MatchIndex,
    clock: Clock,
) -> int | None:
    """Store one job message with its proposals; returns how many were made, or None when
    it was held back (it names no company or role and belongs to nothing known: a friend's
    "are you free for a video call?" is not an interview to track)."""
    if reading.company:
        reading = replace(reading, company=index.canonical_name(reading.company))
    match = index.match(reading, parsed.thread_ids, parsed.sender_address)
    if match.pending_create is not None and not match.role and reading.role:
        # the new application was proposed from mail that named no role: this one names it
        tx.mail.name_pending_role(owner.id, match.pending_create, reading.role)
        index.name_role(match.pending_create, reading.role)
    fallback = company_from_domain(parsed.sender_address).title() or None
    app_id = match.application.id if match.application else None
    details = details_of(reading) | {"match": match.how}
    if match.note:
        details["match_note"] = match.note
    unknown = match.application is None and match.pending_create is None
    if unknown and not (reading.company or fallback or reading.role):
        details["held_back"] = "names no company or role"
        tx.mail.insert_message(
            owner.id,
            row | _reading_columns(reading) | {"text": parsed.text, "details": details},
        )
        return None
    drafts = propose(reading, match, _received_on(parsed, clock), fallback_company=fallback)
    message_id = tx.mail.insert_message(
        owner.id,
        row
        | _reading_columns(reading)
        | {"text": parsed.text, "details": details, "application_id": app_id},
    )
    if message_id is None:  # stored meanwhile (cannot happen within one run; be safe)
        return 0
    create_id = match.pending_create
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
            index.remember_pending(
                PendingCreate(
                    proposal_id,
                    payload.get("company") or "",
                    payload.get("role"),
                    payload.get("job_ref"),
                )
            )
    index.remember_thread(parsed.message_id, ThreadLink(app_id, None if app_id else create_id))
    return len(drafts)


def _received_on(parsed: ParsedMessage, clock: Clock) -> date:
    today = clock.today()
    if parsed.date is None:
        return today
    local = parsed.date.astimezone(clock.now().tzinfo).date()
    return min(local, today)


def _load_index(tx: Tx, owner: Owner) -> MatchIndex:
    emails: dict[int, set[str]] = {}
    names: dict[int, set[str]] = {}
    for app_id, email, name in tx.mail.contact_keys(owner.id):
        if email:
            emails.setdefault(app_id, set()).add(email.lower())
        names.setdefault(app_id, set()).add(name.casefold())
    apps = [
        AppCandidate(
            id=r["id"],
            company=r["company"],
            role=r["role"],
            job_ref=r["job_ref"],
            stage=Stage(r["stage"]),
            reached=Stage(r["reached"]),
            contact_emails=frozenset(emails.get(r["id"], ())),
            contact_names=frozenset(names.get(r["id"], ())),
        )
        for r in tx.mail.application_rows(owner.id)
    ]
    pending: list[PendingCreate] = []
    create_of_message: dict[int, int] = {}
    for p in tx.mail.pending_unlinked(owner.id):
        payload = p["payload"] or {}
        if p["kind"] == ProposalKind.CREATE_APPLICATION.value:
            pending.append(
                PendingCreate(
                    p["id"],
                    payload.get("company") or "",
                    payload.get("role"),
                    payload.get("job_ref"),
                )
            )
            create_of_message.setdefault(p["mail_message_id"], p["id"])
        elif isinstance(payload.get("create_proposal"), int):
            create_of_message.setdefault(p["mail_message_id"], payload["create_proposal"])
    threads = {
        mid: ThreadLink(app_id, None if app_id else create_of_message.get(stored))
        for mid, app_id, stored in tx.mail.job_threads(owner.id)
    }
    return MatchIndex(apps, pending, threads, tx.mail.aliases(owner.id))


def _load_book(tx: Tx, owner: Owner, index: MatchIndex) -> CompanyBook:
    """The company names the person tracks and the stored job mail has read."""
    book = CompanyBook()
    for app in index.applications:
        book.pin(app.company)
    for m in tx.mail.job_messages(owner.id):
        details = m["details"] or {}
        name, address = m["sender_name"] or "", m["sender_address"] or ""
        sender = f"{name} <{address}>" if name and address else address or name
        book.learn(sender, details.get("company_read", details.get("company")))
    return book
