"""What the review page reads at scale: the queue's proposals in light rows (for totals,
filters, groups and pages), what tells a known sender from a stranger, and the senders and
lists the person said send no job mail. A constant number of queries however long the queue."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Text, cast, delete, func, select, type_coerce

from onward.db import tables as t
from onward.db.mail_tables import mail_examples, mail_messages, mail_proposals, not_job_senders
from onward.db.meta import record
from onward.db.repo import Repo, matching

__all__ = ["KnownRows", "NotJobRow", "QueueRow", "ReviewQueueRepo"]


@dataclass(frozen=True, slots=True)
class QueueRow:
    """One proposal as the queue sorts, filters and groups it: no message text, and of its
    payload only the company, the role and the new application it waits for (read by the
    database, so thousands of rows cost no JSON decoding here)."""

    id: int
    mail_message_id: int
    kind: str
    status: str
    confidence: float
    application_id: int | None
    company: str | None
    role: str | None
    create_proposal: int | None
    sender_address: str
    threads_json: str | None  # the message's thread ids, as stored ("[]" for none)
    message_id: str | None

    @property
    def thread_ids(self) -> list[str]:
        text = self.threads_json
        if not text or text == "[]":
            return []
        found = json.loads(text)
        return [str(x) for x in found] if isinstance(found, list) else []


@dataclass(frozen=True)
class KnownRows:
    """Who the person has dealt with about a job: the senders of mail linked to an
    application (with that mail's ids), contacts of applications, and the Message-IDs of
    job threads (linked mail, and mail the person sent)."""

    linked: list[tuple[int, str, str | None]]  # (message row id, sender address, Message-ID)
    contacts: set[str]
    sent: set[str]


@dataclass(frozen=True)
class NotJobRow:
    id: int
    kind: str
    value: str
    mail_message_id: int | None
    dismissed: list[int]
    created_at: datetime


class ReviewQueueRepo(Repo):
    def queue_rows(
        self,
        owner_id: int,
        *,
        statuses: Sequence[str] = (),
        kinds: Sequence[str] = (),
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> list[QueueRow]:
        """The queue's proposals in light rows, oldest message first."""
        p, m = mail_proposals.c, mail_messages.c
        payload = type_coerce(p.payload, JSON)
        query = (
            select(
                p.id,
                p.mail_message_id,
                p.kind,
                p.status,
                p.confidence,
                p.application_id,
                payload["company"].as_string(),
                payload["role"].as_string(),
                payload["create_proposal"].as_integer(),
                m.sender_address,
                cast(m.thread_ids, Text),
                m.message_id,
            )
            .join(mail_messages, m.id == p.mail_message_id)
            .where(p.owner_id == owner_id)
            .order_by(m.sent_at.is_(None), m.sent_at, p.mail_message_id, p.id)
        )
        query = query.where(*matching(mail_proposals, status=list(statuses), kind=list(kinds)))
        if since is not None:
            query = query.where(m.sent_at >= since)
        if until is not None:
            query = query.where(m.sent_at < until)
        rows: Iterable[tuple[Any, ...]] = self.conn.execute(query)
        return [QueueRow(*row) for row in rows]

    def status_counts(self, owner_id: int) -> dict[str, int]:
        p = mail_proposals.c
        rows = self.conn.execute(
            select(p.status, func.count()).where(p.owner_id == owner_id).group_by(p.status)
        )
        return {str(r[0]): int(r[1]) for r in rows}

    def known_rows(self, owner_id: int, own_address: str | None) -> KnownRows:
        m = mail_messages.c
        linked = [
            (int(r[0]), str(r[1] or "").lower(), r[2])
            for r in self.conn.execute(
                select(m.id, m.sender_address, m.message_id).where(
                    m.owner_id == owner_id, m.application_id.is_not(None)
                )
            )
        ]
        ac, c = t.application_contacts.c, t.contacts.c
        contacts = {
            str(r[0]).lower()
            for r in self.conn.execute(
                select(c.email)
                .join(t.application_contacts, ac.contact_id == c.id)
                .where(c.owner_id == owner_id, c.email.is_not(None))
            )
        }
        sent: set[str] = set()
        if own_address:
            sent = {
                str(r[0])
                for r in self.conn.execute(
                    select(m.message_id).where(
                        m.owner_id == owner_id,
                        func.lower(m.sender_address) == own_address.lower(),
                        m.message_id.is_not(None),
                    )
                )
            }
        return KnownRows(linked, contacts, sent)

    # -- not job mail ---------------------------------------------------------------------
    def not_job_senders(self, owner_id: int) -> list[NotJobRow]:
        c = not_job_senders.c
        rows = self.conn.execute(
            select(not_job_senders).where(c.owner_id == owner_id).order_by(c.id.desc())
        )
        return [record(NotJobRow, r) for r in rows]

    def add_not_job_sender(self, owner_id: int, row: dict[str, Any]) -> bool:
        """Remember one sender or list; False when it is remembered already."""
        c = not_job_senders.c
        found = self.conn.execute(
            select(c.id).where(
                c.owner_id == owner_id, c.kind == row["kind"], c.value == row["value"]
            )
        ).first()
        if found is not None:
            return False
        self.conn.execute(not_job_senders.insert().values(**row, owner_id=owner_id))
        return True

    def forget_not_job_senders(self, owner_id: int, ids: Sequence[int]) -> None:
        c = not_job_senders.c
        self.conn.execute(
            delete(not_job_senders).where(c.owner_id == owner_id, c.id.in_(list(ids)))
        )

    def pending_from(
        self, owner_id: int, address: str | None, mailing_list: str | None
    ) -> list[int]:
        """Proposals still waiting whose email came from ``address`` (any capitals) or on
        ``mailing_list``, oldest first."""
        if not address and not mailing_list:
            return []
        p, m = mail_proposals.c, mail_messages.c
        rows = self.conn.execute(
            select(p.id, m.sender_address, m.details)
            .join(mail_messages, m.id == p.mail_message_id)
            .where(p.owner_id == owner_id, p.status == "pending")
            .order_by(p.id)
        )
        wanted = address.lower() if address else None
        return [
            int(pid)
            for pid, sender, details in rows
            if (wanted and sender.lower() == wanted)
            or (mailing_list and (details or {}).get("list_id") == mailing_list)
        ]

    def proposal_statuses(self, owner_id: int, ids: Iterable[int]) -> dict[int, str]:
        p = mail_proposals.c
        rows = self.conn.execute(
            select(p.id, p.status).where(p.owner_id == owner_id, p.id.in_(list(ids)))
        )
        return {int(i): str(status) for i, status in rows}

    def forget_example(self, owner_id: int, message_id: int) -> None:
        c = mail_examples.c
        self.conn.execute(
            delete(mail_examples).where(c.owner_id == owner_id, c.mail_message_id == message_id)
        )
