"""What first or large imports found, kept for the summary card on Today until dismissed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import exists, select, update

from onward.db.mail_tables import mail_summaries as f
from onward.db.meta import values
from onward.db.repo import Repo
from onward.domain.mail import MailSummary


@dataclass(frozen=True)
class MailSummaryRow:
    id: int
    source: str
    summary: MailSummary
    created_at: datetime


class MailSummaryRepo(Repo):
    def any(self, owner_id: int) -> bool:
        """Whether an import of this owner's ever earned the card."""
        return bool(self.conn.execute(select(exists().where(f.c.owner_id == owner_id))).scalar())

    def insert(self, owner_id: int, source: str, found: MailSummary, now: datetime) -> int:
        return self.insert_owned(
            f,
            owner_id,
            source=source,
            **values(found, "applications", "rejections", "interviews", "offers", "since"),
            created_at=now,
        )

    def latest_open(self, owner_id: int) -> MailSummaryRow | None:
        """The newest summary not dismissed yet."""
        row = self.conn.execute(
            select(f)
            .where(f.c.owner_id == owner_id, f.c.dismissed_at.is_(None))
            .order_by(f.c.id.desc())
            .limit(1)
        ).first()
        if row is None:
            return None
        found = MailSummary(row.applications, row.rejections, row.interviews, row.offers, row.since)
        return MailSummaryRow(row.id, row.source, found, row.created_at)

    def dismiss(self, owner_id: int, summary_id: int, now: datetime) -> bool:
        """Dismiss the card of this summary; False when there is no such card."""
        done = self.conn.execute(
            update(f)
            .where(f.c.owner_id == owner_id, f.c.id == summary_id, f.c.dismissed_at.is_(None))
            .values(dismissed_at=now)
        )
        return bool(done.rowcount)
