"""Staying connected: contacts due a check-in, and when to apply to a company again."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

from onward.db import tables as t
from onward.db.contacts import ContactRepo, _contact
from onward.db.meta import values
from onward.db.playbook_tables import companies
from onward.db.repo import Repo
from onward.db.types import lowered
from onward.domain.records import Contact


@dataclass(frozen=True)
class CompanyNote:
    """A company and the date from which it is worth applying again."""

    name: str
    reapply_after: date | None
    notes: str | None


class CheckinRepo(Repo):
    def checkins_due(
        self, owner_id: int, until: date, limit: int | None = None
    ) -> tuple[list[Contact], int]:
        """The first ``limit`` contacts (all without one) with a check-in on or before
        ``until``, soonest first, and how many there are in all (two queries)."""
        c = t.contacts.c
        rows = self.conn.execute(
            select(t.contacts, func.count().over())
            .where(
                c.owner_id == owner_id, c.next_checkin_on.is_not(None), c.next_checkin_on <= until
            )
            .order_by(c.next_checkin_on, func.lower(c.name), c.id)
            .limit(limit)
        ).all()
        links = ContactRepo(self.conn)._links([r.id for r in rows])
        total = int(rows[0][-1]) if rows else 0
        return [_contact(r, links.get(r.id, ())) for r in rows], total

    def company(self, owner_id: int, name: str) -> CompanyNote | None:
        """The company called ``name``, whatever its capitals."""
        row = self.conn.execute(
            select(companies).where(
                companies.c.owner_id == owner_id,
                lowered(companies.c.name) == name.lower(),
            )
        ).first()
        if row is None:
            return None
        return CompanyNote(row.name, row.reapply_after, row.notes)

    def save_company(self, owner_id: int, note: CompanyNote, now: datetime) -> None:
        """Insert, or update the row whose name matches case-insensitively (its spelling stays)."""
        self.update_or_insert(
            companies,
            [companies.c.owner_id == owner_id, lowered(companies.c.name) == note.name.lower()],
            {**values(note, "reapply_after", "notes"), "updated_at": now},
            owner_id=owner_id,
            name=note.name,
        )

    def reapply_dates(self, owner_id: int) -> list[CompanyNote]:
        """Companies with a reapply date, soonest first."""
        rows = self.conn.execute(
            select(companies)
            .where(companies.c.owner_id == owner_id, companies.c.reapply_after.is_not(None))
            .order_by(companies.c.reapply_after, func.lower(companies.c.name))
        )
        return [CompanyNote(r.name, r.reapply_after, r.notes) for r in rows]
