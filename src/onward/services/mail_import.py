"""Importing mail: store each message once, read the job mail, queue proposals for review.

A ``MailImport`` is source-agnostic: files (``import_path``) and IMAP sync both hand it
``(source_key, raw bytes)`` pairs. It ``prepare``s each message outside any transaction,
``flush``es a batch in one transaction and ``store``s each message of it. What it guarantees:

- **Idempotent.** A message is stored once per person, recognised by its Message-ID, or by
  the SHA-256 of its bytes when it has none. Importing the same mail again (or the same
  message from two folders) adds nothing and proposes nothing twice.
- **Crash-safe.** Messages are committed in batches, each batch in one transaction with the
  source's progress (the key of its last message). Killed mid-import, a rerun resumes after
  the last committed batch (an mbox seeks straight there) and the uncommitted batch is read
  again: nothing is lost and, thanks to the unique dedupe key, nothing is doubled.
- **Resumable to the same result.** What the import learns as it goes (the company names
  the reader read, the threads and the new applications waiting in the queue) is stored
  with each message and learnt again, in the same order, by a resumed import
  (``onward.services.mail_rows``): proposals after any number of kills are those of an
  uninterrupted import.
- **Never stopped by one message.** Whatever goes wrong with one message (it cannot be
  parsed, the reader fails on it, the database refuses it) quarantines that message with
  the reason (once per source and key) and the import goes on. A database error in a batch
  undoes the batch to a savepoint and stores it again message by message, so one bad row
  never loses its neighbours.
- **Fast.** Mail that plainly is not about a job (``onward.mail.prefilter``) is stored from
  its headers alone, without the full parse or the reader; replies in a known job thread
  always get the full read. Only job mail keeps its text and its HTML (cleaned once, here,
  by ``onward.mail.safe_html``: the evidence page shows the stored version).

Nothing in the tracker changes during an import: job mail becomes proposals (create an
application, move a stage, log a rejection, add a contact, schedule an interview) that the
person accepts, edits or dismisses in the review queue (``onward.services.review``).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from onward.clock import Clock
from onward.db.store import Store, Tx
from onward.domain.emails import Correspondence, EmailLabel, EmailReading
from onward.domain.mail import ImportSummary
from onward.domain.records import Owner
from onward.domain.review import list_key
from onward.mail.parse import ParsedMessage, parse_headers, parse_message
from onward.mail.prefilter import is_bulk_mail, may_be_job_mail
from onward.mail.sources import envelope_of
from onward.services.mail_import_parts import (
    BATCH_SIZE,
    BULK_MIN_CONFIDENCE,
    ImportCounts,
    ImportOptions,
    MailReader,
    Prepared,
    ProgressCallback,
    describe,
    kept_html_of,
    sender_name_of,
)
from onward.services.mail_job import received_on, store_job_mail
from onward.services.mail_rows import (
    details_of,
    escaped,
    load_book,
    load_index,
    message_row,
    reading_columns,
)
from onward.services.mail_summaries import keep_mail_summary
from onward.services.not_job_mail import not_job_keys

if TYPE_CHECKING:
    from onward.db.mail import ImportProgressRow

__all__ = [
    "BATCH_SIZE",
    "ImportOptions",
    "MailImport",
    "MailReader",
    "ProgressCallback",
    "details_of",
    "get_import_progress",
    "import_messages",
]


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
    options: ImportOptions | None = None,
) -> ImportSummary:
    """Import ``messages`` (``(source_key, raw)`` pairs, in a stable order) from the source
    named ``source_name`` (``mbox:/path``, ``imap:account/INBOX``)."""
    job = MailImport(store, owner, source_name, reader, clock, options or ImportOptions())
    return job.run(messages)


class MailImport:
    """One import of one source: ``run`` prepares each message, then flushes each batch."""

    def __init__(
        self,
        store: Store,
        owner: Owner,
        source: str,
        reader: MailReader,
        clock: Clock,
        options: ImportOptions,
    ) -> None:
        self.store_, self.owner, self.source = store, owner, source
        self.reader, self.clock, self.options = reader, clock, options
        with store.transaction() as tx:
            self.index = load_index(tx, owner)
            self.book = load_book(tx, owner, self.index)
            self.not_job = not_job_keys(tx, owner)
            accounts = tx.mail_accounts.query(owner.id)
            named = [*options.own_addresses]
            named += [x for a in accounts for x in (a.fields.address, a.fields.username)]
            self.own = {a.strip().lower() for a in named if "@" in a}
            #: Message-IDs of the mail the person sent: replies to them are in their threads.
            self.own_ids = tx.mail.message_ids_from(owner.id, self.own)
            #: Addresses that wrote about the person's jobs (grows as the import reads).
            self.job_senders = tx.mail.proposal_senders(owner.id) - self.not_job.addresses
            saved = tx.owner_settings.values(owner.id).get("sender_name")
        self.person = options.person_name or (saved if isinstance(saved, str) else "")
        #: The addresses of the contacts of the person's applications.
        self.contacts = {e for app in self.index.applications for e in app.contact_emails}
        self.counts = ImportCounts()

    def run(self, messages: Iterable[tuple[str, bytes]]) -> ImportSummary:
        """Import every message; the source's progress is saved with each batch."""
        started = time.perf_counter()
        progress = self.options.progress
        batch: list[Prepared] = []
        last_key: str | None = None
        for key, raw in messages:
            self.counts.read += 1
            last_key = key
            batch.append(self.prepare(key, raw))
            if len(batch) >= self.options.batch_size:
                self.flush(batch, last_key)
                batch = []
                if progress is not None:
                    progress(self.counts.read, last_key)
        self.flush(batch, last_key, completed=True)
        if progress is not None and last_key is not None:
            progress(self.counts.read, last_key)
        if self.counts.new:
            self.store_.refresh_statistics()
        keep_mail_summary(self.store_, self.owner, self.source, self.counts.found, self.clock)
        return self._summary(time.perf_counter() - started)

    def _summary(self, seconds: float) -> ImportSummary:
        c = self.counts
        return ImportSummary(
            source=self.source,
            read=c.read,
            new=c.new,
            already_seen=c.already_seen,
            job_mail=dict(sorted(c.job_mail.items())),
            proposals=c.proposals,
            quarantined=c.quarantined,
            prefiltered=c.prefiltered,
            held_back=c.held_back,
            seconds=round(seconds, 3),
            found=c.found,
        )

    # -- one message, outside any transaction ---------------------------------------------
    def prepare(self, key: str, raw: bytes) -> Prepared:
        """Parse one message as far as needed; whatever fails is its quarantine reason."""
        digest = hashlib.sha256(raw).hexdigest()
        item = Prepared(key, digest, len(raw))
        envelope = envelope_of(raw)
        try:
            if self.options.prefilter and not may_be_job_mail(raw):
                head = parse_headers(raw, content_hash=digest, envelope=envelope)
                self._note_own(head)
                if not any(mid in self.index.threads for mid in head.thread_ids):
                    item.parsed = head
                    return item
            item.parsed = parse_message(raw, envelope=envelope)
            self._note_own(item.parsed)
            item.full = True
            item.bulk = is_bulk_mail(raw)
            item.raw = raw
        except Exception as exc:  # whatever fails on one message quarantines it
            item.parsed, item.reason = None, describe(exc)
        return item

    # -- one batch, in one transaction ------------------------------------------------------
    def flush(self, batch: list[Prepared], last_key: str | None, completed: bool = False) -> None:
        """Store a batch with the source's progress, in one transaction. A database error
        undoes the batch to a savepoint; it is then stored message by message."""
        now = self.clock.now()
        with self.store_.transaction() as tx:
            # A write first: SQLite is then in a real transaction before the savepoint.
            if last_key is not None or completed:
                tx.mail.save_progress(
                    self.owner.id,
                    self.source,
                    now,
                    position=None if last_key is None else escaped(last_key),
                    read=len(batch),
                    completed=completed,
                    fingerprint=self.options.fingerprint,
                    state=self.options.state,
                )
            counts = ImportCounts()
            try:
                with tx.mail.savepoint():
                    self._store_batch(tx, batch, now, counts)
            except Exception:  # retried one by one: each error quarantines its message
                self.index = load_index(tx, self.owner)  # forget what the batch taught
                self.book = load_book(tx, self.owner, self.index)
                counts = ImportCounts()
                self._store_one_by_one(tx, batch, now, counts)
        self.counts.add(counts)

    def _store_batch(
        self, tx: Tx, batch: list[Prepared], now: datetime, counts: ImportCounts
    ) -> None:
        parsed = [i for i in batch if i.parsed is not None]
        known = tx.mail.known_keys(self.owner.id, (i.dedupe_key for i in parsed))
        readings = self._read(batch, known)
        plain: list[dict[str, Any]] = []
        for item in batch:
            self.store(tx, item, readings, known, now, counts, plain)
        tx.mail.insert_messages(self.owner.id, plain)

    def _store_one_by_one(
        self, tx: Tx, batch: list[Prepared], now: datetime, counts: ImportCounts
    ) -> None:
        known: set[str] = set()
        for item in batch:
            if item.parsed is None:
                continue
            try:
                with tx.mail.savepoint():
                    known |= tx.mail.known_keys(self.owner.id, [item.dedupe_key])
            except Exception as exc:
                item.parsed, item.reason = None, describe(exc)
        readings = self._read(batch, known)
        for item in batch:
            plain: list[dict[str, Any]] = []
            mark = ImportCounts()
            try:
                with tx.mail.savepoint():
                    self.store(tx, item, readings, known, now, mark, plain)
                    tx.mail.insert_messages(self.owner.id, plain)
            except Exception as exc:
                if item.parsed is not None:
                    known.discard(item.dedupe_key)
                item.parsed, item.reason = None, describe(exc)
                mark = ImportCounts(quarantined=1)
                try:
                    with tx.mail.savepoint():
                        self._quarantine(tx, item, now)
                except Exception:  # counted; nothing more can be kept of it
                    pass
            counts.add(mark)

    def _read(self, batch: list[Prepared], known: set[str]) -> dict[int, EmailReading | str]:
        """Read the new, fully parsed messages of a batch, then give each the company name
        the mailbox knows (``onward.understand.mailbox``): the tracker, the stored job mail
        and the job mail of the whole batch are learnt first, so a message can use what a
        later one spells out. Mail read as *other* is resolved too, but never learnt from.
        A message the reader fails on gets the reason (a string) instead of a reading."""
        fresh: list[tuple[Prepared, EmailReading]] = []
        out: dict[int, EmailReading | str] = {}
        seen: set[str] = set()
        for item in batch:
            if item.parsed is None or not item.full:
                continue
            if item.dedupe_key in known or item.dedupe_key in seen:
                continue
            seen.add(item.dedupe_key)
            try:
                email = item.parsed.to_email_text()
                email = replace(email, correspondence=self._known(item.parsed))
                reading = self.reader.read(email, self.person)
            except Exception as exc:
                out[id(item)] = describe(exc)
                continue
            fresh.append((item, reading))
            if reading.label is not EmailLabel.OTHER:
                item.learnt = reading.company or ""
                self.book.learn(sender_name_of(item.parsed), reading.company)
                self._note_job_sender(item)
        for item, reading in fresh:
            out[id(item)] = self._resolved(item, reading)
        return out

    def _note_job_sender(self, item: Prepared) -> None:
        """A sender whose mail was read as job mail, not bulk and not one the person said
        sends no job mail, has written about their jobs: the reader weighs their next mail."""
        assert item.parsed is not None
        address = item.parsed.sender_address.strip().lower()
        if address and not item.bulk and address not in self.not_job.addresses:
            self.job_senders.add(address)

    def _note_own(self, parsed: ParsedMessage) -> None:
        if parsed.message_id and parsed.sender_address.strip().lower() in self.own:
            self.own_ids.add(parsed.message_id)

    def _known(self, parsed: ParsedMessage) -> Correspondence:
        """What the person's own mail and tracker say about a message (for the reader's
        job-mail gate): sent by them, in a thread they wrote in, linked to an application, or
        from someone who wrote about their jobs before."""
        address = parsed.sender_address.strip().lower()
        ids = parsed.thread_ids
        linked = any(
            (link := self.index.threads.get(mid)) is not None
            and (link.application_id is not None or link.pending_create is not None)
            for mid in ids
        ) or (bool(address) and address in self.contacts)
        return Correspondence(
            sent_by_person=bool(address) and address in self.own,
            answers_person=any(mid in self.own_ids for mid in ids),
            linked=linked,
            wrote_before=bool(address) and address in self.job_senders,
        )

    def _resolved(self, item: Prepared, reading: EmailReading) -> EmailReading | str:
        assert item.parsed is not None
        try:
            company = self.book.resolve(sender_name_of(item.parsed), reading.company)
        except Exception as exc:
            return describe(exc)
        if company == reading.company:
            return reading
        return replace(reading, company=company, company_read=reading.company)

    # -- one message, in the batch's transaction ----------------------------------------------
    def store(
        self,
        tx: Tx,
        item: Prepared,
        readings: dict[int, EmailReading | str],
        known: set[str],
        now: datetime,
        counts: ImportCounts,
        plain: list[dict[str, Any]],
    ) -> None:
        """Store one message: quarantined, already seen, plain (added to ``plain``, stored
        with the batch) or job mail with its proposals (stored now, after ``plain``)."""
        found = readings.get(id(item)) if item.parsed is not None else None
        if isinstance(found, str):  # the reader failed on it
            item.parsed, item.reason = None, found
        reading = found if isinstance(found, EmailReading) else None
        if item.parsed is None:
            self._quarantine(tx, item, now)
            counts.quarantined += 1
            return
        if item.dedupe_key in known:
            counts.already_seen += 1
            return
        known.add(item.dedupe_key)
        counts.new += 1
        where = (self.source, item.key)
        row = message_row(item.parsed, item.dedupe_key, item.digest, where, now, full=item.full)
        if reading is None:
            counts.prefiltered += 1
            plain.append(row)
            return
        row |= reading_columns(reading)
        if reading.label is EmailLabel.OTHER:
            plain.append(row)
            return
        row["learnt_company"] = item.learnt
        if item.bulk and reading.confidence < BULK_MIN_CONFIDENCE:
            held = {"read_as": reading.label.value, "held_back": "bulk mail, not sure enough"}
            plain.append(row | {"label": "other", "details": held})
            return
        taught = self.not_job.covers(item.parsed.sender_address, list_key(item.parsed.list_headers))
        if taught:  # the person said this sender or list sends no job mail
            plain.append(row | {"label": "other", "details": {"read_as": reading.label.value,
                                                               "held_back": taught}})  # fmt: skip
            counts.held_back += 1
            return
        counts.job_mail[reading.label.value] += 1
        tx.mail.insert_messages(self.owner.id, plain)  # stored in the order they came
        plain.clear()
        row |= {"text": item.parsed.text, "html": kept_html_of(item.raw)}
        made = store_job_mail(tx, self.owner, item.parsed, row, reading, self.index, self.clock)
        if made is None:
            counts.held_back += 1
        else:
            counts.proposals += len(made)
            counts.found = counts.found.adding(made, received_on(item.parsed, self.clock))

    def _quarantine(self, tx: Tx, item: Prepared, now: datetime) -> None:
        tx.mail.quarantine(
            self.owner.id,
            {
                "source": escaped(self.source),
                "source_key": escaped(item.key),
                "reason": item.reason or "unreadable",
                "content_hash": item.digest,
                "size": item.size,
                "quarantined_at": now,
            },
        )
