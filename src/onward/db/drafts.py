"""Drafts kept for the person to edit and send from their own mail program."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Row, Select, func, select

from onward.db.meta import record
from onward.db.playbook_tables import drafts
from onward.db.repo import Repo, matching
from onward.domain.drafts import DraftKind
from onward.domain.playbook.stored import DraftStatus, SavedDraft


class DraftRepo(Repo):
    def insert(
        self,
        owner_id: int,
        *,
        application_id: int | None,
        contact_id: int | None,
        kind: DraftKind,
        to: str | None,
        subject: str,
        body: str,
        now: datetime,
    ) -> int:
        return self.insert_owned(
            drafts,
            owner_id,
            application_id=application_id,
            contact_id=contact_id,
            kind=kind.value,
            to_addr=to,
            subject=subject,
            body=body,
            status=DraftStatus.DRAFT.value,
            created_at=now,
            updated_at=now,
        )

    def get(self, owner_id: int, draft_id: int) -> SavedDraft | None:
        return self.owned(drafts, owner_id, draft_id, _draft)

    def query(
        self,
        owner_id: int,
        *,
        statuses: Sequence[DraftStatus] = (),
        application_id: int | None = None,
        kinds: Sequence[DraftKind] = (),
        limit: int | None = None,
    ) -> list[SavedDraft]:
        stmt = _filtered(select(drafts), owner_id, statuses, application_id, kinds)
        stmt = stmt.order_by(drafts.c.created_at, drafts.c.id)
        if limit is not None:
            stmt = stmt.limit(limit)
        return self.read_all(stmt, _draft)

    def count(self, owner_id: int, *, statuses: Sequence[DraftStatus] = ()) -> int:
        stmt = _filtered(select(func.count()).select_from(drafts), owner_id, statuses, None, ())
        return int(self.conn.execute(stmt).scalar_one())

    def update_text(
        self,
        owner_id: int,
        draft_id: int,
        *,
        subject: str,
        body: str,
        to: str | None,
        now: datetime,
    ) -> None:
        self.update_owned(
            drafts, owner_id, draft_id, subject=subject, body=body, to_addr=to, updated_at=now
        )

    def set_status(
        self,
        owner_id: int,
        draft_id: int,
        status: DraftStatus,
        *,
        sent_at: datetime | None,
        now: datetime,
    ) -> None:
        self.update_owned(
            drafts, owner_id, draft_id, status=status.value, sent_at=sent_at, updated_at=now
        )


def _filtered(
    stmt: Select[Any],
    owner_id: int,
    statuses: Sequence[DraftStatus],
    application_id: int | None,
    kinds: Sequence[DraftKind],
) -> Select[Any]:
    wanted = matching(drafts, status=statuses, application_id=application_id, kind=kinds)
    return stmt.where(drafts.c.owner_id == owner_id, *wanted)


def _draft(row: Row[Any]) -> SavedDraft:
    return record(SavedDraft, row, to=row.to_addr)
