"""Storage of mail in: messages, quarantine, import progress, proposals, aliases, examples.

Inserts that may repeat after a crash (messages, quarantine entries) use the database's
"insert, or do nothing on conflict", so a rerun can never store a row twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Insert, Table, func, select, update
from sqlalchemy.dialects import postgresql, sqlite

from onward.db import tables as t
from onward.db.mail_rows import (
    ApplicationKeys,
    ExampleRow,
    MessageRow,
    ProposalRow,
    QuarantineRow,
    QueuedProposal,
)
from onward.db.mail_tables import (
    company_aliases,
    mail_examples,
    mail_import_progress,
    mail_messages,
    mail_proposals,
    mail_quarantine,
)
from onward.db.meta import record
from onward.db.repo import Repo, matching

__all__ = ["ImportProgressRow", "MailRepo"]

_CHUNK = 500  # keys per IN (...) query


@dataclass(frozen=True)
class ImportProgressRow:
    source: str
    position: str | None
    fingerprint: str | None
    state: dict[str, Any]
    messages: int
    started_at: datetime
    updated_at: datetime
    completed_at: datetime | None


def _insert_ignoring(conn: Connection, table: Table, keys: Sequence[str]) -> Insert:
    if conn.dialect.name == "postgresql":
        return postgresql.insert(table).on_conflict_do_nothing(index_elements=list(keys))
    return sqlite.insert(table).on_conflict_do_nothing(index_elements=list(keys))


class MailRepo(Repo):
    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """A part of the transaction that an error undoes alone (then raised on)."""
        with self.conn.begin_nested():
            yield

    # -- messages ---------------------------------------------------------------------
    def known_keys(self, owner_id: int, keys: Iterable[str]) -> set[str]:
        wanted = list(dict.fromkeys(keys))
        found: set[str] = set()
        c = mail_messages.c
        for i in range(0, len(wanted), _CHUNK):
            rows = self.conn.execute(
                select(c.dedupe_key).where(
                    c.owner_id == owner_id, c.dedupe_key.in_(wanted[i : i + _CHUNK])
                )
            )
            found.update(row[0] for row in rows)
        return found

    def insert_messages(self, owner_id: int, rows: list[dict[str, Any]]) -> None:
        """Insert many messages; any already stored (same dedupe key) are left as they are."""
        if rows:
            stmt = _insert_ignoring(self.conn, mail_messages, ["owner_id", "dedupe_key"])
            self.conn.execute(stmt, [row | {"owner_id": owner_id} for row in rows])

    def insert_message(self, owner_id: int, row: dict[str, Any]) -> int | None:
        """Insert one message and return its id, or None when it was stored already."""
        stmt = _insert_ignoring(self.conn, mail_messages, ["owner_id", "dedupe_key"])
        # parameters bound separately: one compiled statement for every message
        result = self.conn.execute(
            stmt.returning(mail_messages.c.id), row | {"owner_id": owner_id}
        ).first()
        return None if result is None else int(result[0])

    def get_message(self, owner_id: int, message_id: int) -> MessageRow | None:
        row = self.conn.execute(
            select(mail_messages).where(
                mail_messages.c.owner_id == owner_id, mail_messages.c.id == message_id
            )
        ).first()
        return None if row is None else record(MessageRow, row)

    def job_messages(self, owner_id: int, label: str | None = None) -> list[MessageRow]:
        """Stored job mail (any label but other), newest first, without the text."""
        m = mail_messages.c
        columns = [c for c in mail_messages.c if c.name not in ("text", "html")]
        query = select(*columns).where(m.owner_id == owner_id, m.label != "other")
        if label:
            query = query.where(m.label == label)
        query = query.order_by(m.sent_at.is_(None), m.sent_at.desc(), m.id.desc())
        return [record(MessageRow, row) for row in self.conn.execute(query)]

    def application_messages(self, owner_id: int, app_id: int, limit: int = 50) -> list[MessageRow]:
        """The job mail linked to one application, newest first, with its text."""
        m = mail_messages.c
        query = (
            select(mail_messages)
            .where(m.owner_id == owner_id, m.application_id == app_id, m.label != "other")
            .order_by(m.sent_at.is_(None), m.sent_at.desc(), m.id.desc())
            .limit(limit)
        )
        return [record(MessageRow, row) for row in self.conn.execute(query)]

    def link_messages(self, owner_id: int, message_ids: Iterable[int], app_id: int) -> None:
        ids = list(message_ids)
        if ids:
            self.conn.execute(
                update(mail_messages)
                .where(mail_messages.c.owner_id == owner_id, mail_messages.c.id.in_(ids))
                .values(application_id=app_id)
            )

    def job_threads(self, owner_id: int) -> list[tuple[str, int | None, int, int | None]]:
        """(Message-ID, application id, stored id, the pending new application it matched)
        of the job mail stored so far."""
        m = mail_messages.c
        rows = self.conn.execute(
            select(m.message_id, m.application_id, m.id, m.details)
            .where(m.owner_id == owner_id, m.label != "other", m.message_id.is_not(None))
            .order_by(m.id)
        )
        out: list[tuple[str, int | None, int, int | None]] = []
        for r in rows:
            waits = (r[3] or {}).get("pending_create")
            out.append((str(r[0]), r[1], int(r[2]), waits if isinstance(waits, int) else None))
        return out

    def message_ids_from(self, owner_id: int, addresses: Iterable[str]) -> set[str]:
        """The Message-IDs of the stored mail sent from ``addresses`` (lower case)."""
        wanted = sorted(set(addresses))
        if not wanted:
            return set()
        m = mail_messages.c
        rows = self.conn.execute(
            select(m.message_id).where(
                m.owner_id == owner_id,
                m.message_id.is_not(None),
                func.lower(m.sender_address).in_(wanted),
            )
        )
        return {str(r[0]) for r in rows}

    def proposal_senders(self, owner_id: int) -> set[str]:
        """The addresses (lower case) of stored mail that proposed a change to the tracker
        which was not dismissed: the people who have written about the person's jobs."""
        m, p = mail_messages.c, mail_proposals.c
        rows = self.conn.execute(
            select(func.lower(m.sender_address))
            .distinct()
            .join(mail_proposals, p.mail_message_id == m.id)
            .where(m.owner_id == owner_id, p.status != "dismissed", m.sender_address != "")
        )
        return {str(r[0]) for r in rows}

    def learnt_companies(self, owner_id: int) -> list[tuple[str, str, str]]:
        """(sender name, address, company read) of the mail read as job mail, in the order
        it was stored: what the import's company book learnt."""
        m = mail_messages.c
        rows = self.conn.execute(
            select(m.sender_name, m.sender_address, m.learnt_company)
            .where(m.owner_id == owner_id, m.learnt_company.is_not(None))
            .order_by(m.id)
        )
        return [(str(r[0]), str(r[1]), str(r[2])) for r in rows]

    def keep_html(self, owner_id: int, message_id: int, html: str) -> None:
        """Store a message's cleaned HTML (cleaned on first view, for older mail)."""
        self.update_owned(mail_messages, owner_id, message_id, html=html)

    def count_messages(self, owner_id: int) -> int:
        return int(
            self.conn.execute(
                select(func.count()).where(mail_messages.c.owner_id == owner_id)
            ).scalar_one()
        )

    # -- quarantine -------------------------------------------------------------------
    def quarantine(self, owner_id: int, row: dict[str, Any]) -> None:
        stmt = _insert_ignoring(self.conn, mail_quarantine, ["owner_id", "source", "source_key"])
        self.conn.execute(stmt, row | {"owner_id": owner_id})

    def quarantined(self, owner_id: int, limit: int | None = None) -> list[QuarantineRow]:
        query = (
            select(mail_quarantine)
            .where(mail_quarantine.c.owner_id == owner_id)
            .order_by(mail_quarantine.c.id)
            .limit(limit)
        )
        return [record(QuarantineRow, row) for row in self.conn.execute(query)]

    # -- import progress ------------------------------------------------------------
    def progress(self, owner_id: int, source: str) -> ImportProgressRow | None:
        c = mail_import_progress.c
        row = self.conn.execute(
            select(mail_import_progress).where(c.owner_id == owner_id, c.source == source)
        ).first()
        if row is None:
            return None
        return ImportProgressRow(
            row.source,
            row.position,
            row.fingerprint,
            dict(row.state or {}),
            row.messages,
            row.started_at,
            row.updated_at,
            row.completed_at,
        )

    def unfinished_sources(self, owner_id: int) -> list[tuple[str, int, datetime]]:
        """Sources whose last import stopped before the end: (source, messages, updated_at),
        most recent first."""
        c = mail_import_progress.c
        rows = self.conn.execute(
            select(c.source, c.messages, c.updated_at)
            .where(c.owner_id == owner_id, c.completed_at.is_(None))
            .order_by(c.updated_at.desc())
        )
        return [(r.source, r.messages, r.updated_at) for r in rows]

    def save_progress(
        self,
        owner_id: int,
        source: str,
        now: datetime,
        *,
        position: str | None,
        read: int,
        completed: bool = False,
        fingerprint: str | None = None,
        state: dict[str, Any] | None = None,
    ) -> None:
        """Record how far ``source`` has been read; ``read`` is added to its message count."""
        c = mail_import_progress.c
        current = self.progress(owner_id, source)
        values: dict[str, Any] = {"position": position, "updated_at": now}
        if completed:
            values |= {"completed_at": now, "fingerprint": fingerprint}
        if state is not None:
            values["state"] = state
        if current is None:
            self.conn.execute(
                mail_import_progress.insert().values(
                    owner_id=owner_id,
                    source=source,
                    messages=read,
                    started_at=now,
                    state=state or {},
                    **{k: v for k, v in values.items() if k != "state"},
                )
            )
            return
        if not completed and current.completed_at is not None:
            values["completed_at"] = None  # a new run is under way
        self.conn.execute(
            update(mail_import_progress)
            .where(c.owner_id == owner_id, c.source == source)
            .values(**values, messages=c.messages + read)
        )

    # -- proposals ----------------------------------------------------------------------
    def insert_proposal(self, owner_id: int, row: dict[str, Any]) -> int:
        key = self.conn.execute(
            mail_proposals.insert(), row | {"owner_id": owner_id}
        ).inserted_primary_key
        assert key is not None
        return int(key[0])

    def pending_unlinked(self, owner_id: int) -> list[ProposalRow]:
        """Pending proposals for an application that does not exist yet."""
        p = mail_proposals.c
        rows = self.conn.execute(
            select(mail_proposals)
            .where(p.owner_id == owner_id, p.status == "pending", p.application_id.is_(None))
            .order_by(p.id)
        )
        return [record(ProposalRow, row) for row in rows]

    def proposals(
        self,
        owner_id: int,
        *,
        statuses: Sequence[str] = (),
        ids: Sequence[int] = (),
        limit: int | None = None,
    ) -> list[QueuedProposal]:
        """Proposals with their message's subject, sender and date, oldest first."""
        p, m = mail_proposals.c, mail_messages.c
        query = (
            select(
                mail_proposals,
                m.subject,
                m.sender_name,
                m.sender_address,
                m.sent_at,
                m.evidence,
                m.label,
            )
            .join(mail_messages, m.id == p.mail_message_id)
            .where(p.owner_id == owner_id)
            .order_by(m.sent_at.is_(None), m.sent_at, p.id)
            .limit(limit)
        )
        query = query.where(*matching(mail_proposals, status=list(statuses), id=list(ids)))
        return [
            record(QueuedProposal, row, proposal=record(ProposalRow, row))
            for row in self.conn.execute(query)
        ]

    def count_proposals(self, owner_id: int, status: str) -> int:
        p = mail_proposals.c
        return int(
            self.conn.execute(
                select(func.count()).where(p.owner_id == owner_id, p.status == status)
            ).scalar_one()
        )

    def decide_proposal(self, owner_id: int, proposal_id: int, **values: Any) -> None:
        p = mail_proposals.c
        self.conn.execute(
            update(mail_proposals)
            .where(p.owner_id == owner_id, p.id == proposal_id)
            .values(**values)
        )

    def name_pending_role(self, owner_id: int, proposal_id: int, role: str) -> None:
        """Give a pending proposal that has no role one (named by a later email)."""
        p = mail_proposals.c
        row = self.conn.execute(
            select(p.payload, p.proposed).where(
                p.owner_id == owner_id, p.id == proposal_id, p.status == "pending"
            )
        ).one_or_none()
        if row is None or (row.payload or {}).get("role"):
            return
        self.decide_proposal(
            owner_id,
            proposal_id,
            payload={**(row.payload or {}), "role": role},
            proposed={**(row.proposed or {}), "role": role},
        )

    def proposals_of_message(self, owner_id: int, message_id: int) -> list[ProposalRow]:
        p = mail_proposals.c
        rows = self.conn.execute(
            select(mail_proposals)
            .where(p.owner_id == owner_id, p.mail_message_id == message_id)
            .order_by(p.id)
        )
        return [record(ProposalRow, row) for row in rows]

    def dependents(self, owner_id: int, create_id: int) -> list[ProposalRow]:
        """Pending proposals waiting on the create-application proposal ``create_id``."""
        p = mail_proposals.c
        rows = self.conn.execute(
            select(mail_proposals).where(
                p.owner_id == owner_id, p.status == "pending", p.application_id.is_(None)
            )
        )
        return [
            record(ProposalRow, r)
            for r in rows
            if (r.payload or {}).get("create_proposal") == create_id
        ]

    # -- aliases and examples -----------------------------------------------------------
    def aliases(self, owner_id: int) -> dict[str, str]:
        c = company_aliases.c
        rows = self.conn.execute(select(c.alias, c.company).where(c.owner_id == owner_id))
        return {r.alias: r.company for r in rows}

    def save_alias(self, owner_id: int, alias: str, company: str, now: datetime) -> None:
        c = company_aliases.c
        done = self.conn.execute(
            update(company_aliases)
            .where(c.owner_id == owner_id, c.alias == alias)
            .values(company=company)
        )
        if not done.rowcount:
            self.conn.execute(
                company_aliases.insert().values(
                    owner_id=owner_id, alias=alias, company=company, created_at=now
                )
            )

    def save_example(self, owner_id: int, row: dict[str, Any]) -> None:
        """The person's reading of one message (a later decision replaces an earlier one)."""
        c = mail_examples.c
        done = self.conn.execute(
            update(mail_examples)
            .where(c.owner_id == owner_id, c.mail_message_id == row["mail_message_id"])
            .values(**{k: v for k, v in row.items() if k != "created_at"})
        )
        if not done.rowcount:
            self.conn.execute(mail_examples.insert().values(**row, owner_id=owner_id))

    def examples(self, owner_id: int) -> list[ExampleRow]:
        rows = self.conn.execute(
            select(mail_examples)
            .where(mail_examples.c.owner_id == owner_id)
            .order_by(mail_examples.c.id)
        )
        return [record(ExampleRow, row) for row in rows]

    # -- applications, as matching sees them ----------------------------------------
    def application_rows(self, owner_id: int) -> list[ApplicationKeys]:
        a = t.applications.c
        rows = self.conn.execute(
            select(a.id, a.company, a.role, a.job_ref, a.stage, a.reached).where(
                a.owner_id == owner_id, a.archived_at.is_(None)
            )
        )
        return [record(ApplicationKeys, row) for row in rows]

    def contact_keys(self, owner_id: int) -> list[tuple[int, str | None, str]]:
        """(application id, contact email, contact name) for every linked contact."""
        ac, c = t.application_contacts.c, t.contacts.c
        rows = self.conn.execute(
            select(ac.application_id, c.email, c.name)
            .join(t.contacts, c.id == ac.contact_id)
            .where(c.owner_id == owner_id)
        )
        return [(int(r[0]), r[1], str(r[2])) for r in rows]
