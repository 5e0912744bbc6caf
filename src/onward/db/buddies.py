"""Buddies in storage: your own card (name, salt, public key), your buddies' cards, and the
weekly summaries they sent."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, select

from onward.db.practice_tables import buddies, buddy_selves, buddy_weeks
from onward.db.repo import Repo


class BuddyRepo(Repo):
    def me(self, owner_id: int) -> tuple[str, str, str] | None:
        """Your (name, salt as hex, public key), once you made a card."""
        row = self.conn.execute(
            select(buddy_selves.c.name, buddy_selves.c.salt, buddy_selves.c.public_key).where(
                buddy_selves.c.owner_id == owner_id
            )
        ).first()
        return (row.name, row.salt, row.public_key) if row else None

    def set_me(self, owner_id: int, name: str, salt: str, key: str, now: datetime) -> None:
        self.conn.execute(delete(buddy_selves).where(buddy_selves.c.owner_id == owner_id))
        values = {"name": name, "salt": salt, "public_key": key, "created_at": now}
        self.insert_owned(buddy_selves, owner_id, **values)

    def add(self, owner_id: int, name: str, key: str, now: datetime) -> int:
        values = {"name": name, "public_key": key, "created_at": now}
        return self.insert_owned(buddies, owner_id, **values)

    def all(self, owner_id: int) -> list[tuple[int, str, str]]:
        """Every buddy: (id, name, public key)."""
        rows = self.conn.execute(
            select(buddies.c.id, buddies.c.name, buddies.c.public_key)
            .where(buddies.c.owner_id == owner_id)
            .order_by(buddies.c.name, buddies.c.id)
        )
        return [(row.id, row.name, row.public_key) for row in rows]

    def keep_week(
        self, owner_id: int, buddy_id: int, summary: dict[str, Any], now: datetime
    ) -> None:
        """Keep a buddy's week, replacing an earlier copy of the same week."""
        week = summary["week_start"]
        self.conn.execute(
            delete(buddy_weeks).where(
                buddy_weeks.c.buddy_id == buddy_id,
                buddy_weeks.c.week_start == datetime.fromisoformat(week).date(),
            )
        )
        self.insert_owned(
            buddy_weeks,
            owner_id,
            buddy_id=buddy_id,
            week_start=datetime.fromisoformat(week).date(),
            summary=summary,
            imported_at=now,
        )

    def latest_weeks(self, owner_id: int) -> dict[int, dict[str, Any]]:
        """Each buddy's latest week, by buddy id."""
        rows = self.conn.execute(
            select(buddy_weeks.c.buddy_id, buddy_weeks.c.summary)
            .where(buddy_weeks.c.owner_id == owner_id)
            .order_by(buddy_weeks.c.week_start)
        )
        return {row.buddy_id: row.summary for row in rows}
